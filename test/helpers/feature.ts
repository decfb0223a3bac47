// Feature contexts for unit tests of the pure feature functions: inline YAML
// (optionally with a `|` caret) -> loaded, analysed program -> FeatureContext.
import { analyzeProgram } from '../../server/src/program/analyze.js';
import { parseDate } from '../../server/src/program/dates.js';
import type { FeatureContext } from '../../server/src/features/context.js';
import type { Position } from 'vscode-languageserver-types';
import { caret } from './caret.js';
import { programFromYaml, ROOT_URI, uriOf } from './program.js';

export interface ContextOptions {
  /** "Today" (YYYY-MM-DD) for programs without status_date. */
  readonly today?: string;
  readonly fragments?: Record<string, string>;
  /** Analyse this text instead of the buffer (a stale analysis, as while typing). */
  readonly analysedText?: string;
  /** The document asked about (default: the root). */
  readonly uri?: string;
}

export function contextOf(text: string, options: ContextOptions = {}): FeatureContext {
  const model = programFromYaml(options.analysedText ?? text, options.fragments ?? {});
  const today = options.today ? parseDate(options.today) : undefined;
  const analysis = analyzeProgram(model, today !== undefined ? { today } : {});
  return { uri: options.uri ?? ROOT_URI, text, analysis };
}

/** A context for text containing a `|` caret, and the caret's position. */
export function contextAtCaret(textWithCaret: string, options: ContextOptions = {}): { ctx: FeatureContext; position: Position; text: string } {
  const c = caret(textWithCaret);
  return { ctx: contextOf(c.text, options), position: c.position, text: c.text };
}

export { ROOT_URI, uriOf };
