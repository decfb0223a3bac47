// Finding programs among many files: which files are roots, which roots
// include which fragments, and which fragments no root includes (those are
// checked alone). Shared by the CLI and the language server's workspace.
import type { FileHost } from './host.js';
import { loadProgram } from './load.js';
import type { LoadOptions } from './load.js';
import type { ProgramModel } from './model.js';
import { PROGRAM_FILE_RE } from './program-file.js';
import { isInsideUri } from './uri.js';

export { PROGRAM_FILE_RE };

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

/** Every program file below `dirUri`, sorted, bounded in depth and count. */
export function findProgramFiles(dirUri: string, host: FileHost, max = 100_000): string[] {
  const found: string[] = [];
  // With real paths known: each real folder is listed once (two symbolic links
  // to a parent would otherwise walk 2^16 paths), and none outside `dirUri`.
  const realRoot = host.realUri?.(dirUri);
  const listed = new Set<string>();
  const walk = (uri: string, depth: number) => {
    if (depth > 32 || found.length >= max) return;
    if (realRoot !== undefined) {
      const real = host.realUri?.(uri);
      if (real === undefined || !isInsideUri(real, realRoot) || listed.has(real)) return;
      listed.add(real);
    }
    const entries = host.listDirectory(uri);
    if (!entries) return;
    for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(e.uri, depth + 1);
      } else if (PROGRAM_FILE_RE.test(e.name)) {
        // A linked program file whose target is outside the folder is not ours to read
        // (a dangling link stays, and is reported as unreadable).
        const real = realRoot === undefined ? undefined : host.realUri?.(e.uri);
        if (real === undefined || isInsideUri(real, realRoot as string)) found.push(e.uri);
      }
    }
  };
  walk(dirUri, 0);
  return found;
}

/** A cheap test for a root file (a top-level `program:` key), without parsing. */
export function looksLikeRoot(text: string): boolean {
  return /^program[ \t]*:/m.test(text);
}

export interface ProgramSet {
  /** One model per root, then one per fragment that no root includes. */
  readonly models: ProgramModel[];
  /** For each file, the models it belongs to. */
  readonly modelsOf: Map<string, ProgramModel[]>;
}

/** Loads every program among `uris`: each root with its fragments, and lone fragments alone. */
export function loadPrograms(uris: readonly string[], host: FileHost, options: LoadOptions = {}): ProgramSet {
  const models: ProgramModel[] = [];
  const modelsOf = new Map<string, ProgramModel[]>();
  const add = (model: ProgramModel) => {
    models.push(model);
    // A root that could not be read has no files but still owns its diagnostic.
    const uris = model.files.length > 0 ? model.files.map((f) => f.uri) : [model.rootUri];
    for (const uri of uris) {
      const list = modelsOf.get(uri);
      if (list) list.push(model);
      else modelsOf.set(uri, [model]);
    }
  };
  const roots: string[] = [];
  const others: string[] = [];
  for (const uri of uris) {
    const text = host.readFile(uri);
    if (text !== undefined && looksLikeRoot(text)) roots.push(uri);
    else others.push(uri);
  }
  for (const root of roots) add(loadProgram(root, host, options));
  for (const uri of others) if (!modelsOf.has(uri)) add(loadProgram(uri, host, options));
  return { models, modelsOf };
}
