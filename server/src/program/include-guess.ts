// A cheap first guess at which roots include which fragments, from the
// `include:` lines of each root's text, without parsing YAML. It lets a
// fragment opened during start-up be checked with its root before the
// workspace is fully indexed; loading the root replaces the guess with the
// real include graph.
import type { FileHost } from './host.js';
import { expandInclude } from './include.js';

const MAX_PATTERNS = 200;

/** The include patterns written in a root's text (block or flow list). */
export function includePatterns(text: string): string[] {
  const m = /^include[ \t]*:(.*)$/m.exec(text);
  if (!m) return [];
  const clean = (s: string) => s.replace(/\s+#.*$/, '').trim().replace(/^(['"])(.*)\1$/, '$2').trim();
  const inline = (m[1] ?? '').replace(/\s+#.*$/, '').trim();
  if (inline.startsWith('[')) {
    return inline.replace(/^\[|\]$/g, '').split(',').map(clean).filter((s) => s !== '').slice(0, MAX_PATTERNS);
  }
  if (inline !== '') return [clean(inline)];
  const out: string[] = [];
  const rest = text.slice(m.index + m[0].length).split(/\r?\n/);
  for (const line of rest) {
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (!item) break;
    out.push(clean(item[1] ?? ''));
    if (out.length >= MAX_PATTERNS) break;
  }
  return out.filter((s) => s !== '');
}

/** The fragment uris a root's include lines name. */
export function guessIncludes(rootUri: string, text: string, host: FileHost, workspaceRoot: string): string[] {
  const out: string[] = [];
  for (const pattern of includePatterns(text)) {
    const { targets } = expandInclude({ uri: rootUri, span: { start: 0, end: 0 }, pattern }, host, workspaceRoot);
    for (const t of targets) if (t !== rootUri) out.push(t);
  }
  return out;
}
