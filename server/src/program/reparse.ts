// Incremental re-parsing: after a typical edit (inside one task, milestone,
// risk or other list item), parse only that item's text again and splice it
// into the previous syntax tree, shifting the ranges after it. Parsing 10,000
// tasks from scratch takes over a second; an edit then costs milliseconds.
// Anything unusual (syntax errors, anchors, an edit that spans items or
// changes their shape) falls back to a full parse, so the result is always
// what parseFile would give.
import { isCollection, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node, YAMLMap, YAMLSeq } from 'yaml';
import { DEFAULT_LIMITS, checkShape, countNodes, nodeCountOf, parseYamlDocument, setNodeCount } from './parse.js';
import type { ParsedFile, ParseLimits } from './parse.js';

type Range = [number, number, number];

interface Chunk {
  /** The sequence holding the item, and the item's index in it. */
  readonly seq: YAMLSeq;
  readonly index: number;
  readonly item: YAMLMap;
  /** Where the item's text ends: at the next item's dash (trailing blank and comment lines included). */
  readonly end: number;
  /** Keys from the document root down to the item, for patching the plain value. */
  readonly path: (string | number)[];
}

/**
 * The new ParsedFile for `text`, or undefined when a full parse is needed.
 * It takes over `prev`'s syntax tree (ranges are shifted in place, the edited
 * item replaced), so `prev` must not be used afterwards; copying the tree
 * would cost as much as the parse we are saving.
 */
export function reparse(prev: ParsedFile, text: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedFile | undefined {
  const doc = prev.doc;
  if (!doc || prev.value === undefined || prev.diagnostics.length > 0 || doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  if (text.length > limits.maxFileSize || hasAnchorsOrTags(prev)) return undefined;
  const old = prev.text;
  let start = 0;
  const min = Math.min(old.length, text.length);
  while (start < min && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < min - start && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldEnd = old.length - suffix;
  const delta = text.length - old.length;
  if (start === old.length && delta === 0) return { ...prev, text };

  const chunk = findChunk(doc, old, start, oldEnd);
  if (!chunk) return undefined;
  const chunkStart = (chunk.item.range as Range)[0];
  const oldChunkEnd = chunk.end;
  const newChunkEnd = oldChunkEnd + delta;
  const lineStart = text.lastIndexOf('\n', chunkStart - 1) + 1;
  const column = chunkStart - lineStart;
  const source = ' '.repeat(column) + text.slice(chunkStart, newChunkEnd);
  if (ANCHOR_OR_TAG.test(source)) return undefined;
  let part: Document.Parsed;
  // The whole file must stay under the node limit: old count - old item + new item.
  const before = nodeCountOf(prev);
  if (before === undefined) return undefined;
  let nodes: number;
  try {
    const parsed = parseYamlDocument(source, limits.maxDepth, limits);
    if ('tooDeep' in parsed) return undefined;
    part = parsed.doc;
    nodes = before - countNodes(old.slice(chunkStart, oldChunkEnd), limits.maxNodes) + parsed.nodes;
    if (nodes > limits.maxNodes) return undefined;
  } catch {
    return undefined;
  }
  const map = part.contents;
  if (part.errors.length > 0 || part.warnings.length > 0 || !isMap(map) || map.flow || map.items.length === 0) return undefined;
  const end = (map.range as Range)[1];
  if (!/^(?:[ \t]*(?:#[^\n]*)?(?:\r?\n|$))*$/.test(source.slice(end)) || checkShape(part, limits.maxDepth)) return undefined;
  // The new item must still be the one map that starts where the old one did.
  if ((map.range as Range)[0] !== column) return undefined;

  let value: unknown;
  try {
    value = map.toJS(part, { maxAliasCount: limits.maxAliasCount });
  } catch {
    return undefined;
  }
  shiftTree(doc, oldChunkEnd, delta);
  shiftTree(map, -Infinity, chunkStart - column);
  chunk.seq.items[chunk.index] = map;
  const next: ParsedFile = { uri: prev.uri, text, doc, value: patchValue(prev.value, chunk.path, value), isRoot: prev.isRoot, diagnostics: [] };
  // The rest of the text is unchanged and the new item has none.
  anchorFree.add(next);
  setNodeCount(next, nodes);
  return next;
}

/** Anchors, aliases and tags tie parts of a file together; those files are parsed whole. */
const ANCHOR_OR_TAG = /(^|[\s[{,])[&*!][^\s,[\]{}]/;
/** Parses known to have none, so the 2 MB scan runs once per full parse, not per keystroke. */
const anchorFree = new WeakSet<ParsedFile>();

function hasAnchorsOrTags(file: ParsedFile): boolean {
  if (anchorFree.has(file)) return false;
  if (ANCHOR_OR_TAG.test(file.text)) return true;
  anchorFree.add(file);
  return false;
}

/**
 * The smallest list item (top-level section item, or a task in a workstream)
 * that holds the whole edit. The last item of a list is never chosen: where
 * its text ends depends on what follows the list, so its parent is used.
 */
function findChunk(doc: Document.Parsed, text: string, start: number, end: number): Chunk | undefined {
  const root = doc.contents;
  if (!isMap(root) || root.flow) return undefined;
  let best: Chunk | undefined;
  const tryList = (seqNode: unknown, path: (string | number)[]): void => {
    if (!isSeq(seqNode) || seqNode.flow) return;
    seqNode.items.forEach((item, index) => {
      const next = seqNode.items[index + 1] as Node | undefined;
      if (!isMap(item) || item.flow || !item.range || !next?.range) return;
      const a = item.range[0];
      // The item's node ends at the next item's dash (the indentation before
      // it included); the edit must stay off that line, whose indentation
      // decides what the next item is.
      let dash = next.range[0] - 1;
      while (dash > a && text[dash] !== '-') dash--;
      const nextLine = text.lastIndexOf('\n', dash) + 1;
      if (!(a < start && end < nextLine)) return;
      best = { seq: seqNode, index, item, end: dash, path: [...path, index] };
      // Tasks inside a workstream are smaller chunks still.
      for (const p of item.items) {
        if (isScalar(p.key) && p.key.value === 'tasks') tryList(p.value, [...path, index, 'tasks']);
      }
    });
  };
  for (const p of root.items) {
    if (!isScalar(p.key) || typeof p.key.value !== 'string') continue;
    const key = p.key.value;
    if (key === 'budget' && isMap(p.value)) {
      for (const q of p.value.items) if (isScalar(q.key) && q.key.value === 'lines') tryList(q.value, ['budget', 'lines']);
    } else tryList(p.value, [key]);
  }
  return best;
}

/** Adds `delta` to every range position at or after `from` in the subtree (positions before stay). */
function shiftTree(root: Node | Document, from: number, delta: number): void {
  if (delta === 0 && from !== -Infinity) return;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as { range?: Range | null } | null | undefined;
    if (!node || typeof node !== 'object') continue;
    const r = node.range;
    if (r) {
      if (r[0] >= from) r[0] += delta;
      if (r[1] >= from) r[1] += delta;
      if (r[2] >= from) r[2] += delta;
    }
    if (isPair(node)) {
      stack.push(node.key, node.value);
    } else if (isCollection(node)) {
      for (const item of node.items) stack.push(item);
    } else if ((node as Document).contents !== undefined && !isScalar(node)) {
      stack.push((node as Document).contents);
    }
  }
}

/** A copy of `value` with the item at `path` replaced (copies only along the path). */
function patchValue(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head as number] = patchValue(copy[head as number], rest, replacement);
    return copy;
  }
  const obj = { ...(value as Record<string, unknown>) };
  obj[head as string] = patchValue(obj[head as string], rest, replacement);
  return obj;
}
