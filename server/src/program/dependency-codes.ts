// Dependency types as the small integers that typed-array networks store. The
// leveller (level-sgs.ts) and the forecast (forecast/network.ts) share these
// codes, so a network compiled for one reads the same in the other.
import type { DependencyType } from './types.js';

export const DEP_FS = 0;
export const DEP_SS = 1;
export const DEP_FF = 2;

export function dependencyCode(type: DependencyType): number {
  return type === 'SS' ? DEP_SS : type === 'FF' ? DEP_FF : DEP_FS;
}
