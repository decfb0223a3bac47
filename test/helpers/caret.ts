// Carets and positions for every test (unit, LSP): write `|` where the cursor
// is in inline YAML and get the text without it and the caret's LSP position;
// find a position by offset or by the text at it; read or apply ranges.
import { LineIndex } from '../../server/src/program/line-index.js';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';

export interface Caret {
  /** The text without the marker. */
  readonly text: string;
  /** Offset of the marker. */
  readonly offset: number;
  /** LSP position of the marker. */
  readonly position: Position;
}

/** Removes the first `marker` from `text` and returns where it was. */
export function caret(textWithCaret: string, marker = '|'): Caret {
  const offset = textWithCaret.indexOf(marker);
  if (offset < 0) throw new Error(`no caret marker ${marker} in text`);
  const text = textWithCaret.slice(0, offset) + textWithCaret.slice(offset + marker.length);
  return { text, offset, position: new LineIndex(text).positionAt(offset) };
}

/**
 * The one caret/position helper of the tests: the LSP position of an offset in
 * `text` (`at` a number), or of the `nth` occurrence (0-based) of `at` (a
 * string) plus `delta` characters. Lines and characters come from the server's
 * own LineIndex, so \r\n and \r count as the server counts them.
 */
export function positionOf(text: string, at: number | string, nth = 0, delta = 0): Position {
  return new LineIndex(text).positionAt(typeof at === 'number' ? at + delta : offsetOf(text, at, nth) + delta);
}

/** The offset of the `nth` occurrence (0-based) of `needle` in `text`; throws when there is none. */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`\`${needle}\` not found (occurrence ${nth})`);
  }
  return at;
}

/** The text a range covers. */
export function textIn(text: string, range: Range): string {
  const index = new LineIndex(text);
  return text.slice(index.offsetAt(range.start), index.offsetAt(range.end));
}

/** Applies text edits (non-overlapping, any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
