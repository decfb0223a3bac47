// Where the team's shared folder is: beside this repository (as in CI, which
// clones main with ../shared next to it), or PAC_SHARED when set.
import { resolve } from 'node:path';

export const SHARED_DIR = process.env.PAC_SHARED ?? resolve(__dirname, '../../../shared');
export const APOLLO_DIR = resolve(SHARED_DIR, 'examples/apollo');
