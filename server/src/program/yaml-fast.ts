// A fast path for the YAML that program files are made of: block maps and
// lists, one-line plain and quoted scalars, one-line flow lists and maps
// (`[a, { id: b, type: SS }]`), and comments. It builds the very nodes yaml's composer builds (the
// same classes, values, ranges, types, sources and formats; yaml-fast-nodes.ts),
// several times faster (`npm run bench` prints both on a 10,000-task
// program's 2 MB of fragments), because `diff` and `report` spent most of
// their time in yaml's lexer, parser and composer (measured: 1 s of 2.4 s).
// It is over 400 lines because it is one recursive-descent parser whose
// methods share one cursor, its counts and its limits.
//
// It is only a shortcut: on anything outside that subset (anchors, tags,
// block scalars, multi-line scalars, escapes, tabs, CRLF, duplicate keys,
// anything yaml would warn about) it answers undefined and the caller parses
// with yaml. test/unit/yaml-fast.test.ts checks, on every program
// file in the repository and on random documents, that whatever it accepts
// gives the same tree as yaml (comments aside: `comment`, `commentBefore` and
// `spaceBefore` are not set, and nothing reads them today; a feature that
// re-prints a document with its comments must parse it with parse.ts's
// `parseWithYaml`).
import { Composer, Document, Scalar, YAMLSeq } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { bail, checkNewKey, COMPOSE_OPTIONS, newMap, newPair, newScalar, newSeq, NOT_SIMPLE } from './yaml-fast-nodes.js';

export { COMPOSE_OPTIONS } from './yaml-fast-nodes.js';

type Range = [number, number, number];

/** Adds a pair to a plain object as yaml's toJS does (addPairToJSMap; keys are scalars here). */
function addToObject(obj: Record<string, unknown>, key: unknown, value: unknown): void {
  const jsKey = key === null ? '' : String(key);
  if (jsKey in obj) Object.defineProperty(obj, jsKey, { value, writable: true, enumerable: true, configurable: true });
  else obj[jsKey] = value;
}

/** Characters that make the whole file take yaml's path: tabs, CR, control characters, BOM, odd line breaks. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const UNSUPPORTED_CHARS = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0085\u2028\u2029\ufeff]/;

const SPACE = 32;
const NL = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;

/** Characters no plain scalar may start with here (YAML's indicators, and space). */
const NOT_PLAIN_START = new Set([...'-?:,[]{}#&*!|>\'"%@` '].map((c) => c.charCodeAt(0)));
/** Characters a plain scalar inside a flow collection may not hold (we are stricter than YAML). */
const FLOW_STOP = new Set([...',[]{}:#'].map((c) => c.charCodeAt(0)));
/** First characters of plain scalars that some core-schema tag other than string may match. */
const MAYBE_NOT_STRING = new Set([...'0123456789+-.~nNtTfF'].map((c) => c.charCodeAt(0)));

interface ScalarTag {
  readonly default?: boolean | 'key';
  readonly test?: RegExp;
  readonly format?: string;
  resolve(value: string, onError: (message: string) => void, options: unknown): unknown;
}

/** A comment-only line: its column, and the offset just past it. */
interface CommentLine {
  readonly col: number;
  readonly end: number;
}

/** What follows a value's line: blank and comment lines, then the next content line. */
interface Gap {
  /** Start of the next content line (the text's length at the end). */
  readonly next: number;
  /** Its indentation; -1 at the end of the text. */
  readonly indent: number;
  /** The comment lines in between not yet given to a node, in order (null when none). */
  readonly comments: readonly CommentLine[] | null;
}

export interface FastParse {
  readonly doc: Document.Parsed;
  /** The document's plain value, as `doc.toJS()` gives it (built on the way: no second walk). */
  readonly value: unknown;
  /** YAML nodes as parse.ts's BoundedParser counts them. */
  readonly nodes: number;
}

/**
 * The document yaml would compose from `text`, or undefined when the text is
 * outside the subset (or over `maxNodes` nodes, or nested deeper than
 * `maxDepth`), so that the caller's yaml parse reports it as it always did.
 */
export function fastParseDocument(text: string, maxDepth: number, maxNodes: number, withValue = true): FastParse | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return new FastParser(text, maxDepth, maxNodes, withValue).document();
  } catch (e) {
    if (e === NOT_SIMPLE) return undefined;
    // Deep recursion or anything unforeseen: yaml's path decides.
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** The next occurrence of a string at or after a position (Infinity when none), remembering the last answer. */
class Ahead {
  private from = Number.POSITIVE_INFINITY;
  private at = -1;
  constructor(private readonly what: string) {}
  next(text: string, p: number): number {
    if (p < this.from || p > this.at) {
      const i = text.indexOf(this.what, p);
      this.from = p;
      this.at = i < 0 ? Number.POSITIVE_INFINITY : i;
    }
    return this.at;
  }
}

class FastParser {
  private nodes = 0;
  private depth = 0;
  /** Whether the last value parsed was an empty one (`key:` with nothing after). */
  private lastEmpty = false;
  /** The plain value of the collection map(), seq() or flow() returned last. */
  private js: unknown;
  /** Searches for ` #` and `:` ahead, remembered so that a file without either is not scanned once per line. */
  private readonly hashes = new Ahead(' #');
  private readonly colons = new Ahead(':');
  private readonly composer = new Composer(COMPOSE_OPTIONS);
  private readonly doc: Document.Parsed;
  private readonly tags: readonly ScalarTag[];
  private readonly stringTag: ScalarTag;

  constructor(
    private readonly text: string, private readonly maxDepth: number, private readonly maxNodes: number,
    /** false: no plain value (`value` is undefined), for a caller that reads only the tree. */
    private readonly withValue: boolean,
  ) {
    // Exactly how yaml's composeDoc makes a document: the composer's options and directives.
    const directives = (this.composer as unknown as { directives: unknown }).directives;
    this.doc = new Document(undefined, { _directives: directives, ...COMPOSE_OPTIONS } as never) as Document.Parsed;
    const schema = this.doc.schema as unknown as { tags: ScalarTag[] } & Record<symbol, ScalarTag>;
    this.tags = schema.tags.filter((t) => t.default === true && t.test);
    const scalarKey = Object.getOwnPropertySymbols(schema).find((s) => s.description === 'yaml.scalar');
    if (!scalarKey) bail();
    this.stringTag = schema[scalarKey] as ScalarTag;
  }

  document(): FastParse {
    const text = this.text;
    const first = this.gap(0);
    if (first.indent !== 0) bail(); // empty, comments only, or indented at the root: rare, left to yaml
    const start = first.next;
    if (text.startsWith('---', start) || text.startsWith('...', start) || text.charCodeAt(start) === 37 /* % */) bail();
    let contents: YamlNode;
    let end: Gap;
    if (this.isDash(start)) [contents, end] = this.seq(start, 0);
    else [contents, end] = this.map(start, 0);
    if (end.indent >= 0) bail(); // content left at a lower indentation than the root: not one document here
    const doc = this.doc;
    doc.contents = contents as never;
    const contentEnd = (contents.range as Range)[2];
    // The document reaches to the end of the text (an empty value last has rules of its own: left to yaml).
    if (contentEnd < text.length && this.lastEmpty) bail();
    doc.range = [start, contentEnd, text.length] as Range;
    if (this.nodes > this.maxNodes) bail();
    return { doc, value: this.withValue ? this.js : undefined, nodes: this.nodes };
  }

  /** From `p` (a line start), skip blank and comment lines. */
  private gap(p: number): Gap {
    const text = this.text;
    const n = text.length;
    let comments: CommentLine[] | null = null;
    while (p < n) {
      let q = p;
      while (q < n && text.charCodeAt(q) === SPACE) q++;
      if (q >= n) break;
      const c = text.charCodeAt(q);
      if (c === NL) { p = q + 1; continue; }
      if (c === HASH) {
        const e = text.indexOf('\n', q);
        const end = e < 0 ? n : e + 1;
        (comments ??= []).push({ col: q - p, end });
        p = end;
        continue;
      }
      return { next: p, indent: q - p, comments };
    }
    return { next: n, indent: -1, comments };
  }

  private isDash(q: number): boolean {
    const text = this.text;
    if (text.charCodeAt(q) !== DASH) return false;
    const c = text.charCodeAt(q + 1);
    return c === SPACE || c === NL || Number.isNaN(c);
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) bail();
  }

  /** A block map whose first key starts at `q`, at column `indent`. Returns it and the gap after it. */
  private map(q: number, indent: number): [YAMLMap, Gap] {
    this.enter();
    const text = this.text;
    const map = newMap();
    const obj: Record<string, unknown> = {};
    let keys: Set<unknown> | undefined;
    const start = q;
    let offset = q;
    let gap: Gap;
    for (;;) {
      // The key: a plain scalar up to `:` (then space or end of line).
      const keyEnd = this.plainKeyEnd(q);
      const key = this.plainScalar(q, keyEnd, keyEnd);
      const k = key.value;
      // A repeated key is yaml's error to report.
      keys = checkNewKey(map, k, keys);
      // Over the limit: stop now (yaml's path reports it), before the tree grows further.
      if ((this.nodes += 2) > this.maxNodes) bail(); // the key and the `:`
      let p = keyEnd + 1;
      while (text.charCodeAt(p) === SPACE) p++;
      const c = text.charCodeAt(p);
      let value: YamlNode;
      if (c === NL || Number.isNaN(c) || c === HASH) {
        // Nothing on the line: a nested block, or null.
        const lineEnd = c === HASH ? this.lineEndAfter(p) : p;
        const next = this.gap(Math.min(text.length, c === HASH ? lineEnd : p + 1));
        const at = next.next + next.indent;
        if (next.indent > indent && !(next.comments && next.comments.some((k) => k.col < indent))) {
          [value, gap] = this.isDash(at) ? this.seq(at, next.indent) : this.map(at, next.indent);
        } else if (next.indent === indent && this.isDash(at)) {
          [value, gap] = this.seq(at, indent);
        } else {
          // Comment or blank lines after an empty value have rules of their own: left to yaml.
          if (next.comments || (c === HASH && next.next !== lineEnd)) bail();
          const s = this.resolvePlain('');
          // yaml puts an empty value where the line's content ends (before a comment); a comment reaches to the next token.
          s.range = [p, p, c === HASH ? (next.indent < 0 ? text.length : next.next + next.indent) : p];
          value = s;
          gap = next;
          this.lastEmpty = true;
        }
      } else {
        [value, gap] = this.inlineItem(p, indent);
      }
      map.items.push(newPair(key, value));
      if (this.withValue) addToObject(obj, k, value instanceof Scalar ? value.value : this.js);
      offset = (value.range as Range)[2];
      if (gap.indent === indent && !this.isDash(gap.next + indent)) {
        q = gap.next + indent;
        continue;
      }
      if (gap.indent > indent) bail();
      break;
    }
    map.range = [start, offset, offset];
    this.js = obj;
    this.depth--;
    return [map, this.closing(map, indent, gap)];
  }

  /** A block list whose first `-` is at `q`, at column `indent`. */
  private seq(q: number, indent: number): [YAMLSeq, Gap] {
    this.enter();
    const text = this.text;
    const seq = newSeq();
    const arr: unknown[] = [];
    const start = q;
    let offset = q;
    let gap: Gap;
    for (;;) {
      if (++this.nodes > this.maxNodes) bail(); // the `-`
      let p = q + 1;
      while (text.charCodeAt(p) === SPACE) p++;
      const c = text.charCodeAt(p);
      if (c === NL || Number.isNaN(c) || c === HASH || this.isDash(p)) bail(); // empty item, or a nested list on the line
      let value: YamlNode;
      const keyEnd = this.keyEndOrNone(p);
      if (keyEnd >= 0) {
        // `- key: value`: a map at the key's column.
        [value, gap] = this.map(p, p - (q - indent));
      } else {
        [value, gap] = this.inlineItem(p, indent);
      }
      seq.items.push(value);
      if (this.withValue) arr.push(value instanceof Scalar ? value.value : this.js);
      offset = (value.range as Range)[2];
      if (gap.indent === indent && this.isDash(gap.next + indent)) {
        q = gap.next + indent;
        continue;
      }
      if (gap.indent > indent) bail();
      break;
    }
    seq.range = [start, offset, offset];
    this.js = arr;
    this.depth--;
    return [seq, this.closing(seq, indent, gap)];
  }

  /**
   * After a collection's last item, comment lines before a less indented line
   * (or the end): yaml's parser keeps them in the collection (which then
   * reaches to the next line's first token) when it is indented and one of
   * them is indented at least as deep; otherwise they pass to the collection
   * around it, and from the root to the document. Returns the gap, its
   * comments consumed if taken.
   */
  private closing(node: YAMLMap | YAMLSeq, indent: number, gap: Gap): Gap {
    const comments = gap.comments;
    if (!comments) return gap;
    // A list at its map's indentation ends at the map's next key.
    const ends = gap.indent < indent || (node instanceof YAMLSeq && gap.indent === indent && !this.isDash(gap.next + indent));
    if (!ends || indent === 0 || !comments.some((k) => k.col >= indent)) return gap;
    const r = node.range as Range;
    r[2] = gap.indent < 0 ? this.text.length : gap.next + gap.indent;
    return { ...gap, comments: null };
  }

  /** A value written on the rest of the line at `p`, in a collection at column `indent`, and the gap after it. */
  private inlineItem(p: number, indent: number): [YamlNode, Gap] {
    const [value, lineEnd] = this.inlineValue(p);
    this.lastEmpty = false;
    return [value, this.afterInline(value, this.gap(lineEnd), indent)];
  }

  /**
   * Comment lines right after a one-line value, indented deeper than the
   * collection holding it, are the value's: its range then reaches past them.
   */
  private afterInline(value: YamlNode, gap: Gap, indent: number): Gap {
    const comments = gap.comments;
    if (!comments || (comments[0] as CommentLine).col <= indent) return gap;
    let i = 0;
    while (i < comments.length && (comments[i] as CommentLine).col > indent) i++;
    (value.range as Range)[2] = (comments[i - 1] as CommentLine).end;
    return { ...gap, comments: i < comments.length ? comments.slice(i) : null };
  }

  private lineEndAfter(p: number): number {
    const e = this.text.indexOf('\n', p);
    return e < 0 ? this.text.length : e + 1;
  }

  /** The end of the key starting at `q` (the `:`), or bail if the line is not `key:` / `key: …`. */
  private plainKeyEnd(q: number): number {
    const e = this.keyEndOrNone(q);
    if (e < 0) bail();
    return e;
  }

  /** Where the plain key at `q` ends (its `:`), or -1 when the line's content is not a key. */
  private keyEndOrNone(q: number): number {
    const text = this.text;
    if (NOT_PLAIN_START.has(text.charCodeAt(q))) return -1;
    let nl = text.indexOf('\n', q);
    if (nl < 0) nl = text.length;
    // The first `:` followed by a space or the line's end, unless a comment (` #`) starts before it.
    let p = this.colons.next(text, q + 1);
    while (p < nl) {
      const d = text.charCodeAt(p + 1);
      if (d === SPACE || d === NL || Number.isNaN(d)) break;
      p = this.colons.next(text, p + 1);
    }
    if (p >= nl) return -1;
    if (this.hashes.next(text, q) < p) return -1;
    if (text.charCodeAt(p - 1) === SPACE) bail(); // `key :`
    return p;
  }

  /** A value on the rest of the line at `p`, and the offset just past that line. */
  private inlineValue(p: number): [YamlNode, number] {
    const text = this.text;
    const c = text.charCodeAt(p);
    let node: YamlNode;
    let q: number;
    if (c === SQUOTE || c === DQUOTE) [node, q] = this.quoted(p, false);
    else if (c === 91 /* [ */ || c === 123 /* { */) [node, q] = this.flow(p);
    else {
      if (NOT_PLAIN_START.has(c)) bail();
      // A plain scalar to the end of the line or a comment; `: ` inside is yaml's error, left to yaml.
      let e = text.indexOf('\n', p);
      if (e < 0) e = text.length;
      const hash = this.hashes.next(text, p);
      if (hash < e) e = hash;
      for (let colon = this.colons.next(text, p); colon < e; colon = this.colons.next(text, colon + 1)) {
        const f = text.charCodeAt(colon + 1);
        if (f === SPACE || f === NL || Number.isNaN(f)) bail();
      }
      let valueEnd = e;
      while (text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
      const s = this.plainScalar(p, valueEnd, valueEnd);
      this.nodes++;
      node = s;
      q = valueEnd;
    }
    // The rest of the line: spaces, then a comment or the end.
    while (text.charCodeAt(q) === SPACE) q++;
    const d = text.charCodeAt(q);
    if (!(d === NL || Number.isNaN(d) || (d === HASH && (q === 0 || text.charCodeAt(q - 1) === SPACE)))) bail();
    const lineEnd = this.lineEndAfter(q);
    (node.range as Range)[2] = lineEnd;
    return [node, lineEnd];
  }

  /** A quoted scalar on one line at `p`; its range ends after the quote (the caller extends it). */
  private quoted(p: number, inFlow: boolean): [Scalar, number] {
    const text = this.text;
    const quote = text.charCodeAt(p);
    let q = p + 1;
    for (;;) {
      const c = text.charCodeAt(q);
      if (Number.isNaN(c) || c === NL) bail(); // multi-line, or unterminated
      if (quote === DQUOTE && c === BACKSLASH) bail();
      if (c === quote) {
        if (quote === SQUOTE && text.charCodeAt(q + 1) === SQUOTE) { q += 2; continue; }
        break;
      }
      q++;
    }
    const raw = text.slice(p + 1, q);
    const value = quote === SQUOTE ? raw.replace(/''/g, "'") : raw;
    const end = q + 1;
    const s = newScalar(this.stringTag.resolve(value, bail, this.doc.options));
    const r: Range = [p, end, end];
    s.range = r;
    s.source = value;
    s.type = quote === SQUOTE ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
    if (!inFlow && text.charCodeAt(end) !== SPACE && text.charCodeAt(end) !== NL && end < text.length && text.charCodeAt(end) !== HASH) bail();
    this.nodes++;
    return [s, end];
  }

  /** A one-line flow list or map at `p`: `[a, b]`, `{ k: v }`, `[a, { id: b }]`. */
  private flow(p: number): [YAMLSeq | YAMLMap, number] {
    this.enter();
    const text = this.text;
    const isMap = text.charCodeAt(p) === 123;
    const close = isMap ? 125 : 93;
    const coll = isMap ? newMap() : newSeq();
    coll.flow = true;
    this.nodes++;
    const obj: Record<string, unknown> = {};
    const arr: unknown[] = [];
    let keys: Set<unknown> | undefined;
    let q = p + 1;
    const skip = () => { while (text.charCodeAt(q) === SPACE) q++; };
    skip();
    if (text.charCodeAt(q) !== close) {
      for (;;) {
        // A list's item may itself be a flow list or map (`[a, { id: b, type: SS }]`); keys are scalars.
        const nested = !isMap && (text.charCodeAt(q) === 91 || text.charCodeAt(q) === 123);
        const item = nested ? this.flow(q)[0] : this.flowScalar(q);
        const itemJs = nested ? this.js : (item as Scalar).value;
        q = (item.range as Range)[1];
        skip();
        (item.range as Range)[2] = q;
        if (isMap) {
          if (text.charCodeAt(q) !== COLON || q !== (item.range as Range)[1] || text.charCodeAt(q + 1) !== SPACE) bail();
          this.nodes++;
          q++;
          skip();
          const nestedValue = text.charCodeAt(q) === 91 || text.charCodeAt(q) === 123;
          const value = nestedValue ? this.flow(q)[0] : this.flowScalar(q);
          const valueJs = nestedValue ? this.js : (value as Scalar).value;
          q = (value.range as Range)[1];
          skip();
          (value.range as Range)[2] = q;
          const k = (item as Scalar).value;
          keys = checkNewKey(coll as YAMLMap, k, keys);
          (coll as YAMLMap).items.push(newPair(item, value));
          addToObject(obj, k, valueJs);
        } else {
          (coll as YAMLSeq).items.push(item);
          arr.push(itemJs);
        }
        const c = text.charCodeAt(q);
        if (this.nodes > this.maxNodes) bail();
        if (c === close) break;
        if (c !== COMMA) bail();
        q++;
        skip();
        if (text.charCodeAt(q) === close) bail(); // a trailing comma
      }
    }
    const end = q + 1;
    coll.range = [p, end, end];
    this.js = isMap ? obj : arr;
    this.depth--;
    return [coll, end];
  }

  /** A plain or quoted scalar inside a flow collection; its range ends at its last character. */
  private flowScalar(q: number): Scalar {
    const text = this.text;
    const c = text.charCodeAt(q);
    if (c === SQUOTE || c === DQUOTE) return this.quoted(q, true)[0];
    if (NOT_PLAIN_START.has(c) || Number.isNaN(c) || c === NL) bail();
    let e = q + 1;
    for (; e < text.length; e++) {
      const d = text.charCodeAt(e);
      if (d === NL) bail();
      if (FLOW_STOP.has(d)) break;
    }
    if (text.charCodeAt(e) === HASH || (text.charCodeAt(e) === COLON && text.charCodeAt(e + 1) !== SPACE)) bail();
    let valueEnd = e;
    while (text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    this.nodes++;
    return this.plainScalar(q, valueEnd, valueEnd);
  }

  /** The plain scalar text[start, end) resolved by the core schema's tags, as yaml's composeScalar does. */
  private plainScalar(start: number, end: number, rangeEnd: number): Scalar {
    const s = this.resolvePlain(this.text.slice(start, end));
    s.range = [start, end, rangeEnd];
    return s;
  }

  private resolvePlain(source: string): Scalar {
    let tag = this.stringTag;
    if (source === '' || MAYBE_NOT_STRING.has(source.charCodeAt(0))) {
      for (const t of this.tags) {
        if ((t.test as RegExp).test(source)) { tag = t; break; }
      }
    }
    const res = tag.resolve(source, bail, this.doc.options);
    const s = res instanceof Scalar ? res : newScalar(res);
    s.source = source;
    s.type = 'PLAIN';
    if (tag.format) s.format = tag.format;
    return s;
  }
}
