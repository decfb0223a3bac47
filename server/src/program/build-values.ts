// Plain values read from the YAML the way the builder keeps them: durations,
// estimates, and the checks that keep a malformed value out of the model (the
// schema check reports it; the builder only leaves it out).
import type { Document } from 'yaml';
import type { Duration, Estimate, RiskStatus, TaskStatus } from './types.js';
import { asMap, asScalar, nodeSpan, valueOf } from './yaml-nodes.js';
import type { AnyNode } from './yaml-nodes.js';

export const WEEKDAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const DURATION_RE = /^([0-9]+(?:\.[0-9]+)?)([dw])$/;

export function parseDuration(doc: Document, node: AnyNode): Duration | undefined {
  const s = asScalar(doc, node);
  if (!s || typeof s.value !== 'string') return undefined;
  const m = DURATION_RE.exec(s.value.trim());
  const span = nodeSpan(s);
  if (!m || !span) return undefined;
  return { amount: Number(m[1]), unit: m[2] as 'd' | 'w', span };
}

/** `{ optimistic, likely, pessimistic }`, when all three are durations (the schema check reports the rest). */
export function parseEstimate(doc: Document, node: AnyNode): Estimate | undefined {
  const m = asMap(doc, node);
  const span = nodeSpan(m);
  if (!m || !span) return undefined;
  const optimistic = parseDuration(doc, valueOf(m, 'optimistic'));
  const likely = parseDuration(doc, valueOf(m, 'likely'));
  const pessimistic = parseDuration(doc, valueOf(m, 'pessimistic'));
  return optimistic && likely && pessimistic ? { optimistic, likely, pessimistic, span } : undefined;
}

/** `{ [key]: value }` when value is defined, else `{}`: keeps optional fields truly absent. */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** `value` when it is one of `allowed`, else undefined (the schema check reports it). */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export const TASK_STATUSES: readonly TaskStatus[] = ['not-started', 'in-progress', 'blocked', 'done', 'cancelled'];
export const RISK_STATUSES: readonly RiskStatus[] = ['open', 'mitigating', 'accepted', 'occurred', 'closed'];

export function intIn(n: number | undefined, lo: number, hi: number): number | undefined {
  return n !== undefined && Number.isInteger(n) && n >= lo && n <= hi ? n : undefined;
}

export function chanceOf(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

export function nonBlank(s: string | undefined): string | undefined {
  return s !== undefined && s.trim() !== '' ? s : undefined;
}

export function numberToString(n: number | undefined): string | undefined {
  return n === undefined ? undefined : String(n);
}

/** A usable planned cost: a finite number, 0 or more (the schema reports the rest). */
export function costOf(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined;
}
