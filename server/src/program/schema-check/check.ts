// Checks one parsed program file against schemas/program.schema.json and turns
// ajv's errors into diagnostics on the narrowest token, one per problem. The
// folder's parts: validators.ts compiles the schema, prune.ts picks the errors
// worth a message, keywords.ts phrases each (key-findings.ts, value-findings.ts,
// with subject.ts for what a path is about and phrasing.ts for the words),
// and yaml-place.ts finds the token to underline.
//
// Codes (all severity 'error'):
//   missing-key          a required key is absent (span: the key whose value is
//                        the map, else the map's first key). data.missingKey.
//   unknown-key          a key the format does not define (span: the key).
//                        Keys starting with `x-` are always allowed.
//                        data.suggestions: close allowed keys.
//   wrong-type           a value of the wrong kind: text where a list belongs,
//                        an empty value, a file that is not a map…
//   invalid-value        not one of the allowed values (enum), a duplicate in a
//                        list that must be unique, an empty list or string
//                        where one is needed. data.suggestions: close values.
//   invalid-date         not a real calendar date written YYYY-MM-DD.
//   invalid-duration     not a duration like `10d` or `2w` (also lag, effort,
//                        schedule_impact).
//   invalid-id           an id (or reference, or raci key) not matching
//                        ^[A-Za-z][A-Za-z0-9_.-]*$.
//   out-of-range         a number outside its bounds (progress 0..100,
//                        0 < capacity <= 1, probability/impact 1..5 whole,
//                        amounts >= 0).
//   duration-and-effort  a task with both `duration` and `effort`, or neither.
//   milestone-needs-date-or-dependencies
//                        a milestone with neither `date` nor `depends_on`.
//   unsupported-version  `version` is not 1.
import type { Document } from 'yaml';
import { diagnostic } from '../diagnostic.js';
import type { Diagnostic } from '../types.js';
import { SCHEMA_CODE_LIST } from './finding.js';
import type { Finding } from './finding.js';
import { findingFor } from './keywords.js';
import { prune, renamedRequirement } from './prune.js';
import { getValidators } from './validators.js';
import { firstToken, nonEmpty } from './yaml-place.js';

/** The codes the schema check emits (all of them errors). */
export const SCHEMA_CODES: readonly string[] = Object.freeze([...SCHEMA_CODE_LIST]);

/** At most this many diagnostics per file: a broken generated file must not flood the editor. */
const MAX_DIAGNOSTICS = 1000;

export function checkSchema(doc: Document.Parsed, value: unknown, uri: string, isRoot: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    const push = (o: Finding): void => {
      out.push(diagnostic(o.code, uri, o.span, o.message, o.data ? { data: o.data } : undefined));
    };
    if (value === null || value === undefined) {
      const first = firstToken(doc, doc.contents);
      push({
        code: 'missing-key',
        span: nonEmpty(first) ? first : { start: 0, end: 0 },
        message: isRoot
          ? 'The file is empty: a root file needs `version: 1` and `program:` (`id`, `name`, `start`).'
          : 'The file is empty: a program file needs at least `version: 1`.',
        data: { missingKey: 'version' },
      });
      return out;
    }
    const v = getValidators();
    const validate = isRoot ? v.root : v.fragment;
    if (validate(value)) return out;
    const errors = prune(validate.errors ?? []);
    const renamed = renamedRequirement(errors);
    const seen = new Map<string, number>();
    for (const e of errors) {
      if (out.length >= MAX_DIAGNOSTICS) break;
      if ((e.keyword === 'anyOf' || e.keyword === 'oneOf') && renamed.has(e.instancePath)) continue;
      let o: Finding | undefined;
      try {
        o = findingFor(doc, value, isRoot, e);
      } catch {
        o = undefined;
      }
      if (!o) continue;
      const key = `${o.span.start}:${o.span.end}:${o.code}`;
      const prev = seen.get(key);
      if (prev !== undefined) {
        const p = out[prev];
        // Two keys missing from the same map: one diagnostic naming both.
        if (p && o.code === 'missing-key' && o.data?.missingKey && !p.message.includes(`\`${o.data.missingKey}\``)) {
          out[prev] = { ...p, message: p.message.replace(/^Missing required keys? (.*?) in /, `Missing required keys $1, \`${o.data.missingKey}\` in `) };
        }
        continue;
      }
      seen.set(key, out.length);
      push(o);
    }
    out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
  } catch {
    // Never throw: return what we have.
  }
  return out;
}
