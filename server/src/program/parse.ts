// Text -> YAML syntax tree with ranges, plus the plain JS value, bounded.
// Everything here is total: any input (binary, truncated, hostile) gives a
// ParsedFile with diagnostics, never an exception.
import { isCollection, isMap, isPair, isScalar, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { Diagnostic, Span } from './types.js';

export interface ParseLimits {
  /** Files larger than this (in UTF-16 code units) are not parsed. */
  readonly maxFileSize: number;
  /** How many alias expansions toJS may do before we call it an alias bomb. */
  readonly maxAliasCount: number;
  /** How deeply collections may nest (the format needs about 8 levels). */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxFileSize: 20 * 1024 * 1024,
  maxAliasCount: 1000,
  maxDepth: 64,
};

export interface ParsedFile {
  readonly uri: string;
  readonly text: string;
  /** Undefined when the file was too large to parse. */
  readonly doc: Document.Parsed | undefined;
  /** The plain value of the document (undefined when it could not be built). */
  readonly value: unknown;
  /** A root file has a top-level `program:` key. */
  readonly isRoot: boolean;
  /** YAML-level diagnostics (syntax, size, aliases). */
  readonly diagnostics: readonly Diagnostic[];
}

const YAML_MESSAGES: Record<string, string> = {
  MULTIPLE_DOCS: 'A program file holds one YAML document; split the others into their own files.',
  DUPLICATE_KEY: 'This key appears twice in the same map; the second would silently win.',
  TAB_AS_INDENT: 'Tabs cannot indent YAML; use spaces.',
  BLOCK_AS_IMPLICIT_KEY: 'A block value cannot be a key; is a `:` missing, or the indentation off?',
  MULTILINE_IMPLICIT_KEY: 'A key cannot span several lines; is a `:` missing?',
};

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // yaml appends " at line N, column M:"; the editor shows the place itself.
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

export function parseFile(uri: string, text: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedFile {
  if (text.length > limits.maxFileSize) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(2);
    return {
      uri, text, doc: undefined, value: undefined, isRoot: false,
      diagnostics: [{
        uri, span: { start: 0, end: 0 }, severity: 'error', code: 'file-too-large',
        message: `This file is ${mb(text.length)} MB; program files larger than ${mb(limits.maxFileSize)} MB are not checked (raise the limit with the setting programAsCode.maxFileSize).`,
      }],
    };
  }
  const diagnostics: Diagnostic[] = [];
  let doc: Document.Parsed | undefined;
  try {
    doc = parseDocument(text, { version: '1.2', schema: 'core', prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    // The parser recurses on nesting depth; absurd nesting can overflow the stack.
    diagnostics.push({
      uri, span: { start: 0, end: Math.min(text.length, 1) }, severity: 'error', code: 'yaml-syntax',
      message: e instanceof RangeError ? 'This file is nested too deeply to read.' : `This file cannot be read as YAML: ${String(e)}`,
    });
    return { uri, text, doc: undefined, value: undefined, isRoot: false, diagnostics };
  }
  for (const err of [...doc.errors, ...doc.warnings]) {
    const [a = 0, b = a] = err.pos ?? [0, 0];
    const start = Math.max(0, Math.min(a, text.length));
    let end = Math.max(start, Math.min(b, text.length));
    if (err.code === 'DUPLICATE_KEY') {
      // yaml marks one character; underline the whole repeated key.
      const word = /^[^\s:,{}[\]]+/.exec(text.slice(start, start + 200));
      if (word) end = start + word[0].length;
    }
    diagnostics.push({
      uri, span: { start, end: end > start ? end : Math.min(text.length, start + 1) },
      severity: doc.errors.includes(err as never) ? 'error' : 'warning',
      code: 'yaml-syntax',
      message: YAML_MESSAGES[err.code] ?? firstLine(err.message),
    });
  }
  // yaml's toJS stringifies collection keys, which costs exponential time in
  // their nesting ('{{{{…' takes minutes): refuse such shapes up front.
  const shape = checkShape(doc, limits.maxDepth);
  if (shape) {
    diagnostics.push({ uri, severity: 'error', code: 'yaml-syntax', ...shape });
    return { uri, text, doc, value: undefined, isRoot: false, diagnostics };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    const span = firstAliasSpan(text);
    diagnostics.push({
      uri, span, severity: 'error', code: e instanceof ReferenceError ? 'alias-limit' : 'yaml-syntax',
      message: e instanceof ReferenceError
        ? `Aliases in this file expand to too many nodes (more than ${limits.maxAliasCount}); this looks like an alias bomb, so the file is not checked further.`
        : e instanceof RangeError ? 'This file is nested too deeply to read.' : `This file cannot be read as YAML: ${String(e)}`,
    });
    value = undefined;
  }
  const isRoot = isMap(doc.contents) && doc.contents.items.some((p) => isScalar(p.key) && p.key.value === 'program');
  return { uri, text, doc, value, isRoot, diagnostics };
}

function firstAliasSpan(text: string): Span {
  const m = /\*[^\s,[\]{}]+/.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : { start: 0, end: Math.min(1, text.length) };
}

/** The first place where the document nests too deeply or uses a collection as a key. */
export function checkShape(doc: Document.Parsed, maxDepth: number): { span: Span; message: string } | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (!isCollection(node)) continue;
    const range = node.range ?? [0, 0];
    if (depth > maxDepth) {
      return { span: { start: range[0], end: Math.max(range[0] + 1, Math.min(range[1], range[0] + 1)) }, message: `Collections nest more than ${maxDepth} levels deep here; a program file never needs that.` };
    }
    for (const item of node.items) {
      if (isPair(item)) {
        if (isCollection(item.key)) {
          const r = item.key.range ?? range;
          return { span: { start: r[0], end: r[0] + 1 }, message: 'A key must be plain text, not a list or a map.' };
        }
        stack.push({ node: item.value, depth: depth + 1 });
      } else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}
