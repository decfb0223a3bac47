// Portfolio-scale start-up of our language server, over stdio: a workspace of
// 200 program files holding 50,000 tasks in all (generated, seeded). Measures
// (a) the time from `initialized` to the end of the indexing progress and the
// `$/progress` reports seen on the way, (b) requests for a file opened right
// after `initialized` (documentSymbol, hover, completion; and its first
// diagnostics): time to answer and whether the answer came before indexing
// ended, which the issue requires, and (c) the server's peak memory (VmHWM).
//
// Run alone: node --import tsx bench/portfolio.ts   (needs `npm run build` first)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { generateWorkspace } from './generate.js';

const ROOT = resolve(__dirname, '..');
const SERVER = join(ROOT, 'dist/server.js');
const FILES = 200;
const TASKS = 50_000;
const SEED = 11;
const INDEX_TIMEOUT_MS = 600_000;

/** One request for the open file (or its first diagnostics): all times in ms. */
export interface PortfolioAnswer {
  what: string;
  /** From sending the request (or didOpen) to the answer. */
  ms: number;
  /** From `initialized` to the answer. */
  sinceInitializedMs: number;
  /** Size of the answer: symbols, completion items, hover characters, diagnostics. */
  size: number;
  beforeIndexingEnded: boolean;
  /** The last progress percentage reported before the answer arrived (undefined: before the progress began). */
  atPercent: number | undefined;
}

export interface PortfolioFigures {
  files: number;
  tasks: number;
  generateMs: number;
  /** From `initialized` to the progress `begin` and to its `end`. */
  beginMs: number;
  indexMs: number;
  progressReports: number;
  /** Percentages of the begin/report notifications, in order. */
  percentages: number[];
  programsPublished: number;
  openFile: string;
  answers: PortfolioAnswer[];
  /** Every request for the open file answered before indexing ended. */
  answeredBeforeIndexingEnded: boolean;
  peakMb: number;
}

interface ProgressValue {
  kind: 'begin' | 'report' | 'end';
  percentage?: number;
  message?: string;
}

function peakMemoryMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let last = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) { line++; last = i + 1; }
  return { line, character: offset - last };
}

function sizeOf(result: unknown): number {
  if (result === null || result === undefined) return 0;
  if (Array.isArray(result)) return result.length;
  const r = result as { items?: unknown[]; contents?: unknown };
  if (Array.isArray(r.items)) return r.items.length;
  if (r.contents !== undefined) {
    const c = r.contents as string | { value?: string } | unknown[];
    if (typeof c === 'string') return c.length;
    if (Array.isArray(c)) return c.length;
    return c.value?.length ?? 0;
  }
  return 1;
}

export async function benchPortfolio(log: (s: string) => void = console.log): Promise<PortfolioFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'pac-portfolio-'));
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => { stderr = (stderr + b.toString()).slice(-4000); });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  try {
    const g0 = performance.now();
    const paths = generateWorkspace(dir, { files: FILES, totalTasks: TASKS, seed: SEED });
    const generateMs = performance.now() - g0;
    const folderUri = pathToFileURL(dir).href;

    // The last file: the one a file-order indexer would reach last.
    const openPath = paths[paths.length - 1]!;
    const openUri = pathToFileURL(openPath).href;
    const openText = readFileSync(openPath, 'utf8');

    let t0 = NaN;
    const tokens = new Set<string | number>();
    const percentages: number[] = [];
    let reports = 0;
    let beginAt = NaN;
    let lastPercent: number | undefined;
    let endAt = NaN;
    let resolveEnd!: () => void;
    let rejectEnd!: (e: Error) => void;
    const ended = new Promise<void>((res, rej) => { resolveEnd = res; rejectEnd = rej; });
    const published = new Set<string>();
    let resolveDiag!: (n: number) => void;
    const openDiagnostics = new Promise<number>((res) => { resolveDiag = res; });
    child.on('exit', (code, signal) => rejectEnd(new Error(`server exited (${code ?? signal}) before indexing ended\n${stderr}`)));

    conn.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => { tokens.add(p.token); return null; });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    conn.onNotification('$/progress', (p: { token: string | number; value: ProgressValue }) => {
      if (tokens.size > 0 && !tokens.has(p.token)) return;
      const now = performance.now();
      const v = p.value;
      if (v.kind === 'begin') {
        beginAt = now;
        if (v.percentage !== undefined) { percentages.push(v.percentage); lastPercent = v.percentage; }
      } else if (v.kind === 'report') {
        reports++;
        if (v.percentage !== undefined) { percentages.push(v.percentage); lastPercent = v.percentage; }
      } else if (v.kind === 'end') {
        endAt = now;
        resolveEnd();
      }
    });
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
      published.add(p.uri);
      if (p.uri === openUri) resolveDiag(p.diagnostics.length);
    });
    conn.onNotification(() => undefined);
    conn.listen();

    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'portfolio' }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });

    const answers: PortfolioAnswer[] = [];
    const answered = (what: string, sentAt: number, size: number): void => {
      const now = performance.now();
      answers.push({
        what, ms: now - sentAt, sinceInitializedMs: now - t0, size,
        beforeIndexingEnded: Number.isNaN(endAt), atPercent: lastPercent,
      });
    };

    t0 = performance.now();
    await conn.sendNotification('initialized', {});
    // Right after `initialized`, as an editor restoring an open file would.
    const openedAt = performance.now();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'yaml', version: 1, text: openText } });
    const diagDone = openDiagnostics.then((n) => answered('first diagnostics (from didOpen)', openedAt, n));

    // A depends_on value in the middle of the file: hover on it, complete it.
    const depKey = '        depends_on:\n          - ';
    const depAt = openText.indexOf(depKey, Math.floor(openText.length / 2)) + depKey.length;
    if (depAt < depKey.length) throw new Error(`no depends_on value in ${basename(openPath)}`);
    const request = async (what: string, method: string, params: unknown): Promise<void> => {
      const sentAt = performance.now();
      const result: unknown = await conn.sendRequest(method, params);
      answered(what, sentAt, sizeOf(result));
    };
    const textDocument = { uri: openUri };
    await Promise.all([
      request('documentSymbol', 'textDocument/documentSymbol', { textDocument }),
      request('hover (depends_on value)', 'textDocument/hover', { textDocument, position: positionAt(openText, depAt + 2) }),
      request('completion (depends_on value)', 'textDocument/completion', { textDocument, position: positionAt(openText, depAt + 1) }),
    ]);

    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ended, new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`indexing did not end within ${INDEX_TIMEOUT_MS} ms`)), INDEX_TIMEOUT_MS);
    })]).finally(() => clearTimeout(timer));
    await Promise.race([diagDone, new Promise((r) => setTimeout(r, 5000))]);
    // Publications for the last programs may trail the end by a moment.
    await new Promise((r) => setTimeout(r, 200));
    const peakMb = peakMemoryMb(child.pid!);

    const requests = answers.filter((a) => !a.what.startsWith('first diagnostics'));
    const figures: PortfolioFigures = {
      files: paths.length, tasks: TASKS, generateMs,
      beginMs: beginAt - t0, indexMs: endAt - t0, progressReports: reports, percentages,
      programsPublished: published.size, openFile: basename(openPath), answers,
      answeredBeforeIndexingEnded: requests.length === 3 && requests.every((a) => a.beforeIndexingEnded),
      peakMb,
    };
    printPortfolio(figures, log);
    return figures;
  } finally {
    conn.dispose();
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

function printPortfolio(f: PortfolioFigures, log: (s: string) => void): void {
  const ms = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 1 : 0)} ms` : 'n/a');
  const distinct = [...new Set(f.percentages)];
  const monotonic = f.percentages.every((p, i) => i === 0 || p >= f.percentages[i - 1]!);
  const shown = distinct.length <= 12 ? distinct.join(', ') : `${distinct.slice(0, 5).join(', ')}, …, ${distinct.slice(-5).join(', ')}`;
  log(`\nportfolio: ${f.files} program files, ${f.tasks.toLocaleString('en-US')} tasks in all (generated in ${ms(f.generateMs)})`);
  log(`  initialized → progress begin                  ${ms(f.beginMs).padStart(10)}`);
  log(`  initialized → progress end (indexing done)    ${ms(f.indexMs).padStart(10)}`);
  log(`  progress reports                              ${String(f.progressReports).padStart(10)}   percentages ${shown}${monotonic ? '' : ' (NOT monotonic)'}`);
  log(`  programs with diagnostics published           ${String(f.programsPublished).padStart(10)}`);
  log(`  peak memory (VmHWM)                           ${(Number.isFinite(f.peakMb) ? `${f.peakMb.toFixed(0)} MB` : 'n/a').padStart(10)}`);
  log(`  open file ${f.openFile}, opened right after initialized:`);
  log('    request                             answer in   since initialized   size   before indexing ended');
  for (const a of f.answers) {
    const before = !a.beforeIndexingEnded ? 'NO' : a.atPercent === undefined ? 'yes (before progress began)' : `yes (at ${a.atPercent}%)`;
    log(`    ${a.what.padEnd(34)} ${ms(a.ms).padStart(10)}   ${ms(a.sinceInitializedMs).padStart(17)}   ${String(a.size).padStart(4)}   ${before}`);
  }
  log(`  target: requests for the open file answered before indexing ends — ${f.answeredBeforeIndexingEnded ? 'met' : 'NOT MET'}`);
}

if (require.main === module) {
  benchPortfolio().then(() => process.exit(0), (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
