// A caret marker for feature tests: write `|` where the cursor is in inline
// YAML, get the text without it and the LSP position of the caret.
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

/** The LSP position of `offset` in `text`. */
export function positionOf(text: string, offset: number): Position {
  return new LineIndex(text).positionAt(offset);
}

/** The position of the `nth` occurrence (0-based) of `needle` in `text`, plus `delta` characters. */
export function positionOfText(text: string, needle: string, nth = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found (occurrence ${nth})`);
  }
  return positionOf(text, at + delta);
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
