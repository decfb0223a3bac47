// The schema's validators. ajv reports against the published
// schemas/program.schema.json, so the editor's YAML extension and this check
// read the same rules. They are compiled at build time
// (scripts/program-validators.mjs), not at start-up: compiling the schema
// cost every command a few hundred milliseconds.
import type { ValidateFunction } from 'ajv';
import { fragment, root } from './program-validators.generated.js';

/** The schema's own id and duration patterns: a failed `pattern` names which definition it was. */
export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]*$';
export const DURATION_PATTERN = '^[0-9]+(\\.[0-9]+)?[dw]$';

export interface Validators {
  readonly root: ValidateFunction;
  readonly fragment: ValidateFunction;
}

const validators: Validators = { root, fragment };

/** The root-file and fragment validators. */
export function getValidators(): Validators {
  return validators;
}
