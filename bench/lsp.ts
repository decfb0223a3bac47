// Our language server against yaml-language-server, in one run, over stdio,
// on the same generated programs (block style, dependencies, risks), with our
// JSON Schema given to yaml-language-server. Measures didOpen → first
// diagnostics, a one-character edit → diagnostics for that version,
// completion of a depends_on value right after an edit, and peak memory
// (VmHWM). Prints the figures and the ratios against the issue's targets.
// Each edit's time is also given as the server process's CPU time (from
// /proc/PID/stat), the figure that holds on a busy machine. A variant with
// `scheduling: { levelling: true }` added to the same program measures
// diagnostics after an edit when every analysis levels resources.
//
// Run alone: node --import tsx bench/lsp.ts [--sizes 1000,10000]
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import type { MessageConnection } from 'vscode-jsonrpc/node.js';
import { generateProgram } from './generate.js';
import { SERVER_NODE_ARGS } from '../server/src/node-options.js';

const ROOT = resolve(__dirname, '..');
const EDITS = 5;

interface ServerSpec {
  readonly name: string;
  readonly command: string[];
  /** Node options, as each server's own client starts it. */
  readonly nodeArgs?: string[];
}

const SERVERS: ServerSpec[] = [
  // Each server is started as its own VS Code client starts it: ours with
  // SERVER_NODE_ARGS (override with PAC_SERVER_NODE_ARGS, e.g. '' for none).
  {
    name: 'program-as-code', command: [join(ROOT, 'dist/server.js'), '--stdio'],
    nodeArgs: process.env.PAC_SERVER_NODE_ARGS !== undefined ? process.env.PAC_SERVER_NODE_ARGS.split(' ').filter(Boolean) : [...SERVER_NODE_ARGS],
  },
  { name: 'yaml-language-server', command: [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio'] },
];

export interface LspFigures {
  server: string;
  tasks: number;
  openMs: number;
  editMs: number;
  /** The server's CPU time per edit (until its diagnostics), median. */
  editCpuMs: number;
  /** The program sets `scheduling.levelling: true`. */
  levelling: boolean;
  completionMs: number;
  completionItems: number;
  peakMb: number;
}

class Client {
  readonly conn: MessageConnection;
  private readonly listeners: ((uri: string, version: number | undefined, count: number) => void)[] = [];

  constructor(readonly child: ChildProcess, schemaUri: string) {
    this.conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const yaml = {
      schemas: { [schemaUri]: ['*.program.yaml'] }, validate: true, completion: true, hover: true,
      schemaStore: { enable: false }, format: { enable: false }, maxItemsComputed: 5000,
    };
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'yaml' ? yaml : i.section === 'programAsCode' ? {} : null)));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      for (const l of [...this.listeners]) l(p.uri, p.version, p.diagnostics.length);
    });
    this.conn.onNotification(() => undefined);
    this.conn.listen();
  }

  /** Resolves on the next diagnostics for `uri` (for `version` when the server reports versions). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 120_000): Promise<number> {
    return new Promise((resolveWait, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version ?? '?'} within ${timeoutMs} ms`)), timeoutMs);
      const l = (u: string, v: number | undefined) => {
        if (u !== uri || (version !== undefined && v !== undefined && v !== version)) return;
        this.listeners.splice(this.listeners.indexOf(l), 1);
        clearTimeout(timer);
        resolveWait(performance.now());
      };
      this.listeners.push(l);
    });
  }
}

function peakMemoryMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** User + system CPU time of a process so far, in ms (NaN where /proc is missing). */
function cpuMsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, so split after its ')').
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop()!.trim().split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let last = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) { line++; last = i + 1; }
  return { line, character: offset - last };
}

async function measure(spec: ServerSpec, tasks: number, text: string, levelling = false): Promise<LspFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'pac-bench-'));
  const schema = join(dir, 'program.schema.json');
  copyFileSync(join(ROOT, 'schemas/program.schema.json'), schema);
  const file = join(dir, 'bench.program.yaml');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), ...spec.command], { stdio: ['pipe', 'pipe', 'ignore'] });
  const client = new Client(child, pathToFileURL(schema).href);
  try {
    await client.conn.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true }, completion: { completionItem: { snippetSupport: true } }, synchronization: { dynamicRegistration: false } },
        window: { workDoneProgress: true },
      },
    });
    await client.conn.sendNotification('initialized', {});
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: { schemas: { [pathToFileURL(schema).href]: ['*.program.yaml'] }, validate: true, schemaStore: { enable: false } } } });

    let version = 1;
    const opened = client.nextDiagnostics(uri);
    const t0 = performance.now();
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    const openMs = (await opened) - t0;

    // One-character edits inside a task name in the middle of the file (the file stays valid).
    let current = text;
    const nameAt = current.indexOf('        name: ', Math.floor(current.length / 2)) + '        name: '.length;
    const editTimes: number[] = [];
    const editCpu: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const ch = String.fromCharCode(97 + (i % 26));
      const pos = positionOf(current, nameAt);
      current = current.slice(0, nameAt) + ch + current.slice(nameAt);
      version++;
      const done = client.nextDiagnostics(uri, version);
      const t = performance.now();
      const c = cpuMsOf(child.pid!);
      await client.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: pos, end: pos }, text: ch }],
      });
      editTimes.push((await done) - t);
      editCpu.push(cpuMsOf(child.pid!) - c);
    }

    // Completion of a depends_on value right after an edit (the edits are
    // before it, so its offset moves by one each time).
    const depLine = current.indexOf('        depends_on:\n          - t', Math.floor(current.length * 0.75));
    let depValue = depLine + '        depends_on:\n          - '.length;
    const completionTimes: number[] = [];
    let items = 0;
    for (let i = 0; i < EDITS; i++) {
      const pos = positionOf(current, nameAt);
      current = `${current.slice(0, nameAt)}x${current.slice(nameAt)}`;
      depValue++;
      version++;
      const settled = client.nextDiagnostics(uri, version);
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: 'x' }] });
      const t = performance.now();
      const result = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionOf(current, depValue + 1) }) as { items?: unknown[] } | unknown[] | null;
      completionTimes.push(performance.now() - t);
      items = Array.isArray(result) ? result.length : (result?.items?.length ?? 0);
      await settled;
    }
    const peakMb = peakMemoryMb(child.pid!);
    return { server: spec.name, tasks, levelling, openMs, editMs: median(editTimes), editCpuMs: median(editCpu), completionMs: median(completionTimes), completionItems: items, peakMb };
  } finally {
    client.conn.dispose();
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : 'n/a');

/** The generated program with resource levelling switched on. */
export function withLevelling(text: string): string {
  const out = text.replace(/^calendar:/m, 'scheduling:\n  levelling: true\ncalendar:');
  if (out === text) throw new Error('no top-level calendar: to put scheduling before');
  return out;
}

/** Both servers on the 1,000-task program with levelling on: edit → diagnostics. */
export async function benchLspLevelling(tasks = 1000): Promise<LspFigures[]> {
  console.log(`\nWith scheduling.levelling: true, ${tasks} tasks (edit → diagnostics; CPU = the server process's)`);
  const text = withLevelling(generateProgram({ tasks, seed: 7 }).root);
  const figures: LspFigures[] = [];
  for (const spec of SERVERS) {
    const f = await measure(spec, tasks, text, true);
    figures.push(f);
    console.log(`${String(tasks).padEnd(7)} ${f.server.padEnd(22)} edit→diag ${fmt(f.editMs)} ms wall, ${fmt(f.editCpuMs)} ms CPU`);
  }
  const [ours, theirs] = figures as [LspFigures, LspFigures];
  console.log(`        edit→diagnostics ours/theirs: wall ${(ours.editMs / theirs.editMs).toFixed(3)}, CPU ${(ours.editCpuMs / theirs.editCpuMs).toFixed(3)}  target ≤ 0.250`);
  return figures;
}

export async function benchLsp(sizes = [1000, 10000]): Promise<LspFigures[]> {
  const all: LspFigures[] = [];
  console.log('\nLanguage server vs yaml-language-server (stdio, same generated file, our schema given to both)');
  console.log('tasks   server                 open→diag ms  edit→diag ms  completion ms (items)  peak MB');
  for (const tasks of sizes) {
    const text = generateProgram({ tasks, seed: 7 }).root;
    const figures: LspFigures[] = [];
    for (const spec of SERVERS) {
      const f = await measure(spec, tasks, text);
      figures.push(f);
      all.push(f);
      console.log(`${String(tasks).padEnd(7)} ${f.server.padEnd(22)} ${fmt(f.openMs).padStart(12)}  ${fmt(f.editMs).padStart(12)}  ${(`${fmt(f.completionMs)} (${f.completionItems})`).padStart(21)}  ${fmt(f.peakMb).padStart(7)}`);
    }
    const [ours, theirs] = figures as [LspFigures, LspFigures];
    const completionTarget = tasks >= 10000 ? 1 / 50 : 1 / 15;
    const line = (what: string, ratio: number, target: number) =>
      console.log(`        ${what.padEnd(34)} ${ratio.toFixed(3)}  target ≤ ${target.toFixed(3)}  ${ratio <= target ? 'met' : 'NOT MET'}`);
    line('edit→diagnostics ours/theirs', ours.editMs / theirs.editMs, 1 / 4);
    // The servers' own CPU time per edit: the figure that holds on a busy machine.
    line('edit→diagnostics ours/theirs (CPU)', ours.editCpuMs / theirs.editCpuMs, 1 / 4);
    line('completion after edit ours/theirs', ours.completionMs / theirs.completionMs, completionTarget);
    if (tasks >= 10000) line('peak memory ours/theirs', ours.peakMb / theirs.peakMb, 1 / 2);
  }
  return all;
}

if (require.main === module) {
  const arg = process.argv.indexOf('--sizes');
  const sizes = arg > 0 ? (process.argv[arg + 1] ?? '').split(',').map(Number).filter((n) => n > 0) : undefined;
  (process.argv.includes('--levelling') ? benchLspLevelling(sizes?.[0]) : benchLsp(sizes)).then(() => process.exit(0), (e) => {
    console.error(e);
    process.exit(1);
  });
}
