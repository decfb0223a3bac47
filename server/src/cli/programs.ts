// Paths on the command line -> the programs they belong to. A folder means
// every program below it. A file means its own program only: a root with its
// fragments, or, for a fragment, the roots (found below the working folder)
// that include it, looked for lazily and with a bound, so a hostile or huge
// file elsewhere in the tree never affects a command on this one (issue 11, M8).
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { AnalyzeOptions } from '../program/analyze.js';
import { findProgramFiles, loadPrograms, looksLikeRoot } from '../program/discover.js';
import type { FileHost } from '../program/host.js';
import { loadProgram } from '../program/load.js';
import type { LoadOptions } from '../program/load.js';
import type { ProgramModel } from '../program/model.js';
import { nodeHost, pathToUri } from '../node/node-host.js';
import { guessIncludes } from '../program/include-guess.js';

export type OpenResult = { ok: true; models: ProgramModel[]; files: string[]; notes: string[] } | { ok: false; message: string };

/** How much text (in characters) looking for a fragment's roots may read in all. */
export const ROOT_SEARCH_BUDGET = 256 * 1024 * 1024;

/**
 * The folder includes may not leave, per the format page: the folder given,
 * or the current directory. A file named outside the current directory gets
 * its own folder, so `validate /elsewhere/plan.program.yaml` still finds the
 * fragments beside it.
 */
export function boundaryOf(abs: string, isDir: boolean, cwd: string): string {
  if (isDir) return abs;
  const rel = relative(cwd, abs);
  return rel.startsWith('..') || isAbsolute(rel) ? dirname(abs) : cwd;
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A host for tests only: PROGRAM_AS_CODE_TEST_FAULT=list:NAME makes listing a folder named NAME throw, to prove failures stay per program. */
function withTestFault(host: FileHost): FileHost {
  const fault = /^list:(.+)$/.exec(process.env['PROGRAM_AS_CODE_TEST_FAULT'] ?? '')?.[1];
  if (fault === undefined) return host;
  return {
    ...host,
    listDirectory: (uri) => {
      if (decodeURIComponent(uri).replace(/\/+$/, '').endsWith(`/${fault}`)) throw new TypeError(`test fault listing ${fault}`);
      return host.listDirectory(uri);
    },
  };
}

/** `loadOptions`: whether to check the schema, whether to keep fragments' trees (the baseline commands read only the model). */
export function openPrograms(paths: readonly string[], cwd: string, loadOptions: Pick<LoadOptions, 'schema' | 'fragmentTrees'> = {}): OpenResult {
  const host = withTestFault(nodeHost());
  const files: string[] = [];
  const notes: string[] = [];
  const selected = new Set<ProgramModel>();
  const byRoot = new Map<string, ProgramModel>();
  const load = (rootUri: string, workspaceRoot: string): ProgramModel => {
    const key = `${workspaceRoot}\u0000${rootUri}`;
    let model = byRoot.get(key);
    if (!model) byRoot.set(key, (model = loadProgram(rootUri, host, { ...loadOptions, workspaceRoot })));
    return model;
  };
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      return { ok: false, message: `no such file or folder: ${p}` };
    }
    const boundary = boundaryOf(abs, isDir, resolve(cwd));
    const workspaceRoot = pathToUri(boundary);
    if (isDir) {
      const named = findProgramFiles(workspaceRoot, host);
      files.push(...named);
      for (const m of loadPrograms(named, host, { workspaceRoot }).models) selected.add(m);
      continue;
    }
    // A named file that is a link to a file outside the boundary is not read
    // (not even to quote it in an error).
    if (lstatSync(abs).isSymbolicLink()) {
      let real: string | undefined;
      try {
        real = realpathSync(abs);
      } catch {
        real = undefined;
      }
      let realBoundary = boundary;
      try {
        realBoundary = realpathSync(boundary);
      } catch { /* keep the path as given */ }
      if (real === undefined || !isInside(real, realBoundary)) {
        return { ok: false, message: `${p} is a symbolic link to a file outside ${boundary}; it is not read` };
      }
    }
    const uri = pathToUri(abs);
    files.push(uri);
    const text = host.readFile(uri);
    if (text === undefined || looksLikeRoot(text)) {
      selected.add(load(uri, workspaceRoot));
      continue;
    }
    const owners = rootsIncluding(uri, workspaceRoot, host, notes).map((r) => load(r, workspaceRoot)).filter((m) => m.files.some((f) => f.uri === uri));
    if (owners.length === 0) selected.add(load(uri, workspaceRoot));
    for (const m of owners) selected.add(m);
  }
  return { ok: true, models: [...selected], files, notes };
}

/**
 * The roots below `workspaceRoot` whose include lines name `fragmentUri`, from
 * their text alone (no YAML parsing); the caller loads them to confirm. Reads
 * at most ROOT_SEARCH_BUDGET characters in all, each file bounded by the size limit.
 */
function rootsIncluding(fragmentUri: string, workspaceRoot: string, host: FileHost, notes: string[]): string[] {
  const out: string[] = [];
  let read = 0;
  const candidates = findProgramFiles(workspaceRoot, host);
  for (const [i, uri] of candidates.entries()) {
    if (uri === fragmentUri) continue;
    if (read > ROOT_SEARCH_BUDGET) {
      notes.push(`looked for the roots including this fragment in ${i} of ${candidates.length} program files only (${Math.round(ROOT_SEARCH_BUDGET / 1024 / 1024)} MB read); name the root file to check it with its program`);
      break;
    }
    const text = host.readFile(uri);
    if (text === undefined) continue;
    read += text.length;
    if (!looksLikeRoot(text) || !/^include[ \t]*:/m.test(text)) continue;
    if (guessIncludes(uri, text, host, workspaceRoot).includes(fragmentUri)) out.push(uri);
  }
  return out;
}

/** What the command line may set for the analysis (`--status-date`, `--level`, the tests' fixed today). */
export interface AnalysisFlags {
  readonly today?: number;
  readonly statusDate?: number;
  readonly level?: boolean;
}

export function analyzeOptionsOf(flags: AnalysisFlags): AnalyzeOptions {
  return {
    ...(flags.today !== undefined && { today: flags.today }),
    ...(flags.statusDate !== undefined && { statusDate: flags.statusDate }),
    ...(flags.level && { level: true }),
  };
}
