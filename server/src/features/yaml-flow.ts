// Reading an unterminated flow collection (`[a, {id: b` …) on the cursor's
// line, for yaml-context.ts: the open collections, their entries so far and
// the key whose value is being typed.

export interface FlowFrame {
  readonly type: 'seq' | 'map';
  /** The key in the parent map this collection is the value of. */
  readonly key?: string;
  readonly entries: Map<string, string>;
}

export interface FlowState {
  readonly frames: FlowFrame[];
  /** In the innermost map: the key whose value is being typed. */
  readonly pendingKey?: string;
}

/** Reads an unterminated flow collection up to the cursor; undefined when it closed before it. */
export function scanFlow(s: string): FlowState | undefined {
  const frames: FlowFrame[] = [];
  let token = '';
  let pendingKey: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '"' || ch === '\'') {
      const close = s.indexOf(ch, i + 1);
      if (close < 0) { token += s.slice(i + 1); break; }
      token += s.slice(i + 1, close);
      i = close;
      continue;
    }
    const top = frames[frames.length - 1];
    if (ch === '[' || ch === '{') {
      frames.push({ type: ch === '[' ? 'seq' : 'map', ...(top?.type === 'map' && pendingKey !== undefined && { key: pendingKey }), entries: new Map() });
      pendingKey = undefined;
      token = '';
    } else if (ch === ']' || ch === '}') {
      frames.pop();
      if (frames.length === 0) return undefined;
      pendingKey = undefined;
      token = '';
    } else if (ch === ',') {
      if (top?.type === 'map' && pendingKey !== undefined) top.entries.set(pendingKey, token.trim());
      else if (top?.type === 'map' && token.trim()) top.entries.set(token.trim(), '');
      token = '';
      pendingKey = undefined;
    } else if (ch === ':' && top?.type === 'map' && (i + 1 >= s.length || /[\s,\]}]/.test(s[i + 1] as string))) {
      pendingKey = token.trim();
      token = '';
    } else if (ch === '#' && (i === 0 || s[i - 1] === ' ')) {
      return undefined;
    } else {
      token += ch;
    }
  }
  if (frames.length === 0) return undefined;
  const top = frames[frames.length - 1] as FlowFrame;
  if (top.type === 'map' && pendingKey !== undefined) top.entries.set(pendingKey, '');
  return { frames, ...(pendingKey !== undefined && { pendingKey }) };
}
