// What every feature function receives: the document asked about and the
// analysed program it belongs to. Features are pure functions of this and a
// position; they never see the connection. Positions are converted here and
// in convert.ts only.
import type { ProgramAnalysis } from '../program/analyze.js';
import type { ForecastState } from '../program/forecast/forecast.js';
import { LineIndex } from '../program/line-index.js';
import { perObject } from '../program/memo.js';
import type { ParsedFile } from '../program/parse.js';
import type { Span } from '../program/types.js';
import type { Position, Range } from 'vscode-languageserver-types';
import type { BaselineView } from './baseline.js';

export interface FeatureContext {
  /** The document the request is about. */
  readonly uri: string;
  /** Its current text (the editor's buffer, saved or not). */
  readonly text: string;
  /** The program the document belongs to (its first root), if any. */
  readonly analysis: ProgramAnalysis | undefined;
  /**
   * The editor buffer's own position → offset map, when the caller has one
   * (the server's TextDocument keeps it up to date per edit); saves indexing a
   * large text again on every keystroke.
   */
  readonly offsetAt?: (position: Position) => number;
  /** The program's Monte Carlo forecast, when the server runs one (hover shows a milestone's P50/P80). */
  readonly forecast?: ForecastState;
  /** The baseline (`programAsCode.baseline`) compared with `analysis`, once git has been read. */
  readonly baseline?: BaselineView;
}

/** The line index of a parsed file, built once per file version. */
export const lineIndexOf = perObject((file: ParsedFile): LineIndex => new LineIndex(file.text));

/** The parsed file with `uri` in the context's program. */
export function fileOf(ctx: FeatureContext, uri: string): ParsedFile | undefined {
  return ctx.analysis?.model.files.find((f) => f.uri === uri);
}

export function toRange(file: ParsedFile, span: Span): Range {
  const index = lineIndexOf(file);
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

/** A span in any file of the program as an LSP range (empty range at 0 if the file is unknown). */
export function rangeIn(ctx: FeatureContext, uri: string, span: Span): Range {
  const file = fileOf(ctx, uri);
  return file ? toRange(file, span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export function offsetIn(ctx: FeatureContext, position: Position): number {
  const file = fileOf(ctx, ctx.uri);
  return (file ? lineIndexOf(file) : new LineIndex(ctx.text)).offsetAt(position);
}
