// Semantic tokens for id definitions and references (typed by the kind of
// entity they name, definitions with the `declaration` modifier), dates and
// durations. Encoded by hand as LSP's relative integer array (features do not
// import vscode-languageserver, so no SemanticTokensBuilder).
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import { idTokensIn } from '../program/lookup.js';
import type { EntityKind, Span } from '../program/types.js';
import { tokenSpan } from '../program/yaml-nodes.js';
import { fileOf, lineIndexOf } from './context.js';
import type { FeatureContext } from './context.js';

/** Standard token types, so every theme colours them. */
export const TOKEN_TYPES = ['function', 'event', 'namespace', 'variable', 'class', 'enumMember', 'property', 'string', 'number'] as const;
/** `declaration` is standard; `date` and `duration` are ours (themes may style them, others ignore them). */
export const TOKEN_MODIFIERS = ['declaration', 'readonly', 'date', 'duration'] as const;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];

const KIND_TYPE: Readonly<Record<EntityKind, TokenType>> = {
  task: 'function',
  milestone: 'event',
  workstream: 'namespace',
  program: 'namespace',
  person: 'variable',
  stakeholder: 'variable',
  team: 'class',
  risk: 'enumMember',
  'budget-line': 'property',
  kpi: 'property',
  change: 'property',
  pool: 'class',
};

const typeIndex = (t: TokenType): number => TOKEN_TYPES.indexOf(t);
const modifier = (m: (typeof TOKEN_MODIFIERS)[number]): number => 1 << TOKEN_MODIFIERS.indexOf(m);

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DURATION_RE = /^[0-9]+(\.[0-9]+)?[dw]$/;
const MAX_NODES = 2_000_000;

interface Tok {
  readonly span: Span;
  readonly type: number;
  readonly modifiers: number;
}

export function provideSemanticTokens(ctx: FeatureContext): SemanticTokens {
  const analysis = ctx.analysis;
  const file = fileOf(ctx, ctx.uri);
  // Spans are offsets into the analysed text: a stale analysis would colour the wrong characters.
  if (!analysis || !file || file.text !== ctx.text) return { data: [] };
  try {
    const toks: Tok[] = [];
    for (const t of idTokensIn(analysis.model, ctx.uri)) {
      const kind = t.entity?.kind;
      if (!kind) continue;
      const isDefinition = !t.reference;
      toks.push({ span: t.span, type: typeIndex(KIND_TYPE[kind]), modifiers: isDefinition ? modifier('declaration') : 0 });
    }
    // Dates and durations: every scalar value that looks like one.
    const stack: unknown[] = file.doc ? [file.doc.contents] : [];
    for (let n = 0; stack.length > 0 && n < MAX_NODES; n++) {
      const node = stack.pop();
      if (isMap(node)) for (const p of node.items) stack.push(p.value);
      else if (isSeq(node)) for (const it of node.items) stack.push(it);
      else if (isPair(node)) stack.push(node.value);
      else if (isScalar(node) && typeof node.value === 'string') {
        const isDate = DATE_RE.test(node.value);
        if (!isDate && !DURATION_RE.test(node.value)) continue;
        const span = tokenSpan(node);
        if (!span) continue;
        toks.push(isDate
          ? { span, type: typeIndex('string'), modifiers: modifier('date') | modifier('readonly') }
          : { span, type: typeIndex('number'), modifiers: modifier('duration') });
      }
    }
    return { data: encode(file.text, toks, lineIndexOf(file)) };
  } catch {
    return { data: [] };
  }
}

/** The relative encoding: per token deltaLine, deltaStart, length, type, modifiers; sorted, no overlaps, one line each. */
function encode(text: string, toks: Tok[], index: { positionAt(o: number): { line: number; character: number } }): number[] {
  toks.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const t of toks) {
    if (t.span.start < lastEnd || t.span.end <= t.span.start) continue;
    const slice = text.slice(t.span.start, t.span.end);
    if (slice.includes('\n') || slice.includes('\r')) continue;
    const p = index.positionAt(t.span.start);
    const deltaLine = p.line - prevLine;
    const deltaStart = deltaLine === 0 ? p.character - prevChar : p.character;
    data.push(deltaLine, deltaStart, t.span.end - t.span.start, t.type, t.modifiers);
    prevLine = p.line;
    prevChar = p.character;
    lastEnd = t.span.end;
  }
  return data;
}
