// The Node.js file host (the real disk, named by file: URIs), shared by the
// CLI and the language server: the only place outside tests that reads files.
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { DEFAULT_LIMITS } from '../program/parse.js';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DirEntry, FileHost } from '../program/host.js';

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

export function uriToPath(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

export interface NodeHostOptions {
  /** The size limit in characters (UTF-16 code units) files are checked against (read at each call). */
  readonly maxChars?: () => number;
}

/**
 * Reads at most enough bytes to know a file is over `maxChars` characters: a
 * UTF-8 byte sequence of n bytes decodes to at least n/3 UTF-16 code units, so
 * 3·maxChars + 3 bytes are always more than maxChars characters. A 1 GB file
 * is then never read whole only to be refused (issue 11); what is returned is
 * its beginning, which the parser refuses as too large without parsing it.
 */
function readBounded(path: string, maxChars: number): string | undefined {
  const stat = statSync(path);
  if (!stat.isFile()) return undefined;
  const cap = Math.min(stat.size, 3 * maxChars + 3);
  const buffer = Buffer.alloc(cap);
  const fd = openSync(path, 'r');
  try {
    let read = 0;
    while (read < cap) {
      const n = readSync(fd, buffer, read, cap - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString('utf8', 0, read);
  } finally {
    closeSync(fd);
  }
}

export function nodeHost(options: NodeHostOptions = {}): FileHost {
  const maxChars = options.maxChars ?? (() => DEFAULT_LIMITS.maxFileSize);
  return {
    readFile(uri) {
      try {
        const text = readBounded(uriToPath(uri), maxChars());
        if (text === undefined) return undefined;
        // Editors drop a UTF-8 byte-order mark from the text they hold; so do
        // we, or offsets on a file's first line would differ by one between
        // open buffers and files read from disk (edits, diagnostics).
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      } catch {
        return undefined;
      }
    },
    listDirectory(uri) {
      try {
        const dir = uriToPath(uri);
        const base = uri.endsWith('/') ? uri : `${uri}/`;
        return readdirSync(dir, { withFileTypes: true }).map((d): DirEntry => {
          let isDirectory = d.isDirectory();
          if (d.isSymbolicLink()) {
            try {
              isDirectory = statSync(`${dir}/${d.name}`).isDirectory();
            } catch {
              isDirectory = false;
            }
          }
          return { uri: base + encodeURIComponent(d.name), name: d.name, isDirectory };
        });
      } catch {
        return undefined;
      }
    },
    realUri(uri) {
      try {
        return pathToUri(realpathSync(uriToPath(uri)));
      } catch {
        return undefined;
      }
    },
  };
}
