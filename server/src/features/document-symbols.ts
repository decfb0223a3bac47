// The outline of one program file: its top-level sections (program, people,
// teams, workstreams, milestones, risks, budget, ...) with the entities they
// define nested by their YAML structure (workstreams › tasks), each with a
// short detail (dates, owner, score).
import { isMap, isScalar } from 'yaml';
import type { ProgramAnalysis } from '../program/analyze.js';
import { formatDate } from '../program/dates.js';
import { idTokensIn } from '../program/lookup.js';
import { milestoneStateOf } from '../program/milestone-state.js';
import type { ParsedFile } from '../program/parse.js';
import type { Day, Entity, EntityKind, Span } from '../program/types.js';
import { SymbolKind } from 'vscode-languageserver-types';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { fileOf, toRange } from './context.js';
import { recordsOf } from './feature-util.js';
import type { FeatureContext } from './context.js';

export const ENTITY_SYMBOL_KIND: Readonly<Record<EntityKind, SymbolKind>> = {
  program: SymbolKind.Module,
  person: SymbolKind.Object,
  team: SymbolKind.Struct,
  workstream: SymbolKind.Namespace,
  task: SymbolKind.Function,
  milestone: SymbolKind.Event,
  risk: SymbolKind.Key,
  'budget-line': SymbolKind.Number,
  stakeholder: SymbolKind.Interface,
  kpi: SymbolKind.Property,
  change: SymbolKind.EnumMember,
  pool: SymbolKind.Constant,
};

const MAX_SYMBOLS = 50_000;

function day(d: Day | null | undefined): string | undefined {
  return d === null || d === undefined ? undefined : formatDate(d);
}

/** A one-line detail for an entity: its name, then dates or owner where they mean something. */
export function entityDetail(analysis: ProgramAnalysis, entity: Entity): string {
  const parts: string[] = [];
  if (entity.name) parts.push(entity.name);
  const item = analysis.schedule.items.get(entity.id);
  if (item && item.kind === entity.kind) {
    if (entity.kind === 'milestone') {
      const f = day(item.end);
      if (f) parts.push(item.target !== null ? `forecast ${f}` : f);
      if (item.slip) parts.push(milestoneStateOf(item));
    } else {
      const s = day(item.start);
      const e = day(item.end);
      if (s && e) parts.push(`${s} → ${e}`);
    }
    if (item.critical) parts.push('critical');
  }
  if (entity.kind === 'risk') {
    const risk = recordsOf(analysis.model).risks.get(entity);
    if (risk?.probability !== undefined && risk.impact !== undefined) parts.push(`score ${risk.probability * risk.impact}`);
    if (risk?.owner) parts.push(`owner ${risk.owner}`);
  }
  return parts.join(' · ');
}

/** A span without trailing blank lines, so a symbol's range ends on its last character. */
function trimEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start: span.start, end };
}

interface Node {
  readonly span: Span;
  readonly symbol: DocumentSymbol;
}

export function provideDocumentSymbols(ctx: FeatureContext): DocumentSymbol[] {
  const analysis = ctx.analysis;
  if (!analysis) return [];
  const file = fileOf(ctx, ctx.uri);
  if (!file?.doc) return [];
  const roots: Node[] = sectionNodes(file);
  const entities: Entity[] = [];
  for (const t of idTokensIn(analysis.model, ctx.uri)) {
    if (!t.reference && t.entity && t.entity.uri === ctx.uri) entities.push(t.entity);
    if (entities.length >= MAX_SYMBOLS) break;
  }
  entities.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  // Nest by containment, with a stack of open nodes (entities arrive sorted by start).
  const stack: Node[] = [];
  const topLevel: Node[] = [];
  for (const e of entities) {
    const node: Node = {
      span: e.span,
      symbol: {
        name: e.id,
        detail: entityDetail(analysis, e),
        kind: ENTITY_SYMBOL_KIND[e.kind],
        range: toRange(file, trimEnd(file.text, e.span)),
        selectionRange: toRange(file, e.idSpan),
      },
    };
    while (stack.length > 0 && (stack[stack.length - 1] as Node).span.end <= e.span.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && parent.span.end >= e.span.end) (parent.symbol.children ??= []).push(node.symbol);
    else topLevel.push(node);
    stack.push(node);
  }
  // Entities go under the top-level section that holds them (`program:` is its own entity).
  const out: DocumentSymbol[] = [];
  let i = 0;
  for (const section of roots) {
    const inside: DocumentSymbol[] = [];
    while (i < topLevel.length && (topLevel[i] as Node).span.start < section.span.start) out.push((topLevel[i++] as Node).symbol);
    while (i < topLevel.length && (topLevel[i] as Node).span.start < section.span.end) inside.push((topLevel[i++] as Node).symbol);
    if (section.symbol.name === 'program' && inside.length === 1 && inside[0]?.kind === SymbolKind.Module) {
      const program = inside[0];
      out.push({ ...program, range: section.symbol.range });
      continue;
    }
    if (inside.length > 0) section.symbol.children = inside;
    out.push(section.symbol);
  }
  while (i < topLevel.length) out.push((topLevel[i++] as Node).symbol);
  return out;
}

const SECTION_KIND: Readonly<Record<string, SymbolKind>> = {
  version: SymbolKind.Constant, calendar: SymbolKind.Object, include: SymbolKind.Array,
};

/** One symbol per top-level key of the file, in order. */
function sectionNodes(file: ParsedFile): Node[] {
  const contents = file.doc?.contents;
  if (!isMap(contents)) return [];
  const out: Node[] = [];
  for (const pair of contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const name = String(pair.key.value);
    const start = pair.key.range[0];
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    const end = Math.max(pair.key.range[1], valueRange?.[1] ?? 0);
    const span = { start, end };
    out.push({
      span,
      symbol: {
        name,
        kind: SECTION_KIND[name] ?? SymbolKind.Package,
        range: toRange(file, trimEnd(file.text, span)),
        selectionRange: toRange(file, { start, end: pair.key.range[1] }),
      },
    });
  }
  return out;
}
