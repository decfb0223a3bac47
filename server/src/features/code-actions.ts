// Quick fixes for the core's diagnostics, as minimal text edits that keep
// every other byte (comments, quoting, blank lines): replace an unknown
// reference by a close match, create a stub for a missing task or person, add
// a risk's missing owner or mitigation, remove a self-dependency, break a
// dependency cycle. Places are found from the diagnostic's data (core spans)
// and the parsed file's YAML AST ranges.
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ParsedFile } from '../program/parse.js';
import type { DiagnosticData, Entity, Span } from '../program/types.js';
import { asMap, asSeq, pairOf, valueOf } from '../program/yaml-nodes.js';
import { fileOf, lineIndexOf, toRange } from './context.js';
import { idTextSpan } from './rename.js';
import type { FeatureContext } from './context.js';

const MAX_ACTIONS = 50;

export function provideCodeActions(ctx: FeatureContext, _range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const analysis = ctx.analysis;
  const file = fileOf(ctx, ctx.uri);
  // Edits are computed on the analysed text; a stale analysis would misplace them.
  if (!analysis || !file || file.text !== ctx.text || !file.doc) return [];
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    try {
      out.push(...actionsFor(ctx, file, d));
    } catch {
      // A malformed diagnostic or tree: no fix for it, the others still count.
    }
    if (out.length >= MAX_ACTIONS) break;
  }
  return out.slice(0, MAX_ACTIONS);
}

function actionsFor(ctx: FeatureContext, file: ParsedFile, d: Diagnostic): CodeAction[] {
  const data = (d.data ?? {}) as DiagnosticData;
  const index = lineIndexOf(file);
  const span: Span = { start: index.offsetAt(d.range.start), end: index.offsetAt(d.range.end) };
  switch (d.code) {
    case 'unknown-reference':
    case 'wrong-kind-reference':
      return unknownReference(ctx, file, d, span, data);
    case 'risk-without-owner':
      return addRiskKey(ctx, file, d, span, 'owner');
    case 'risk-without-mitigation':
      return addRiskKey(ctx, file, d, span, 'mitigation');
    case 'self-dependency': {
      const item = data.itemSpan ?? span;
      const edits = removeListItem(file, item);
      const id = data.id ?? file.text.slice(span.start, span.end);
      return edits ? [action(`Remove the dependency of \`${id}\` on itself`, d, { [file.uri]: edits }, true)] : [];
    }
    case 'dependency-cycle': {
      const item = data.itemSpan;
      if (!item) return [];
      const edits = removeListItem(file, item);
      if (!edits) return [];
      const target = file.text.slice(span.start, span.end);
      const owner = ownerOf(ctx, file.uri, item)?.id ?? data.cycle?.[0] ?? '?';
      return [action(`Break the cycle here: remove \`${target}\` from \`${owner}\`'s depends_on`, d, { [file.uri]: edits }, false)];
    }
    default:
      return [];
  }
}

function action(title: string, d: Diagnostic, changes: Record<string, TextEdit[]>, isPreferred: boolean): CodeAction {
  const edit: WorkspaceEdit = { changes };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit, ...(isPreferred && { isPreferred: true }) };
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The task or milestone whose map contains `span` (the owner of a depends_on item). */
function ownerOf(ctx: FeatureContext, uri: string, span: Span): Entity | undefined {
  let best: Entity | undefined;
  for (const e of ctx.analysis?.model.entities ?? []) {
    if (e.uri !== uri || e.span.start > span.start || e.span.end < span.end) continue;
    if (e.kind !== 'task' && e.kind !== 'milestone') continue;
    if (!best || e.span.end - e.span.start < best.span.end - best.span.start) best = e;
  }
  return best;
}

// ---------------------------------------------------------------- references

function unknownReference(ctx: FeatureContext, file: ParsedFile, d: Diagnostic, span: Span, data: DiagnosticData): CodeAction[] {
  const out: CodeAction[] = [];
  const id = data.id ?? file.text.slice(span.start, span.end);
  const own = idTextSpan(file.text, span, id);
  const range = typeof own === 'string' ? undefined : toRange(file, own);
  if (range) (data.suggestions ?? []).forEach((s, i) => {
    out.push(action(`Change to \`${s}\``, d, { [file.uri]: [{ range, newText: s }] }, i === 0));
  });
  if (d.code !== 'unknown-reference' || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(id)) return out;
  const expected = data.expected ?? [];
  if (expected.includes('task')) {
    const fix = createTask(ctx, file, span, id);
    if (fix) out.push(action(`Create task \`${id}\``, d, fix, out.length === 0));
  }
  if (expected.includes('person')) {
    const fix = createPerson(ctx, file, id);
    if (fix) out.push(action(`Create person \`${id}\``, d, fix, out.length === 0));
  }
  return out;
}

/** A point just after a block collection (its range ends at a line break or at the end of the text). */
function afterBlock(text: string, end: number): { offset: number; before: string; after: string } {
  const nl = eol(text);
  if (end > 0 && text[end - 1] === '\n') return { offset: end, before: '', after: nl };
  return { offset: end, before: nl, after: '' };
}

function columnOf(file: ParsedFile, offset: number): number {
  return lineIndexOf(file).positionAt(offset).character;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Edits that append `lines` (an entity's `key: value` lines) as a new item of `seq`, matching its style. */
function appendItem(file: ParsedFile, seq: YAMLSeq, entries: [string, string][]): TextEdit[] | undefined {
  const text = file.text;
  const sr = rangeOf(seq);
  if (!sr) return undefined;
  if (seq.flow) {
    // `[ {…}, {…} ]`: add `, { id: x, … }` before the closing bracket.
    let close = sr[1] - 1;
    while (close > sr[0] && text[close] !== ']') close--;
    if (text[close] !== ']') return undefined;
    const flowItem = `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
    // Right after the last item (a comment may stand between it and `]`), or after `[`.
    const lastEnd = rangeOf(seq.items[seq.items.length - 1])?.[1];
    const at = lastEnd ?? sr[0] + 1;
    if (lastEnd === undefined && text[sr[0]] !== '[') return undefined;
    return [{ range: toRange(file, { start: at, end: at }), newText: `${lastEnd === undefined ? '' : ', '}${flowItem}` }];
  }
  const last = seq.items[seq.items.length - 1];
  const lr = rangeOf(last);
  if (!lr) return undefined;
  const dashCol = columnOf(file, dashBefore(text, lr[0]));
  const keyCol = isMap(last) && last.items[0] && rangeOf(last.items[0].key) ? columnOf(file, (rangeOf(last.items[0].key) as [number, number])[0]) : dashCol + 2;
  const nl = eol(text);
  const body = entries.map(([k, v], i) => `${' '.repeat(i === 0 ? 0 : keyCol)}${k}: ${v}`).join(nl);
  const item = `${' '.repeat(dashCol)}-${' '.repeat(Math.max(1, keyCol - dashCol - 1))}${body}`;
  const p = afterBlock(text, lineEndAfter(text, lr[1]));
  return [{ range: toRange(file, { start: p.offset, end: p.offset }), newText: `${p.before}${item}${p.after}` }];
}

/** The offset of the `-` before an item that starts at `start` (or `start` itself when there is none). */
function dashBefore(text: string, start: number): number {
  let i = start - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return text[i] === '-' ? i : start;
}

/** The end of the line that `end` (an exclusive node end) finishes on, past its line break. */
function lineEndAfter(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  let i = end;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  if (i < text.length) return i + 1;
  return i;
}

/** Adds `key:` with `lines` of items to a block map that lacks it. */
function addListToMap(file: ParsedFile, map: YAMLMap, key: string, entries: [string, string][]): TextEdit[] | undefined {
  const text = file.text;
  const mr = rangeOf(map);
  const first = map.items[0];
  const fk = first ? rangeOf(first.key) : undefined;
  if (!mr || map.flow || !fk) return undefined;
  const col = columnOf(file, fk[0]);
  const nl = eol(text);
  const ind = ' '.repeat(col + 2);
  const body = entries.map(([k, v], i) => `${i === 0 ? `${ind}- ` : `${ind}  `}${k}: ${v}`).join(nl);
  const p = afterBlock(text, lineEndAfter(text, mr[1]));
  return [{ range: toRange(file, { start: p.offset, end: p.offset }), newText: `${p.before}${' '.repeat(col)}${key}:${nl}${body}${p.after}` }];
}

function taskStub(id: string): [string, string][] {
  return [['id', id], ['name', id], ['duration', '1d']];
}

function createTask(ctx: FeatureContext, file: ParsedFile, span: Span, id: string): Record<string, TextEdit[]> | undefined {
  const model = ctx.analysis?.model;
  if (!model) return undefined;
  // The workstream holding the reference, else the first workstream of the program.
  const holder = model.entities.find((e) => e.kind === 'workstream' && e.uri === file.uri && e.span.start <= span.start && span.end <= e.span.end);
  const ws = holder ?? model.entities.find((e) => e.kind === 'workstream');
  if (!ws) return undefined;
  const wsFile = model.files.find((f) => f.uri === ws.uri);
  if (!wsFile?.doc || (wsFile.uri === ctx.uri && wsFile.text !== ctx.text)) return undefined;
  const wsMap = mapAt(wsFile.doc, ws.span.start);
  if (!wsMap) return undefined;
  const tasks = asSeq(wsFile.doc, valueOf(wsMap, 'tasks'));
  const edits = tasks && tasks.items.length > 0 ? appendItem(wsFile, tasks, taskStub(id)) : (!pairOf(wsMap, 'tasks') ? addListToMap(wsFile, wsMap, 'tasks', taskStub(id)) : undefined);
  return edits ? { [wsFile.uri]: edits } : undefined;
}

function createPerson(ctx: FeatureContext, file: ParsedFile, id: string): Record<string, TextEdit[]> | undefined {
  const model = ctx.analysis?.model;
  if (!model || !file.doc) return undefined;
  const stub: [string, string][] = [['id', id], ['name', id]];
  // This file's `people:` first, then any file's, else a new section at the end of this file.
  const candidates = [file, ...model.files.filter((f) => f !== file)];
  for (const f of candidates) {
    if (!f.doc || (f.uri === ctx.uri && f.text !== ctx.text)) continue;
    const root = asMap(f.doc, f.doc.contents);
    const people = asSeq(f.doc, valueOf(root, 'people'));
    if (people && people.items.length > 0) {
      const edits = appendItem(f, people, stub);
      if (edits) return { [f.uri]: edits };
    }
  }
  const root = asMap(file.doc, file.doc.contents);
  if (!root || root.flow || pairOf(root, 'people')) return undefined;
  const text = file.text;
  const nl = eol(text);
  const end = text.length;
  const sep = end === 0 || text.endsWith('\n') ? '' : nl;
  const newText = `${sep}people:${nl}  - id: ${id}${nl}    name: ${id}${nl}`;
  return { [file.uri]: [{ range: toRange(file, { start: end, end }), newText }] };
}

/** The innermost map of `doc` whose range starts at `start`, or contains it. */
function mapAt(doc: Document, offset: number): YAMLMap | undefined {
  let found: YAMLMap | undefined;
  let node: unknown = doc.contents;
  for (let depth = 0; node && depth < 64; depth++) {
    const r = rangeOf(node);
    if (!r || offset < r[0] || offset > r[1]) break;
    if (isMap(node)) {
      found = node;
      let next: unknown;
      for (const p of node.items) {
        const vr = rangeOf(p.value);
        if (vr && offset >= vr[0] && offset <= vr[1] && !isScalar(p.value)) { next = p.value; break; }
      }
      node = next;
    } else if (isSeq(node)) {
      node = node.items.find((it) => {
        const ir = rangeOf(it);
        return ir && offset >= ir[0] && offset <= ir[1] && !isScalar(it);
      });
    } else if (isPair(node)) {
      node = node.value;
    } else break;
  }
  return found;
}

// ---------------------------------------------------------------- risks

/**
 * The value a new `owner` or `mitigation` gets: it must be a real value, or the
 * warning stays. A mitigation gets a `TODO` to replace; an owner must be a
 * person, so the program's owner when it is one, else the first person (none:
 * no fix, as any other id would be an unknown reference).
 */
function riskKeyValue(ctx: FeatureContext, key: 'owner' | 'mitigation'): string | undefined {
  if (key === 'mitigation') return 'TODO';
  const model = ctx.analysis?.model;
  const people = model?.people ?? [];
  const owner = model?.program?.owner;
  return people.find((p) => p.id === owner)?.id ?? people[0]?.id;
}

function addRiskKey(ctx: FeatureContext, file: ParsedFile, d: Diagnostic, span: Span, key: 'owner' | 'mitigation'): CodeAction[] {
  if (!file.doc) return [];
  const map = mapAt(file.doc, span.start);
  const mr = rangeOf(map);
  const value = riskKeyValue(ctx, key);
  if (!map || !mr || pairOf(map, key) || value === undefined) return [];
  const text = file.text;
  let edit: TextEdit;
  if (map.flow) {
    // Right after the last pair (a comment may stand between it and `}`), or after `{`.
    const last = map.items[map.items.length - 1];
    const lastEnd = last ? (rangeOf(last.value) ?? rangeOf(last.key))?.[1] : undefined;
    if (last && lastEnd === undefined) return [];
    if (!last && text[mr[0]] !== '{') return [];
    const at = lastEnd ?? mr[0] + 1;
    edit = { range: toRange(file, { start: at, end: at }), newText: `${lastEnd === undefined ? '' : ', '}${key}: ${value}` };
  } else {
    const fk = map.items[0] ? rangeOf(map.items[0].key) : undefined;
    if (!fk) return [];
    const col = columnOf(file, fk[0]);
    const p = afterBlock(text, lineEndAfter(text, mr[1]));
    edit = { range: toRange(file, { start: p.offset, end: p.offset }), newText: `${p.before}${' '.repeat(col)}${key}: ${value}${p.after}` };
  }
  const risk = ctx.analysis?.model.entities.find((e) => e.kind === 'risk' && e.uri === file.uri && e.idSpan.start === span.start);
  const name = risk ? ` to risk \`${risk.id}\`` : '';
  return [action(`Add \`${key}: ${value}\`${name}`, d, { [file.uri]: [edit] }, true)];
}

// ---------------------------------------------------------------- list items

/**
 * Edits that remove one item of a sequence: a block item's whole lines (the
 * `- ` marker included), or a flow item with the comma that separates it. A
 * block sequence left empty becomes `[]`.
 */
export function removeListItem(file: ParsedFile, item: Span): TextEdit[] | undefined {
  const text = file.text;
  let i = item.start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  const c = text[i];
  if (c === '-') return removeBlockItem(file, item, i);
  if (c === '[' || c === ',' || c === '\n' || c === '\r') return removeFlowItem(file, item);
  return undefined;
}

function removeBlockItem(file: ParsedFile, item: Span, dash: number): TextEdit[] | undefined {
  const text = file.text;
  let lineStart = dash;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  // Another item or key before the dash on the same line (`- - x`, `key: - x`) is not a plain item line.
  if (text.slice(lineStart, dash).trim() !== '') return undefined;
  const end = lineEndAfter(text, item.end);
  const seq = seqContaining(file, item);
  if (seq && seq.items.length === 1 && file.doc) {
    // The only item: `depends_on:\n  - x` → `depends_on: []`.
    const pair = pairWithValue(file.doc, seq);
    const kr = pair ? rangeOf(pair.key) : undefined;
    if (kr) {
      let colon = kr[1];
      while (colon < text.length && text[colon] !== ':') colon++;
      // `[]` goes right after the colon and only the item's own line goes: a
      // comment after the key or on a line between the key and the item stays.
      const afterColon = { start: colon + 1, end: colon + 1 };
      if (colon < lineStart) return [{ range: toRange(file, afterColon), newText: ' []' }, { range: toRange(file, { start: lineStart, end }), newText: '' }];
    }
  }
  return [{ range: toRange(file, { start: lineStart, end }), newText: '' }];
}

function removeFlowItem(file: ParsedFile, item: Span): TextEdit[] | undefined {
  const text = file.text;
  // Prefer removing the item with the comma after it; for the last item, the comma before it.
  let j = item.end;
  while (j < text.length && /[ \t]/.test(text[j] as string)) j++;
  if (text[j] === ',') {
    j++;
    while (j < text.length && /[ \t]/.test(text[j] as string)) j++;
    return [{ range: toRange(file, { start: item.start, end: j }), newText: '' }];
  }
  let i = item.start;
  while (i > 0 && /[ \t\r\n]/.test(text[i - 1] as string)) i--;
  if (text[i - 1] === ',') return [{ range: toRange(file, { start: i - 1, end: item.end }), newText: '' }];
  // The only item: `[x]` → `[]`.
  return [{ range: toRange(file, { start: item.start, end: item.end }), newText: '' }];
}

function seqContaining(file: ParsedFile, item: Span): YAMLSeq | undefined {
  if (!file.doc) return undefined;
  let found: YAMLSeq | undefined;
  const visit = (node: unknown, depth: number): void => {
    if (found || depth > 64) return;
    const r = rangeOf(node);
    if (!r || item.start < r[0] || item.start > r[1]) return;
    if (isSeq(node)) {
      if (node.items.some((it) => rangeOf(it)?.[0] === item.start)) { found = node; return; }
      for (const it of node.items) visit(it, depth + 1);
    } else if (isMap(node)) {
      for (const p of node.items) visit(p.value, depth + 1);
    }
  };
  visit(file.doc.contents, 0);
  return found;
}

function pairWithValue(doc: Document, value: unknown): { key: unknown } | undefined {
  let found: { key: unknown } | undefined;
  const visit = (node: unknown, depth: number): void => {
    if (found || depth > 64) return;
    if (isMap(node)) {
      for (const p of node.items) {
        if (p.value === value) { found = p; return; }
        visit(p.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const it of node.items) visit(it, depth + 1);
    }
  };
  visit(doc.contents, 0);
  return found;
}
