// Selection ranges (expand selection): the token without quotes, the scalar,
// the key/value pair, the map, the sequence item's parent list, and so on up
// to the whole document, from the YAML tree's ranges.
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Position, SelectionRange } from 'vscode-languageserver-types';
import type { Span } from '../program/types.js';
import type { FeatureContext } from './context.js';
import { rangeOfNode, yamlTreeOf } from './yaml-tree.js';
import type { YamlTree } from './yaml-tree.js';

const MAX_DEPTH = 64;

/** The spans around `offset`, outermost first. */
function spansAround(tree: YamlTree, offset: number): Span[] {
  const out: Span[] = [];
  const push = (r: [number, number] | Span | undefined) => {
    if (!r) return;
    const span = Array.isArray(r) ? { start: r[0], end: r[1] } : r;
    const last = out[out.length - 1];
    if (last && last.start === span.start && last.end === span.end) return;
    if (last && (span.start < last.start || span.end > last.end)) return; // never widen going inwards
    out.push(span);
  };
  push({ start: 0, end: tree.text.length });
  const inside = (r: [number, number] | undefined) => r !== undefined && r[0] <= offset && offset <= r[1];
  let node: unknown = tree.doc?.contents;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++) {
    const r = rangeOfNode(node);
    if (!inside(r)) break;
    push(r);
    if (isScalar(node)) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && r && r[1] - r[0] >= 2) {
        push({ start: r[0] + 1, end: r[1] - 1 }); // the value without its quotes
      }
      break;
    }
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = rangeOfNode(pair.key);
        const v = rangeOfNode(pair.value);
        const pr: [number, number] | undefined = k ? [k[0], Math.max(k[1], v?.[1] ?? 0)] : v;
        if (!inside(pr)) continue;
        push(pr);
        next = inside(k) ? pair.key : pair.value;
        break;
      }
    } else if (isSeq(node)) {
      next = node.items.find((item) => inside(rangeOfNode(isPair(item) ? item.key : item)));
    }
    node = next;
  }
  return out;
}

export function provideSelectionRanges(ctx: FeatureContext, positions: readonly Position[]): SelectionRange[] {
  const tree = yamlTreeOf(ctx);
  return positions.slice(0, 1000).map((position) => {
    const offset = tree.index.offsetAt(position);
    let parent: SelectionRange | undefined;
    for (const span of spansAround(tree, offset)) {
      const range = { start: tree.index.positionAt(span.start), end: tree.index.positionAt(span.end) };
      parent = parent ? { range, parent } : { range };
    }
    return parent ?? { range: { start: position, end: position } };
  });
}
