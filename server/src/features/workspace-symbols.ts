// Workspace symbols: every entity of every loaded program, matched against
// the query as a case-insensitive subsequence (so `mgpl` finds
// `migration-plan`), best matches first. A fragment shared by several roots
// is listed once.
import type { ProgramAnalysis } from '../program/analyze.js';
import { KIND_LABEL } from '../program/resolve.js';
import type { SymbolInformation } from 'vscode-languageserver-types';
import { toRange } from './context.js';
import { ENTITY_SYMBOL_KIND } from './document-symbols.js';

export const MAX_WORKSPACE_SYMBOLS = 1000;

/** A match score (lower is better), or -1 when `query` is not a subsequence of `text`. */
export function fuzzyScore(query: string, text: string): number {
  if (query === '') return 0;
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  if (t === q) return 0;
  if (t.startsWith(q)) return 1;
  if (t.includes(q)) return 2;
  let j = 0;
  let gaps = 0;
  for (let i = 0; i < t.length && j < q.length; i++) {
    if (t[i] === q[j]) j++;
    else if (j > 0) gaps++;
  }
  return j === q.length ? 3 + gaps : -1;
}

export function provideWorkspaceSymbols(analyses: Iterable<ProgramAnalysis>, query: string): SymbolInformation[] {
  const seen = new Set<string>();
  const scored: { score: number; symbol: SymbolInformation }[] = [];
  for (const analysis of analyses) {
    const files = new Map(analysis.model.files.map((f) => [f.uri, f]));
    for (const e of analysis.model.entities) {
      const key = `${e.uri}#${e.idSpan.start}`;
      if (seen.has(key)) continue;
      let score = fuzzyScore(query, e.id);
      if (score < 0 && e.name) {
        const byName = fuzzyScore(query, e.name);
        if (byName >= 0) score = byName + 1;
      }
      if (score < 0) continue;
      const file = files.get(e.uri);
      if (!file) continue;
      seen.add(key);
      scored.push({
        score,
        symbol: {
          name: e.id,
          kind: ENTITY_SYMBOL_KIND[e.kind],
          location: { uri: e.uri, range: toRange(file, e.idSpan) },
          containerName: e.name ? `${KIND_LABEL[e.kind]} · ${e.name}` : KIND_LABEL[e.kind],
        },
      });
    }
  }
  scored.sort((a, b) => a.score - b.score || (a.symbol.name < b.symbol.name ? -1 : a.symbol.name > b.symbol.name ? 1 : 0));
  return scored.slice(0, MAX_WORKSPACE_SYMBOLS).map((s) => s.symbol);
}
