// Checks at the edge where every request enters the server (server.ts's
// guard), before any feature sees its parameters: the LSP lifecycle (nothing
// is answered before `initialize` or after `shutdown`) and the shape of every
// position and range. A position the features cannot address exactly (1.5,
// -1, null, "3", 1e300) once sent one of them into a loop that held the whole
// server for minutes; now it is an InvalidParams error naming the field. A
// well-formed position past the end of its line or document is clamped there,
// as the LSP specification says.

/** The largest LSP `uinteger` (2^31 - 1). */
export const MAX_UINTEGER = 2_147_483_647;

/** Nesting deeper than this in a request's parameters is not a real request. */
const MAX_DEPTH = 32;

const RANGE_KEYS = new Set(['range', 'selectionRange', 'targetRange', 'targetSelectionRange', 'originSelectionRange']);

function isUinteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= MAX_UINTEGER;
}

function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x.length > 20 ? `${x.slice(0, 20)}…` : x);
  if (typeof x === 'number' || x === null || x === undefined || typeof x === 'boolean') return String(x);
  return Array.isArray(x) ? 'an array' : 'an object';
}

function badPosition(p: unknown, path: string): string | undefined {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return `\`${path}\` must be a position ({ line, character }), not ${describe(p)}`;
  const { line, character } = p as { line?: unknown; character?: unknown };
  if (!isUinteger(line)) return `\`${path}.line\` must be a whole number from 0 to ${MAX_UINTEGER}, not ${describe(line)}`;
  if (!isUinteger(character)) return `\`${path}.character\` must be a whole number from 0 to ${MAX_UINTEGER}, not ${describe(character)}`;
  return undefined;
}

function badRange(r: unknown, path: string): string | undefined {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return `\`${path}\` must be a range ({ start, end }), not ${describe(r)}`;
  const { start, end } = r as { start?: unknown; end?: unknown };
  return badPosition(start, `${path}.start`) ?? badPosition(end, `${path}.end`);
}

/**
 * What is wrong with the positions, ranges and document uris in a request's
 * parameters, or undefined when nothing is. Walks the whole parameter object
 * (a code action's diagnostics carry ranges, too): `position`, each of
 * `positions`, every range-valued key, any other object with a `line` or
 * `character`, and every `uri`. Linear in the size of the parameters.
 */
export function invalidParams(params: unknown): string | undefined {
  const visit = (node: unknown, path: string, depth: number): string | undefined => {
    if (typeof node !== 'object' || node === null) return undefined;
    if (depth > MAX_DEPTH) return `\`${path}\` nests deeper than ${MAX_DEPTH} levels`;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const bad = visit(node[i], `${path}[${i}]`, depth + 1);
        if (bad) return bad;
      }
      return undefined;
    }
    const obj = node as Record<string, unknown>;
    if ('line' in obj || 'character' in obj) return badPosition(obj, path);
    for (const key of Object.keys(obj)) {
      // `data` is opaque to the protocol (another extension's diagnostics carry theirs).
      if (key === 'data') continue;
      const value = obj[key];
      const at = path ? `${path}.${key}` : key;
      let bad: string | undefined;
      if (key === 'position') bad = badPosition(value, at);
      else if (key === 'positions') {
        if (!Array.isArray(value)) bad = `\`${at}\` must be a list of positions, not ${describe(value)}`;
        else for (let i = 0; i < value.length && !bad; i++) bad = badPosition(value[i], `${at}[${i}]`);
      } else if (RANGE_KEYS.has(key)) bad = badRange(value, at);
      else if (key === 'uri' && typeof value !== 'string') bad = `\`${at}\` must be a string, not ${describe(value)}`;
      else if (key === 'textDocument' && (typeof value !== 'object' || value === null)) bad = `\`${at}\` must be an object with a \`uri\`, not ${describe(value)}`;
      else bad = visit(value, at, depth + 1);
      if (bad) return bad;
    }
    return undefined;
  };
  return visit(params, '', 0);
}

export type Phase = 'starting' | 'running' | 'shut down';

/**
 * Where the server is in the LSP lifecycle. Before `initialize` a request is
 * answered with ServerNotInitialized (-32002) and a notification is dropped;
 * after `shutdown` a request is answered with InvalidRequest and a
 * notification is dropped (`exit` is handled by vscode-languageserver itself).
 */
export class Lifecycle {
  phase: Phase = 'starting';

  /** Why a request cannot be answered now, as [code, message], or undefined when it can. */
  refuseRequest(method: string): [number, string] | undefined {
    if (this.phase === 'starting') return [-32002, `The server is not initialized yet: ${method} must come after the initialize request.`];
    if (this.phase === 'shut down') return [-32600, `The server has shut down: ${method} is not answered after the shutdown request.`];
    return undefined;
  }

  get acceptsNotifications(): boolean {
    return this.phase === 'running';
  }
}
