// Folding ranges from the YAML tree: every map, sequence and key whose value
// spans several lines, and every run of two or more comment lines.
import { isMap, isPair, isSeq } from 'yaml';
import { FoldingRangeKind } from 'vscode-languageserver-types';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { FeatureContext } from './context.js';
import { rangeOfNode, yamlTreeOf } from './yaml-tree.js';

const MAX_DEPTH = 64;

export function provideFoldingRanges(ctx: FeatureContext, rangeLimit = 5000): FoldingRange[] {
  const { doc, text, index } = yamlTreeOf(ctx);
  const byStart = new Map<number, FoldingRange>();
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    let e = end;
    while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
    const startLine = index.positionAt(start).line;
    const endLine = index.positionAt(e).line;
    if (endLine <= startLine) return;
    // One fold per start line: the innermost, so `- id: a` folds that item, not the whole list
    // (the list itself folds from its key's line).
    const prev = byStart.get(startLine);
    if (!prev || prev.endLine > endLine) byStart.set(startLine, { startLine, endLine, ...(kind && { kind }) });
  };

  if (doc) {
    const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
    while (stack.length > 0) {
      const { node, depth } = stack.pop() as { node: unknown; depth: number };
      if (depth > MAX_DEPTH) continue;
      if (isMap(node) || isSeq(node)) {
        const r = rangeOfNode(node);
        if (r) add(r[0], r[1]);
        for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
      } else if (isPair(node)) {
        const k = rangeOfNode(node.key);
        const v = rangeOfNode(node.value);
        if (k && v) add(k[0], v[1]);
        stack.push({ node: node.value, depth: depth + 1 });
      }
    }
  }

  // Runs of whole-line comments.
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) byStart.set(runStart, { startLine: runStart, endLine: runEnd, kind: FoldingRangeKind.Comment });
    runStart = -1;
  };
  for (let line = 0; line < index.lineCount; line++) {
    const s = index.lineStart(line);
    const e = line + 1 < index.lineCount ? index.lineStart(line + 1) : text.length;
    if (/^\s*#/.test(text.slice(s, e))) {
      if (runStart < 0) runStart = line;
      runEnd = line;
    } else flush();
  }
  flush();

  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine).slice(0, Math.max(0, rangeLimit));
}
