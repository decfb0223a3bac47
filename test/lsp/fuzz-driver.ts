// Seeded random editing against the bundled language server (dist/server.js)
// over stdio, shared by test/lsp/fuzz.test.ts (a short run in the suite) and
// scripts/fuzz-server.ts (`npm run fuzz:server`, the long run).
//
// A generated program (root + two fragments on disk) is opened, the root and
// one fragment are edited the way people do (typing at a cursor, deleting
// characters and lines, duplicating lines, pasting garbage and YAML, shifting
// indentation, swapping characters, replacing ids, undoing), each edit sent as
// an incremental didChange, several changes per notification at times. Between
// edits, requests go out at random positions without waiting for the previous
// ones, as an editor does. What counts as a failure: a request not answered
// within its timeout, an error response (except the ResponseError that rename
// answers on purpose), an answer slower than `slowMs`, an error the server logs
// (its handlers catch exceptions and log them), the server exiting, and, at the
// end, the server's text differing from ours.
//
// With `hostile` set, a client that breaks the protocol is mixed in (issue 11):
// requests whose positions or ranges are not whole numbers in range (1.5, -1,
// null, "3", 2^31) must be answered with InvalidParams (-32602) and nothing
// else; whole numbers far past the end must be answered normally; didChange
// notifications that cannot apply (an old version, a range below the last line
// or reversed, text that is not a string, a fractional position, an unopened
// document) must each be ignored with one log line and leave the text as it
// was, which the final comparison of texts checks.
import { performance } from 'node:perf_hooks';
import { generateProgram } from '../../bench/generate.js';
import { LineIndex } from '../../server/src/program/line-index.js';
import type { Position } from '../../server/src/program/line-index.js';
import { LspSession } from './harness.js';
import { mulberry32 } from '../../bench/random.js';

export interface ServerFuzzOptions {
  readonly seed: number;
  readonly edits: number;
  /** Tasks in the generated program (default 120). */
  readonly tasks?: number;
  /** A request with no answer after this long is a failure (default 10 s). */
  readonly requestTimeoutMs?: number;
  /** A request answered slower than this is a failure (default 2 s). */
  readonly slowMs?: number;
  /** Progress lines (every 500 edits). */
  readonly progress?: (line: string) => void;
  /** Share of requests and edits that break the protocol (0 to 1; default 0). */
  readonly hostile?: number;
}

export interface FuzzFailure {
  readonly kind: 'unanswered' | 'error-response' | 'slow' | 'server-exit' | 'server-log' | 'desync' | 'accepted-invalid' | 'unlogged-notification';
  /** Edits applied when it happened. */
  readonly edit: number;
  readonly detail: string;
}

export interface MethodStats { count: number; maxMs: number; totalMs: number }

export interface ServerFuzzReport {
  readonly seed: number;
  edits: number;
  /** Content changes (an edit may send several in one notification). */
  changes: number;
  requests: number;
  /** Deliberate rename rejections (ResponseError), not failures. */
  renameRejections: number;
  /** Requests sent with a malformed position or range (each must get InvalidParams). */
  invalidRequests: number;
  /** didChange notifications sent that cannot apply (each must be ignored with a log line). */
  badNotifications: number;
  readonly byMethod: Record<string, MethodStats>;
  readonly failures: FuzzFailure[];
  slowest: { method: string; ms: number; edit: number };
  elapsedMs: number;
}

// ---- random ---------------------------------------------------------------------

class Rng {
  readonly next: () => number;
  constructor(seed: number) { this.next = mulberry32(seed); }
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.next() * xs.length)] as T; }
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    let r = this.next() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) { r -= w; if (r < 0) return x; }
    return (xs[xs.length - 1] as readonly [T, number])[0];
  }
}

// ---- text model (line breaks as vscode-languageserver-textdocument counts them: \r\n, \r, \n,
// which is how the server's LineIndex counts them too) ----

/** An offset that does not split a \r\n pair (the server could not address it). */
function snap(text: string, offset: number): number {
  const o = Math.max(0, Math.min(text.length, offset));
  return o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o;
}

interface Change { start: number; end: number; text: string }

class Doc {
  version = 1;
  cursor = 0;
  readonly undo: { start: number; length: number; old: string }[] = [];
  constructor(readonly rel: string, readonly uri: string, public text: string, readonly original: string) {}

  /** Applies one change; returns the LSP content change for it (range in the text before it). */
  apply(c: Change, record = true): { range: { start: Position; end: Position }; text: string } {
    const index = new LineIndex(this.text);
    const range = { start: index.positionAt(c.start), end: index.positionAt(c.end) };
    if (record) {
      this.undo.push({ start: c.start, length: c.text.length, old: this.text.slice(c.start, c.end) });
      if (this.undo.length > 300) this.undo.shift();
    }
    this.text = this.text.slice(0, c.start) + c.text + this.text.slice(c.end);
    this.cursor = c.start + c.text.length;
    return { range, text: c.text };
  }
}

// ---- edits -------------------------------------------------------------------------

const TYPED = 'abcdefghijklmnopqrstuvwxyz0123456789-_ :[]{},#&*!|>"\'\t\n.@%`?';
const ODD = ['é', '日本', '😀', '\u200b', '\u2028', '\ufeff', '\u0000', '\ud800', '\r\n', '\\', '$'];
const YAML_SNIPPETS = [
  '      - id: fz{n}\n        name: Fuzz {n}\n        duration: {d}d\n        depends_on: [{id}]\n',
  '      - { id: fz{n}, name: "F {n}", duration: {d}d, depends_on: [{id}, { id: {id}, type: SS, lag: 2d }] }\n',
  '        depends_on: [{id}, {id}]\n',
  '        effort: {d}d\n        assignees: [p0001, nobody]\n',
  '  - id: r{n}\n    title: Risk {n}\n    probability: 9\n    impact: {d}\n    affects: [{id}]\n',
  'anchor: &a [*a]\n',
  'x: &b { y: *b }\n',
  '<<: *nothing\n',
  'include:\n  - ../../../etc/passwd\n  - ws/*.program.yaml\n',
  '---\nversion: 2\n',
  '- just\n- a\n- list\n',
  '        start: 2026-02-30\n        end: 2025-01-01\n',
  '        duration: -3d\n        progress: 250\n',
  '    tasks: null\n',
  'milestones: { id: m, depends_on: [m] }\n',
  '? complex\n: key\n',
  '"unterminated: \'string\n',
  '%YAML 1.2\n',
  '\t\ttabbed: value\n',
];

function yamlSnippet(rng: Rng, ids: readonly string[], n: number): string {
  return rng.pick(YAML_SNIPPETS).replace(/\{n\}/g, String(n)).replace(/\{d\}/g, String(rng.int(0, 40)))
    .replace(/\{id\}/g, () => (ids.length ? rng.pick(ids) : 't00001'));
}

function garbage(rng: Rng): string {
  const len = rng.int(1, 60);
  let s = '';
  for (let i = 0; i < len; i++) s += rng.chance(0.8) ? String.fromCharCode(rng.int(32, 126)) : String.fromCharCode(rng.int(0, 0xffff));
  return s;
}

type EditKind = 'type' | 'delete' | 'deleteLine' | 'duplicateLine' | 'garbage' | 'yaml' | 'indent' | 'swap' | 'replaceId' | 'truncate' | 'undo' | 'revert';

const KINDS: readonly (readonly [EditKind, number])[] = [
  ['type', 26], ['delete', 14], ['deleteLine', 7], ['duplicateLine', 7], ['garbage', 4], ['yaml', 6],
  ['indent', 9], ['swap', 4], ['replaceId', 6], ['truncate', 0.4], ['undo', 16], ['revert', 1.5],
];

function lineBounds(text: string, offset: number): [number, number] {
  const index = new LineIndex(text);
  const { line } = index.positionAt(offset);
  return [index.lineStart(line), line + 1 < index.lineCount ? index.lineStart(line + 1) : text.length];
}

/** Where to edit: mostly near the cursor (typing), sometimes anywhere. */
function spot(rng: Rng, doc: Doc): number {
  const o = rng.chance(0.7) ? doc.cursor + rng.int(-3, 3) : rng.int(0, doc.text.length);
  return snap(doc.text, o);
}

/** The changes of one edit, each against the text left by the ones before; `null` for a full replace. */
function makeEdit(rng: Rng, doc: Doc, kind: EditKind, ids: readonly string[], n: number): Change[] | null {
  const t = doc.text;
  switch (kind) {
    case 'type': {
      const at = spot(rng, doc);
      const ch = rng.chance(0.93) ? rng.pick([...TYPED]) : rng.pick(ODD);
      return [{ start: at, end: at, text: ch }];
    }
    case 'delete': {
      const at = spot(rng, doc);
      const end = snap(t, at + rng.int(1, rng.chance(0.8) ? 3 : 30));
      return [{ start: Math.min(at, end), end: Math.max(at, end), text: '' }];
    }
    case 'deleteLine': {
      const [s, e] = lineBounds(t, spot(rng, doc));
      return [{ start: s, end: e, text: '' }];
    }
    case 'duplicateLine': {
      const [s, e] = lineBounds(t, rng.int(0, t.length));
      let line = t.slice(s, e);
      if (!/[\r\n]$/.test(line)) line += '\n';
      const [to] = lineBounds(t, rng.int(0, t.length));
      return [{ start: to, end: to, text: line }];
    }
    case 'garbage': {
      const at = spot(rng, doc);
      return [{ start: at, end: at, text: garbage(rng) }];
    }
    case 'yaml': {
      const [to] = lineBounds(t, rng.int(0, t.length));
      return [{ start: to, end: to, text: yamlSnippet(rng, ids, n) }];
    }
    case 'indent': {
      // Shift 1–6 lines right or left, one change per line as editors send it.
      const count = rng.int(1, 6);
      const right = rng.chance(0.55);
      const unit = rng.chance(0.9) ? ' '.repeat(rng.int(1, 4)) : '\t';
      const index = new LineIndex(t);
      const first = index.positionAt(rng.int(0, t.length)).line;
      const out: Change[] = [];
      // Bottom-up keeps the earlier lines' offsets valid for the later changes.
      for (let l = Math.min(index.lineCount - 1, first + count - 1); l >= first; l--) {
        const s = index.lineStart(l);
        if (right) out.push({ start: s, end: s, text: unit });
        else {
          const lead = /^[ \t]*/.exec(t.slice(s, s + 8))?.[0].length ?? 0;
          if (lead > 0) out.push({ start: s, end: s + Math.min(lead, unit.length), text: '' });
        }
      }
      return out;
    }
    case 'swap': {
      const at = snap(t, rng.int(0, Math.max(0, t.length - 2)));
      const pair = t.slice(at, at + 2);
      if (pair.length < 2 || pair.includes('\r')) return [];
      return [{ start: at, end: at + 2, text: pair[1]! + pair[0]! }];
    }
    case 'replaceId': {
      const re = /\b(t\d{5}|ws\d{3}|m\d{3}|p\d{4}|team\d{2})\b/g;
      const found: [number, number][] = [];
      for (let m = re.exec(t); m; m = re.exec(t)) found.push([m.index, m.index + m[0].length]);
      if (!found.length) return [];
      const [s, e] = rng.pick(found);
      return [{ start: s, end: e, text: rng.chance(0.8) && ids.length ? rng.pick(ids) : `zz${n}` }];
    }
    case 'truncate': {
      const at = snap(t, rng.int(Math.floor(t.length / 2), t.length));
      return [{ start: at, end: t.length, text: '' }];
    }
    case 'undo': {
      const u = doc.undo.pop();
      return u ? [{ start: u.start, end: u.start + u.length, text: u.old }] : [];
    }
    case 'revert':
      return null;
  }
}

// ---- requests ----------------------------------------------------------------------

const METHODS = [
  'textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/references',
  'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/selectionRange', 'textDocument/codeLens',
  'textDocument/inlayHint', 'textDocument/semanticTokens/full', 'textDocument/codeAction', 'textDocument/prepareRename',
  'textDocument/rename', 'textDocument/documentHighlight', 'programAsCode/viewModel',
] as const;

const NEW_NAMES = ['renamed', 't00001', 'bad name', '', 'x'.repeat(300), 'ü-ok', '💥', 'ws001', 'a:b'];

interface Range { start: Position; end: Position }

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** A position value no client should send, and one that is valid but far past the end. */
const MALFORMED: readonly unknown[] = [1.5, 0.5, -1, -0.0001, null, '3', true, 2 ** 31, 1e300, [], {}];
const FAR = [2 ** 31 - 1, 1_000_000, 65_536];

/** Request parameters, and whether a malformed position was written into them. */
function requestParams(rng: Rng, s: LspSession, doc: Doc, method: string, hostile: number): { params: unknown; invalid: boolean } {
  let invalid = false;
  const index = new LineIndex(doc.text);
  const pos = (): Position => {
    const p = index.positionAt(rng.chance(0.6) ? snap(doc.text, doc.cursor + rng.int(-5, 5)) : rng.int(0, doc.text.length));
    // No draw at all without hostile input, so a seed replays the same run as before it existed.
    if (hostile === 0 || !rng.chance(hostile)) return p;
    const field = rng.chance(0.5) ? 'line' : 'character';
    if (rng.chance(0.3)) return { ...p, [field]: rng.pick(FAR) };
    invalid = true;
    return { ...p, [field]: rng.pick(MALFORMED) } as unknown as Position;
  };
  const params = requestParamsWith(rng, s, doc, method, pos);
  return { params, invalid };
}

function requestParamsWith(rng: Rng, s: LspSession, doc: Doc, method: string, pos: () => Position): unknown {
  const textDocument = { uri: doc.uri };
  switch (method) {
    case 'textDocument/references': return { textDocument, position: pos(), context: { includeDeclaration: rng.chance(0.5) } };
    case 'textDocument/documentSymbol':
    case 'textDocument/foldingRange':
    case 'textDocument/codeLens':
    case 'textDocument/semanticTokens/full': return { textDocument };
    case 'textDocument/selectionRange': return { textDocument, positions: [pos(), pos()] };
    case 'textDocument/inlayHint': {
      const a = pos(); const b = pos();
      const [start, end] = !(a.line > b.line || (a.line === b.line && a.character > b.character)) ? [a, b] : [b, a];
      return { textDocument, range: { start, end } };
    }
    case 'textDocument/codeAction': {
      const p = pos();
      // Whole lines (a malformed character is kept, so the request is as malformed as its position).
      const character = typeof p.character === 'number' ? 0 : p.character;
      const range = { start: { line: p.line, character }, end: { line: typeof p.line === 'number' ? p.line + rng.int(0, 3) : p.line, character: 0 } };
      // The diagnostics the editor has for that range (possibly of an older version, as in an editor).
      const diagnostics = (s.diagnostics.get(doc.uri) ?? []).filter((d) => overlaps(d.range, range));
      return { textDocument, range, context: { diagnostics, triggerKind: 1 } };
    }
    case 'textDocument/rename': return { textDocument, position: pos(), newName: rng.pick(NEW_NAMES) };
    case 'textDocument/completion': return { textDocument, position: pos(), context: { triggerKind: rng.chance(0.5) ? 1 : 2, triggerCharacter: ':' } };
    case 'programAsCode/viewModel': return { uri: doc.uri };
    default: return { textDocument, position: pos() };
  }
}

// ---- the run -------------------------------------------------------------------------

const ROOT = 'fuzz.program.yaml';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fuzzServer(options: ServerFuzzOptions): Promise<ServerFuzzReport> {
  const started = performance.now();
  const rng = new Rng(options.seed);
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const slowMs = options.slowMs ?? 2000;
  const gen = generateProgram({ tasks: options.tasks ?? 120, seed: options.seed, fragments: 2, workstreamSize: 30 });
  const fragmentRel = Object.keys(gen.fragments)[0] as string;
  const ids = [...gen.taskIds, ...gen.milestoneIds, 'ws001', 'ws002'];
  const report: ServerFuzzReport = {
    seed: options.seed, edits: 0, changes: 0, requests: 0, renameRejections: 0, invalidRequests: 0, badNotifications: 0, byMethod: {}, failures: [],
    slowest: { method: '', ms: 0, edit: 0 }, elapsedMs: 0,
  };
  const fail = (kind: FuzzFailure['kind'], detail: string) => {
    if (report.failures.length < 200) report.failures.push({ kind, edit: report.edits, detail: detail.slice(0, 2000) });
  };

  const s = await LspSession.start({ files: { [ROOT]: gen.root, ...gen.fragments } });
  let logsSeen = 0;
  const checkServer = () => {
    for (; logsSeen < s.logs.length; logsSeen++) {
      const m = s.logs[logsSeen] as string;
      if (/failed|uncaught|unhandled/i.test(m)) fail('server-log', m);
      // Without hostile input, every notification must apply.
      if ((options.hostile ?? 0) === 0 && m.startsWith('Ignored')) fail('server-log', m);
    }
    if (!s.alive) fail('server-exit', `exit code ${String(s.exitCode)}`);
  };
  try {
    const docs = [
      new Doc(ROOT, s.uri(ROOT), gen.root, gen.root),
      new Doc(fragmentRel, s.uri(fragmentRel), gen.fragments[fragmentRel] as string, gen.fragments[fragmentRel] as string),
    ];
    for (const d of docs) await s.open(d.rel, d.text);

    const inFlight = new Set<Promise<void>>();
    const hostile = options.hostile ?? 0;
    const send = (doc: Doc, method: string) => {
      const { params, invalid } = requestParams(rng, s, doc, method, hostile);
      if (invalid) report.invalidRequests++;
      const edit = report.edits;
      const t0 = performance.now();
      report.requests++;
      let timer: NodeJS.Timeout | undefined;
      const answered = s.request(method, params).then(
        () => {
          if (invalid) fail('accepted-invalid', `${method} ${JSON.stringify(params).slice(0, 300)} was answered instead of InvalidParams`);
        },
        (e: unknown) => {
          const code = (e as { code?: unknown }).code;
          if (invalid && code === -32602) return;
          if ((method === 'textDocument/rename' || method === 'textDocument/prepareRename') && code === -32600) { report.renameRejections++; return; }
          fail('error-response', `${method} ${JSON.stringify(params).slice(0, 300)}: ${String((e as Error).message ?? e)}`);
        },
      ).then(() => {
        clearTimeout(timer);
        const ms = performance.now() - t0;
        const st = (report.byMethod[method] ??= { count: 0, maxMs: 0, totalMs: 0 });
        st.count++; st.totalMs += ms; st.maxMs = Math.max(st.maxMs, ms);
        if (ms > report.slowest.ms) report.slowest = { method, ms, edit };
        if (ms > slowMs) fail('slow', `${method} took ${ms.toFixed(0)} ms (sent after edit ${edit})`);
      });
      const p = Promise.race([answered, new Promise<void>((r) => {
        timer = setTimeout(() => { fail('unanswered', `${method} sent after edit ${edit}: no answer within ${timeoutMs} ms`); r(); }, timeoutMs);
      })]).finally(() => inFlight.delete(p));
      inFlight.add(p);
    };

    while (report.edits < options.edits) {
      const doc = rng.chance(0.7) ? docs[0] as Doc : docs[1] as Doc;
      if (hostile > 0 && rng.chance(hostile)) {
        // A notification that cannot apply: the server must ignore it (and say so), our text stays.
        void s.notify('textDocument/didChange', badChange(rng, doc, s.uri('never-opened.program.yaml')));
        report.badNotifications++;
      }
      const kind = rng.weighted(KINDS);
      const changes = makeEdit(rng, doc, kind, ids, report.edits);
      let contentChanges: unknown[];
      if (changes === null) {
        doc.text = doc.original;
        doc.undo.length = 0;
        doc.cursor = 0;
        contentChanges = [{ text: doc.text }];
      } else {
        if (changes.length === 0) continue;
        contentChanges = changes.map((c) => doc.apply(c, kind !== 'undo'));
      }
      doc.version++;
      report.edits++;
      report.changes += contentChanges.length;
      void s.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges });

      // Requests about the text as it is now, mostly on the edited document.
      const k = rng.weighted([[0, 45], [1, 35], [2, 12], [3, 8]] as const);
      for (let i = 0; i < k; i++) send(rng.chance(0.8) ? doc : rng.pick(docs), rng.pick(METHODS));

      // Pace like a person: bursts of keystrokes, pauses that let the debounced check run.
      if (inFlight.size > 12) await Promise.race(inFlight);
      if (rng.chance(0.04)) await Promise.all(inFlight);
      if (rng.chance(0.03)) await sleep(rng.int(10, 150));
      else if (rng.chance(0.2)) await sleep(0);
      checkServer();
      if (options.progress && report.edits % 500 === 0) {
        options.progress(`edits ${report.edits}, requests ${report.requests}, failures ${report.failures.length}, slowest ${report.slowest.method} ${report.slowest.ms.toFixed(0)} ms, root ${docs[0]!.text.length} chars`);
      }
    }
    await Promise.all(inFlight);

    // Is the server's text ours? The same text sent whole must give the same
    // diagnostics and semantic tokens as the incrementally edited version.
    for (const doc of docs) {
      const published = (v: number) => () => s.published.some((p) => p.uri === doc.uri && p.version === v);
      await s.until(published(doc.version), `diagnostics of ${doc.rel} v${doc.version}`, 20_000).catch((e: unknown) => fail('desync', String(e)));
      const before = { d: s.published.filter((p) => p.uri === doc.uri && p.version === doc.version).at(-1)?.diagnostics, t: await s.request('textDocument/semanticTokens/full', { textDocument: { uri: doc.uri } }) };
      doc.version++;
      await s.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ text: doc.text }] });
      await s.until(published(doc.version), `diagnostics of ${doc.rel} v${doc.version}`, 20_000).catch((e: unknown) => fail('desync', String(e)));
      const after = { d: s.published.filter((p) => p.uri === doc.uri && p.version === doc.version).at(-1)?.diagnostics, t: await s.request('textDocument/semanticTokens/full', { textDocument: { uri: doc.uri } }) };
      if (JSON.stringify(before) !== JSON.stringify(after)) fail('desync', `${doc.rel}: the incrementally edited text and the same text sent whole differ in diagnostics or semantic tokens`);
    }
    checkServer();
    const ignored = s.logs.filter((l) => l.startsWith('Ignored textDocument/didChange: ')).length;
    if (ignored !== report.badNotifications) fail('unlogged-notification', `${report.badNotifications} bad didChange notifications sent, ${ignored} log lines saying they were ignored`);
  } finally {
    await s.stop();
    report.elapsedMs = performance.now() - started;
  }
  return report;
}

/** A didChange that cannot be applied to `doc` as it is. */
function badChange(rng: Rng, doc: Doc, unopened: string): unknown {
  const index = new LineIndex(doc.text);
  const p = index.positionAt(rng.int(0, doc.text.length));
  const next = doc.version + 1;
  const td = { uri: doc.uri, version: next };
  const insert = (at: unknown, text: unknown = 'x') => ({ range: { start: at, end: at }, text });
  switch (rng.int(0, 8)) {
    case 0: return { textDocument: { uri: doc.uri, version: doc.version - rng.int(0, 3) }, contentChanges: [insert(p)] };
    case 1: return { textDocument: td, contentChanges: [insert(p, rng.pick([null, 42, undefined, {}]))] };
    case 2: return { textDocument: td, contentChanges: [insert({ line: index.lineCount + rng.int(0, 5), character: 0 })] };
    case 3: return { textDocument: td, contentChanges: [{ range: { start: { line: p.line + 1, character: 0 }, end: p }, text: '' }] };
    case 4: return { textDocument: td, contentChanges: [insert(p, 'ok'), insert({ line: p.line + 0.5, character: p.character })] };
    case 5: return { textDocument: { uri: unopened, version: next }, contentChanges: [{ text: 'x' }] };
    case 6: return { textDocument: { uri: doc.uri, version: String(next) }, contentChanges: [insert(p)] };
    case 7: return { textDocument: td, contentChanges: [insert({ line: rng.pick(MALFORMED), character: 0 })] };
    default: return { textDocument: td, contentChanges: rng.pick([null, 'text', {}]) };
  }
}

export function formatReport(r: ServerFuzzReport): string {
  const lines = [
    `seed ${r.seed}: ${r.edits} edits (${r.changes} content changes), ${r.requests} requests (${r.invalidRequests} with malformed positions), ${r.badNotifications} bad didChange notifications, ${r.renameRejections} deliberate rename rejections, ${r.failures.length} failures, ${(r.elapsedMs / 1000).toFixed(1)} s`,
    `slowest request: ${r.slowest.method} ${r.slowest.ms.toFixed(1)} ms (after edit ${r.slowest.edit})`,
    ...Object.entries(r.byMethod).sort(([a], [b]) => a.localeCompare(b))
      .map(([m, st]) => `  ${m.padEnd(36)} ${String(st.count).padStart(6)} requests, mean ${(st.totalMs / st.count).toFixed(1).padStart(6)} ms, max ${st.maxMs.toFixed(1).padStart(7)} ms`),
    ...r.failures.slice(0, 20).map((f) => `  FAILURE ${f.kind} at edit ${f.edit}: ${f.detail}`),
  ];
  return lines.join('\n');
}
