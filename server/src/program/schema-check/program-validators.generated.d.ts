// The validators scripts/program-validators.mjs generates from the schema at build time.
import type { ValidateFunction } from 'ajv';

export declare const root: ValidateFunction;
export declare const fragment: ValidateFunction;
