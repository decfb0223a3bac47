// One path segment of an include glob (`*`, `?`, `[a-z]`, `[!x]`, `{a,b}`)
// compiled to a matcher that runs in linear time in the name (times the
// pattern's length): a set-of-states walk, never a backtracking RegExp, so
// `*a*a*a…*b` against a long name of `a`s cannot hang (issue 11, H2). A
// malformed segment (`[z-a]`) is an error the caller reports, not a throw (H3).

/** One step of a compiled segment. */
type Step =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly (readonly [number, number])[] };

export type GlobSegment =
  | { readonly ok: true; readonly test: (name: string) => boolean }
  | { readonly ok: false; readonly message: string };

/** At most this many alternatives after expanding `{a,b}` groups (nested or repeated). */
export const MAX_BRACE_ALTERNATIVES = 64;
/** A segment longer than this is refused (a file name is at most 255 bytes on common systems). */
export const MAX_SEGMENT_LENGTH = 1024;

/** Compiles one segment, or says what is wrong with it. Never throws. */
export function compileGlobSegment(segment: string): GlobSegment {
  if (segment.length > MAX_SEGMENT_LENGTH) {
    return { ok: false, message: `a path segment of ${segment.length} characters is longer than ${MAX_SEGMENT_LENGTH}` };
  }
  const alternatives = expandBraces(segment);
  if (typeof alternatives === 'string') return { ok: false, message: alternatives };
  const programs: Step[][] = [];
  for (const alt of alternatives) {
    const steps = compileSteps(alt);
    if (typeof steps === 'string') return { ok: false, message: steps };
    programs.push(steps);
  }
  return { ok: true, test: (name) => programs.some((steps) => run(steps, name)) };
}

/** `{a,b}c` -> [`ac`, `bc`], bounded. Braces inside `[...]` are literal. */
function expandBraces(segment: string): string[] | string {
  const open = findBrace(segment);
  if (open < 0) return [segment];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < segment.length; i++) {
    const c = segment[i];
    if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end > 0) i = end;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) { close = i; break; }
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return 'a `{` is never closed with `}`';
  const head = segment.slice(0, open);
  const tail = segment.slice(close + 1);
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const inner = segment.slice((bounds[k] as number) + 1, bounds[k + 1]);
    const expanded = expandBraces(head + inner + tail);
    if (typeof expanded === 'string') return expanded;
    out.push(...expanded);
    if (out.length > MAX_BRACE_ALTERNATIVES) return `the \`{…}\` groups give more than ${MAX_BRACE_ALTERNATIVES} alternatives`;
  }
  return out;
}

/** The first `{` outside a `[...]` class, or -1. */
function findBrace(segment: string): number {
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end > 0) i = end;
    } else if (c === '{') return i;
    else if (c === '}') return -2; // handled by compileSteps as an error
  }
  return -1;
}

function compileSteps(alt: string): Step[] | string {
  const steps: Step[] = [];
  const chars = Array.from(alt);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '*') {
      if (steps[steps.length - 1]?.kind !== 'star') steps.push({ kind: 'star' });
    } else if (c === '?') steps.push({ kind: 'any' });
    else if (c === '[') {
      const parsed = parseClass(chars, i);
      if (typeof parsed === 'string') return parsed;
      if (parsed === undefined) steps.push({ kind: 'char', char: '[' });
      else {
        steps.push(parsed.step);
        i = parsed.end;
      }
    } else if (c === '{' || c === '}') return c === '{' ? 'a `{` is never closed with `}`' : 'a `}` has no `{` before it';
    else steps.push({ kind: 'char', char: c });
  }
  return steps;
}

/** `[...]` starting at `chars[start]`; undefined when there is no closing `]` (then `[` is literal). */
function parseClass(chars: readonly string[], start: number): { step: Step; end: number } | string | undefined {
  let i = start + 1;
  let negated = false;
  if (chars[i] === '!' || chars[i] === '^') { negated = true; i++; }
  const ranges: [number, number][] = [];
  let first = true;
  for (; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === ']' && !first) {
      return { step: { kind: 'class', negated, ranges }, end: i };
    }
    first = false;
    const lo = c.codePointAt(0) as number;
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      const hiChar = chars[i + 2] as string;
      const hi = hiChar.codePointAt(0) as number;
      if (hi < lo) return `the range \`${c}-${hiChar}\` runs backwards; write \`${hiChar}-${c}\``;
      ranges.push([lo, hi]);
      i += 2;
    } else ranges.push([lo, lo]);
  }
  return undefined;
}

function matches(step: Step, c: string): boolean {
  switch (step.kind) {
    case 'char': return step.char === c;
    case 'any': return true;
    case 'star': return true;
    case 'class': {
      const code = c.codePointAt(0) as number;
      const inside = step.ranges.some(([lo, hi]) => code >= lo && code <= hi);
      return inside !== step.negated;
    }
  }
}

/** Simulates the pattern as an automaton over a set of positions: O(name × steps). */
function run(steps: readonly Step[], name: string): boolean {
  const n = steps.length;
  let current = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  const close = (set: Uint8Array) => {
    // A star may match nothing: being before it means being after it too.
    for (let k = 0; k < n; k++) if (set[k] && steps[k]?.kind === 'star') set[k + 1] = 1;
  };
  current[0] = 1;
  close(current);
  for (const c of name) {
    next.fill(0);
    let any = false;
    for (let k = 0; k < n; k++) {
      if (!current[k]) continue;
      const step = steps[k] as Step;
      if (step.kind === 'star') { next[k] = 1; any = true; } // stay on the star
      else if (matches(step, c)) { next[k + 1] = 1; any = true; }
    }
    if (!any) return false;
    close(next);
    [current, next] = [next, current];
  }
  return current[n] === 1;
}
