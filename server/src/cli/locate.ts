// Diagnostics and spans -> 1-based line:column for people and problem matchers.
import { LineIndex } from '../program/line-index.js';
import type { ProgramModel } from '../program/model.js';
import type { Span } from '../program/types.js';

export interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Line indexes of every file in the programs, built once per file. */
export class Locator {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(models: readonly ProgramModel[]) {
    for (const m of models) for (const f of m.files) if (!this.indexes.has(f.uri)) this.indexes.set(f.uri, new LineIndex(f.text));
  }

  region(uri: string, span: Span): Region {
    const index = this.indexes.get(uri);
    if (!index) return { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    const a = index.positionAt(span.start);
    const b = index.positionAt(span.end);
    return { startLine: a.line + 1, startColumn: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
  }
}
