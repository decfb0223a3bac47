// workspace/didChangeWatchedFiles parameters as the server can use them:
// each well-formed event (a string uri and a known change type) in order; a
// malformed one (null, a missing uri, an unknown type) is skipped and counted,
// so one bad entry does not throw away the others.
import type { FileChangeKind } from './workspace.js';

const KINDS: Record<number, FileChangeKind> = { 1: 'created', 2: 'changed', 3: 'deleted' };

export function watchedChanges(params: unknown): { changes: { uri: string; kind: FileChangeKind }[]; bad?: string } {
  const list = typeof params === 'object' && params !== null ? (params as { changes?: unknown }).changes : undefined;
  if (!Array.isArray(list)) return { changes: [], bad: '`changes` is not a list' };
  const changes: { uri: string; kind: FileChangeKind }[] = [];
  let skipped = 0;
  let first: number | undefined;
  for (let i = 0; i < list.length; i++) {
    const c: unknown = list[i];
    const uri = typeof c === 'object' && c !== null ? (c as { uri?: unknown }).uri : undefined;
    const type = typeof c === 'object' && c !== null ? (c as { type?: unknown }).type : undefined;
    const kind = typeof type === 'number' ? KINDS[type] : undefined;
    if (typeof uri === 'string' && kind) changes.push({ uri, kind });
    else {
      skipped++;
      first ??= i;
    }
  }
  if (skipped === 0) return { changes };
  return { changes, bad: `${skipped} of ${list.length} events are not { uri: string, type: 1 | 2 | 3 } (the first is event ${first}); the others are applied` };
}
