// One fragment read on its own: parsed, checked against the schema and
// collected into its own records. `loadProgram` does exactly this for each
// fragment in include order; a command that loads a big program can prepare
// fragments beforehand, some on another thread (node/parallel-load.ts), and
// hand them in as `LoadOptions.prepared`. Everything here is plain data (no
// YAML tree), so it crosses to and from a worker by structured clone.
import { collectFile, emptyCollected } from './build.js';
import type { Collected } from './build.js';
import { DEFAULT_LIMITS, nodeCountOf, parseFile } from './parse.js';
import type { ParsedFile, ParseLimits } from './parse.js';
import { checkSchema } from './schema-check/check.js';
import type { Diagnostic } from './types.js';

export interface PreparedFile {
  readonly uri: string;
  /** The text it was prepared from: used only when the text read at load time is the same. */
  readonly text: string;
  readonly isRoot: boolean;
  /** The YAML-level diagnostics (ParsedFile.diagnostics). */
  readonly yamlDiagnostics: readonly Diagnostic[];
  /** Those, then the schema's, as `loadProgram` adds them to the program's. */
  readonly diagnostics: readonly Diagnostic[];
  readonly nodes: number;
  /** Its records, collected into an empty set (fragments only append: see mergeCollected). */
  readonly collected: Collected;
}

/** `text` as `loadProgram` reads a fragment (never a root: a root's records are not only appended). */
export function prepareFragment(uri: string, text: string, limits: ParseLimits = DEFAULT_LIMITS): PreparedFile {
  const file = parseFile(uri, text, limits);
  const collected = emptyCollected();
  const diagnostics = fileDiagnostics(file, false);
  if (!file.isRoot) collectFile(file, collected);
  return { uri, text, isRoot: file.isRoot, yamlDiagnostics: file.diagnostics, diagnostics, nodes: nodeCountOf(file) ?? 0, collected };
}

/** A parsed file's diagnostics and, when it has a value, the schema's. */
export function fileDiagnostics(file: ParsedFile, isRoot: boolean): Diagnostic[] {
  const out = [...file.diagnostics];
  if (file.doc && file.value !== undefined) out.push(...checkSchema(file.doc, file.value, file.uri, isRoot));
  return out;
}

/**
 * Appends a fragment's records to the program's. A fragment's builder only
 * appends to lists, except the budget currency, where the first file that
 * gives one wins; so collecting it on its own and appending is the same as
 * collecting it in place.
 */
export function mergeCollected(into: Collected, from: Collected): void {
  for (const key of Object.keys(from) as (keyof Collected)[]) {
    const list = from[key];
    if (Array.isArray(list)) {
      const target = into[key] as unknown[];
      for (const x of list as unknown[]) target.push(x);
    }
  }
  if (into.budgetCurrency === undefined && from.budgetCurrency !== undefined) into.budgetCurrency = from.budgetCurrency;
}
