// Findings about one value: not the allowed constant or one of the allowed
// values, the wrong type or form (with the id, date and duration definitions
// named by their own codes), out of its range, listed twice, too short.
import { closestMatches } from '../suggest.js';
import type { Finding, Site } from './finding.js';
import {
  capitalize, clip, dateMessage, describeValue, didYouMean, durationMessage, expectedType, idMessage, ITEM_SHAPES, rangeText, shown,
} from './phrasing.js';
import { fieldName, ownItem, subject } from './subject.js';
import { DURATION_PATTERN, ID_PATTERN } from './validators.js';
import { valueAnchor, walk } from './yaml-place.js';

/** The special code for a value checked against the id, date or duration definitions, if any. */
function specialValueCode(ps: Record<string, unknown>): 'invalid-id' | 'invalid-date' | 'invalid-duration' | undefined {
  if (ps['format'] === 'date') return 'invalid-date';
  if (ps['pattern'] === ID_PATTERN) return 'invalid-id';
  if (ps['pattern'] === DURATION_PATTERN) return 'invalid-duration';
  return undefined;
}

/** `const`: `version` other than 1, or another fixed value. */
export function notTheConstant(s: Site): Finding {
  const span = valueAnchor(s.doc, s.here);
  if (s.base.length === 1 && s.base[0] === 'version') {
    return {
      code: 'unsupported-version',
      span,
      message: `Unsupported format version ${shown(s.data)}: this version of Program as Code reads \`version: 1\`.`,
    };
  }
  return { code: 'invalid-value', span, message: `${capitalize(subject(s.ctx))} must be \`${String(s.params['allowedValue'])}\`.` };
}

/** `enum`: not one of the allowed values (undefined for an empty value: the `type` error says it better). */
export function notAllowedValue(s: Site): Finding | undefined {
  const { base, data, ctx } = s;
  if ((data === null || data === undefined) && s.ps['type'] !== undefined) return undefined;
  const span = valueAnchor(s.doc, s.here);
  const allowed = Array.isArray(s.params['allowedValues']) ? s.params['allowedValues'].map(String) : [];
  const suggestions = typeof data === 'string' || typeof data === 'number' ? closestMatches(String(data), allowed) : [];
  const f = fieldName(base);
  let what: string;
  if (f && base[base.length - 2] === 'raci') what = `RACI value ${shown(data)} for \`${clip(f.field)}\` in ${s.where}`;
  else if (f && f.field === 'workdays') what = `workday ${shown(data)}`;
  else if (f) {
    const owner = ctx.items[0];
    const kind = owner && owner.depth === base.length - 1 && owner.depth > 0 ? `${owner.kind} ` : '';
    what = `${kind}${f.field.replace(/_/g, ' ')} ${shown(data)}${kind ? '' : ` in ${s.where}`}`;
  } else what = `value ${shown(data)}`;
  return {
    code: 'invalid-value',
    span,
    message: `Unknown ${what}. Allowed: ${allowed.join(', ')}.${didYouMean(suggestions)}`,
    data: { suggestions },
  };
}

/** `type`, `pattern`, `format`: a value of the wrong kind, or not written as an id, date or duration. */
export function wrongForm(s: Site): Finding {
  const { base, data, ctx, ps, params } = s;
  const span = valueAnchor(s.doc, s.here);
  const special = specialValueCode(ps);
  if (data !== null && data !== undefined && special) {
    if (special === 'invalid-date') return { code: special, span, message: dateMessage(data) };
    if (special === 'invalid-duration') return { code: special, span, message: durationMessage(data, fieldName(base)?.field) };
    return { code: special, span, message: idMessage(data) };
  }
  if (s.error.keyword !== 'type') {
    return { code: 'invalid-value', span, message: `${capitalize(subject(ctx))} is ${shown(data)}, which is not allowed: ${s.error.message ?? 'invalid'}.` };
  }
  const owner = ownItem(ctx, base);
  if (owner) {
    const shape = ITEM_SHAPES[owner.kind];
    if (shape) return { code: 'wrong-type', span, message: `${shape}, not ${describeValue(data)}.` };
    if (params['type'] === 'object') {
      return { code: 'wrong-type', span, message: `A ${owner.kind} is a map of \`key: value\` (\`id: …\`, …), not ${describeValue(data)}.` };
    }
  }
  if (base.length === 0) {
    return {
      code: 'wrong-type',
      span,
      message: `A program file is a map of sections (\`version: 1\`, ${s.isRoot ? '`program:`, ' : ''}\`workstreams:\`, …), not ${describeValue(data)}.`,
    };
  }
  if (params['type'] === 'integer' && typeof data === 'number') {
    return { code: 'out-of-range', span, message: `${capitalize(subject(ctx))} must be ${rangeText(ps)}, not \`${data}\`.` };
  }
  if (data === null || data === undefined) {
    const expected = Array.isArray(ps['enum']) ? `one of ${ps['enum'].map(String).join(', ')}` : expectedType(params['type']);
    return { code: 'wrong-type', span, message: `${capitalize(subject(ctx))} is empty: expected ${expected}${special === 'invalid-date' ? ' (a date, YYYY-MM-DD)' : special === 'invalid-duration' ? ' (a duration like `10d`)' : special === 'invalid-id' ? ' (an id)' : ''}.` };
  }
  // One id where a list of ids goes (`assignees: alice`): show the list.
  const asList = params['type'] === 'array' && typeof data === 'string' && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(data) ? ` Write \`[${clip(data)}]\`.` : '';
  return { code: 'wrong-type', span, message: `${capitalize(subject(ctx))} should be ${expectedType(params['type'])}, not ${describeValue(data)}.${asList}` };
}

/** `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`. */
export function outOfRange(s: Site): Finding {
  return { code: 'out-of-range', span: valueAnchor(s.doc, s.here), message: `${capitalize(subject(s.ctx))} must be ${rangeText(s.ps)}; ${shown(s.data)} is out of range.` };
}

/** `uniqueItems`: on the later of the two equal items. */
export function listedTwice(s: Site): Finding {
  const i = Number(s.params['i']);
  const j = Number(s.params['j']);
  const dup = String(Math.max(i, j));
  const itemSteps = walk(s.doc, [...s.base, dup]);
  const span = itemSteps.length === s.base.length + 2 ? valueAnchor(s.doc, itemSteps[itemSteps.length - 1]) : valueAnchor(s.doc, s.here);
  const item = Array.isArray(s.data) ? s.data[Number(dup)] : undefined;
  return { code: 'invalid-value', span, message: `${shown(item)} is listed twice in ${subject(s.ctx)}.` };
}

/** `minItems`. */
export function tooFewItems(s: Site): Finding {
  const limit = s.params['limit'];
  return { code: 'invalid-value', span: valueAnchor(s.doc, s.here), message: `${capitalize(subject(s.ctx))} needs at least ${String(limit)} item${limit === 1 ? '' : 's'}.` };
}

/** `minLength`. */
export function emptyText(s: Site): Finding {
  return { code: 'invalid-value', span: valueAnchor(s.doc, s.here), message: `${capitalize(subject(s.ctx))} cannot be empty.` };
}

/** Any other keyword: ajv's own words. */
export function otherProblem(s: Site): Finding {
  return { code: 'invalid-value', span: valueAnchor(s.doc, s.here), message: `${capitalize(subject(s.ctx))}: ${s.error.message ?? 'invalid value'}.` };
}
