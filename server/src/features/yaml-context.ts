// Where in the YAML structure an offset is, read off the text alone: the key
// path of the collection the cursor is in and whether it is at a key, a value
// or a list item. It works on half-typed, unparsable text (the usual state of
// a buffer while completing), looks only at the cursor's line and the lines
// above it with less indentation (plus the current map's own lines), and so
// costs time proportional to the distance to the top-level key, never a parse.
//
// Block style is read by indentation; flow collections (`[a, {id: b` …) are
// read on the cursor's line. Multi-line flow collections are not followed.
import type { PathSegment } from '../program/schema-nav.js';
import { scanFlow } from './yaml-flow.js';
import type { FlowFrame } from './yaml-flow.js';
import { indentOf, lineAt, nextLine, previousLine, shapeAt, shapeOf, unquote } from './yaml-lines.js';
import type { Line, LineShape } from './yaml-lines.js';

export type CursorPosition = 'key' | 'value' | 'item';

export interface MapLevel {
  /** Number of path segments above this map. */
  readonly depth: number;
  /** A line start offset on which one of the map's keys stands, and the key column. */
  readonly lineStart: number;
  readonly col: number;
  /** Flow maps on the cursor line: their keys and scalar values, already read. */
  readonly flowEntries?: ReadonlyMap<string, string>;
}

export interface CursorContext {
  /**
   * The path of the collection the cursor is in: for `key` the map, for
   * `item` the sequence, for `value` the map holding `key`.
   */
  readonly path: PathSegment[];
  readonly position: CursorPosition;
  /** For `value`: the key whose value is typed. */
  readonly key?: string;
  /** The partial word at the cursor and the range it spans (the range a completion replaces). */
  readonly word: string;
  readonly wordStart: number;
  readonly wordEnd: number;
  /** True inside a flow collection (`[…]`, `{…}`). */
  readonly flow: boolean;
  /** For `item` in block style: the line has no `- ` yet (the item marker must be inserted). */
  readonly needsDash: boolean;
  /** Column where the content of a new item / key starts (for multi-line snippets). */
  readonly column: number;
  /** The maps on the path, outermost first. */
  readonly maps: readonly MapLevel[];
  /** Keys already present in the current map (key position) or the map holding `key`. */
  readonly presentKeys: ReadonlySet<string>;
}

const MAX_LINES_UP = 200_000;
const WORD_CHARS = /[A-Za-z0-9_.-]/;

interface Resolved {
  readonly path: PathSegment[];
  readonly maps: MapLevel[];
}

/**
 * The path of the collection whose entries start at column `col` on `line`
 * (a map whose keys stand at `col`, or a sequence whose dashes do), found by
 * walking up through the lines with less indentation.
 */
function resolveUp(text: string, line: Line, startKind: 'map' | 'seq', col: number, includeLine: boolean): Resolved {
  const segs: PathSegment[] = [];
  const maps: { lineStart: number; col: number; segsAfter: number }[] = [];
  let kind = startKind;
  let want = col;
  if (kind === 'map') maps.push({ lineStart: line.start, col, segsAfter: 0 });
  let cur: Line | undefined = includeLine ? line : previousLine(text, line);
  /** The collection is an item of the sequence whose dash stands at `dash`. */
  const enterSeq = (dash: number) => {
    segs.unshift(0);
    kind = 'seq';
    want = dash;
  };
  /** The collection is the value of `key` (a map at `content`); the key's line may itself start with a dash. */
  const enterKey = (key: PathSegment, content: number, lineStart: number, dash: number | undefined) => {
    segs.unshift(key);
    kind = 'map';
    want = content;
    maps.push({ lineStart, col: want, segsAfter: segs.length });
    // `- tasks:` is rare, `- id:` common.
    if (dash !== undefined) enterSeq(dash);
  };
  for (let guard = 0; cur && guard < MAX_LINES_UP; guard++) {
    // Fast skip of deeper lines (most lines of a big file) without building their shape.
    if (indentOf(text, cur) > want) { cur = previousLine(text, cur); continue; }
    const sh = shapeAt(text, cur);
    if (sh.blank) { cur = previousLine(text, cur); continue; }
    const lastDash = sh.dashes[sh.dashes.length - 1];
    if (kind === 'map') {
      if (lastDash !== undefined && sh.content === want && sh.key !== undefined) {
        // `- key: …`: the map is an item of the sequence whose dash is here.
        enterSeq(lastDash);
      } else if (sh.indent >= want) {
        // A deeper line of the same map: keep walking up.
      } else if (sh.key !== undefined && sh.content < want && sh.rest === '') {
        enterKey(sh.key, sh.content, cur.start, lastDash);
      } else if (sh.key === undefined && lastDash !== undefined && lastDash < want && sh.rest === '') {
        // A bare `-` line followed by the map on the next lines.
        enterSeq(lastDash);
      } else break;
    } else if (sh.dashes.includes(want) || sh.indent > want) {
      // Another item of the same sequence, or deeper: keep walking up.
    } else if (sh.key !== undefined && sh.content <= want && sh.rest === '') {
      enterKey(sh.key, sh.content, cur.start, lastDash);
    } else break;
    cur = previousLine(text, cur);
  }
  const total = segs.length;
  const levels: MapLevel[] = maps
    .map((m) => ({ depth: total - m.segsAfter, lineStart: m.lineStart, col: m.col }))
    .sort((a, b) => a.depth - b.depth);
  return { path: segs, maps: levels };
}

/**
 * The keys (and their inline values) of the block map whose keys stand at
 * `col`, one of which is on the line starting at `lineStart`. Skips `skip`.
 */
export function mapEntries(text: string, lineStart: number, col: number, skipLineStart = -1): Map<string, string> {
  const out = new Map<string, string>();
  const first = lineAt(text, lineStart);
  const take = (l: Line, sh: LineShape) => {
    if (l.start !== skipLineStart && sh.key !== undefined && sh.content === col && !out.has(sh.key)) out.set(sh.key, unquote(sh.rest));
  };
  // Upwards, including the first line.
  let cur: Line | undefined = first;
  for (let guard = 0; cur && guard < MAX_LINES_UP; guard++) {
    const sh = shapeAt(text, cur);
    if (!sh.blank) {
      if (sh.content === col && sh.key !== undefined && sh.dashes.length > 0) { take(cur, sh); break; }
      if (sh.indent < col) break;
      if (sh.indent === col) take(cur, sh);
    }
    cur = previousLine(text, cur);
  }
  cur = nextLine(text, first);
  for (let guard = 0; cur && guard < MAX_LINES_UP; guard++) {
    const sh = shapeAt(text, cur);
    if (!sh.blank) {
      if (sh.indent < col) break;
      if (sh.indent === col) {
        if (sh.dashes.length > 0) break;
        take(cur, sh);
      }
    }
    cur = nextLine(text, cur);
  }
  return out;
}

function wordAround(text: string, offset: number, line: Line): { word: string; start: number; end: number } {
  let start = offset;
  while (start > line.start && WORD_CHARS.test(text[start - 1] as string)) start--;
  let end = offset;
  while (end < line.end && WORD_CHARS.test(text[end] as string)) end++;
  return { word: text.slice(start, offset), start, end };
}

/** The structural context at `offset`, or undefined where nothing can be completed (comments, closed values). */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const off = Math.max(0, Math.min(offset, text.length));
  const line = lineAt(text, off);
  const prefix = text.slice(line.start, off);
  const sh = shapeOf(prefix);
  const w = wordAround(text, off, line);
  const base = { word: w.word, wordStart: w.start, wordEnd: w.end };
  if (/(^|\s)#/.test(stripCommentMarker(prefix))) return undefined;

  // A `key: value…` on this line: the value, possibly a flow collection.
  if (sh.key !== undefined && sh.keyEnd !== undefined && sh.keyEnd <= prefix.length) {
    const afterColon = prefix.slice(prefix.indexOf(':', sh.keyEnd) + 1);
    const valueText = afterColon.replace(/^\s+/, '');
    const owner = ownerOf(text, line, sh);
    if (valueText.startsWith('[') || valueText.startsWith('{')) {
      return flowContext(valueText, [...owner.path, sh.key], owner.maps, base, sh.content);
    }
    return {
      ...base, path: owner.path, position: 'value', key: sh.key, flow: false, needsDash: false, column: sh.content,
      maps: owner.maps, presentKeys: new Set(mapEntries(text, line.start, sh.content, line.start).keys()),
    };
  }
  const lastDash = sh.dashes[sh.dashes.length - 1];
  if (lastDash !== undefined) {
    const item = prefix.slice(sh.content);
    const seq = resolveUp(text, line, 'seq', lastDash, false);
    if (item.startsWith('[') || item.startsWith('{')) {
      return flowContext(item, [...seq.path, 0], seq.maps, base, sh.content);
    }
    if (/[\s:,]/.test(item.trimEnd()) && !/^[A-Za-z0-9_.-]*$/.test(item)) return undefined;
    return {
      ...base, path: seq.path, position: 'item', flow: false, needsDash: false, column: sh.content, maps: seq.maps, presentKeys: new Set(),
    };
  }
  // A key being typed (or an empty line) at column `col`.
  const col = sh.blank ? prefix.length : sh.content;
  if (!sh.blank && !/^[A-Za-z0-9_.-]*$/.test(prefix.slice(sh.content))) return undefined;
  // Just below a `- …` item line whose dash stands at this column: a new item.
  const above = firstNonBlankAbove(text, line);
  if (above && above.shape.dashes.includes(col) && above.shape.indent === col) {
    const seq = resolveUp(text, line, 'seq', col, false);
    return { ...base, path: seq.path, position: 'item', flow: false, needsDash: true, column: col + 2, maps: seq.maps, presentKeys: new Set() };
  }
  const map = resolveUp(text, line, 'map', col, false);
  const present = new Set(mapEntries(text, line.start, col, line.start).keys());
  return { ...base, path: map.path, position: 'key', flow: false, needsDash: false, column: col, maps: map.maps, presentKeys: present };
}

function stripCommentMarker(prefix: string): string {
  // Only a real comment counts: drop quoted text first.
  return prefix.replace(/"[^"]*"|'[^']*'/g, '""');
}

function firstNonBlankAbove(text: string, line: Line): { line: Line; shape: LineShape } | undefined {
  let cur = previousLine(text, line);
  for (let guard = 0; cur && guard < MAX_LINES_UP; guard++) {
    const shape = shapeAt(text, cur);
    if (!shape.blank) return { line: cur, shape };
    cur = previousLine(text, cur);
  }
  return undefined;
}

/** The path of the map holding the key on `line`. */
function ownerOf(text: string, line: Line, sh: LineShape): Resolved {
  const dash = sh.dashes[sh.dashes.length - 1];
  if (dash !== undefined) {
    const seq = resolveUp(text, line, 'seq', dash, false);
    return {
      path: [...seq.path, 0],
      maps: [...seq.maps, { depth: seq.path.length + 1, lineStart: line.start, col: sh.content }],
    };
  }
  return resolveUp(text, line, 'map', sh.content, false);
}

function flowContext(
  flowText: string, basePath: PathSegment[], baseMaps: MapLevel[],
  base: { word: string; wordStart: number; wordEnd: number }, column: number,
): CursorContext | undefined {
  const st = scanFlow(flowText);
  if (!st) return undefined;
  const path = [...basePath];
  const maps = [...baseMaps];
  st.frames.forEach((f, i) => {
    if (i === 0) { if (f.type === 'map') maps.push({ depth: path.length, lineStart: -1, col: -1, flowEntries: f.entries }); return; }
    const parent = st.frames[i - 1] as FlowFrame;
    path.push(parent.type === 'seq' ? 0 : (f.key ?? ''));
    if (f.type === 'map') maps.push({ depth: path.length, lineStart: -1, col: -1, flowEntries: f.entries });
  });
  const top = st.frames[st.frames.length - 1] as FlowFrame;
  const common = { ...base, path, flow: true, needsDash: false, column, maps };
  if (top.type === 'seq') return { ...common, position: 'item', presentKeys: new Set() };
  const present = new Set([...top.entries.keys()].filter((k) => k !== st.pendingKey && k !== base.word));
  if (st.pendingKey !== undefined) return { ...common, position: 'value', key: st.pendingKey, presentKeys: present };
  return { ...common, position: 'key', presentKeys: present };
}

/** The entries (key → inline value) of the map at `level`. */
export function entriesOf(text: string, level: MapLevel): ReadonlyMap<string, string> {
  if (level.flowEntries) return level.flowEntries;
  return mapEntries(text, level.lineStart, level.col);
}

export interface KeyAt {
  /** The key under the cursor and the path of the map holding it. */
  readonly key: string;
  readonly path: PathSegment[];
  /** Offsets of the key token. */
  readonly start: number;
  readonly end: number;
}

/** The block-style key token under `offset` (`key:` at the start of a line's content), if any. */
export function keyAt(text: string, offset: number): KeyAt | undefined {
  const off = Math.max(0, Math.min(offset, text.length));
  const line = lineAt(text, off);
  const sh = shapeAt(text, line);
  if (sh.key === undefined || sh.keyStart === undefined || sh.keyEnd === undefined) return undefined;
  const col = off - line.start;
  if (col < sh.keyStart || col > sh.keyEnd) return undefined;
  const owner = ownerOf(text, line, sh);
  return { key: sh.key, path: owner.path, start: line.start + sh.keyStart, end: line.start + sh.keyEnd };
}
