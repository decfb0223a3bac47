// The language server's view of the workspace: a FileHost that prefers the
// editor's open buffers over the disk, the program files found in the
// workspace folders, which roots own which fragments (the include graph),
// a parse cache keyed by (uri, text) and an analysis cache keyed by root uri
// that is reused until a file of that program changes.
import { analyzeProgram } from '../program/analyze.js';
import type { ProgramAnalysis } from '../program/analyze.js';
import { findProgramFiles, looksLikeRoot, PROGRAM_FILE_RE } from '../program/discover.js';
import type { DirEntry, FileHost } from '../program/host.js';
import { loadProgram } from '../program/load.js';
import { DEFAULT_LIMITS, parseFile } from '../program/parse.js';
import type { ParsedFile, ParseLimits } from '../program/parse.js';
import { reparse } from '../program/reparse.js';
import { dirnameUri, isInsideUri } from '../program/uri.js';
import type { FeatureContext } from '../features/context.js';
import type { OpenBuffers } from './documents.js';
import { guessIncludes } from '../program/include-guess.js';

interface CachedProgram {
  readonly analysis: ProgramAnalysis;
  /** The workspace's structure version when loaded (file creations/deletions bump it). */
  readonly structure: number;
}

export interface IndexProgress {
  report(percentage: number, message: string): void;
}

export type FileChangeKind = 'created' | 'changed' | 'deleted';

/** Program files the workspace keeps track of at most (as many as discovery finds). */
const MAX_KNOWN_FILES = 100_000;

/** Lets requests in while the index is built. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ProgramWorkspace {
  /** Workspace folder uris, each ending in `/`. */
  private folders: string[] = [];
  /** Program files found on disk in the workspace folders (kept up to date by the watcher). */
  private readonly known = new Set<string>();
  private readonly diskText = new Map<string, string | undefined>();
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly programs = new Map<string, CachedProgram>();
  /** fragment uri -> roots that include it (from loaded models, or guessed from include lines). */
  private readonly owners = new Map<string, Set<string>>();
  /** root uri -> the fragments it included when last loaded. */
  private readonly ownedBy = new Map<string, string[]>();
  private structure = 0;
  private limits: ParseLimits = DEFAULT_LIMITS;
  private statusDate: number | undefined;
  private indexed = false;
  private discovered = false;

  /** Reads open buffers first, then the disk (cached until the watcher says it changed). */
  readonly host: FileHost;

  constructor(private readonly buffers: OpenBuffers, private readonly disk: FileHost) {
    this.host = {
      readFile: (uri) => this.readFile(uri),
      listDirectory: (uri): readonly DirEntry[] | undefined => this.disk.listDirectory(uri),
      ...(disk.realUri && { realUri: (uri: string) => disk.realUri?.(uri) }),
    };
  }

  /** programAsCode.maxFileSize: files above it get a diagnostic instead of a parse. */
  setMaxFileSize(chars: number): void {
    if (chars === this.limits.maxFileSize) return;
    this.limits = { ...this.limits, maxFileSize: chars };
    this.parsed.clear();
    this.programs.clear();
    // Files were read from disk up to the old limit only.
    this.diskText.clear();
  }

  get maxFileSize(): number {
    return this.limits.maxFileSize;
  }

  /** programAsCode.statusDate: overrides the files' `program.status_date` (undefined: each file's own). */
  setStatusDate(day: number | undefined): void {
    if (day === this.statusDate) return;
    this.statusDate = day;
    this.programs.clear();
  }

  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.map((f) => (f.endsWith('/') ? f : `${f}/`));
    this.structure++;
    this.discovered = false;
    this.indexed = false;
  }

  get folderUris(): readonly string[] {
    return this.folders;
  }

  get isIndexed(): boolean {
    return this.indexed;
  }

  readFile(uri: string): string | undefined {
    const open = this.buffers.get(uri);
    if (open) return open.getText();
    if (this.diskText.has(uri)) return this.diskText.get(uri);
    const text = this.disk.readFile(uri);
    this.diskText.set(uri, text);
    return text;
  }

  /** Parses once per (uri, text): unchanged fragments are reused across loads. */
  private readonly parse = (uri: string, text: string): ParsedFile => {
    const hit = this.parsed.get(uri);
    if (hit && hit.text === text) return hit;
    // After a typical edit only the edited list item is parsed again.
    const file = (hit && reparse(hit, text, this.limits)) ?? parseFile(uri, text, this.limits);
    this.parsed.set(uri, file);
    return file;
  };

  workspaceRootOf(uri: string): string {
    let best: string | undefined;
    for (const f of this.folders) if (isInsideUri(uri, f) && (!best || f.length > best.length)) best = f;
    return best ?? dirnameUri(uri);
  }

  /** The roots of the programs `uri` belongs to: itself for a root or a fragment no root includes. */
  programsOf(uri: string): string[] {
    this.discover();
    const text = this.readFile(uri);
    if (text === undefined) return [];
    if (looksLikeRoot(text)) return [uri];
    const roots = [...(this.owners.get(uri) ?? [])].filter((r) => {
      const t = this.readFile(r);
      return t !== undefined && looksLikeRoot(t);
    });
    return roots.length > 0 ? roots.sort() : [uri];
  }

  /** The cached analysis when still valid (every file's text unchanged), else a fresh one. */
  analysisOf(rootUri: string): ProgramAnalysis | undefined {
    const cached = this.programs.get(rootUri);
    if (cached && cached.structure === this.structure && this.isCurrent(cached.analysis)) return cached.analysis;
    if (this.readFile(rootUri) === undefined) {
      this.forget(rootUri);
      return undefined;
    }
    const model = loadProgram(rootUri, this.host, { workspaceRoot: this.workspaceRootOf(rootUri), parse: this.parse });
    const analysis = analyzeProgram(model, this.statusDate !== undefined ? { statusDate: this.statusDate } : {});
    this.programs.set(rootUri, { analysis, structure: this.structure });
    if (model.files[0]?.isRoot) this.setOwnership(rootUri, model.files.slice(1).map((f) => f.uri));
    return analysis;
  }

  /** The last analysis of a program without checking it is current (for listing). */
  cachedAnalysis(rootUri: string): ProgramAnalysis | undefined {
    return this.programs.get(rootUri)?.analysis;
  }

  private isCurrent(analysis: ProgramAnalysis): boolean {
    for (const f of analysis.model.files) if (this.readFile(f.uri) !== f.text) return false;
    return true;
  }

  private setOwnership(rootUri: string, fragments: readonly string[]): void {
    for (const old of this.ownedBy.get(rootUri) ?? []) this.owners.get(old)?.delete(rootUri);
    this.ownedBy.set(rootUri, [...fragments]);
    for (const f of fragments) {
      let set = this.owners.get(f);
      if (!set) this.owners.set(f, (set = new Set()));
      set.add(rootUri);
      // A fragment that now has a root is no longer a program of its own.
      if (f !== rootUri) this.programs.delete(f);
    }
  }

  private forget(rootUri: string): void {
    this.programs.delete(rootUri);
    this.setOwnership(rootUri, []);
    this.ownedBy.delete(rootUri);
  }

  /**
   * Like contextFor, but answers from the last analysis even when the text has
   * moved on since: completion right after a keystroke must not wait for the
   * whole program to be checked again (it reads the cursor's place from the
   * current text and only ids and dates from the analysis).
   */
  contextWhileTyping(uri: string): FeatureContext | undefined {
    const text = this.readFile(uri);
    if (text === undefined) return undefined;
    for (const root of this.programsOf(uri)) {
      const analysis = this.programs.get(root)?.analysis;
      if (analysis?.model.files.some((f) => f.uri === uri)) return { uri, text, analysis };
    }
    return this.contextFor(uri);
  }

  /** What a feature needs to answer about `uri`: its text and the program it belongs to (its first root). */
  contextFor(uri: string): FeatureContext | undefined {
    const text = this.readFile(uri);
    if (text === undefined) return undefined;
    for (const root of this.programsOf(uri)) {
      const analysis = this.analysisOf(root);
      if (analysis?.model.files.some((f) => f.uri === uri)) return { uri, text, analysis };
    }
    // The ownership guess was wrong (the root no longer includes it): check it alone.
    this.owners.delete(uri);
    return { uri, text, analysis: this.analysisOf(uri) };
  }

  /** Every program known: each root file, then each fragment no root includes. */
  programRoots(): string[] {
    const roots: string[] = [];
    const fragments: string[] = [];
    for (const uri of this.known) {
      const text = this.readFile(uri);
      if (text === undefined) continue;
      if (looksLikeRoot(text)) roots.push(uri);
      else fragments.push(uri);
    }
    // Programs of open files outside the scanned folders.
    for (const uri of this.programs.keys()) {
      if (this.known.has(uri)) continue;
      const text = this.readFile(uri);
      if (text !== undefined && looksLikeRoot(text)) roots.push(uri);
      else if (text !== undefined) fragments.push(uri);
    }
    const out = roots.sort();
    for (const f of fragments.sort()) if (this.programsOf(f)[0] === f) out.push(f);
    return out;
  }

  /** Current analyses of every known program (re-analysing the stale ones). */
  allAnalyses(): ProgramAnalysis[] {
    const out: ProgramAnalysis[] = [];
    for (const root of this.programRoots()) {
      const a = this.analysisOf(root);
      if (a) out.push(a);
    }
    return out;
  }

  /**
   * Finds the program files of the workspace folders and guesses the include
   * graph from the roots' include lines (no YAML parsing, so it is cheap and
   * done synchronously the first time any file is asked about).
   */
  discover(): void {
    if (this.discovered) return;
    this.discovered = true;
    const found: string[] = [];
    for (const folder of this.folders) found.push(...findProgramFiles(folder, this.disk, MAX_KNOWN_FILES));
    for (const uri of found) this.known.add(uri);
    for (const uri of found) {
      const text = this.readFile(uri);
      if (text === undefined || !looksLikeRoot(text) || this.ownedBy.has(uri)) continue;
      for (const f of guessIncludes(uri, text, this.host, this.workspaceRootOf(uri))) {
        let set = this.owners.get(f);
        if (!set) this.owners.set(f, (set = new Set()));
        set.add(uri);
      }
    }
  }

  /**
   * Analyses every
   * program, yielding to the event loop between programs so that requests
   * (the open file's first) are answered while indexing. `onProgram` is
   * called after each program is analysed (to publish its diagnostics).
   */
  async index(progress: IndexProgress | undefined, onProgram: (rootUri: string) => void, shouldStop: () => boolean = () => false): Promise<void> {
    progress?.report(0, 'Finding program files');
    this.discover();
    await yieldToEventLoop();
    const roots = this.programRoots();
    let done = 0;
    for (const root of roots) {
      if (shouldStop()) return;
      progress?.report(Math.round((done / Math.max(1, roots.length)) * 100), `${done}/${roots.length} programs`);
      try {
        if (!this.programs.has(root) || this.programs.get(root)?.structure !== this.structure) this.analysisOf(root);
        onProgram(root);
      } catch (e) {
        // One program failing must not stop the others from being indexed (issue 11, H3).
        console.error(`Indexing ${root} failed:`, e);
      }
      done++;
      await yieldToEventLoop();
    }
    this.indexed = true;
    progress?.report(100, `${roots.length} programs`);
  }

  /**
   * Files changed on disk (one watcher notification). Returns the roots whose
   * programs may have changed; a created or deleted file may change what globs
   * match, so then every program is affected. Linear in the number of events
   * and of known files: each uri is handled once (its last event counts) and
   * the programs are listed once per batch, not once per event (40,000
   * "created" events used to take minutes).
   */
  filesChanged(changes: readonly { readonly uri: string; readonly kind: FileChangeKind }[]): { roots: string[]; structural: boolean } {
    this.discover();
    const last = new Map<string, FileChangeKind>();
    let structural = false;
    for (const c of changes) {
      last.set(c.uri, c.kind);
      if (c.kind !== 'changed') structural = true;
    }
    const affected = new Set<string>();
    for (const [uri, kind] of last) {
      this.diskText.delete(uri);
      if (!structural) for (const r of this.programsOf(uri)) affected.add(r);
      if (kind === 'created' && PROGRAM_FILE_RE.test(uri) && this.inFolders(uri) && this.known.size < MAX_KNOWN_FILES) this.known.add(uri);
      if (kind === 'deleted') {
        this.known.delete(uri);
        this.parsed.delete(uri);
        for (const r of this.owners.get(uri) ?? []) affected.add(r);
        if (this.programs.has(uri)) this.forget(uri);
      }
    }
    if (structural) {
      this.structure++;
      for (const r of this.programRoots()) affected.add(r);
    }
    for (const r of [...affected]) if (this.readFile(r) === undefined) affected.delete(r);
    return { roots: [...affected], structural };
  }

  /** One file changed on disk (see filesChanged). */
  fileChanged(uri: string, kind: FileChangeKind): string[] {
    return this.filesChanged([{ uri, kind }]).roots;
  }

  /** A document was opened outside the scanned folders: remember it as a program file. */
  noteOpened(uri: string): void {
    if (this.inFolders(uri)) this.known.add(uri);
  }

  /** Whether `uri` is a program file found in the workspace folders (its diagnostics stay when closed). */
  isWorkspaceFile(uri: string): boolean {
    return this.known.has(uri);
  }

  private inFolders(uri: string): boolean {
    return this.folders.some((f) => isInsideUri(uri, f));
  }

  /** Drops a closed document's cached parse when nothing on disk backs it. */
  documentClosed(uri: string): void {
    if (!this.known.has(uri)) {
      this.parsed.delete(uri);
      if (this.programs.has(uri)) this.forget(uri);
    }
  }
}
