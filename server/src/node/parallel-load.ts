// Loading a big program on two cores: before `loadProgram` runs, the root's
// fragments are prepared (parsed, checked against the schema, collected;
// program/prepared-file.ts), part of them on a worker thread
// (dist/prepare-worker.js) while this thread prepares the rest. Parsing YAML
// is most of the time `report` and `diff` take on a 10,000-task program
// (issue 14). `loadProgram` still decides everything (include order, cycles,
// limits, which file is a fragment) and uses a prepared file only where the
// text it reads is the text that was prepared, so the model is the one a
// plain load gives (test/unit/parallel-load.test.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileHost } from '../program/host.js';
import { expandInclude } from '../program/include.js';
import { MAX_PROGRAM_NODES } from '../program/load.js';
import { parseFile } from '../program/parse.js';
import type { ParsedFile } from '../program/parse.js';
import { prepareFragment } from '../program/prepared-file.js';
import type { PreparedFile } from '../program/prepared-file.js';

/** Below this many characters of fragments, a worker costs more than it saves. */
export const PARALLEL_MIN_CHARS = 256 * 1024;

/**
 * At most this many characters of fragments are prepared (about 14 times the
 * 10,000-task program): a hostile root including thousands of huge files
 * costs no more here than `loadProgram`'s own bounds allow; files past it
 * are left to the load, which stops at MAX_PROGRAM_NODES.
 */
export const PREPARE_MAX_CHARS = 32 * 1024 * 1024;

export interface PrepareRequest {
  readonly files: readonly { readonly uri: string; readonly text: string }[];
}
export type PrepareReply = { ok: true; files: Omit<PreparedFile, 'text'>[] } | { ok: false; message: string };

/** What `loadProgram` takes to reuse the work: the root's parse and the prepared fragments. */
export interface Preparation {
  readonly parse: (uri: string, text: string) => ParsedFile;
  readonly prepared: ReadonlyMap<string, PreparedFile>;
}

/** The worker bundle beside this one (dist/), or the built one when running from source (tests, bench). */
export function prepareWorkerPath(): string | undefined {
  for (const p of [join(__dirname, 'prepare-worker.js'), join(__dirname, '../../../dist/prepare-worker.js')]) if (existsSync(p)) return p;
  return undefined;
}

/**
 * Prepares the fragments the root `rootUri` includes (as its `include:` lines
 * name them now); undefined when it is not worth it (a small program, no
 * worker bundle) or the root cannot be read.
 */
export async function prepareProgram(
  rootUri: string, host: FileHost, workspaceRoot: string,
  options: {
    readonly workerPath?: string | undefined;
    readonly minChars?: number;
    /**
     * The part of the program's text (root and fragments) the worker takes;
     * default 0.4: it starts later (loading its bundle) and this thread has
     * parsed the root. 1: every fragment, for when this thread has other work.
     */
    readonly workerShare?: number;
  } = {},
): Promise<Preparation | undefined> {
  const workerPath = 'workerPath' in options ? options.workerPath : prepareWorkerPath();
  const rootText = host.readFile(rootUri);
  if (rootText === undefined || workerPath === undefined) return undefined;
  const root = parseFile(rootUri, rootText);
  const parse = (uri: string, text: string): ParsedFile => (uri === rootUri && text === rootText ? root : parseFile(uri, text));
  const include = (root.value as { include?: unknown } | undefined)?.include;
  const patterns = Array.isArray(include) ? include.filter((p): p is string => typeof p === 'string') : [];
  const files: { uri: string; text: string }[] = [];
  const seen = new Set<string>([rootUri]);
  let total = 0;
  for (const pattern of patterns) {
    for (const uri of expandInclude({ uri: rootUri, span: { start: 0, end: 0 }, pattern }, host, workspaceRoot, false).targets) {
      if (seen.has(uri) || total > PREPARE_MAX_CHARS) continue;
      seen.add(uri);
      const text = host.readFile(uri);
      if (text === undefined) continue;
      files.push({ uri, text });
      total += text.length;
    }
  }
  if (files.length < 2 || total < (options.minChars ?? PARALLEL_MIN_CHARS)) return { parse, prepared: new Map() };
  // The worker takes the last files.
  const share = options.workerShare ?? 0.4;
  const wanted = share >= 1 ? Number.POSITIVE_INFINITY : share * (total + rootText.length);
  let split = files.length;
  for (let chars = 0; split > 0 && chars + (files[split - 1] as { text: string }).text.length <= wanted;) chars += (files[--split] as { text: string }).text.length;
  const theirs = files.slice(split);
  const pending = inWorker(workerPath, { files: theirs });
  const prepared = new Map<string, PreparedFile>();
  for (const p of prepareWhileUnder(files.slice(0, split))) prepared.set(p.uri, p);
  const reply = await pending;
  // A worker that failed only costs time: loadProgram parses those files itself.
  if (reply.ok) reply.files.forEach((p, i) => prepared.set(p.uri, { ...p, text: (theirs[i] as { text: string }).text }));
  return { parse, prepared };
}

function inWorker(workerPath: string, request: PrepareRequest): Promise<PrepareReply> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: PrepareReply) => {
      if (settled) return;
      settled = true;
      resolve(r);
      void worker.terminate();
    };
    const worker = new Worker(workerPath, { workerData: request });
    worker.on('message', (m: PrepareReply) => settle(m));
    worker.on('error', (e) => settle({ ok: false, message: e.message }));
    worker.on('exit', () => settle({ ok: false, message: 'the worker stopped' }));
  });
}

/** The files prepared in order, stopping once they hold more YAML values than a whole program may (MAX_PROGRAM_NODES). */
export function prepareWhileUnder(files: readonly { readonly uri: string; readonly text: string }[], maxNodes = MAX_PROGRAM_NODES): PreparedFile[] {
  const out: PreparedFile[] = [];
  let nodes = 0;
  for (const f of files) {
    if (nodes > maxNodes) break;
    const p = prepareFragment(f.uri, f.text);
    nodes += p.nodes;
    out.push(p);
  }
  return out;
}
