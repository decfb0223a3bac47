// Text -> YAML syntax tree with ranges, plus the plain JS value, bounded.
// Everything here is total: any input (binary, truncated, hostile) gives a
// ParsedFile with diagnostics, never an exception.
import { Composer, CST as Cst, isCollection, isMap, isPair, isScalar, Lexer, Parser, YAMLParseError } from 'yaml';
import type { CST, Document } from 'yaml';
import { diagnostic, diagnosticWithSeverity } from './diagnostic.js';
import type { Diagnostic, Span } from './types.js';
import { COMPOSE_OPTIONS, fastParseDocument } from './yaml-fast.js';

export interface ParseLimits {
  /** Files larger than this (in UTF-16 code units) are not parsed. */
  readonly maxFileSize: number;
  /** How many alias expansions toJS may do before we call it an alias bomb. */
  readonly maxAliasCount: number;
  /** How deeply collections may nest (the format needs about 8 levels). */
  readonly maxDepth: number;
  /**
   * How many YAML nodes (scalars, collections, list items, aliases) a file may
   * hold. Counted while lexing, before any tree is built, so memory and time
   * are bounded by this and not by the file's size in characters (H1).
   */
  readonly maxNodes: number;
  /** How many aliases (`*name`) a file may hold in total, whatever the anchors (H4). */
  readonly maxAliases: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxFileSize: 10 * 1024 * 1024,
  maxAliasCount: 1000,
  maxDepth: 64,
  maxNodes: 500_000,
  maxAliases: 1000,
};

/** The lexer tokens that each start a YAML node (or a pair, or a list item). */
const NODE_TOKENS: ReadonlySet<string> = new Set([
  'scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar-header', 'alias',
  'flow-map-start', 'flow-seq-start', 'seq-item-ind', 'map-value-ind', 'explicit-key-ind',
]);

/** Thrown from inside the parser to stop it as soon as a count passes its limit. */
class CountExceeded extends Error {
  constructor(readonly what: 'nodes' | 'aliases', readonly offset: number) {
    super(what);
  }
}

/**
 * yaml's Parser driven by our own Lexer loop (the way yaml documents for a
 * user-provided lexer), counting the nodes and aliases the lexer produces and
 * stopping at the first one over the limit, before the concrete syntax tree
 * grows further. Counting happens on the parser's own lexemes, so nothing is
 * lexed twice, and costs no generator per token.
 */
class BoundedParser {
  nodes = 0;
  private aliases = 0;
  private readonly parser = new Parser();
  constructor(private readonly limits: Pick<ParseLimits, 'maxNodes' | 'maxAliases'>) {}

  *parse(source: string): Generator<CST.Token, void> {
    const parser = this.parser;
    for (const lexeme of new Lexer().lex(source)) {
      const type = Cst.tokenType(lexeme);
      if (type !== null && NODE_TOKENS.has(type)) {
        // `offset` is where this lexeme starts (a plain scalar's marker has no width).
        if (++this.nodes > this.limits.maxNodes) throw new CountExceeded('nodes', parser.offset);
        if (type === 'alias' && ++this.aliases > this.limits.maxAliases) throw new CountExceeded('aliases', parser.offset);
      }
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
}

export interface ParsedFile {
  readonly uri: string;
  readonly text: string;
  /** Undefined when the file was too large to parse. */
  readonly doc: Document.Parsed | undefined;
  /** The plain value of the document (undefined when it could not be built, or was not asked for: see `valueSkipped`). */
  readonly value: unknown;
  /** The value was not built because the caller did not ask for it (parseFile's `value: false`); the tree is sound. */
  readonly valueSkipped?: true;
  /** A root file has a top-level `program:` key. */
  readonly isRoot: boolean;
  /** YAML-level diagnostics (syntax, size, aliases). */
  readonly diagnostics: readonly Diagnostic[];
}

/** A repeated key does not disturb the parse: it is not a root cause of what follows (see root-cause.ts). */
export const DUPLICATE_KEY_MESSAGE = 'This key appears twice in the same map; the second would silently win.';

/** Each tab is a fix of its own: later ones are shown even after the first damage (see root-cause.ts). */
export const TAB_INDENT_MESSAGE = 'Tabs cannot indent YAML; use spaces.';

const YAML_MESSAGES: Record<string, string> = {
  MULTIPLE_DOCS: 'A program file holds one YAML document; split the others into their own files.',
  DUPLICATE_KEY: DUPLICATE_KEY_MESSAGE,
  TAB_AS_INDENT: TAB_INDENT_MESSAGE,
  BLOCK_AS_IMPLICIT_KEY: 'A block value cannot be a key; is a `:` missing, or the indentation off?',
  MULTILINE_IMPLICIT_KEY: 'A key cannot span several lines; is a `:` missing?',
};

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // yaml appends " at line N, column M:"; the editor shows the place itself.
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * `options.value: false`: the caller reads only the tree (a load that does not
 * check the schema), so the fast path does not build the plain value and the
 * file's `value` may be undefined without any diagnostic.
 */
export function parseFile(uri: string, text: string, limits: ParseLimits = DEFAULT_LIMITS, options: { value?: boolean } = {}): ParsedFile {
  if (text.length > limits.maxFileSize) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(2);
    // `text` may be only the beginning of a larger file (hosts read with a bound), so its length is not quoted.
    return {
      uri, text, doc: undefined, value: undefined, isRoot: false,
      diagnostics: [diagnostic('file-too-large', uri, { start: 0, end: 0 },
        `This file is larger than ${mb(limits.maxFileSize)} MB, so it is not checked (raise the limit with the setting programAsCode.maxFileSize).`)],
    };
  }
  const diagnostics: Diagnostic[] = [];
  let doc: Document.Parsed | undefined;
  let nodes = 0;
  let fastValue: { value: unknown } | undefined;
  try {
    const parsed = parseYamlDocument(text, limits.maxDepth, limits, options.value !== false);
    if ('tooDeep' in parsed) {
      diagnostics.push(diagnostic('yaml-syntax', uri, parsed.tooDeep, tooDeepMessage(limits.maxDepth)));
      return { uri, text, doc: undefined, value: undefined, isRoot: false, diagnostics };
    }
    doc = parsed.doc;
    nodes = parsed.nodes;
    // The fast path's documents have no errors, scalar keys only and bounded depth, and come with their value.
    if ('value' in parsed) fastValue = { value: parsed.value };
  } catch (e) {
    if (e instanceof CountExceeded) {
      diagnostics.push(countDiagnostic(uri, text, e, limits));
      return { uri, text, doc: undefined, value: undefined, isRoot: false, diagnostics };
    }
    // The parser recurses on nesting depth; absurd nesting can overflow the stack.
    diagnostics.push(diagnostic('yaml-syntax', uri, { start: 0, end: Math.min(text.length, 1) },
      e instanceof RangeError ? 'This file is nested too deeply to read.' : `This file cannot be read as YAML: ${String(e)}`));
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
    // What yaml only warns about (an unknown tag `!foo`, an unknown `%` directive) stays a warning.
    diagnostics.push(diagnosticWithSeverity('yaml-syntax', doc.errors.includes(err as never) ? 'error' : 'warning',
      uri, { start, end: end > start ? end : Math.min(text.length, start + 1) },
      YAML_MESSAGES[err.code] ?? firstLine(err.message)));
  }
  // yaml's toJS stringifies collection keys, which costs exponential time in
  // their nesting ('{{{{…' takes minutes): refuse such shapes up front.
  const shape = fastValue ? undefined : checkShape(doc, limits.maxDepth);
  if (shape) {
    diagnostics.push(diagnostic('yaml-syntax', uri, shape.span, shape.message));
    return { uri, text, doc, value: undefined, isRoot: false, diagnostics };
  }
  let value: unknown;
  try {
    value = fastValue ? fastValue.value : doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    const span = firstAliasSpan(text);
    diagnostics.push(diagnostic(e instanceof ReferenceError ? 'alias-limit' : 'yaml-syntax', uri, span,
      e instanceof ReferenceError
        ? `Aliases in this file expand to too many nodes (more than ${limits.maxAliasCount}); this looks like an alias bomb, so the file is not checked further.`
        : e instanceof RangeError ? 'This file is nested too deeply to read.' : `This file cannot be read as YAML: ${String(e)}`));
    value = undefined;
  }
  const isRoot = isMap(doc.contents) && doc.contents.items.some((p) => isScalar(p.key) && p.key.value === 'program');
  const skipped = fastValue !== undefined && options.value === false;
  const file: ParsedFile = { uri, text, doc, value, isRoot, diagnostics, ...(skipped && { valueSkipped: true as const }) };
  nodeCounts.set(file, nodes);
  return file;
}

/** How many nodes each parse counted, so incremental re-parses keep the file under `maxNodes`. */
const nodeCounts = new WeakMap<ParsedFile, number>();

export function nodeCountOf(file: ParsedFile): number | undefined {
  return nodeCounts.get(file);
}

export function setNodeCount(file: ParsedFile, nodes: number): void {
  nodeCounts.set(file, nodes);
}

/** The nodes in `text` as the parser counts them, stopping past `limit`. */
export function countNodes(text: string, limit: number): number {
  const parser = new BoundedParser({ maxNodes: limit, maxAliases: Number.POSITIVE_INFINITY });
  try {
    for (const _ of parser.parse(text)) { /* counting only */ }
  } catch (e) {
    if (!(e instanceof CountExceeded)) throw e;
  }
  return parser.nodes;
}

function countDiagnostic(uri: string, text: string, e: CountExceeded, limits: ParseLimits): Diagnostic {
  const start = Math.max(0, Math.min(e.offset, text.length));
  const span = { start, end: Math.min(text.length, start + 1) };
  if (e.what === 'aliases') {
    const alias = /^\*[^\s,[\]{}]+/.exec(text.slice(start, start + 200));
    return diagnostic('alias-limit', uri, alias ? { start, end: start + alias[0].length } : span,
      `This file uses more than ${limits.maxAliases.toLocaleString('en-US')} aliases (\`*name\`); resolving them all would be too slow, so the file is not checked further. Write the values out instead.`);
  }
  return diagnostic('too-many-nodes', uri, span,
    `This file holds more than ${limits.maxNodes.toLocaleString('en-US')} YAML values (the first one over the limit is here), so it is not checked. Split the program into fragments with \`include:\`.`);
}

function tooDeepMessage(maxDepth: number): string {
  return `Collections nest more than ${maxDepth} levels deep here; a program file never needs that.`;
}

/**
 * How deeply the syntax tree may nest before it is composed into a Document.
 * yaml's composer recurses once per level and runs out of stack near 900
 * levels; it catches that RangeError, but V8 may instead abort the whole
 * process ("RegExpCompiler Allocation failed - process out of memory") when a
 * regular expression gets compiled that close to the stack limit. So deeper
 * documents are refused before composing, from the (iterative) CST.
 */
export const MAX_COMPOSE_DEPTH = 256;

/**
 * yaml's parseDocument (one document; a second one is an error), except that
 * a document nesting deeper than MAX_COMPOSE_DEPTH is never composed: the
 * answer is then the span of the first collection deeper than `maxDepth`.
 */
export function parseYamlDocument(
  text: string, maxDepth: number, counts: Pick<ParseLimits, 'maxNodes' | 'maxAliases'> = DEFAULT_LIMITS, withValue = true,
): { doc: Document.Parsed; nodes: number; value?: unknown } | { tooDeep: Span } {
  // The common shapes of program files take a path several times faster (see yaml-fast.ts).
  return fastParseDocument(text, Math.min(maxDepth, MAX_COMPOSE_DEPTH), counts.maxNodes, withValue) ?? parseWithYaml(text, maxDepth, counts);
}

/** parseYamlDocument through yaml's own lexer, parser and composer, for any text. */
export function parseWithYaml(
  text: string, maxDepth: number, counts: Pick<ParseLimits, 'maxNodes' | 'maxAliases'> = DEFAULT_LIMITS,
): { doc: Document.Parsed; nodes: number } | { tooDeep: Span } {
  let tooDeep: Span | undefined;
  function* guarded(tokens: Iterable<CST.Token>): Generator<CST.Token> {
    for (const token of tokens) {
      if (token.type === 'document') {
        tooDeep = cstTooDeep(token, Math.min(maxDepth, MAX_COMPOSE_DEPTH), MAX_COMPOSE_DEPTH);
        if (tooDeep) return;
      }
      yield token;
    }
  }
  const composer = new Composer(COMPOSE_OPTIONS);
  let doc: Document.Parsed | undefined;
  const parser = new BoundedParser(counts);
  for (const next of composer.compose(guarded(parser.parse(text)), true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  if (tooDeep) return { tooDeep };
  // compose(…, forceDoc) always yields a document at the end.
  return { doc: doc as Document.Parsed, nodes: parser.nodes };
}

/**
 * When a CST document nests collections deeper than `hardLimit`, the span of
 * the first collection on that path deeper than `softLimit`. Iterative.
 */
function cstTooDeep(document: CST.Document, softLimit: number, hardLimit: number): Span | undefined {
  const stack: { token: CST.Token | undefined; depth: number; marker: number }[] = [{ token: document.value, depth: 0, marker: -1 }];
  while (stack.length > 0) {
    const { token, depth, marker } = stack.pop() as (typeof stack)[number];
    if (!token) continue;
    const isCollectionToken = token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
    const at = marker < 0 && isCollectionToken && depth > softLimit ? token.offset : marker;
    if (isCollectionToken) {
      if (depth > hardLimit) return { start: at, end: at + 1 };
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1, marker: at });
        if ('value' in item && item.value) stack.push({ token: item.value, depth: depth + 1, marker: at });
      }
    } else if (token.type === 'block-scalar') {
      for (const p of token.props) stack.push({ token: p, depth: depth + 1, marker: at });
    }
  }
  return undefined;
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
      return { span: { start: range[0], end: Math.max(range[0] + 1, Math.min(range[1], range[0] + 1)) }, message: tooDeepMessage(maxDepth) };
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
