// From ajv's JSON pointer to the YAML text: which token a finding underlines.
// A finding lands on the narrowest token that says it: the key of a missing or
// unknown key, the value of a wrong one, or the key when the value is empty or
// a block that would underline half the file.
import { isCollection, isMap, isPair, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Span } from '../types.js';
import { deref, keyText, nodeSpan } from '../yaml-nodes.js';

/** Splits an RFC 6901 JSON pointer (`/a~1b/0`) into its unescaped segments (`['a/b', '0']`). */
export function decodeJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export interface Step {
  /** The node at this step (aliases not resolved), or null for an empty value. */
  readonly node: YamlNode | null;
  /** The key whose value this node is, when the parent is a map. */
  readonly key: YamlNode | null;
}

/** The steps from the document's contents down `segs`, as far as the tree goes. */
export function walk(doc: Document.Parsed, segs: readonly string[]): Step[] {
  const steps: Step[] = [{ node: (doc.contents as YamlNode | null) ?? null, key: null }];
  for (const seg of segs) {
    const here = deref(doc, steps[steps.length - 1]?.node);
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

export function nonEmpty(span: Span | undefined): span is Span {
  return span !== undefined && span.end > span.start;
}

/** The first token of a node: the first key of a map, the first item of a list, else the node. */
export function firstToken(doc: Document.Parsed, node: unknown): Span | undefined {
  const n = deref(doc, node);
  if (isMap(n)) return nodeSpan(n.items[0]?.key) ?? nodeSpan(node);
  if (isSeq(n)) return firstToken(doc, n.items[0]) ?? nodeSpan(node);
  if (isPair(n)) return nodeSpan(n.key);
  return nodeSpan(node);
}

/** Where to point for "this map lacks a key": its key, else its first key, else itself. */
export function mapAnchor(doc: Document.Parsed, step: Step | undefined): Span {
  if (!step) return { start: 0, end: 0 };
  const keySpan = nodeSpan(step.key);
  if (nonEmpty(keySpan)) return keySpan;
  const node = deref(doc, step.node);
  if (isMap(node)) {
    const first = node.items[0];
    const s = nodeSpan(first?.key);
    if (nonEmpty(s)) return s;
  }
  if (isSeq(node)) {
    const s = firstToken(doc, node.items[0]);
    if (nonEmpty(s)) return s;
  }
  const own = nodeSpan(step.node);
  if (own && isCollection(step.node) && !step.node.flow) return { start: own.start, end: own.start };
  return own ?? { start: 0, end: 0 };
}

/** Where to point for "this value is wrong": the value, or its key when the value is empty or a block. */
export function valueAnchor(doc: Document.Parsed, step: Step | undefined): Span {
  if (!step) return { start: 0, end: 0 };
  const node = step.node;
  const own = nodeSpan(node);
  if (isCollection(node) && !node.flow) {
    const keySpan = nodeSpan(step.key);
    if (nonEmpty(keySpan)) return keySpan;
    const first = firstToken(doc, node);
    if (nonEmpty(first)) return first;
  }
  if (nonEmpty(own)) return own;
  const keySpan = nodeSpan(step.key);
  if (nonEmpty(keySpan)) return keySpan;
  return own ?? { start: 0, end: 0 };
}

/** Where to point for "this key is wrong": the key in `mapStep`'s map, else the map itself. */
export function keyAnchor(doc: Document.Parsed, mapStep: Step | undefined, key: string): Span {
  const node = deref(doc, mapStep?.node);
  if (isMap(node)) {
    const pair = node.items.find((p) => keyText(p.key) === key);
    const s = nodeSpan(pair?.key);
    if (nonEmpty(s)) return s;
  }
  return mapAnchor(doc, mapStep);
}

/** The span of the `index`-th key named one of `keys` in the map at `step` (the second of `duration` and `effort`). */
export function nthKeyOf(doc: Document.Parsed, step: Step | undefined, keys: readonly string[], index: number): Span | undefined {
  const node = deref(doc, step?.node);
  if (!isMap(node)) return undefined;
  const pairs = node.items.filter((p) => {
    const k = keyText(p.key);
    return k !== undefined && keys.includes(k);
  });
  const s = nodeSpan(pairs[index]?.key);
  return nonEmpty(s) ? s : undefined;
}
