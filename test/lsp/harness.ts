// Drives the bundled language server (dist/server.js) over stdio, as an
// editor would: initialize with a temporary workspace folder, open and edit
// documents, wait for diagnostics by promise (never a fixed sleep), and kill
// the child when done.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import type { CancellationToken, MessageConnection } from 'vscode-jsonrpc/node.js';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { tempDir, writeIn } from '../helpers/cli.js';

export const SERVER = resolve('dist/server.js');
export { APOLLO_DIR as APOLLO } from '../helpers/shared.js';

export interface StartOptions {
  /** Files to write into the workspace folder (relative path -> text). */
  readonly files?: Record<string, string>;
  /** A folder to copy into the workspace folder first. */
  readonly copyFrom?: string;
  readonly initializationOptions?: unknown;
  /** Advertise dynamic registration of file watchers (default true). */
  readonly watchFiles?: boolean;
  /** Start the server without sending initialize (call `initialize()` later). */
  readonly uninitialized?: boolean;
}

interface Waiter {
  readonly uri: string;
  readonly test: (d: Diagnostic[]) => boolean;
  readonly resolve: (d: Diagnostic[]) => void;
}

export class LspSession {
  readonly dir: string;
  readonly folderUri: string;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publishDiagnostics notification, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: unknown[] = [];
  readonly registrations: unknown[] = [];
  readonly logs: string[] = [];
  /** Every window/showMessage (and showMessageRequest) the server sent: its text. */
  readonly messages: string[] = [];
  /** What workspace/configuration answers per section (e.g. `programAsCode`); null for the rest. */
  readonly settings = new Map<string, unknown>();
  exitCode: number | null | undefined = undefined;
  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private child: ChildProcess | undefined;
  private conn!: MessageConnection;
  private stderr = '';

  private constructor(dir: string, private options: StartOptions) {
    this.dir = dir;
    this.folderUri = pathToFileURL(dir).href;
  }

  /** A session whose workspace folder exists (empty) but whose server is not started yet: see `launch`. */
  static create(options: StartOptions = {}): LspSession {
    return new LspSession(tempDir('pac-lsp-'), options);
  }

  static async start(options: StartOptions = {}): Promise<LspSession> {
    const s = LspSession.create(options);
    await s.launch();
    return s;
  }

  uri(rel: string): string {
    return pathToFileURL(join(this.dir, rel)).href;
  }

  /** Fills the workspace folder, spawns the server and (unless `uninitialized`) initializes it. */
  async launch(options: StartOptions = this.options): Promise<void> {
    this.options = options;
    if (options.copyFrom) cpSync(options.copyFrom, this.dir, { recursive: true });
    for (const [rel, text] of Object.entries(options.files ?? {})) writeIn(this.dir, rel, text);
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.on('exit', (code) => { this.exitCode = code; });
    this.child.stderr?.on('data', (b: Buffer) => { this.stderr += b.toString(); });
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.poke();
      this.diagnostics.set(p.uri, p.diagnostics);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.test(p.diagnostics)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p.diagnostics);
        }
      }
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); this.poke(); });
    this.conn.onNotification('window/showMessage', (p: { message: string }) => { this.messages.push(p.message); this.poke(); });
    this.conn.onRequest('window/showMessageRequest', (p: { message: string }) => { this.messages.push(p.message); this.poke(); return null; });
    this.conn.onNotification('$/progress', (p: unknown) => { this.progress.push(p); this.poke(); });
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('client/registerCapability', (p: unknown) => { this.registrations.push(p); return null; });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((item) => (item.section !== undefined && this.settings.has(item.section) ? this.settings.get(item.section) : null)));
    this.conn.listen();
    if (!options.uninitialized) await this.initialize();
  }

  /** The initialize request and the initialized notification, as an editor sends them. */
  async initialize(): Promise<unknown> {
    const options = this.options;
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: this.folderUri,
      workspaceFolders: [{ uri: this.folderUri, name: 'ws' }],
      initializationOptions: options.initializationOptions ?? null,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: options.watchFiles ?? true },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  request<R = unknown>(method: string, params: unknown, token?: CancellationToken): Promise<R> {
    return (token ? this.conn.sendRequest(method, params, token) : this.conn.sendRequest(method, params)) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async open(rel: string, text: string): Promise<string> {
    const uri = this.uri(rel);
    this.versions.set(uri, 1);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  }

  /** Replaces the whole text (a content change without a range). */
  async change(rel: string, text: string): Promise<void> {
    const uri = this.uri(rel);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(rel: string): Promise<void> {
    await this.notify('textDocument/didClose', { textDocument: { uri: this.uri(rel) } });
  }

  /** Resolves with the first diagnostics for `rel` (already published or to come) that pass `test`. */
  waitForDiagnostics(rel: string, test: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 15_000): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    const current = this.diagnostics.get(uri);
    if (current && test(current)) return Promise.resolve(current);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no matching diagnostics for ${rel} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri))}\n${this.stderr}`));
      }, timeoutMs);
      const waiter: Waiter = { uri, test, resolve: (d) => { clearTimeout(timer); resolvePromise(d); } };
      this.waiters.push(waiter);
    });
  }

  private readonly pokes: (() => void)[] = [];

  private poke(): void {
    for (const f of [...this.pokes]) f();
  }

  /** Resolves once `test` holds, re-checked whenever the server sends a notification. */
  until(test: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        if (!test()) return;
        clearTimeout(timer);
        this.pokes.splice(this.pokes.indexOf(check), 1);
        resolvePromise();
      };
      const timer = setTimeout(() => {
        this.pokes.splice(this.pokes.indexOf(check), 1);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.pokes.push(check);
    });
  }

  /** Forgets what was published for a file, so the next wait sees only new notifications. */
  forget(rel: string): void {
    this.diagnostics.delete(this.uri(rel));
  }

  get alive(): boolean {
    return this.exitCode === undefined && this.child?.exitCode === null;
  }

  async stop(): Promise<void> {
    if (!this.child) {
      rmSync(this.dir, { recursive: true, force: true });
      return;
    }
    try {
      if (this.alive) {
        await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await this.conn.sendNotification('exit');
      }
    } catch {
      // Already gone.
    } finally {
      this.conn.dispose();
      if (this.child.exitCode === null) this.child.kill();
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
