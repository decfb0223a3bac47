// Findings about the keys of a map: an unknown key, a missing one, a key of a
// free-keyed map (raci) that is not an id, and the item rules that are about
// which keys an item has (a task's `duration` or `effort`, a milestone's
// `date` or `depends_on`).
import { keyIntent } from '../intent-hints.js';
import { closestMatches } from '../suggest.js';
import type { Finding, Site } from './finding.js';
import { capitalize, clip, didYouMean, idMessage } from './phrasing.js';
import { fieldName, ownItem, ownKind, subject } from './subject.js';
import { keyAnchor, mapAnchor, nthKeyOf, valueAnchor } from './yaml-place.js';

/** A key of a map whose keys are ids (raci) that is not one: propertyNames' inner error. */
export function keyNotAnId(s: Site, key: string): Finding {
  const span = keyAnchor(s.doc, s.exact ? s.here : undefined, key);
  const f = fieldName(s.base);
  const where = `${f ? `\`${f.field}\` in ` : ''}${s.where}`;
  return { code: 'invalid-id', span, message: `${idMessage(key)} (Keys of ${where} are ids.)` };
}

/** `additionalProperties`: a key the format does not define here. */
export function unknownKey(s: Site): Finding {
  const { doc, base, isRoot, here, ps } = s;
  const key = String(s.params['additionalProperty']);
  const span = s.exact ? keyAnchor(doc, here, key) : valueAnchor(doc, here);
  const props = ps['properties'] && typeof ps['properties'] === 'object' ? Object.keys(ps['properties']) : [];
  if (!isRoot && base.length === 0 && (key === 'program' || key === 'calendar' || key === 'include' || key === 'forecast')) {
    const message = key === 'program'
      ? 'A fragment cannot have `program:`: only the root file describes the program.'
      : `\`${key}\` belongs in the root file (the one with \`program:\`), not in a fragment.`;
    return { code: 'unknown-key', span, message };
  }
  if (!isRoot && base.length === 1 && base[0] === 'budget' && key === 'currency') {
    return { code: 'unknown-key', span, message: 'The budget `currency` is set in the root file: a fragment\'s budget holds only `lines`.' };
  }
  const inWhat = base.length === 0 ? 'at the top level of the file' : `in ${s.where}`;
  const intent = keyIntent(ownKind(s.ctx, base), key);
  if (intent) {
    return {
      code: 'unknown-key', span, message: `Unknown key \`${clip(key)}\` ${inWhat}: ${intent.hint}`,
      data: { suggestions: intent.replacement ? [intent.replacement] : [] },
    };
  }
  const suggestions = closestMatches(key, props);
  return {
    code: 'unknown-key',
    span,
    message: `Unknown key \`${clip(key)}\` ${inWhat}.${didYouMean(suggestions)} Keys starting with \`x-\` are free for your own use.`,
    data: { suggestions },
  };
}

/** `required`: a key the map must have. */
export function missingKey(s: Site): Finding {
  const { base } = s;
  const key = String(s.params['missingProperty']);
  const span = s.exact ? mapAnchor(s.doc, s.here) : valueAnchor(s.doc, s.here);
  let message: string;
  if (key === 'version' && base.length === 0) message = 'Missing `version: 1` (the format version) at the top of the file.';
  else if (key === 'program' && base.length === 0) message = 'A root file needs a `program:` section (`id`, `name`, `start`).';
  else message = `Missing required key \`${key}\` in ${s.where}.`;
  return { code: 'missing-key', span, message, data: { missingKey: key } };
}

/** `not`: a task with both `duration` and `effort` (on the second of them), or any other forbidden value. */
export function forbidden(s: Site): Finding {
  const { doc, here } = s;
  if (ownItem(s.ctx, s.base)?.kind === 'task') {
    return {
      code: 'duration-and-effort',
      span: nthKeyOf(doc, here, ['duration', 'effort'], 1) ?? mapAnchor(doc, here),
      message: `${capitalize(s.where)} has both \`duration\` and \`effort\`: keep exactly one (\`duration\` in working days, or \`effort\` in person-days).`,
    };
  }
  return { code: 'invalid-value', span: valueAnchor(doc, here), message: `${capitalize(subject(s.ctx))} is not allowed here.` };
}

/** `anyOf`/`oneOf`: a task without any way to size it, a milestone without a date or dependencies, or no form fits. */
export function noFormFits(s: Site): Finding {
  const kind = ownItem(s.ctx, s.base)?.kind;
  if (kind === 'task') {
    return {
      code: 'duration-and-effort',
      span: mapAnchor(s.doc, s.here),
      message: `${capitalize(s.where)} needs a \`duration\` (working days, e.g. \`10d\`), an \`effort\` (person-days, e.g. \`15d\`) or an \`estimate\` (\`{ optimistic, likely, pessimistic }\`).`,
    };
  }
  if (kind === 'milestone') {
    return {
      code: 'milestone-needs-date-or-dependencies',
      span: mapAnchor(s.doc, s.here),
      message: `${capitalize(s.where)} needs a \`date\`, \`depends_on\`, or both.`,
    };
  }
  return { code: 'invalid-value', span: valueAnchor(s.doc, s.here), message: `${capitalize(subject(s.ctx))} does not match any allowed form.` };
}
