// Debounced, project-wide push diagnostics: when a document changes, check the
// programs it belongs to (later, see delayFor) and publish every file of them,
// with [] for files whose problems are gone. Owns the timers and what was sent;
// the server only forwards events to it.
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { diagnosticsByFile } from '../features/diagnostics.js';
import type { SeverityOverride } from '../features/diagnostics.js';
import type { ProgramAnalysis } from '../program/analyze.js';
import type { ProgramWorkspace } from './workspace.js';

export interface PublisherHost {
  send(params: PublishDiagnosticsParams): void;
  /** The open document's version, or undefined when the file is not open. */
  versionOf(uri: string): number | undefined;
  log(message: string, error: unknown): void;
  /** After the check that follows an edit of `uri` (its diagnostics are sent). */
  checked?(uri: string): void;
}

export class DiagnosticsPublisher {
  /** programAsCode.diagnostics.delay in ms; null = automatic (see delayFor). */
  delay: number | null = null;
  private severity: Record<string, SeverityOverride> = {};
  /** How long the last check took (ms), for the automatic delay. */
  private lastCheckMs = 0;
  /** When each document last changed (performance.now()). */
  private readonly lastChange = new Map<string, number>();
  private converted = new WeakMap<ProgramAnalysis, Map<string, Diagnostic[]>>();
  /** root -> files whose diagnostics it contributed last time. */
  private readonly publishedFiles = new Map<string, string[]>();
  /**
   * uri -> last version and diagnostics sent, to skip identical re-sends to files
   * that did not change. The diagnostics are compared as JSON only when the version
   * is the same: an edited document's new version is always sent, and writing
   * 10,000 tasks' diagnostics out as JSON just to find that out costs tens of ms.
   */
  private readonly lastSent = new Map<string, { version: number | undefined; diagnostics: Diagnostic[]; json?: string }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly workspace: ProgramWorkspace, private readonly host: PublisherHost) {}

  setSeverity(overrides: Record<string, SeverityOverride>): void {
    this.severity = overrides;
    this.converted = new WeakMap();
  }

  /**
   * The automatic delay is a debounce with a leading edge: a change that comes
   * after a pause longer than the debounce is checked at once (a single edit's
   * result shows as soon as it can be computed); changes that follow closely
   * wait a third of the last check's time, between 20 and 250 ms, so a huge
   * program is not re-checked on every keystroke.
   */
  private delayFor(uri: string): number {
    if (this.delay !== null) return this.delay;
    const debounce = Math.round(Math.min(250, Math.max(20, this.lastCheckMs / 3)));
    const now = performance.now();
    const previous = this.lastChange.get(uri) ?? -Infinity;
    this.lastChange.set(uri, now);
    // "At once" still leaves a few milliseconds (more for programs whose edits
    // take longer to apply), so a request the editor sends with the keystroke
    // (completion) is answered before the check starts.
    const leading = Math.round(Math.min(60, Math.max(15, this.lastCheckMs / 10)));
    return now - previous > debounce && !this.timers.has(uri) ? leading : debounce;
  }

  /** A document changed: check its programs after the delay. */
  schedule(uri: string): void {
    const delay = this.delayFor(uri);
    clearTimeout(this.timers.get(uri));
    const timer = setTimeout(() => {
      // Two event-loop turns before the (synchronous) check: requests already
      // read from the client, such as the completion sent with the keystroke,
      // are answered first instead of waiting for the whole program.
      setImmediate(() => setImmediate(() => {
        if (this.timers.get(uri) !== timer) return; // a newer change rescheduled it
        this.timers.delete(uri);
        const started = performance.now();
        try {
          this.validate(uri);
        } catch (e) {
          this.host.log(`checking ${uri} failed`, e);
        }
        this.lastCheckMs = performance.now() - started;
        this.host.checked?.(uri);
      }));
    }, delay);
    this.timers.set(uri, timer);
  }

  /** Checks now every program `uri` belongs to (or belonged to) and publishes. */
  validate(uri: string): void {
    const roots = new Set(this.workspace.programsOf(uri));
    for (const [root, files] of this.publishedFiles) if (files.includes(uri)) roots.add(root);
    for (const root of roots) this.publishProgram(root);
    if (roots.size === 0) this.sendDiagnostics(uri, []);
  }

  /** Publishes every file of a program, and [] for files it no longer has problems in or no longer includes. */
  publishProgram(root: string): void {
    const analysis = this.workspace.analysisOf(root);
    const files = new Set(this.publishedFiles.get(root) ?? []);
    const now = analysis ? analysis.model.files.map((f) => f.uri) : [];
    for (const f of now) files.add(f);
    if (now.length > 0) this.publishedFiles.set(root, now);
    else this.publishedFiles.delete(root);
    for (const uri of files) this.publishFile(uri);
  }

  republishAll(): void {
    for (const root of [...this.publishedFiles.keys()]) this.publishProgram(root);
  }

  /** A document closed: its text falls back to the disk; a file outside the workspace no program still has open loses its problems. */
  documentClosed(uri: string, stillShown: boolean): void {
    this.cancel(uri);
    this.validate(uri);
    if (!stillShown) this.retract(uri);
  }

  /**
   * Files were deleted on disk (and are not open): their diagnostics go, and
   * the programs that had them are returned to be checked again. One pass over
   * what was published, however many files went.
   */
  filesDeleted(uris: readonly string[]): string[] {
    const gone = new Set(uris);
    const affected: string[] = [];
    for (const [root, files] of this.publishedFiles) {
      if (!files.some((f) => gone.has(f))) continue;
      affected.push(root);
      this.publishedFiles.set(root, files.filter((f) => !gone.has(f)));
    }
    for (const uri of gone) {
      this.publishedFiles.delete(uri);
      // Only files that were sent something need to hear they have nothing now.
      if (this.lastSent.has(uri)) {
        this.sendDiagnostics(uri, []);
        this.lastSent.delete(uri);
      }
    }
    return affected;
  }

  /** Roots waiting to be checked again (publishLater), in order. */
  private readonly pending = new Set<string>();
  private draining = false;

  /**
   * Checks these programs again and publishes them, one per event-loop turn,
   * so that requests are answered in between (a watcher notification about
   * thousands of files means thousands of programs). A root already waiting
   * is checked once.
   */
  publishLater(roots: Iterable<string>): void {
    for (const r of roots) this.pending.add(r);
    if (this.draining) return;
    this.draining = true;
    const next = () => {
      const root = this.pending.values().next();
      if (root.done || this.disposed) {
        this.draining = false;
        return;
      }
      this.pending.delete(root.value);
      try {
        this.publishProgram(root.value);
      } catch (e) {
        this.host.log(`checking ${root.value} failed`, e);
      }
      setImmediate(next);
    };
    setImmediate(next);
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.lastChange.delete(uri);
  }

  private disposed = false;

  dispose(): void {
    this.disposed = true;
    this.pending.clear();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private retract(uri: string): void {
    for (const [root, files] of this.publishedFiles) if (files.includes(uri)) this.publishedFiles.set(root, files.filter((f) => f !== uri));
    this.sendDiagnostics(uri, []);
  }

  private diagnosticsOf(analysis: ProgramAnalysis): Map<string, Diagnostic[]> {
    let byFile = this.converted.get(analysis);
    if (!byFile) {
      byFile = diagnosticsByFile(analysis, { severity: this.severity });
      this.converted.set(analysis, byFile);
    }
    return byFile;
  }

  /** A file's diagnostics: the union over every program it belongs to. */
  private publishFile(uri: string): void {
    const out: Diagnostic[] = [];
    const seen = new Set<string>();
    for (const root of this.workspace.programsOf(uri)) {
      const analysis = this.workspace.analysisOf(root);
      if (!analysis) continue;
      for (const d of this.diagnosticsOf(analysis).get(uri) ?? []) {
        const key = `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${String(d.code)}:${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(d);
      }
    }
    this.sendDiagnostics(uri, out);
  }

  private sendDiagnostics(uri: string, diagnostics: Diagnostic[]): void {
    // An edited document always hears back for its new version (clients and
    // tests wait for "diagnostics of version N"); unchanged files are skipped.
    const version = this.host.versionOf(uri);
    const last = this.lastSent.get(uri);
    const sent = { version, diagnostics };
    if (last && last.version === version) {
      const json = JSON.stringify(diagnostics);
      if ((last.json ??= JSON.stringify(last.diagnostics)) === json) return;
      this.lastSent.set(uri, { ...sent, json });
    } else {
      this.lastSent.set(uri, sent);
    }
    this.host.send({ uri, diagnostics, ...(version !== undefined && { version }) });
  }
}
