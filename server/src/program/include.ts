// Expands one `include:` entry (a path or glob relative to the root) into the
// fragment uris it names, in a stable order, and says what is wrong with it.
import type { DiagnosticCode } from './codes.js';
import { diagnostic, diagnosticWithSeverity } from './diagnostic.js';
import type { FileHost } from './host.js';
import { suggestIncludePattern } from './include-suggest.js';
import type { Diagnostic, Span } from './types.js';
import { compileGlobSegment } from './glob.js';
import { displayPath, dirnameUri, hasGlob, isInsideUri, joinUri } from './uri.js';

const MAX_DEPTH = 24;
/** Files one include entry may match; more is an `include-too-many-files` error. */
export const MAX_INCLUDE_MATCHES = 10_000;
const SKIP_DIRS = new Set(['node_modules', '.git']);

export interface IncludeExpansion {
  readonly targets: string[];
  readonly diagnostics: Diagnostic[];
}

export function expandInclude(
  entry: { uri: string; span: Span; pattern: string },
  host: FileHost,
  workspaceRoot: string,
  /** Look for a corrected pattern when nothing matches (off while trying one). */
  suggest = true,
): IncludeExpansion {
  const diagnostics: Diagnostic[] = [];
  const error = (code: DiagnosticCode, message: string) => diagnostics.push(diagnostic(code, entry.uri, entry.span, message));
  const pattern = entry.pattern.trim().replace(/\\/g, '/');
  if (pattern === '') {
    error('include-not-found', 'This include is empty; write a path relative to this file, such as `workstreams/*.program.yaml`.');
    return { targets: [], diagnostics };
  }
  const baseDir = dirnameUri(entry.uri);
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  const firstGlob = segments.findIndex(hasGlob);
  const staticPart = (firstGlob < 0 ? segments : segments.slice(0, firstGlob)).join('/');
  const realRoot = host.realUri?.(workspaceRoot) ?? workspaceRoot;
  const realOf = (uri: string) => host.realUri?.(uri) ?? uri;
  const inside = (uri: string) => isInsideUri(realOf(uri), realRoot);
  // The including file itself, reached through a symbolic link, is still itself (a cycle).
  const realSelf = realOf(entry.uri);
  const canonical = (uri: string) => (realOf(uri) === realSelf ? entry.uri : uri);

  if (firstGlob < 0) {
    const uri = joinUri(baseDir, staticPart);
    if (!isInsideUri(uri, workspaceRoot) || !inside(uri)) {
      error('include-outside-workspace', `\`${entry.pattern}\` points outside the workspace folder (${displayPath(workspaceRoot)}); includes must stay inside it.`);
      return { targets: [], diagnostics };
    }
    return { targets: [canonical(uri)], diagnostics };
  }

  const startDir = staticPart === '' ? baseDir : joinUri(baseDir, `${staticPart}/`);
  if (!isInsideUri(startDir, workspaceRoot) || !inside(startDir)) {
    error('include-outside-workspace', `\`${entry.pattern}\` points outside the workspace folder (${displayPath(workspaceRoot)}); includes must stay inside it.`);
    return { targets: [], diagnostics };
  }
  const rest = segments.slice(firstGlob);
  // Every glob segment is compiled before any folder is listed: a malformed
  // one (`[z-a]`) is reported on this entry and nothing is included from it.
  const matchers: ((name: string) => boolean)[] = [];
  for (const seg of rest) {
    if (seg === '**') { matchers.push(() => true); continue; }
    const compiled = compileGlobSegment(seg);
    if (!compiled.ok) {
      error('include-invalid-pattern', `\`${clip(entry.pattern)}\` is not a valid glob: ${compiled.message}.`);
      return { targets: [], diagnostics };
    }
    matchers.push(compiled.test);
  }
  const found = new Set<string>();
  /** Real paths of the files found: a file reached twice through links counts once. */
  const foundReal = new Set<string>();
  /** (real directory, pattern position) pairs walked: symbolic-link loops are walked once. */
  const walked = new Set<string>();
  let outside = 0;
  const walk = (dirUri: string, i: number, depth: number): void => {
    if (found.size > MAX_INCLUDE_MATCHES || depth > MAX_DEPTH) return;
    const seg = rest[i];
    if (seg === undefined) return;
    if (host.realUri) {
      const real = realOf(dirUri);
      // A linked directory outside the workspace is not even listed.
      if (!isInsideUri(real, realRoot)) return;
      const key = `${i}\u0000${real}`;
      if (walked.has(key)) return;
      walked.add(key);
    }
    const entries = host.listDirectory(dirUri);
    if (!entries) return;
    const last = i === rest.length - 1;
    if (seg === '**') {
      walk(dirUri, i + 1, depth); // ** matches zero directories
      for (const e of entries) if (e.isDirectory && !SKIP_DIRS.has(e.name)) walk(e.uri, i, depth + 1);
      return;
    }
    const test = matchers[i] as (name: string) => boolean;
    for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (found.size > MAX_INCLUDE_MATCHES) return;
      if (!test(e.name)) continue;
      if (last && !e.isDirectory) {
        const real = realOf(e.uri);
        if (!isInsideUri(real, realRoot)) outside++;
        else if (!foundReal.has(real)) {
          foundReal.add(real);
          found.add(canonical(e.uri));
        }
      } else if (!last && e.isDirectory && !SKIP_DIRS.has(e.name)) walk(e.uri, i + 1, depth + 1);
    }
  };
  walk(startDir, 0, 0);
  if (outside > 0) {
    error('include-outside-workspace', `${outside} file(s) matched by \`${entry.pattern}\` resolve outside the workspace folder (a symbolic link?); they are not included.`);
  }
  if (found.size > MAX_INCLUDE_MATCHES) {
    // Cut short, the fragments included would depend on the order folders are
    // listed in, and the references into the missing ones would be misleading
    // errors: include none of them and say why.
    error('include-too-many-files', `\`${clip(entry.pattern)}\` matches more than ${MAX_INCLUDE_MATCHES.toLocaleString('en-US')} files; nothing is included from it. Narrow the pattern or split the program.`);
    return { targets: [], diagnostics };
  }
  if (found.size === 0 && outside === 0) {
    const fix = suggest ? includeFix(entry, host, workspaceRoot) : undefined;
    // Only a warning while every reference still resolves (root-cause.ts makes it an error when one does not).
    diagnostics.push(diagnosticWithSeverity('include-not-found', 'warning', entry.uri, entry.span,
      `No file matches \`${entry.pattern}\`${fix ? `; did you mean \`${fix}\`?` : '.'}`));
  }
  return { targets: [...found].sort(), diagnostics };
}

/** A corrected pattern for an include entry that names nothing, if one matches files. */
export function includeFix(entry: { uri: string; span: Span; pattern: string }, host: FileHost, workspaceRoot: string): string | undefined {
  const pattern = entry.pattern.trim().replace(/\\/g, '/');
  return suggestIncludePattern(pattern, dirnameUri(entry.uri), host,
    (p) => expandInclude({ ...entry, pattern: p }, host, workspaceRoot, false).targets.some((t) => t !== entry.uri && host.readFile(t) !== undefined));
}

/** A pattern as quoted in a message: at most 200 characters. */
function clip(pattern: string): string {
  return pattern.length > 200 ? `${pattern.slice(0, 200)}…` : pattern;
}
