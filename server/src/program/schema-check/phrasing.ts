// The words of the schema check's messages: how a value is shown, what type
// was expected, a range, "did you mean", and the messages for ids, dates and
// durations (which first ask intent-hints.ts what the user likely meant).
import { dateIntent, durationIntent } from '../intent-hints.js';

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** User text on one line, at most `max` characters (a hostile 1 MB value must not make a 1 MB message). */
export function clip(s: string, max = 40): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** A value as a message quotes it: `` `x` ``, "a list", "empty". */
export function shown(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `\`${clip(v)}\``;
  return `\`${String(v)}\``;
}

/** What a value is: "text `x`", "the number `3`", "a map". */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `text \`${clip(v)}\``;
  if (typeof v === 'number') return `the number \`${v}\``;
  if (typeof v === 'boolean') return `\`${v}\``;
  return String(v);
}

/** A JSON Schema `type` (or list of them) in words. */
export function expectedType(t: unknown): string {
  const one = (x: unknown): string => {
    switch (x) {
      case 'string': return 'text';
      case 'number': return 'a number';
      case 'integer': return 'a whole number';
      case 'array': return 'a list';
      case 'object': return 'a map of `key: value`';
      case 'boolean': return '`true` or `false`';
      case 'null': return 'empty';
      default: return String(x);
    }
  };
  return Array.isArray(t) ? t.map(one).join(' or ') : one(t);
}

export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  return ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?`;
}

/** The bounds of a number schema in words: "from 0 to 100", "greater than 0 and at most 1". */
export function rangeText(ps: Record<string, unknown>): string {
  const min = typeof ps['minimum'] === 'number' ? ps['minimum'] : undefined;
  const xmin = typeof ps['exclusiveMinimum'] === 'number' ? ps['exclusiveMinimum'] : undefined;
  const max = typeof ps['maximum'] === 'number' ? ps['maximum'] : undefined;
  const xmax = typeof ps['exclusiveMaximum'] === 'number' ? ps['exclusiveMaximum'] : undefined;
  const whole = ps['type'] === 'integer' ? 'a whole number ' : '';
  if (min !== undefined && max !== undefined) return `${whole}from ${min} to ${max}`;
  const parts: string[] = [];
  if (min !== undefined) parts.push(`at least ${min}`);
  if (xmin !== undefined) parts.push(`greater than ${xmin}`);
  if (max !== undefined) parts.push(`at most ${max}`);
  if (xmax !== undefined) parts.push(`less than ${xmax}`);
  if (parts.length === 0) return whole ? 'a whole number' : 'in range';
  return `${whole}${parts.join(' and ')}`;
}

/** How to write the items that are not a map of their own. */
export const ITEM_SHAPES: Readonly<Record<string, string>> = {
  dependency: 'A dependency is an id or `{ id, type, lag }`',
  holiday: 'A holiday is a date (YYYY-MM-DD) or `{ from, to, name }`',
  'leave entry': 'A leave entry is a date (YYYY-MM-DD) or `{ from, to }`',
};

export function dateMessage(v: unknown): string {
  const intent = dateIntent(v);
  if (intent) return intent;
  return typeof v === 'string'
    ? `\`${clip(v)}\` is not a calendar date (YYYY-MM-DD).`
    : `${capitalize(describeValue(v))} is not a calendar date: write YYYY-MM-DD, e.g. \`2026-01-05\`.`;
}

export function durationMessage(v: unknown, field: string | undefined): string {
  const intent = durationIntent(field, v);
  if (intent) return intent;
  return `${typeof v === 'string' ? `\`${clip(v)}\`` : capitalize(describeValue(v))} is not a duration: write working days as \`10d\` or weeks as \`2w\`.`;
}

export function idMessage(v: unknown): string {
  const what = typeof v === 'string' ? `\`${clip(v)}\`` : capitalize(describeValue(v));
  return `${what} is not a valid id: an id starts with a letter and has only letters, digits, \`_\`, \`.\` and \`-\`.`;
}
