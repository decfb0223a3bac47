// The Node.js file host (the real disk, named by file: URIs), shared by the
// CLI and the language server: the only place outside tests that reads files.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
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

export function nodeHost(): FileHost {
  return {
    readFile(uri) {
      try {
        const path = uriToPath(uri);
        if (!statSync(path).isFile()) return undefined;
        const text = readFileSync(path, 'utf8');
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
