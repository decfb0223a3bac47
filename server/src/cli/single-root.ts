// A command that takes an optional FILE: without one, the single root program
// below the current folder.
import { findProgramFiles } from '../program/discover.js';
import { nodeHost, pathToUri, uriToPath } from '../node/node-host.js';

export function findSingleRoot(cwd: string): string | { message: string } {
  const host = nodeHost();
  const roots = findProgramFiles(pathToUri(cwd), host).filter((uri) => /^program\s*:/m.test(host.readFile(uri) ?? ''));
  if (roots.length === 1) return uriToPath(roots[0] as string);
  if (roots.length === 0) return { message: 'no root program file (one with `program:`) below the current folder; name the FILE.' };
  return { message: `${roots.length} root program files below the current folder; name the FILE.` };
}
