// The schema, compiled once per process. ajv reports against the published
// schemas/program.schema.json, so the editor's YAML extension and this check
// read the same rules.
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
// Plain import (the package is CommonJS): tsx loads it and esbuild inlines it.
import schema from '../../../../schemas/program.schema.json';
import { isCalendarDate } from '../dates.js';

/** The schema's own id and duration patterns: a failed `pattern` names which definition it was. */
export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]*$';
export const DURATION_PATTERN = '^[0-9]+(\\.[0-9]+)?[dw]$';

export interface Validators {
  readonly root: ValidateFunction;
  readonly fragment: ValidateFunction;
}

let validators: Validators | null | undefined;

/** The root-file and fragment validators; null when the schema does not compile (then nothing is checked). */
export function getValidators(): Validators | null {
  if (validators !== undefined) return validators;
  try {
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false, // the top-level `if: {required: [program]}` names a key it does not define
      logger: false,
      // Editor annotations that the YAML/JSON language services read.
      keywords: ['markdownDescription', 'defaultSnippets', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage', 'errorMessage'],
    });
    ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
    ajv.addSchema(schema as object, 'program');
    const root = ajv.getSchema('program#/$defs/root');
    const fragment = ajv.getSchema('program#/$defs/fragment');
    validators = root && fragment ? { root, fragment } : null;
  } catch {
    validators = null;
  }
  return validators;
}
