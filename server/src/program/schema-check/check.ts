// Checks one parsed program file against schemas/program.schema.json and turns
// ajv's errors into diagnostics on the narrowest token, one per problem.
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
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
// Plain import (the package is CommonJS): tsx loads it and esbuild inlines it.
import schema from '../../../schemas/program.schema.json';
import type { DiagnosticCode } from './codes.js';
import { diagnostic } from './diagnostic.js';
import type { Diagnostic, DiagnosticData, Span } from './types.js';
import { closestMatches } from './suggest.js';
import { dateIntent, durationIntent, keyIntent } from './intent-hints.js';
import { resolveAlias } from './yaml-nodes.js';

const SCHEMA_CODE_LIST = ([
  'missing-key',
  'unknown-key',
  'wrong-type',
  'invalid-value',
  'invalid-date',
  'invalid-duration',
  'invalid-id',
  'out-of-range',
  'duration-and-effort',
  'milestone-needs-date-or-dependencies',
  'unsupported-version',
] as const satisfies readonly DiagnosticCode[]);

type SchemaCode = (typeof SCHEMA_CODE_LIST)[number];

/** The codes the schema check emits (all of them errors). */
export const SCHEMA_CODES: readonly string[] = Object.freeze([...SCHEMA_CODE_LIST]);

const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]*$';
const DURATION_PATTERN = '^[0-9]+(\\.[0-9]+)?[dw]$';
/** At most this many diagnostics per file: a broken generated file must not flood the editor. */
const MAX_DIAGNOSTICS = 1000;

// ---------------------------------------------------------------------------
// Compiling (once per process)

/** True for `YYYY-MM-DD` strings that name a real day of the Gregorian calendar. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

interface Validators {
  readonly root: ValidateFunction;
  readonly fragment: ValidateFunction;
}

let validators: Validators | null | undefined;

function getValidators(): Validators | null {
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

// ---------------------------------------------------------------------------
// JSON pointers and the YAML tree

/** Splits an RFC 6901 JSON pointer (`/a~1b/0`) into its unescaped segments (`['a/b', '0']`). */
export function decodeJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Step {
  /** The node at this step (aliases not resolved), or null for an empty value. */
  readonly node: YamlNode | null;
  /** The key whose value this node is, when the parent is a map. */
  readonly key: YamlNode | null;
}

function resolve(doc: Document.Parsed, node: unknown): unknown {
  if (isAlias(node)) return resolveAlias(doc, node) ?? null;
  return node;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/** The steps from the document's contents down `segs`, as far as the tree goes. */
function walk(doc: Document.Parsed, segs: readonly string[]): Step[] {
  const steps: Step[] = [{ node: (doc.contents as YamlNode | null) ?? null, key: null }];
  for (const seg of segs) {
    const here = resolve(doc, steps[steps.length - 1]?.node);
    if (isMap(here)) {
      const pair = here.items.find((p) => keyText(p.key) === seg);
      if (!pair) break;
      steps.push({ node: (pair.value as YamlNode | null) ?? null, key: (pair.key as YamlNode | null) ?? null });
    } else if (isSeq(here)) {
      const i = /^\d+$/.test(seg) ? Number(seg) : -1;
      const item = here.items[i];
      if (item === undefined) break;
      steps.push({ node: (item as YamlNode | null) ?? null, key: null });
    } else {
      break;
    }
  }
  return steps;
}

function spanOf(node: unknown): Span | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const range = (node as { range?: [number, number, number] | null }).range;
  if (!range) return undefined;
  return { start: range[0], end: range[1] };
}

function nonEmpty(span: Span | undefined): span is Span {
  return span !== undefined && span.end > span.start;
}

/** Where to point for "this map lacks a key": its key, else its first key, else itself. */
function mapAnchor(doc: Document.Parsed, step: Step | undefined): Span {
  if (!step) return { start: 0, end: 0 };
  const keySpan = spanOf(step.key);
  if (nonEmpty(keySpan)) return keySpan;
  const node = resolve(doc, step.node);
  if (isMap(node)) {
    const first = node.items[0];
    const s = spanOf(first?.key);
    if (nonEmpty(s)) return s;
  }
  if (isSeq(node)) {
    const s = firstToken(doc, node.items[0]);
    if (nonEmpty(s)) return s;
  }
  const own = spanOf(step.node);
  if (own && isCollection(step.node) && !step.node.flow) return { start: own.start, end: own.start };
  return own ?? { start: 0, end: 0 };
}

function firstToken(doc: Document.Parsed, node: unknown): Span | undefined {
  const n = resolve(doc, node);
  if (isMap(n)) return spanOf(n.items[0]?.key) ?? spanOf(node);
  if (isSeq(n)) return firstToken(doc, n.items[0]) ?? spanOf(node);
  if (isPair(n)) return spanOf(n.key);
  return spanOf(node);
}

/** Where to point for "this value is wrong": the value, or its key when the value is empty or a block. */
function valueAnchor(doc: Document.Parsed, step: Step | undefined): Span {
  if (!step) return { start: 0, end: 0 };
  const node = step.node;
  const own = spanOf(node);
  if (isCollection(node) && !node.flow) {
    const keySpan = spanOf(step.key);
    if (nonEmpty(keySpan)) return keySpan;
    const first = firstToken(doc, node);
    if (nonEmpty(first)) return first;
  }
  if (nonEmpty(own)) return own;
  const keySpan = spanOf(step.key);
  if (nonEmpty(keySpan)) return keySpan;
  return own ?? { start: 0, end: 0 };
}

function keyAnchor(doc: Document.Parsed, mapStep: Step | undefined, key: string): Span {
  const node = resolve(doc, mapStep?.node);
  if (isMap(node)) {
    const pair = node.items.find((p) => keyText(p.key) === key);
    const s = spanOf(pair?.key);
    if (nonEmpty(s)) return s;
  }
  return mapAnchor(doc, mapStep);
}

// ---------------------------------------------------------------------------
// What a path is about

interface Rule {
  readonly kind: string;
  readonly list?: boolean;
  readonly children?: Readonly<Record<string, Rule>>;
}

const DEPENDENCY: Rule = { kind: 'dependency', list: true };
const RULES: Readonly<Record<string, Rule>> = {
  program: { kind: 'program' },
  calendar: { kind: 'calendar', children: { holidays: { kind: 'holiday', list: true } } },
  people: { kind: 'person', list: true, children: { leave: { kind: 'leave entry', list: true } } },
  teams: { kind: 'team', list: true },
  workstreams: {
    kind: 'workstream',
    list: true,
    children: { tasks: { kind: 'task', list: true, children: { depends_on: DEPENDENCY } } },
  },
  milestones: { kind: 'milestone', list: true, children: { depends_on: DEPENDENCY } },
  risks: { kind: 'risk', list: true },
  budget: { kind: 'budget', children: { lines: { kind: 'budget line', list: true } } },
  stakeholders: { kind: 'stakeholder', list: true },
  kpis: { kind: 'KPI', list: true },
  changes: { kind: 'change', list: true },
};

interface Entity {
  readonly kind: string;
  /** Number of path segments that lead to the entity. */
  readonly depth: number;
  readonly id?: string;
}

interface Context {
  readonly segs: readonly string[];
  /** Innermost first. The file itself is the last. */
  readonly entities: readonly Entity[];
  readonly isRoot: boolean;
}

function valueAt(value: unknown, segs: readonly string[]): unknown {
  let v = value;
  for (const s of segs) {
    if (Array.isArray(v)) v = v[Number(s)];
    else if (v !== null && typeof v === 'object') v = (v as Record<string, unknown>)[s];
    else return undefined;
  }
  return v;
}

function contextOf(segs: readonly string[], value: unknown, isRoot: boolean): Context {
  const found: Entity[] = [];
  let level: Readonly<Record<string, Rule>> | undefined = RULES;
  let i = 0;
  while (i < segs.length && level) {
    const seg = segs[i] as string;
    const rule: Rule | undefined = Object.prototype.hasOwnProperty.call(level, seg) ? level[seg] : undefined;
    if (!rule) break;
    let depth: number;
    if (rule.list) {
      const next = segs[i + 1];
      if (next === undefined || !/^\d+$/.test(next)) break;
      depth = i + 2;
    } else {
      depth = i + 1;
    }
    const v = valueAt(value, segs.slice(0, depth));
    const id = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)['id'] : undefined;
    found.push({ kind: rule.kind, depth, ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}) });
    level = rule.children;
    i = depth;
  }
  found.reverse();
  found.push({ kind: isRoot ? 'root file' : 'fragment', depth: 0 });
  return { segs, entities: found, isRoot };
}

function entityLabel(e: Entity): string {
  if (e.id === undefined) return e.kind;
  // A dependency's `id` names what it depends on, not itself.
  return e.kind === 'dependency' ? `dependency on \`${clip(e.id)}\`` : `${e.kind} \`${clip(e.id)}\``;
}

/** "task `api`", "dependency of task `api`", "the root file". */
function labelAt(ctx: Context, depth: number): string {
  const inner = ctx.entities.filter((e) => e.depth <= depth);
  const first = inner[0];
  if (!first) return 'the file';
  if (first.depth === 0) return `the ${first.kind}`;
  const parent = inner[1];
  if ((first.id === undefined || first.kind === 'dependency') && parent && parent.depth > 0) {
    return `${entityLabel(first)} of ${entityLabel(parent)}`;
  }
  return entityLabel(first);
}

/** The field a value is under, e.g. `status`, or `tags` for an item of `tags`. */
function fieldName(segs: readonly string[]): { field: string; item: boolean } | undefined {
  const last = segs[segs.length - 1];
  if (last === undefined) return undefined;
  if (/^\d+$/.test(last)) {
    const parent = segs[segs.length - 2];
    return parent === undefined ? undefined : { field: parent, item: true };
  }
  return { field: last, item: false };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function clip(s: string, max = 40): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function shown(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `\`${clip(v)}\``;
  return `\`${String(v)}\``;
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `text \`${clip(v)}\``;
  if (typeof v === 'number') return `the number \`${v}\``;
  if (typeof v === 'boolean') return `\`${v}\``;
  return String(v);
}

function expectedType(t: unknown): string {
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

/** "`status` in task `api`", "an item of `tags` in task `api`", "`beta` in the raci of stakeholder `cto`". */
function subject(ctx: Context): string {
  const f = fieldName(ctx.segs);
  const where = labelAt(ctx, ctx.segs.length);
  if (!f) return where;
  const own = ctx.entities[0];
  if (own && own.depth === ctx.segs.length && own.depth > 0) return `a ${where}`;
  if (f.item) return `an item of \`${f.field}\` in ${where}`;
  if (ctx.segs[ctx.segs.length - 2] === 'raci') return `\`${clip(f.field)}\` in the \`raci\` of ${where}`;
  return `\`${f.field}\` in ${where}`;
}

// ---------------------------------------------------------------------------
// Messages

/** The kind of the entity whose own map is at `base` (not an ancestor's). */
function ownKind(ctx: Context, base: readonly string[]): string | undefined {
  const own = ctx.entities[0];
  if (own && own.depth === base.length && own.depth > 0) return own.kind;
  return base.length === 1 && base[0] === 'program' ? 'program' : undefined;
}

/**
 * "Needs a `date`/`duration`" where an unknown key says the user wrote one
 * under another name (`deadline:`, `days:`): the unknown key's message names
 * the fix, so the "missing" one would only repeat it.
 */
function renamedRequirement(errors: readonly ErrorObject[]): Set<string> {
  const paths = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const key = String((e.params as Record<string, unknown>)['additionalProperty']);
    const meant = keyIntent('milestone', key)?.replacement ?? keyIntent('task', key)?.replacement;
    if (meant === 'date' || meant === 'depends_on' || meant === 'duration') paths.add(e.instancePath);
  }
  return paths;
}

type Out = { code: SchemaCode; span: Span; message: string; data?: DiagnosticData };

function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  return ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?`;
}

function rangeText(ps: Record<string, unknown>): string {
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

const ENTITY_SHAPES: Readonly<Record<string, string>> = {
  dependency: 'A dependency is an id or `{ id, type, lag }`',
  holiday: 'A holiday is a date (YYYY-MM-DD) or `{ from, to, name }`',
  'leave entry': 'A leave entry is a date (YYYY-MM-DD) or `{ from, to }`',
};

function dateMessage(v: unknown): string {
  const intent = dateIntent(v);
  if (intent) return intent;
  return typeof v === 'string'
    ? `\`${clip(v)}\` is not a calendar date (YYYY-MM-DD).`
    : `${capitalize(describeValue(v))} is not a calendar date: write YYYY-MM-DD, e.g. \`2026-01-05\`.`;
}

function durationMessage(v: unknown, field: string | undefined): string {
  const intent = durationIntent(field, v);
  if (intent) return intent;
  return `${typeof v === 'string' ? `\`${clip(v)}\`` : capitalize(describeValue(v))} is not a duration: write working days as \`10d\` or weeks as \`2w\`.`;
}

function idMessage(v: unknown): string {
  const what = typeof v === 'string' ? `\`${clip(v)}\`` : capitalize(describeValue(v));
  return `${what} is not a valid id: an id starts with a letter and has only letters, digits, \`_\`, \`.\` and \`-\`.`;
}

/** The special code for a value checked against the id, date or duration definitions, if any. */
function specialValueCode(ps: Record<string, unknown>): 'invalid-id' | 'invalid-date' | 'invalid-duration' | undefined {
  if (ps['format'] === 'date') return 'invalid-date';
  if (ps['pattern'] === ID_PATTERN) return 'invalid-id';
  if (ps['pattern'] === DURATION_PATTERN) return 'invalid-duration';
  return undefined;
}

function convert(doc: Document.Parsed, value: unknown, isRoot: boolean, e: ErrorObject): Out | undefined {
  const base = decodeJsonPointer(e.instancePath);
  const ps = (e.parentSchema ?? {}) as Record<string, unknown>;
  const params = e.params as Record<string, unknown>;
  const data: unknown = e.data;

  // A bad key in a map with free keys (raci): propertyNames' inner error.
  if (typeof e.propertyName === 'string' && e.keyword !== 'propertyNames') {
    const ctx = contextOf(base, value, isRoot);
    const steps = walk(doc, base);
    const span = keyAnchor(doc, steps.length === base.length + 1 ? steps[steps.length - 1] : undefined, e.propertyName);
    const f = fieldName(base);
    const where = `${f ? `\`${f.field}\` in ` : ''}${labelAt(ctx, base.length)}`;
    return { code: 'invalid-id', span, message: `${idMessage(e.propertyName)} (Keys of ${where} are ids.)` };
  }

  const ctx = contextOf(base, value, isRoot);
  const steps = walk(doc, base);
  const exact = steps.length === base.length + 1;
  const here = steps[steps.length - 1];
  const where = labelAt(ctx, base.length);

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const span = exact ? keyAnchor(doc, here, key) : valueAnchor(doc, here);
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
      const inWhat = base.length === 0 ? 'at the top level of the file' : `in ${where}`;
      const intent = keyIntent(ownKind(ctx, base), key);
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
    case 'required': {
      const key = String(params['missingProperty']);
      const span = exact ? mapAnchor(doc, here) : valueAnchor(doc, here);
      let message: string;
      if (key === 'version' && base.length === 0) message = 'Missing `version: 1` (the format version) at the top of the file.';
      else if (key === 'program' && base.length === 0) message = 'A root file needs a `program:` section (`id`, `name`, `start`).';
      else message = `Missing required key \`${key}\` in ${where}.`;
      return { code: 'missing-key', span, message, data: { missingKey: key } };
    }
    case 'const': {
      const span = valueAnchor(doc, here);
      if (base.length === 1 && base[0] === 'version') {
        return {
          code: 'unsupported-version',
          span,
          message: `Unsupported format version ${shown(data)}: this version of Program as Code reads \`version: 1\`.`,
        };
      }
      return { code: 'invalid-value', span, message: `${capitalize(subject(ctx))} must be \`${String(params['allowedValue'])}\`.` };
    }
    case 'enum': {
      // An empty value: the `type` error says it better.
      if ((data === null || data === undefined) && ps['type'] !== undefined) return undefined;
      const span = valueAnchor(doc, here);
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'].map(String) : [];
      const suggestions = typeof data === 'string' || typeof data === 'number' ? closestMatches(String(data), allowed) : [];
      const f = fieldName(base);
      let what: string;
      if (f && base[base.length - 2] === 'raci') what = `RACI value ${shown(data)} for \`${clip(f.field)}\` in ${where}`;
      else if (f && f.field === 'workdays') what = `workday ${shown(data)}`;
      else if (f) {
        const owner = ctx.entities[0];
        const kind = owner && owner.depth === base.length - 1 && owner.depth > 0 ? `${owner.kind} ` : '';
        what = `${kind}${f.field.replace(/_/g, ' ')} ${shown(data)}${kind ? '' : ` in ${where}`}`;
      } else what = `value ${shown(data)}`;
      return {
        code: 'invalid-value',
        span,
        message: `Unknown ${what}. Allowed: ${allowed.join(', ')}.${didYouMean(suggestions)}`,
        data: { suggestions },
      };
    }
    case 'type':
    case 'pattern':
    case 'format': {
      const span = valueAnchor(doc, here);
      const special = specialValueCode(ps);
      if (data !== null && data !== undefined && special) {
        if (special === 'invalid-date') return { code: special, span, message: dateMessage(data) };
        if (special === 'invalid-duration') return { code: special, span, message: durationMessage(data, fieldName(base)?.field) };
        return { code: special, span, message: idMessage(data) };
      }
      if (e.keyword !== 'type') {
        return { code: 'invalid-value', span, message: `${capitalize(subject(ctx))} is ${shown(data)}, which is not allowed: ${e.message ?? 'invalid'}.` };
      }
      const owner = ctx.entities[0];
      if (owner && owner.depth === base.length && owner.depth > 0) {
        const shape = ENTITY_SHAPES[owner.kind];
        if (shape) return { code: 'wrong-type', span, message: `${shape}, not ${describeValue(data)}.` };
        if (params['type'] === 'object') {
          return { code: 'wrong-type', span, message: `A ${owner.kind} is a map of \`key: value\` (\`id: …\`, …), not ${describeValue(data)}.` };
        }
      }
      if (base.length === 0) {
        return {
          code: 'wrong-type',
          span,
          message: `A program file is a map of sections (\`version: 1\`, ${isRoot ? '`program:`, ' : ''}\`workstreams:\`, …), not ${describeValue(data)}.`,
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
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { code: 'out-of-range', span: valueAnchor(doc, here), message: `${capitalize(subject(ctx))} must be ${rangeText(ps)}; ${shown(data)} is out of range.` };
    case 'uniqueItems': {
      const i = Number(params['i']);
      const j = Number(params['j']);
      const dup = String(Math.max(i, j));
      const itemSteps = walk(doc, [...base, dup]);
      const span = itemSteps.length === base.length + 2 ? valueAnchor(doc, itemSteps[itemSteps.length - 1]) : valueAnchor(doc, here);
      const item = Array.isArray(data) ? data[Number(dup)] : undefined;
      return { code: 'invalid-value', span, message: `${shown(item)} is listed twice in ${subject(ctx)}.` };
    }
    case 'minItems':
      return { code: 'invalid-value', span: valueAnchor(doc, here), message: `${capitalize(subject(ctx))} needs at least ${String(params['limit'])} item${params['limit'] === 1 ? '' : 's'}.` };
    case 'minLength':
      return { code: 'invalid-value', span: valueAnchor(doc, here), message: `${capitalize(subject(ctx))} cannot be empty.` };
    case 'not': {
      if (ctx.entities[0]?.kind === 'task' && ctx.entities[0].depth === base.length) {
        const node = resolve(doc, here?.node);
        let span = mapAnchor(doc, here);
        if (isMap(node)) {
          const pairs = node.items.filter((p) => keyText(p.key) === 'duration' || keyText(p.key) === 'effort');
          const s = spanOf(pairs[1]?.key);
          if (nonEmpty(s)) span = s;
        }
        return {
          code: 'duration-and-effort',
          span,
          message: `${capitalize(where)} has both \`duration\` and \`effort\`: keep exactly one (\`duration\` in working days, or \`effort\` in person-days).`,
        };
      }
      return { code: 'invalid-value', span: valueAnchor(doc, here), message: `${capitalize(subject(ctx))} is not allowed here.` };
    }
    case 'anyOf':
    case 'oneOf': {
      const kind = ctx.entities[0]?.depth === base.length ? ctx.entities[0]?.kind : undefined;
      if (kind === 'task') {
        return {
          code: 'duration-and-effort',
          span: mapAnchor(doc, here),
          message: `${capitalize(where)} needs a \`duration\` (working days, e.g. \`10d\`), an \`effort\` (person-days, e.g. \`15d\`) or an \`estimate\` (\`{ optimistic, likely, pessimistic }\`).`,
        };
      }
      if (kind === 'milestone') {
        return {
          code: 'milestone-needs-date-or-dependencies',
          span: mapAnchor(doc, here),
          message: `${capitalize(where)} needs a \`date\`, \`depends_on\`, or both.`,
        };
      }
      return { code: 'invalid-value', span: valueAnchor(doc, here), message: `${capitalize(subject(ctx))} does not match any allowed form.` };
    }
    default:
      return { code: 'invalid-value', span: valueAnchor(doc, here), message: `${capitalize(subject(ctx))}: ${e.message ?? 'invalid value'}.` };
  }
}

/** Drops summaries (`if`, `propertyNames`) and the branch errors under a reported `anyOf`/`oneOf`. */
function prune(errors: readonly ErrorObject[]): ErrorObject[] {
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

// ---------------------------------------------------------------------------

export function checkSchema(doc: Document.Parsed, value: unknown, uri: string, isRoot: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    const push = (o: Out): void => {
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
    if (!v) return out;
    const validate = isRoot ? v.root : v.fragment;
    if (validate(value)) return out;
    const errors = prune(validate.errors ?? []);
    const renamed = renamedRequirement(errors);
    const seen = new Map<string, number>();
    for (const e of errors) {
      if (out.length >= MAX_DIAGNOSTICS) break;
      if ((e.keyword === 'anyOf' || e.keyword === 'oneOf') && renamed.has(e.instancePath)) continue;
      let o: Out | undefined;
      try {
        o = convert(doc, value, isRoot, e);
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
