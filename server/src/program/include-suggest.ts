// "Did you mean …?" for an `include:` entry that names nothing: a misspelt
// folder (`workstream/` for `workstreams/`), a misspelt file name, or the
// other YAML extension (`.yml` for `.yaml`). The answer is a whole corrected
// pattern, and only one that really matches files, so the message can be
// trusted and a quick fix could apply it as it is.
import type { FileHost } from './host.js';
import { closestMatches } from './suggest.js';
import { compileGlobSegment } from './glob.js';
import { hasGlob, joinUri } from './uri.js';

/** How many corrected patterns are tried at most (each costs one expansion). */
const MAX_TRIES = 12;

/**
 * A corrected pattern that `matches` accepts, or undefined. Walks the pattern
 * from `baseDir` one segment at a time; at the first segment that names
 * nothing it tries the closest names found there (and `.yml`/`.yaml`).
 */
export function suggestIncludePattern(
  pattern: string, baseDir: string, host: FileHost, matches: (pattern: string) => boolean,
): string | undefined {
  const segments = pattern.split('/');
  let dir = baseDir;
  let tries = 0;
  const attempt = (fixed: string[]): string | undefined => {
    if (tries >= MAX_TRIES) return undefined;
    tries++;
    const candidate = fixed.join('/');
    return candidate !== pattern && matches(candidate) ? candidate : undefined;
  };
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    const last = i === segments.length - 1;
    if (seg === '' || seg === '.' || seg === '..') {
      dir = seg === '' ? dir : joinUri(dir, `${seg}/`);
      continue;
    }
    const otherExtension = last ? swapExtension(seg) : undefined;
    if (otherExtension) {
      const found = attempt([...segments.slice(0, i), otherExtension]);
      if (found) return found;
    }
    const entries = host.listDirectory(dir);
    if (!entries) return undefined;
    const wanted = entries.filter((e) => e.isDirectory === !last);
    if (hasGlob(seg)) {
      if (last) return undefined; // the folder is right; no file there fits the glob
      const glob = compileGlobSegment(seg);
      if (!glob.ok) return undefined;
      const dirs = wanted.filter((e) => glob.test(e.name));
      if (dirs.length === 0) return undefined;
      // Globbed folders exist: the rest of the pattern is what misses.
      dir = (dirs[0] as { uri: string }).uri;
      continue;
    }
    const exact = wanted.find((e) => e.name === seg);
    if (exact) {
      dir = exact.uri;
      continue;
    }
    for (const name of closestMatches(seg, wanted.map((e) => e.name))) {
      const fixed = [...segments];
      fixed[i] = name;
      const found = attempt(fixed);
      if (found) return found;
      if (last) continue;
      const ext = swapExtension(segments[segments.length - 1] as string);
      if (ext) {
        fixed[fixed.length - 1] = ext;
        const both = attempt(fixed);
        if (both) return both;
      }
    }
    return undefined;
  }
  return undefined;
}

function swapExtension(name: string): string | undefined {
  if (/\.yaml$/i.test(name)) return name.replace(/\.yaml$/i, '.yml');
  if (/\.yml$/i.test(name)) return name.replace(/\.yml$/i, '.yaml');
  return undefined;
}
