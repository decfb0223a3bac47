// The one place where offsets become lines and columns. Lines and characters
// are 0-based and characters count UTF-16 code units, exactly like LSP
// positions and JavaScript string indices. (yaml's LineCounter is 1-based;
// we do not use it, so there is only one convention to get right.)

export interface Position {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.lineStarts[lo] ?? 0) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line] ?? 0;
    // Never land inside the line break itself (\n, \r or \r\n).
    let lineEnd = this.text.length;
    const next = this.lineStarts[position.line + 1];
    if (next !== undefined) lineEnd = this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10 ? next - 2 : next - 1;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }

  /** Start offset of a line (0-based). */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))] ?? 0;
  }
}
