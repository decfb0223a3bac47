// Loading a program as it was at a git revision. Git is reached through an
// injected `BaselineSource` (the CLI and the language server use the `git`
// program; VS Code for the web can supply one over isomorphic-git), so this
// module stays pure. Reading a baseline never changes the repository: the
// source only resolves revisions, lists trees and reads blobs.
import type { DirEntry, FileHost } from '../host.js';
import { loadProgram } from '../load.js';
import type { LoadOptions } from '../load.js';
import type { ProgramModel } from '../model.js';
import { scheduleProgram } from '../schedule.js';
import type { Schedule } from '../schedule.js';
import type { Day } from '../types.js';
import { PROGRAM_FILE_RE } from '../program-file.js';
import { dirnameUri, joinUri } from '../uri.js';

export type BaselineErrorKind = 'git-missing' | 'not-a-repository' | 'unknown-revision' | 'root-missing' | 'git-failed';

export class BaselineError extends Error {
  constructor(readonly kind: BaselineErrorKind, message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

/** One file in a commit's tree: its path from the repository's top folder and its blob id. */
export interface TreeFile {
  readonly path: string;
  readonly blob: string;
}

/** One git repository, as the baseline loader needs it. */
export interface BaselineRepository {
  /** The repository's top folder, as a URI in the same spelling as the files the caller names. */
  readonly topUri: string;
  /** The full commit hash a revision names; a BaselineError('unknown-revision') when there is none. */
  resolve(revision: string): Promise<string>;
  /** Every file below `dir` (a path from the top folder, '' for all) in `commit`, recursively. */
  listFiles(commit: string, dir: string): Promise<TreeFile[]>;
  /** The text of blobs, by blob id. */
  readBlobs(blobs: readonly string[]): Promise<Map<string, string>>;
}

export interface BaselineSource {
  /** The repository holding the folder `folderUri`; a BaselineError when there is none or git is missing. */
  open(folderUri: string): Promise<BaselineRepository>;
}

export interface Baseline {
  readonly revision: string;
  readonly commit: string;
  readonly model: ProgramModel;
}

const MAX_PASSES = 4;

/** The path of `uri` from the repository's top folder, or undefined when it is outside. */
export function repoPath(topUri: string, uri: string): string | undefined {
  const top = topUri.endsWith('/') ? topUri : `${topUri}/`;
  if (uri === topUri || `${uri}/` === top) return '';
  if (!uri.startsWith(top)) return undefined;
  try {
    return decodeURIComponent(uri.slice(top.length)).replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/**
 * The program whose root is `rootUri`, as committed at `revision`, with its
 * includes and globs resolved as they were then. Files keep their current
 * URIs, so items and files line up with the program now. Nobody reads a
 * baseline's diagnostics or its syntax trees, so it is loaded without the
 * schema check and lets each fragment's tree go once collected (unless
 * `options` asks otherwise).
 */
export async function loadBaseline(
  source: BaselineSource, rootUri: string, revision: string,
  options: LoadOptions & { workspaceRoot: string },
): Promise<Baseline> {
  const repo = await source.open(dirnameUri(rootUri));
  const commit = await repo.resolve(revision);
  const rootPath = repoPath(repo.topUri, rootUri);
  if (rootPath === undefined) throw new BaselineError('not-a-repository', `${rootUri} is not inside the repository at ${repo.topUri}.`);
  // Everything includes may reach: the workspace folder (or the whole repository when it is above it).
  const scope = repoPath(repo.topUri, options.workspaceRoot) ?? '';
  const files = await repo.listFiles(commit, scope);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const short = commit.slice(0, 12);
  if (!byPath.has(rootPath)) {
    throw new BaselineError('root-missing', `${rootPath} did not exist at ${revision} (${short}).`);
  }
  const dirs = directoryIndex(files);
  const texts = new Map<string, string>();
  const fetch = async (paths: Iterable<string>) => {
    const wanted = [...new Set([...paths].filter((p) => !texts.has(p) && byPath.has(p)))];
    if (wanted.length === 0) return 0;
    const blobs = await repo.readBlobs(wanted.map((p) => (byPath.get(p) as TreeFile).blob));
    for (const p of wanted) {
      const text = blobs.get((byPath.get(p) as TreeFile).blob);
      // Same as the disk host: a byte-order mark is not part of the text.
      if (text !== undefined) texts.set(p, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
    return wanted.length;
  };
  // Program files are nearly always what includes name: read them in one go.
  await fetch([rootPath, ...files.filter((f) => PROGRAM_FILE_RE.test(f.path)).map((f) => f.path)]);
  let model: ProgramModel | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const missed = new Set<string>();
    const host: FileHost = {
      readFile(uri) {
        const p = repoPath(repo.topUri, uri);
        if (p === undefined) return undefined;
        const text = texts.get(p);
        if (text === undefined && byPath.has(p)) missed.add(p);
        return text;
      },
      listDirectory(uri) {
        const p = repoPath(repo.topUri, uri);
        const entries = p === undefined ? undefined : dirs.get(p);
        return entries?.map((e): DirEntry => ({ uri: joinUri(repo.topUri, p === '' ? e.name : `${p}/${e.name}`), name: e.name, isDirectory: e.isDirectory }));
      },
    };
    model = loadProgram(rootUri, host, { schema: false, fragmentTrees: false, ...options });
    if ((await fetch(missed)) === 0) break;
  }
  return { revision, commit, model: model as ProgramModel };
}

/**
 * A baseline's schedule: the forecast as it was committed, so with its own
 * status date (else `fallback`), dates only (no diagnostics).
 */
export function scheduleBaseline(model: ProgramModel, fallback?: Day): Schedule {
  const statusDate = model.program?.statusDate ?? fallback;
  return scheduleProgram(model, { ...(statusDate !== undefined && { statusDate }), diagnostics: false });
}

/** Directory path -> its entries, from a recursive file listing. */
function directoryIndex(files: readonly TreeFile[]): Map<string, { name: string; isDirectory: boolean }[]> {
  const out = new Map<string, Map<string, boolean>>();
  const add = (dir: string, name: string, isDirectory: boolean) => {
    let m = out.get(dir);
    if (!m) out.set(dir, (m = new Map()));
    if (!m.has(name)) m.set(name, isDirectory);
  };
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 0; i < parts.length; i++) add(parts.slice(0, i).join('/'), parts[i] as string, i < parts.length - 1);
  }
  return new Map([...out].map(([dir, m]) => [dir, [...m].map(([name, isDirectory]) => ({ name, isDirectory }))]));
}
