// Reading the yaml AST without trusting it: every helper accepts any node
// (or none) and returns undefined for the wrong shape, so the builder never
// throws on half-typed input. Aliases are followed (the value was already
// bounded by toJS's alias limit in parse.ts).
import { isAlias, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { perObject } from './memo.js';
import type { Span } from './types.js';

export type AnyNode = Node | null | undefined | unknown;

export function deref(doc: Document, node: AnyNode, depth = 0): AnyNode {
  if (isAlias(node) && depth < 32) return deref(doc, resolveAlias(doc, node), depth + 1);
  return node;
}

const aliasTargets = perObject((doc: Document): Map<Alias, Node> => {
  const built = new Map<Alias, Node>();
  const latest = new Map<string, Node>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = latest.get(node.source);
        if (target) built.set(node, target);
      } else {
        const anchor = (node as { anchor?: string }).anchor;
        if (anchor) latest.set(anchor, node);
      }
    },
  });
  return built;
});

/**
 * The node an alias names: the last node with that anchor before it. yaml's
 * own `Alias.resolve` walks the whole document for every alias, which is
 * quadratic with many aliases (issue 11, H4); this walks it once per document.
 */
export function resolveAlias(doc: Document, alias: Alias): Node | undefined {
  return aliasTargets(doc).get(alias);
}

export function asMap(doc: Document, node: AnyNode): YAMLMap | undefined {
  const n = deref(doc, node);
  return isMap(n) ? n : undefined;
}

export function asSeq(doc: Document, node: AnyNode): YAMLSeq | undefined {
  const n = deref(doc, node);
  return isSeq(n) ? n : undefined;
}

export function asScalar(doc: Document, node: AnyNode): Scalar | undefined {
  const n = deref(doc, node);
  return isScalar(n) ? n : undefined;
}

/** The pair whose key is the plain string `key`. */
export function pairOf(map: YAMLMap | undefined, key: string): Pair | undefined {
  if (!map) return undefined;
  for (const p of map.items) if (isScalar(p.key) && p.key.value === key) return p as Pair;
  return undefined;
}

/** A scalar key as the plain value names it (`1` for the number key 1, `''` for an empty key); undefined for any other key. */
export function keyText(key: AnyNode): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

export function valueOf(map: YAMLMap | undefined, key: string): AnyNode {
  return pairOf(map, key)?.value;
}

/** A node's own range as a Span (whole node, including quotes). */
export function nodeSpan(node: AnyNode): Span | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/**
 * The span of a scalar's text without its quotes, so that a rename or a quick
 * fix replaces the id and keeps the user's quoting.
 */
export function tokenSpan(node: Scalar): Span | undefined {
  const s = nodeSpan(node);
  if (!s) return undefined;
  if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && s.end - s.start >= 2) {
    return { start: s.start + 1, end: s.end - 1 };
  }
  return s;
}

export function stringOf(doc: Document, node: AnyNode): string | undefined {
  const s = asScalar(doc, node);
  return s && typeof s.value === 'string' ? s.value : undefined;
}

export function numberOf(doc: Document, node: AnyNode): number | undefined {
  const s = asScalar(doc, node);
  return s && typeof s.value === 'number' && Number.isFinite(s.value) ? s.value : undefined;
}

/** Items of a sequence, or the single node when a scalar stands where a list was expected. */
export function itemsOf(doc: Document, node: AnyNode): AnyNode[] {
  const seq = asSeq(doc, node);
  if (seq) return seq.items;
  return [];
}
