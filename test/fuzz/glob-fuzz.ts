// Generated-input fuzzing of include globs (issue 11, H2/H3/M7): the linear
// segment matcher against an independent reference (a RegExp built from the
// same generated pattern, on names short enough for backtracking to be
// harmless), hostile long names and star-heavy patterns against a time limit,
// arbitrary pattern text that must never throw, and whole include entries
// expanded over generated folder trees. The short run is test/fuzz/glob.test.ts;
// the long one `npm run fuzz:globs -- --inputs 100000`.
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { compileGlobSegment } from '../../server/src/program/glob.js';
import { memoryHost } from '../../server/src/program/host.js';
import { expandInclude, MAX_INCLUDE_MATCHES } from '../../server/src/program/include.js';
import { isInsideUri } from '../../server/src/program/uri.js';

type Atom =
  | { kind: 'lit'; ch: string }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'class'; negated: boolean; items: string[] }
  | { kind: 'range'; negated: boolean; lo: string; hi: string }
  | { kind: 'brace'; alts: string[] };

const ALPHABET = ['a', 'b', 'c', '.', '-', '_'];
const charArb = fc.constantFrom(...ALPHABET);
const wordArb = fc.array(charArb, { minLength: 0, maxLength: 3 }).map((cs) => cs.join(''));

const atomArb: fc.Arbitrary<Atom> = fc.oneof(
  { weight: 5, arbitrary: charArb.map((ch): Atom => ({ kind: 'lit', ch })) },
  { weight: 2, arbitrary: fc.constant<Atom>({ kind: 'any' }) },
  { weight: 3, arbitrary: fc.constant<Atom>({ kind: 'star' }) },
  { weight: 1, arbitrary: fc.record({ negated: fc.boolean(), items: fc.array(fc.constantFrom('a', 'b', 'c', '.'), { minLength: 1, maxLength: 3 }) }).map((r): Atom => ({ kind: 'class', ...r })) },
  { weight: 1, arbitrary: fc.record({ negated: fc.boolean(), lo: fc.constantFrom('a', 'b'), hi: fc.constantFrom('b', 'c') }).map((r): Atom => ({ kind: 'range', ...r })) },
  { weight: 1, arbitrary: fc.array(wordArb, { minLength: 2, maxLength: 3 }).map((alts): Atom => ({ kind: 'brace', alts })) },
);

export interface SegmentCase { atoms: Atom[]; names: string[] }

export const segmentCaseArb: fc.Arbitrary<SegmentCase> = fc.record({
  atoms: fc.array(atomArb, { minLength: 1, maxLength: 8 }),
  names: fc.array(fc.array(charArb, { maxLength: 10 }).map((cs) => cs.join('')), { minLength: 1, maxLength: 8 }),
});

export function globOf(atoms: readonly Atom[]): string {
  return atoms.map((a) => {
    switch (a.kind) {
      case 'lit': return a.ch;
      case 'any': return '?';
      case 'star': return '*';
      case 'class': return `[${a.negated ? '!' : ''}${a.items.join('')}]`;
      case 'range': return `[${a.negated ? '!' : ''}${a.lo}-${a.hi}]`;
      case 'brace': return `{${a.alts.join(',')}}`;
    }
  }).join('');
}

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** The reference: the pattern's meaning as a RegExp (fine on these short names). */
export function referenceOf(atoms: readonly Atom[]): RegExp {
  const body = atoms.map((a) => {
    switch (a.kind) {
      case 'lit': return reEscape(a.ch);
      case 'any': return '[^/]';
      case 'star': return '[^/]*';
      case 'class': return `[${a.negated ? '^' : ''}${a.items.map(reEscape).join('')}]`;
      case 'range': return `[${a.negated ? '^' : ''}${a.lo}-${a.hi}]`;
      case 'brace': return `(?:${a.alts.map(reEscape).join('|')})`;
    }
  }).join('');
  return new RegExp(`^${body}$`);
}

export interface GlobFailure { kind: 'mismatch' | 'exception' | 'slow' | 'invalid'; message: string }

/** Matcher and reference agree on every name. */
export function checkSegmentCase(c: SegmentCase): GlobFailure[] {
  const glob = globOf(c.atoms);
  const compiled = compileGlobSegment(glob);
  if (!compiled.ok) {
    // Only braces nested past the limit are refused among generated patterns.
    return [{ kind: 'invalid', message: `${glob}: ${compiled.message}` }];
  }
  const ref = referenceOf(c.atoms);
  const out: GlobFailure[] = [];
  for (const name of c.names) {
    if (compiled.test(name) !== ref.test(name)) out.push({ kind: 'mismatch', message: `${glob} on ${JSON.stringify(name)}: matcher ${compiled.test(name)}, reference ${ref.test(name)}` });
  }
  return out;
}

export interface HostileCase { stars: number; letter: string; tail: string; name: string }

/** Many stars against a long name that almost matches: the backtracking worst case. */
export const hostileCaseArb: fc.Arbitrary<HostileCase> = fc.record({
  stars: fc.integer({ min: 5, max: 40 }),
  letter: fc.constantFrom('a', 'b'),
  tail: fc.constantFrom('b', 'c', '', '?b', '[!a]'),
  name: fc.tuple(fc.integer({ min: 20, max: 255 }), fc.constantFrom('a', 'ab')).map(([n, unit]) => unit.repeat(n).slice(0, 255)),
});

// Generous for a loaded CI machine: the linear matcher needs microseconds, backtracking never finished.
export const HOSTILE_LIMIT_MS = 1000;

export function checkHostileCase(c: HostileCase): GlobFailure[] {
  const glob = `${`*${c.letter}`.repeat(c.stars)}*${c.tail}`;
  const t0 = performance.now();
  const compiled = compileGlobSegment(glob);
  if (compiled.ok) compiled.test(c.name);
  const ms = performance.now() - t0;
  return ms > HOSTILE_LIMIT_MS ? [{ kind: 'slow', message: `${glob} on ${c.name.length} characters took ${ms.toFixed(0)} ms` }] : [];
}

/** Any text at all as a segment: compiled or refused with a message, never a throw. */
export const anySegmentArb = fc.array(fc.constantFrom('a', 'z', '-', '[', ']', '!', '^', '{', '}', ',', '*', '?', '\\', '.', '\u{1F600}', '%'), { maxLength: 16 }).map((cs) => cs.join(''));

export function checkAnySegment(seg: string, name: string): GlobFailure[] {
  try {
    const compiled = compileGlobSegment(seg);
    if (compiled.ok) compiled.test(name);
    else if (compiled.message === '') return [{ kind: 'exception', message: `${JSON.stringify(seg)} refused without a message` }];
    return [];
  } catch (e) {
    return [{ kind: 'exception', message: `${JSON.stringify(seg)}: ${String(e)}` }];
  }
}

export interface TreeCase { files: string[]; pattern: string }

const dirArb = fc.constantFrom('a', 'b', 'parts', 'x.y', 'node_modules');
const fileArb = fc.tuple(fc.constantFrom('p', 'q', 'ab', 'a.b'), fc.constantFrom('.program.yaml', '.program.yml', '.txt'));
export const treeCaseArb: fc.Arbitrary<TreeCase> = fc.record({
  files: fc.array(fc.tuple(fc.array(dirArb, { maxLength: 3 }), fileArb).map(([dirs, [base, ext]]) => [...dirs, `${base}${ext}`].join('/')), { minLength: 0, maxLength: 20 }),
  pattern: fc.array(fc.oneof(dirArb, fc.constantFrom('*', '**', '?', '..', '*.program.yaml', '{a,b}', '[a-p]*', '[z-a]', '{', 'p*.program.y?ml')), { minLength: 1, maxLength: 4 }).map((s) => s.join('/')),
});

const ROOT = 'file:///ws/';

/** expandInclude over a generated tree: no throw, targets inside, unique, sorted, each matching its last segment. */
export function checkTreeCase(c: TreeCase): GlobFailure[] {
  const files: Record<string, string> = { [`${ROOT}root.program.yaml`]: 'version: 1\n' };
  for (const f of c.files) files[`${ROOT}${f.split('/').map(encodeURIComponent).join('/')}`] = 'version: 1\n';
  const out: GlobFailure[] = [];
  try {
    const r = expandInclude({ uri: `${ROOT}root.program.yaml`, span: { start: 0, end: 1 }, pattern: c.pattern }, memoryHost(files), ROOT);
    const sorted = [...r.targets].sort();
    if (new Set(r.targets).size !== r.targets.length || sorted.join('\n') !== r.targets.join('\n')) out.push({ kind: 'mismatch', message: `${c.pattern}: targets not unique and sorted` });
    if (r.targets.length > MAX_INCLUDE_MATCHES) out.push({ kind: 'mismatch', message: `${c.pattern}: more than the limit` });
    for (const t of r.targets) if (!isInsideUri(t, ROOT)) out.push({ kind: 'mismatch', message: `${c.pattern}: ${t} is outside the workspace` });
    const last = c.pattern.split('/').filter((s) => s !== '').at(-1) ?? '';
    const compiled = compileGlobSegment(last);
    if (last !== '**' && compiled.ok && /[*?[{]/.test(last)) {
      for (const t of r.targets) {
        const base = decodeURIComponent(t.slice(t.lastIndexOf('/') + 1));
        if (!compiled.test(base)) out.push({ kind: 'mismatch', message: `${c.pattern}: ${base} does not match ${last}` });
      }
    }
    if (r.diagnostics.some((d) => d.code === 'include-invalid-pattern') && r.targets.length > 0) out.push({ kind: 'mismatch', message: `${c.pattern}: an invalid pattern included files` });
  } catch (e) {
    out.push({ kind: 'exception', message: `${c.pattern}: ${String(e)}` });
  }
  return out;
}
