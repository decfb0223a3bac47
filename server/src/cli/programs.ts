// Paths on the command line -> the programs they belong to. A folder means
// every program below it; a fragment named on its own is checked as part of
// the roots (found below the working folder) that include it.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { AnalyzeOptions } from '../program/analyze.js';
import { findProgramFiles, loadPrograms } from '../program/discover.js';
import type { ProgramModel } from '../program/model.js';
import { nodeHost, pathToUri } from '../node/node-host.js';

export type OpenResult = { ok: true; models: ProgramModel[]; files: string[] } | { ok: false; message: string };

/**
 * The folder includes may not leave, per the format page: the folder given,
 * or the current directory. A file named outside the current directory gets
 * its own folder, so `validate /elsewhere/plan.program.yaml` still finds the
 * fragments beside it.
 */
function boundaryOf(abs: string, isDir: boolean, cwd: string): string {
  if (isDir) return abs;
  const rel = relative(cwd, abs);
  return rel.startsWith('..') || isAbsolute(rel) ? dirname(abs) : cwd;
}

export function openPrograms(paths: readonly string[], cwd: string): OpenResult {
  const host = nodeHost();
  const files: string[] = [];
  /** workspace folder -> the files named under it (folders: their program files). */
  const groups = new Map<string, { files: string[]; namedFile: boolean }>();
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      return { ok: false, message: `no such file or folder: ${p}` };
    }
    const boundary = boundaryOf(abs, isDir, resolve(cwd));
    let group = groups.get(boundary);
    if (!group) groups.set(boundary, (group = { files: [], namedFile: false }));
    const named = isDir ? findProgramFiles(pathToUri(abs), host) : [pathToUri(abs)];
    group.files.push(...named);
    group.namedFile ||= !isDir;
    files.push(...named);
  }
  const selected = new Set<ProgramModel>();
  for (const [boundary, group] of groups) {
    const workspaceRoot = pathToUri(boundary);
    // A fragment named on its own is checked through the roots that include it.
    const candidates = group.namedFile ? [...new Set([...findProgramFiles(workspaceRoot, host), ...group.files])] : [...new Set(group.files)];
    const set = loadPrograms(candidates, host, { workspaceRoot });
    for (const uri of group.files) for (const m of set.modelsOf.get(uri) ?? []) selected.add(m);
  }
  return { ok: true, models: [...selected], files };
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
