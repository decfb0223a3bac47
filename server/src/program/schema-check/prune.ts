// Which of ajv's errors become findings. With `allErrors`, ajv reports every
// branch of every `anyOf`/`oneOf` and the summaries of `if` and
// `propertyNames`; a user needs one message per problem.
import type { ErrorObject } from 'ajv';
import { keyIntent } from '../intent-hints.js';

/** Drops summaries (`if`, `propertyNames`) and the branch errors under a reported `anyOf`/`oneOf`. */
export function prune(errors: readonly ErrorObject[]): ErrorObject[] {
  // instancePath -> schemaPaths of the anyOf/oneOf errors reported there.
  const combinators = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const list = combinators.get(e.instancePath) ?? [];
    list.push(`${e.schemaPath}/`);
    combinators.set(e.instancePath, list);
  }
  return errors.filter((e) => {
    if (e.keyword === 'if' || e.keyword === 'propertyNames') return false;
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || combinators.size === 0) return true;
    // Is this error inside a reported combinator at its own path or an ancestor's?
    let path = e.instancePath;
    for (;;) {
      if (combinators.get(path)?.some((prefix) => e.schemaPath.startsWith(prefix))) return false;
      if (path === '') return true;
      path = path.slice(0, path.lastIndexOf('/'));
    }
  });
}

/**
 * "Needs a `date`/`duration`" where an unknown key says the user wrote one
 * under another name (`deadline:`, `days:`): the unknown key's message names
 * the fix, so the "missing" one would only repeat it.
 */
export function renamedRequirement(errors: readonly ErrorObject[]): Set<string> {
  const paths = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const key = String((e.params as Record<string, unknown>)['additionalProperty']);
    const meant = keyIntent('milestone', key)?.replacement ?? keyIntent('task', key)?.replacement;
    if (meant === 'date' || meant === 'depends_on' || meant === 'duration') paths.add(e.instancePath);
  }
  return paths;
}
