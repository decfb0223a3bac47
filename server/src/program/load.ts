// Root + fragments -> one ProgramModel: parse each file (through an optional
// cache), check it against the schema, expand includes in order, collect
// entities and references, and resolve ids across all files.
import { collectFile, emptyCollected } from './build.js';
import { DEFAULT_WORKDAYS } from './calendar.js';
import { diagnostic } from './diagnostic.js';
import type { Collected } from './build.js';
import { checkDurations } from './duration-checks.js';
import type { FileHost } from './host.js';
import { expandInclude, includeFix } from './include.js';
import type { IncludeEntry, ProgramModel } from './model.js';
import { DEFAULT_LIMITS, nodeCountOf, parseFile } from './parse.js';
import type { ParsedFile, ParseLimits } from './parse.js';
import { resolveIds } from './resolve.js';
import { checkSchema } from './schema-check/check.js';
import type { Diagnostic } from './types.js';
import { displayPath, dirnameUri } from './uri.js';

export interface LoadOptions {
  /** Includes may not leave this folder (default: the root file's folder). */
  readonly workspaceRoot?: string;
  readonly limits?: ParseLimits;
  /** Parses a file; pass a caching parser to reuse work across loads. */
  readonly parse?: (uri: string, text: string) => ParsedFile;
  /** false: do not check files against the schema (a baseline, or `diff`: nobody reads their diagnostics). */
  readonly schema?: boolean;
  /**
   * false: a fragment's syntax tree and plain value are let go as soon as its
   * records are collected (the model's file keeps its text and diagnostics).
   * For commands that read only the model (the CLI's diff, report and
   * baselines): a 10,000-task program's trees then die young, while the next
   * fragment is read, instead of being carried to the end, which was a fifth
   * of `diff`'s time in the garbage collector. The editor keeps them.
   */
  readonly fragmentTrees?: boolean;
}

/**
 * How many YAML nodes one program (root and fragments together) may hold: each
 * file is bounded on its own (`maxNodes`), and this bounds how many such files
 * one root can pull in, so memory stays bounded whatever the includes match.
 */
export const MAX_PROGRAM_NODES = 2_000_000;

/**
 * Loads the program whose root (or lone fragment) is `rootUri`. Never throws:
 * an unexpected failure (a bug, or a host that throws) becomes an
 * `internal-error` diagnostic on this program only, so callers that check
 * many programs (the CLI, the server's start-up indexing) go on with the rest.
 */
export function loadProgram(rootUri: string, host: FileHost, options: LoadOptions = {}): ProgramModel {
  try {
    return loadProgramUnguarded(rootUri, host, options);
  } catch (e) {
    return failedProgram(rootUri, e);
  }
}

/** An empty program whose only diagnostic says that checking it failed with `error`. */
export function failedProgram(rootUri: string, error: unknown): ProgramModel {
  return finish(rootUri, [], [], emptyCollected(), [internalError(rootUri, error)], false);
}

export function internalError(uri: string, error: unknown): Diagnostic {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const short = what.split(/\r?\n/)[0] ?? what;
  return diagnostic('internal-error', uri, { start: 0, end: 0 },
    `Checking this program failed unexpectedly (${short.length > 200 ? `${short.slice(0, 200)}…` : short}); this is a bug in Program as Code, please report it. Other programs are still checked.`);
}

function loadProgramUnguarded(rootUri: string, host: FileHost, options: LoadOptions): ProgramModel {
  const schema = options.schema !== false;
  // Without the schema check nothing reads a file's plain value: the fast parser need not build it.
  const parse = options.parse ?? ((uri: string, text: string) => parseFile(uri, text, options.limits ?? DEFAULT_LIMITS, { value: schema }));
  const diagnostics: Diagnostic[] = [];
  const files: ParsedFile[] = [];
  const includes: IncludeEntry[] = [];
  const collected = emptyCollected();

  const text = safeRead(host, rootUri);
  if (text === undefined) {
    return finish(rootUri, files, includes, collected, [
      diagnostic('file-unreadable', rootUri, { start: 0, end: 0 }, `Cannot read ${displayPath(rootUri)}.`),
    ], false);
  }
  const root = parse(rootUri, text);
  files.push(root);
  addFile(root, root.isRoot, collected, diagnostics, schema);

  if (root.isRoot) {
    const workspaceRoot = options.workspaceRoot ?? dirnameUri(rootUri);
    const seen = new Set<string>([rootUri]);
    let nodes = nodeCountOf(root) ?? 0;
    let full = false;
    for (const entry of collected.includeNodes) {
      if (full) break;
      const expansion = expandInclude(entry, host, workspaceRoot);
      diagnostics.push(...expansion.diagnostics);
      const targets: string[] = [];
      for (const target of expansion.targets) {
        if (target === rootUri) {
          diagnostics.push(diagnostic('include-cycle', entry.uri, entry.span,
            `\`${entry.pattern}\` includes this root file itself; narrow the pattern (e.g. a sub-folder).`));
          continue;
        }
        if (seen.has(target)) continue; // included twice: the first one counts
        if (nodes > MAX_PROGRAM_NODES) {
          diagnostics.push(diagnostic('too-many-nodes', entry.uri, entry.span,
            `The files included so far hold more than ${MAX_PROGRAM_NODES.toLocaleString('en-US')} YAML values in all, so ${displayPath(target, dirnameUri(rootUri))} and the files after it are not read. Split the program.`));
          full = true;
          break;
        }
        seen.add(target);
        const fragmentText = safeRead(host, target);
        if (fragmentText === undefined) {
          diagnostics.push(diagnostic('include-not-found', entry.uri, entry.span,
            `The included file ${displayPath(target, dirnameUri(rootUri))} does not exist or cannot be read${didYouMean(includeFix(entry, host, workspaceRoot))}`));
          continue;
        }
        const fragment = parse(target, fragmentText);
        if (fragment.isRoot) {
          diagnostics.push(diagnostic('include-not-fragment', entry.uri, entry.span,
            `${displayPath(target, dirnameUri(rootUri))} is a root file (it has \`program:\`), so it cannot be included; remove its \`program:\` key or the include.`));
          continue;
        }
        targets.push(target);
        nodes += nodeCountOf(fragment) ?? 0;
        addFile(fragment, false, collected, diagnostics, schema);
        files.push(options.fragmentTrees === false ? { ...fragment, doc: undefined, value: undefined } : fragment);
      }
      includes.push({ ...entry, targets });
    }
  }
  return finish(rootUri, files, includes, collected, diagnostics, !root.isRoot);
}

function addFile(file: ParsedFile, isRoot: boolean, collected: Collected, diagnostics: Diagnostic[], schema: boolean): void {
  if (schema) diagnostics.push(...fileDiagnostics(file, isRoot));
  else diagnostics.push(...file.diagnostics);
  collectFile(file, collected);
}

/** A parsed file's diagnostics and, when it has a value, the schema's. */
function fileDiagnostics(file: ParsedFile, isRoot: boolean): Diagnostic[] {
  const out = [...file.diagnostics];
  if (file.doc && file.value !== undefined) out.push(...checkSchema(file.doc, file.value, file.uri, isRoot));
  return out;
}

function finish(
  rootUri: string, files: ParsedFile[], includes: IncludeEntry[], c: Collected, diagnostics: Diagnostic[], loneFragment: boolean,
): ProgramModel {
  const workdays = c.workdays && c.workdays.length > 0 ? c.workdays : DEFAULT_WORKDAYS;
  const resolution = resolveIds(c, { loneFragment });
  const durationDiagnostics = checkDurations(c, workdays.length);
  return {
    rootUri, files, includes,
    ...(c.program && { program: c.program }),
    calendar: { workdays, holidays: c.holidays },
    entities: c.entities, byId: resolution.byId, definitions: resolution.definitions, references: c.references,
    people: c.people, teams: c.teams, workstreams: c.workstreams, tasks: c.tasks, milestones: c.milestones,
    risks: c.risks, budgetLines: c.budgetLines, ...(c.budgetCurrency !== undefined && { budgetCurrency: c.budgetCurrency }),
    stakeholders: c.stakeholders, kpis: c.kpis, changes: c.changes, ...(c.forecast && { forecast: c.forecast }),
    pools: c.pools, ...(c.scheduling && { scheduling: c.scheduling }),
    diagnostics: [...diagnostics, ...c.problems, ...resolution.diagnostics, ...durationDiagnostics],
  };
}

function safeRead(host: FileHost, uri: string): string | undefined {
  try {
    return host.readFile(uri);
  } catch {
    return undefined;
  }
}

function didYouMean(fix: string | undefined): string {
  return fix ? `; did you mean \`${fix}\`?` : '.';
}
