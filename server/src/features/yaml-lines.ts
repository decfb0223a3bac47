// Reading YAML one physical line at a time, by offsets into the text (for
// yaml-context.ts, which must work on half-typed text that does not parse):
// a line's bounds, its neighbours, and its shape (indentation, leading dashes,
// a `key:` and what follows it).

/** One physical line, by offsets into the text. */
export interface Line {
  readonly start: number;
  /** End of the line's content (before the line break). */
  readonly end: number;
}

/** The shape of a line: indentation, leading dashes, and a `key:` if any. */
export interface LineShape {
  readonly blank: boolean;
  readonly indent: number;
  /** Columns of the leading `- ` markers. */
  readonly dashes: readonly number[];
  /** Column of the content after the dashes. */
  readonly content: number;
  readonly key?: string;
  /** Column range of the key token (without quotes). */
  readonly keyStart?: number;
  readonly keyEnd?: number;
  /** The value text after `key:` (trimmed, comment removed), '' when none. */
  readonly rest: string;
}

export function lineAt(text: string, offset: number): Line {
  let start = offset;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (c === 10 || c === 13) break;
    start--;
  }
  let end = offset;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  return { start, end };
}

export function previousLine(text: string, line: Line): Line | undefined {
  // `<=`, not `===`: an offset that is not a whole number (from a fractional
  // LSP position, now refused at the server's edge) never reaches 0 exactly
  // and would walk on below it.
  if (line.start <= 0) return undefined;
  let p = line.start - 1;
  if (text.charCodeAt(p) === 10 && p > 0 && text.charCodeAt(p - 1) === 13) p--;
  return lineAt(text, p);
}

export function nextLine(text: string, line: Line): Line | undefined {
  if (line.end >= text.length) return undefined;
  let p = line.end;
  if (text.charCodeAt(p) === 13 && text.charCodeAt(p + 1) === 10) p += 2;
  else p += 1;
  return lineAt(text, p);
}

const KEY_RE = /^("([^"]*)"|'([^']*)'|[^\s#:{}[\],'"-][^:#{}[\],]*?|-[^\s:#{}[\],][^:#{}[\],]*?)\s*:(?=\s|$)/;

/** Strips a trailing comment (a `#` after whitespace, outside quotes). */
export function stripComment(s: string): string {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === '\'') quote = ch;
    else if (ch === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i);
  }
  return s;
}

export function shapeOf(s: string): LineShape {
  let i = 0;
  while (i < s.length && s[i] === ' ') i++;
  const indent = i;
  if (i >= s.length || s[i] === '#') return { blank: true, indent, dashes: [], content: i, rest: '' };
  const dashes: number[] = [];
  while (s[i] === '-' && (i + 1 >= s.length || s[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (i < s.length && s[i] === ' ') i++;
  }
  const content = i;
  const body = s.slice(content);
  const m = KEY_RE.exec(body);
  if (!m) return { blank: false, indent, dashes, content, rest: stripComment(body).trim() };
  const raw = m[1] as string;
  const quoted = raw.startsWith('"') || raw.startsWith('\'');
  const key = quoted ? (m[2] ?? m[3] ?? '') : raw.trim();
  const keyStart = content + (quoted ? 1 : 0);
  return {
    blank: false, indent, dashes, content, key, keyStart, keyEnd: keyStart + key.length,
    rest: stripComment(body.slice(m[0].length)).trim(),
  };
}

/** Leading spaces of a line; a blank or comment-only line counts as infinitely deep. */
export function indentOf(text: string, line: Line): number {
  let i = line.start;
  while (i < line.end && text.charCodeAt(i) === 32) i++;
  if (i >= line.end || text.charCodeAt(i) === 35 /* # */) return Number.MAX_SAFE_INTEGER;
  return i - line.start;
}

export function shapeAt(text: string, line: Line): LineShape {
  return shapeOf(text.slice(line.start, line.end));
}

export function unquote(s: string): string {
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith('\'') && s.endsWith('\'')))) return s.slice(1, -1);
  return s;
}
