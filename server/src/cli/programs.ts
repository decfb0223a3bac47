// Paths on the command line -> the programs they belong to. A folder means
// every program below it; a fragment named on its own is checked as part of
// the roots (found below the working folder) that include it.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { findProgramFiles, loadPrograms } from '../program/discover.js';
import type { ProgramModel } from '../program/model.js';
import { nodeHost, pathToUri } from '../node/node-host.js';

export type OpenResult = { ok: true; models: ProgramModel[]; files: string[] } | { ok: false; message: string };

export function openPrograms(paths: readonly string[], cwd: string): OpenResult {
  const host = nodeHost();
  const files: string[] = [];
  let namedFile = false;
  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      return { ok: false, message: `no such file or folder: ${p}` };
    }
    if (isDir) files.push(...findProgramFiles(pathToUri(abs), host));
    else {
      files.push(pathToUri(abs));
      namedFile = true;
    }
  }
  const workspaceRoot = pathToUri(resolve(cwd));
  const candidates = namedFile ? [...new Set([...findProgramFiles(workspaceRoot, host), ...files])] : [...new Set(files)];
  const set = loadPrograms(candidates, host, { workspaceRoot });
  const selected = new Set<ProgramModel>();
  for (const uri of files) for (const m of set.modelsOf.get(uri) ?? []) selected.add(m);
  return { ok: true, models: [...selected], files };
}
