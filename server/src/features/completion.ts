// Completion: keys from the JSON Schema, enum values, dates, durations, ids
// where a reference goes (filtered to the kinds the field takes) and snippets
// for new entities. Works on half-typed text: the structure at the cursor is
// read off the buffer's text (yaml-context.ts), the ids and dates come from the
// last analysis; nothing is parsed or analysed here.
import {
  CompletionItemKind, InsertTextFormat, MarkupKind,
} from 'vscode-languageserver-types';
import type { CompletionItem, CompletionList, Position, Range } from 'vscode-languageserver-types';
import type { ProgramAnalysis } from '../program/analyze.js';
import { FIELD_KINDS } from '../program/build.js';
import { formatDate, today } from '../program/dates.js';
import { perObject } from '../program/memo.js';
import {
  childSchema, enumValues, isArraySchema, isObjectSchema, propertiesOf, scalarKind, schemaAtPath,
} from '../program/schema-nav.js';
import type { PathSegment, SchemaNode } from '../program/schema-nav.js';
import type { Entity, EntityKind, ReferenceField } from '../program/types.js';
import type { FeatureContext } from './context.js';
import { fileOf } from './context.js';
import { bufferOffset, entityDetail } from './feature-util.js';
import { cursorContext, entriesOf } from './yaml-context.js';
import type { CursorContext } from './yaml-context.js';

const ENTITY_COMPLETION_KIND: Readonly<Record<EntityKind, CompletionItemKind>> = {
  program: CompletionItemKind.Module,
  person: CompletionItemKind.Variable,
  team: CompletionItemKind.Struct,
  workstream: CompletionItemKind.Module,
  task: CompletionItemKind.Function,
  milestone: CompletionItemKind.Event,
  risk: CompletionItemKind.EnumMember,
  'budget-line': CompletionItemKind.Value,
  stakeholder: CompletionItemKind.Variable,
  kpi: CompletionItemKind.Value,
  change: CompletionItemKind.Value,
  pool: CompletionItemKind.Constant,
};

const DURATIONS: readonly [string, string][] = [
  ['1d', '1 working day'], ['2d', '2 working days'], ['3d', '3 working days'], ['5d', '5 working days'],
  ['10d', '10 working days'], ['15d', '15 working days'], ['20d', '20 working days'],
  ['1w', '1 week'], ['2w', '2 weeks'], ['4w', '4 weeks'],
];

/** Snippets for a new entity, by the list key it goes under. Lines after the first are indented by the item's column. */
/** A snippet placeholder: `$1`, `${1:text}` or `${1|a,b|}`. */
function ph(n: number, text?: string, choices?: readonly string[]): string {
  if (choices) return `\${${n}|${choices.join(',')}|}`;
  return text === undefined ? `$${n}` : `\${${n}:${text}}`;
}

const ONE_TO_FIVE = ['1', '2', '3', '4', '5'];

/** Snippets for a new entity, by the list key it goes under. Lines after the first are indented by the item's column. */
const ENTITY_SNIPPETS: Readonly<Record<string, { label: string; lines: string[]; doc: string }>> = {
  tasks: { label: 'new task', lines: [`id: ${ph(1, 'task-id')}`, `name: ${ph(2, 'Task name')}`, `duration: ${ph(3, '5d')}`, `depends_on: [${ph(4)}]`], doc: 'A task with a duration and dependencies.' },
  milestones: { label: 'new milestone', lines: [`id: ${ph(1, 'milestone-id')}`, `name: ${ph(2, 'Milestone name')}`, `depends_on: [${ph(3)}]`, `date: ${ph(4, 'YYYY-MM-DD')}`], doc: 'A milestone: its forecast comes from `depends_on`, `date` is its target.' },
  risks: {
    label: 'new risk',
    lines: [`id: ${ph(1, 'R-id')}`, `title: ${ph(2, 'What could go wrong')}`, `probability: ${ph(3, undefined, ONE_TO_FIVE)}`, `impact: ${ph(4, undefined, ONE_TO_FIVE)}`, `owner: ${ph(5)}`, 'status: open', `mitigation: ${ph(6)}`, `affects: [${ph(7)}]`],
    doc: 'A risk with probability, impact, owner and mitigation.',
  },
  workstreams: {
    label: 'new workstream',
    lines: [`id: ${ph(1, 'workstream-id')}`, `name: ${ph(2, 'Workstream name')}`, `owner: ${ph(3)}`, 'tasks:', `  - id: ${ph(4, 'task-id')}`, `    name: ${ph(5, 'Task name')}`, `    duration: ${ph(6, '5d')}`],
    doc: 'A workstream with its first task.',
  },
  people: { label: 'new person', lines: [`id: ${ph(1, 'person-id')}`, `name: ${ph(2, 'Full Name')}`], doc: 'A person who can own and do work.' },
  teams: { label: 'new team', lines: [`id: ${ph(1, 'team-id')}`, `name: ${ph(2, 'Team name')}`, `lead: ${ph(3)}`], doc: 'A team.' },
};

/**
 * At most this many ids are sent at once: a 10,000-task program would
 * otherwise ship megabytes per keystroke. The list is then marked incomplete,
 * so the editor asks again as the user types more of the id.
 */
export const MAX_ID_ITEMS = 300;

/** Completion as the server answers it: capped id lists are marked incomplete. */
export function provideCompletionList(ctx: FeatureContext, position: Position): CompletionList {
  const state = { capped: false };
  const items = provideCompletion(ctx, position, state);
  return { isIncomplete: state.capped, items };
}

export function provideCompletion(ctx: FeatureContext, position: Position, state: { capped: boolean } = { capped: false }): CompletionItem[] {
  try {
    const offset = bufferOffset(ctx, position);
    const cur = cursorContext(ctx.text, offset);
    if (!cur) return [];
    // The word is on the cursor's line.
    const range: Range = {
      start: { line: position.line, character: position.character - (offset - cur.wordStart) },
      end: { line: position.line, character: position.character + (cur.wordEnd - offset) },
    };
    return complete(ctx, cur, range, state);
  } catch {
    return [];
  }
}

function isRootDocument(ctx: FeatureContext): boolean {
  const file = fileOf(ctx, ctx.uri);
  if (file && file.text === ctx.text) return file.isRoot;
  return /^program[ \t]*:/m.test(ctx.text);
}

function complete(ctx: FeatureContext, cur: CursorContext, range: Range, state: { capped: boolean }): CompletionItem[] {
  const isRoot = isRootDocument(ctx);
  const container = schemaAtPath(isRoot, cur.path);
  if (cur.position === 'key') {
    if (isArraySchema(container)) return itemCompletions(ctx, { ...cur, position: 'item', needsDash: !cur.flow, column: cur.column + 2 }, container, range, state);
    // Maps whose keys are ids: a stakeholder's raci (items) and a task's needs (pools).
    const last = cur.path[cur.path.length - 1];
    if (last === 'raci' || last === 'needs') return idCompletions(ctx, cur, last, range, { suffix: ': ' }, state);
    return keyCompletions(cur, container, range);
  }
  if (cur.position === 'item') return itemCompletions(ctx, cur, container, range, state);
  const key = cur.key as string;
  const field = referenceField(cur.path, key);
  const valueNode = childSchema(container, key);
  if (field) return idCompletions(ctx, cur, field, range, isArraySchema(valueNode) ? { wrap: true } : {}, state);
  return valueCompletions(ctx, valueNode, range, isArraySchema(valueNode));
}

/** The reference field a value at `path`/`key` belongs to, if it is one. */
function referenceField(path: readonly PathSegment[], key: string): ReferenceField | undefined {
  if (key === 'id') {
    // `{ id: … }` inside a depends_on list.
    return path[path.length - 2] === 'depends_on' && typeof path[path.length - 1] === 'number' ? 'depends_on' : undefined;
  }
  if (key === 'raci' || key === 'needs') return undefined;
  return Object.prototype.hasOwnProperty.call(FIELD_KINDS, key) ? (key as ReferenceField) : undefined;
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function keyCompletions(cur: CursorContext, container: SchemaNode | undefined, range: Range): CompletionItem[] {
  if (!isObjectSchema(container)) return [];
  const out: CompletionItem[] = [];
  const indent = ' '.repeat(cur.column + 2);
  for (const p of propertiesOf(container)) {
    if (cur.presentKeys.has(p.name)) continue;
    let body: string;
    const s = p.schema;
    const items = isArraySchema(s) ? childSchema(s, 0) : undefined;
    if (isArraySchema(s)) {
      body = !cur.flow && isObjectSchema(items) ? `${escapeSnippet(p.name)}:\n${indent}- $0` : `${escapeSnippet(p.name)}: [$0]`;
    } else if (isObjectSchema(s) && !cur.flow) {
      body = `${escapeSnippet(p.name)}:\n${indent}$0`;
    } else {
      body = `${escapeSnippet(p.name)}: $0`;
    }
    const allowed = enumValues(s).map((e) => `\`${e.value}\``);
    const doc = [p.description ?? '', allowed.length > 0 ? `Allowed: ${allowed.join(', ')}` : ''].filter(Boolean).join('\n\n');
    out.push({
      label: p.name,
      kind: CompletionItemKind.Property,
      ...(p.required && { detail: 'required' }),
      ...(doc && { documentation: { kind: MarkupKind.Markdown, value: doc } }),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: body },
      sortText: `${p.required ? '0' : '1'}${String(out.length).padStart(3, '0')}`,
      ...(isArraySchema(s) || isObjectSchema(s) ? {} : { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } }),
    });
  }
  return out;
}

function itemCompletions(ctx: FeatureContext, cur: CursorContext, seq: SchemaNode | undefined, range: Range, state: { capped: boolean }): CompletionItem[] {
  const listKey = cur.path[cur.path.length - 1];
  const dash = cur.needsDash ? '- ' : '';
  if (typeof listKey === 'string' && referenceField(cur.path.slice(0, -1), listKey)) {
    return idCompletions(ctx, cur, listKey as ReferenceField, range, { prefix: dash }, state);
  }
  const items = childSchema(seq, 0);
  if (!items) return [];
  if (isObjectSchema(items) && !cur.flow) {
    const out: CompletionItem[] = [];
    const snippet = typeof listKey === 'string' ? ENTITY_SNIPPETS[listKey] : undefined;
    if (snippet) {
      const indent = ' '.repeat(cur.column);
      const body = dash + snippet.lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join('\n');
      out.push({
        label: snippet.label,
        kind: CompletionItemKind.Snippet,
        documentation: { kind: MarkupKind.Markdown, value: snippet.doc },
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: body },
        sortText: '0',
        filterText: cur.word || snippet.label,
      });
    }
    // The first key of a new map item.
    for (const k of keyCompletions({ ...cur, presentKeys: new Set() }, items, range)) {
      out.push({ ...k, ...(dash && k.textEdit && { textEdit: { ...k.textEdit, newText: dash + k.textEdit.newText } }) });
    }
    return out;
  }
  return valueCompletions(ctx, items, range, false, dash);
}

function valueCompletions(ctx: FeatureContext, node: SchemaNode | undefined, range: Range, wrap: boolean, prefix = ''): CompletionItem[] {
  if (!node) return [];
  if (wrap) {
    const items = childSchema(node, 0);
    const values = enumValues(items);
    if (values.length > 0) {
      const dflt = Array.isArray(node.default) ? (node.default as unknown[]).map(String) : undefined;
      const out: CompletionItem[] = [];
      if (dflt) {
        out.push({
          label: `[${dflt.join(', ')}]`, kind: CompletionItemKind.Value, detail: 'default',
          textEdit: { range, newText: `[${dflt.join(', ')}]` }, sortText: '0',
        });
      }
      return out;
    }
    return [];
  }
  const kind = scalarKind(node);
  if (kind === 'enum') {
    return enumValues(node).map((v, i) => ({
      label: v.value,
      kind: CompletionItemKind.EnumMember,
      ...(v.description && { documentation: v.description }),
      textEdit: { range, newText: prefix + v.value },
      sortText: String(i).padStart(3, '0'),
    }));
  }
  if (kind === 'date') return dateCompletions(ctx.analysis, range, prefix);
  if (kind === 'duration') {
    return DURATIONS.map(([d, label], i) => ({
      label: d, kind: CompletionItemKind.Unit, detail: label, textEdit: { range, newText: prefix + d }, sortText: String(i).padStart(3, '0'),
    }));
  }
  return [];
}

function dateCompletions(analysis: ProgramAnalysis | undefined, range: Range, prefix: string): CompletionItem[] {
  const out: CompletionItem[] = [];
  const add = (label: string, date: string, sort: string) => out.push({
    label, labelDetails: { detail: ` ${date}` }, kind: CompletionItemKind.Constant, detail: date,
    filterText: `${date} ${label}`, textEdit: { range, newText: prefix + date }, sortText: sort,
  });
  add('today', formatDate(today()), '0');
  if (analysis) {
    add('status date', formatDate(analysis.statusDate), '1');
    if (analysis.model.program?.start !== undefined) add('program start', formatDate(analysis.model.program.start), '2');
    if (analysis.schedule.finish !== null) add('program finish', formatDate(analysis.schedule.finish), '3');
  }
  return out;
}

interface IdOptions {
  /** Wrap the id in `[ ]` (a list field with no value yet). */
  readonly wrap?: boolean;
  /** Text before the id (a `- ` marker). */
  readonly prefix?: string;
  /** Text after the id (`: ` for a raci key). */
  readonly suffix?: string;
}

/** The id of the map at `depth` on the cursor's path, from the text. */
function idOfMapAt(ctx: FeatureContext, cur: CursorContext, depth: number): string | undefined {
  const level = cur.maps.find((m) => m.depth === depth);
  if (!level) return undefined;
  const id = entriesOf(ctx.text, level).get('id');
  return id === undefined || id === '' ? undefined : id;
}

function idCompletions(ctx: FeatureContext, cur: CursorContext, field: ReferenceField, range: Range, opts: IdOptions, state: { capped: boolean }): CompletionItem[] {
  const model = ctx.analysis?.model;
  if (!model) return [];
  const kinds = FIELD_KINDS[field];
  // The entity whose field this is: for depends_on, itself is excluded.
  const fieldDepth = cur.path.lastIndexOf(field);
  const self = field === 'depends_on' && fieldDepth >= 0 ? idOfMapAt(ctx, cur, fieldDepth) : undefined;
  const workstream = cur.path[0] === 'workstreams' ? idOfMapAt(ctx, cur, 2) : undefined;
  const seen = new Set<string>();
  const candidates: Entity[] = [];
  const typed = cur.word.toLowerCase();
  for (const e of model.entities) {
    if (!kinds.includes(e.kind) || seen.has(e.id) || e.id === self) continue;
    seen.add(e.id);
    candidates.push(e);
  }
  let chosen = candidates;
  if (candidates.length > MAX_ID_ITEMS) {
    // Too many to send: keep what matches the typed word (as the editor's
    // fuzzy filter would), best first: the cursor's workstream, then other
    // tasks and milestones, then the rest; within each, ids starting with the
    // word first. Buckets in file order, no sort: this runs per keystroke.
    const buckets: Entity[][] = [[], [], [], [], [], []];
    for (const e of candidates) {
      const id = e.id.toLowerCase();
      if (!isSubsequence(typed, id)) continue;
      buckets[Number(group(e, workstream)) * 2 + (id.startsWith(typed) ? 0 : 1)]?.push(e);
    }
    chosen = [];
    for (const b of buckets) {
      for (const e of b) {
        if (chosen.length >= MAX_ID_ITEMS) break;
        chosen.push(e);
      }
    }
    state.capped = true;
  }
  const out: CompletionItem[] = [];
  for (const e of chosen) {
    const text = `${opts.prefix ?? ''}${opts.wrap ? `[${e.id}]` : e.id}${opts.suffix ?? ''}`;
    out.push({
      label: e.id,
      kind: ENTITY_COMPLETION_KIND[e.kind],
      detail: detailOf(ctx.analysis, e),
      textEdit: { range, newText: text },
      filterText: e.id,
      sortText: `${group(e, workstream)}${e.id}`,
    });
  }
  return out;
}

const details = perObject((_analysis: ProgramAnalysis) => new Map<Entity, string>());

/** Entity details, computed once per analysis (completion runs on every keystroke). */
function detailOf(analysis: ProgramAnalysis | undefined, e: Entity): string {
  if (!analysis) return entityDetail(analysis, e);
  const m = details(analysis);
  let d = m.get(e);
  if (d === undefined) { d = entityDetail(analysis, e); m.set(e, d); }
  return d;
}

/** True when the letters of `needle` appear in `hay` in order (the editor's fuzzy filter). */
function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (let j = 0; j < hay.length && i < needle.length; j++) if (hay[j] === needle[i]) i++;
  return i === needle.length;
}

/** Items of the cursor's workstream first, then the other schedulable items, then the rest. */
function group(e: Entity, workstream: string | undefined): string {
  if (workstream !== undefined && (e.parentId === workstream || (e.kind === 'workstream' && e.id === workstream))) return '0';
  if (e.kind === 'task' || e.kind === 'milestone') return '1';
  return '2';
}
