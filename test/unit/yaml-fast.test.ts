// The fast YAML path must give exactly the tree yaml gives, or decline. Every
// document it accepts is compared with yaml's: node classes, values, ranges,
// types, sources, formats, the document's range and the plain value, and the
// node count the limits use. The documents are every program file in the
// repository and its examples, generated programs, random documents built
// from the subset's pieces (with comments and blank lines in odd places) and
// random mutations of real files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDocument, isPair, isScalar, isMap, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { countNodes, parseFile, parseWithYaml } from '../../server/src/program/parse.js';
import { fastParseDocument } from '../../server/src/program/yaml-fast.js';
import { generateProgram } from '../../bench/generate.js';
import { mulberry32 } from '../../bench/random.js';

const IGNORED = new Set(['comment', 'commentBefore', 'spaceBefore']);
const nodeType = (n: object): unknown => (n as Record<symbol, unknown>)[Symbol.for('yaml.node.type')];

/** The first difference between two yaml trees, as a path and a message; undefined when equal. */
function difference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    if (Number.isNaN(a) && Number.isNaN(b)) return undefined;
    return `${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
  }
  // The same class (the fast path's nodes have a tagged prototype between them and it), and the same node type.
  const tagged = nodeType(a) !== undefined;
  if (tagged !== (nodeType(b) !== undefined) || (tagged && (a.constructor !== b.constructor || nodeType(a) !== nodeType(b)))) return `${path}: different kinds of node`;
  // (By prototype for plain values: a parsed map may well have its own `constructor` key.)
  if (!tagged && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: different kinds of object`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !IGNORED.has(k)));
  for (const k of keys) {
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

function compareDocs(fast: Document.Parsed, slow: Document.Parsed): string | undefined {
  if (slow.errors.length > 0 || slow.warnings.length > 0) return `yaml reports ${slow.errors.concat(slow.warnings).map((e) => e.code).join(', ')}`;
  return difference(fast.contents, slow.contents, 'contents')
    ?? difference(fast.range, slow.range, 'doc.range')
    ?? difference(fast.directives, slow.directives, 'doc.directives')
    ?? difference(fast.toJS(), slow.toJS(), 'toJS');
}

/** Checks one text: if the fast path accepts it, yaml agrees. Returns whether it was accepted. */
function check(text: string, label: string): boolean {
  const fast = fastParseDocument(text, 64, 500_000);
  if (!fast) return false;
  const slow = parseWithYaml(text, 64);
  assert.ok(!('tooDeep' in slow), label);
  const d = compareDocs(fast.doc, slow.doc) ?? difference(fast.value, slow.doc.toJS(), 'value');
  assert.equal(d, undefined, `${label}: ${d}\n--- text ---\n${text}`);
  assert.equal(fast.nodes, countNodes(text, 1e9), `${label}: node count`);
  return true;
}

function programFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) programFiles(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

const ROOT = join(__dirname, '../..');
const FILES = [
  ...programFiles(join(ROOT, 'examples')),
  ...programFiles(join(ROOT, 'test/fixtures')),
  ...programFiles(join(ROOT, '../shared/examples')).filter(Boolean),
];

test('every program file in the repository parses the same through the fast path as through yaml', () => {
  let accepted = 0;
  for (const f of FILES) if (check(readFileSync(f, 'utf8'), f)) accepted++;
  // Most real files are in the subset (the rest use block scalars, anchors or deliberate errors).
  assert.ok(accepted >= FILES.length / 3, `only ${accepted} of ${FILES.length} files took the fast path`);
});

test('generated programs take the fast path and parse the same', () => {
  for (const seed of [1, 2, 3]) {
    const p = generateProgram({ tasks: 300, seed, fragments: 3 });
    for (const [name, text] of Object.entries({ root: p.root, ...p.fragments })) {
      assert.ok(check(text, `seed ${seed} ${name}`), `seed ${seed} ${name} was declined`);
    }
  }
});

const SCALARS = [
  'a', 'abc def', 'x-y_z', '1', '01', '-3', '+4', '0o17', '0x1F', '1.50', '-.5', '.5', '1e3', '2.5E-2', '.inf', '-.Inf', '.nan',
  'null', 'Null', '~', 'true', 'False', 'TRUE', 'yes', 'no', 'on', '2026-01-05', '16.5d', '3w', 'http://x.y/z', 'a#b', 'a, b',
  'a[b]', 'é', 'ünïcode text', '0', '-0', '1_000', '0b11', '12:30', '-x', '.', 'n', 'T', "'it''s'", "'a b'", "''", '"q"',
  '"a # b"', '"x: y"', '"[1]"', "'#'", '"-"', 'a: b', ':x', '?x', '[a, b]', '[]', '[ ]', '{}', '{ a: 1 }', '{a: b, c: d}',
  '[a, [b]]', '[a,]', '[ "x", \'y\' ]', '{ k: [v] }', '&a x', '*a', '!!str 1', '|', '>-', '"a\\nb"', '%x', '@x', '`x',
];
const KEYS = ['__proto__', 'constructor', 'id', 'name', 'a', 'b', 'depends_on', 'x y', '1', 'true', 'null', 'k-2', 'é', '"q"', 'a b', 'c[d]', 'k#x'];

/** A random document from the subset's pieces, laid out in random but mostly valid ways. */
function randomDoc(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const lines: string[] = [];
  const comment = (col: number) => { if (random() < 0.15) lines.push(`${' '.repeat(Math.max(0, col + pick([-4, -2, 0, 0, 2, 1])))}# c${lines.length}`); };
  const blank = () => { if (random() < 0.1) lines.push(pick(['', '  ', ' '])); };
  const trail = () => pick(['', '', '', ' ', '  # t', ' #t', '   ']);
  const step = pick([2, 2, 2, 4, 3, 1]);
  const map = (col: number, depth: number, first?: string): void => {
    const n = 1 + Math.floor(random() * 4);
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      let k = pick(KEYS);
      if (used.has(k)) k = `${k}${i}`;
      used.add(k);
      const prefix = i === 0 && first !== undefined ? first : ' '.repeat(col);
      comment(col); blank();
      const r = random();
      if (depth < 4 && r < 0.25) {
        lines.push(`${prefix}${k}:${trail()}`);
        comment(col + step); blank();
        map(col + step, depth + 1);
      } else if (depth < 4 && r < 0.5) {
        lines.push(`${prefix}${k}:${trail()}`);
        comment(col); blank();
        seq(random() < 0.3 ? col : col + step, depth + 1);
      } else if (r < 0.55) lines.push(`${prefix}${k}:${trail()}`);
      else lines.push(`${prefix}${k}: ${pick(SCALARS)}${trail()}`);
      comment(col + pick([0, step, step * 2]));
    }
  };
  const seq = (col: number, depth: number): void => {
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      comment(col); blank();
      const r = random();
      const dash = `${' '.repeat(col)}-${pick([' ', ' ', ' ', '   '])}`;
      if (depth < 4 && r < 0.45) map(dash.length, depth + 1, dash);
      else lines.push(`${dash}${pick(SCALARS)}${trail()}`);
      comment(col + pick([0, 2, 4]));
    }
  };
  if (random() < 0.8) map(0, 0);
  else seq(0, 0);
  blank(); comment(pick([0, 2]));
  return lines.join('\n') + pick(['\n', '\n', '', '\n\n', '\n# end\n']);
}

test('random documents: whatever the fast path accepts, yaml parses the same', () => {
  // PAC_FAST_FUZZ=N runs N documents per seed over 8 seeds instead (a longer hunt).
  const long = Number(process.env.PAC_FAST_FUZZ ?? 0);
  for (const seed of long > 0 ? [1, 2, 3, 4, 5, 6, 7, 8] : [7]) fuzzRandom(seed, long > 0 ? long : 4000);
});

function fuzzRandom(seed: number, n: number): void {
  const random = mulberry32(seed);
  let accepted = 0;
  for (let i = 0; i < n; i++) if (check(randomDoc(random), `random ${seed}/${i}`)) accepted++;
  // Enough of them are accepted for the comparison to mean something.
  assert.ok(accepted > n / 10, `only ${accepted} of ${n} random documents were accepted`);
  if (process.env.PAC_FAST_FUZZ) console.log(`seed ${seed}: ${accepted} of ${n} accepted`);
}

test('mutated program files: whatever the fast path accepts, yaml parses the same', () => {
  const random = mulberry32(11);
  const texts = FILES.map((f) => readFileSync(f, 'utf8')).filter((t) => t.length < 20_000);
  const pieces = [' ', '  ', '\n', '- ', ': ', '#', '"', "'", '[', ']', '{', '}', ',', 'x', '1', '\n  ', '\n- ', ':'];
  const n = Number(process.env.PAC_FAST_FUZZ ?? 0) || 3000;
  for (let i = 0; i < n; i++) {
    let t = texts[Math.floor(random() * texts.length)] as string;
    for (let m = 0; m < 1 + Math.floor(random() * 3); m++) {
      const at = Math.floor(random() * t.length);
      const cut = Math.floor(random() * 4);
      t = t.slice(0, at) + (random() < 0.7 ? pieces[Math.floor(random() * pieces.length)] : '') + t.slice(at + cut);
    }
    check(t, `mutation ${i}`);
  }
});

test('dependencies written inline, with a type and a lag, take the fast path and parse the same', () => {
  for (const text of ['d: [a, { id: b, type: SS, lag: 3d }]\n', 'd: [ {id: b} , [x, y] ]  # c\n', 'r: { a: [x], b: { c: d } }\n']) {
    assert.ok(check(text, JSON.stringify(text)), `${JSON.stringify(text)} was declined`);
  }
});

test('the fast path declines what it does not handle, and parseFile still reports it', () => {
  for (const text of ['a: &x 1\nb: *x\n', 'a: |\n  text\n', 'a: b\na: c\n', 'a:\tb\n', 'a: b\r\n', '- - x\n', 'a: "x\\ny"\n', '---\na: 1\n', 'a: b: c\n']) {
    assert.equal(fastParseDocument(text, 64, 500_000), undefined, JSON.stringify(text));
  }
  const dup = parseFile('file:///d.program.yaml', 'a: b\na: c\n');
  assert.ok(dup.diagnostics.some((d) => /appears twice/.test(d.message)));
});

test('the fast path respects the node and depth limits by declining', () => {
  const text = 'a:\n  b:\n    c:\n      d: 1\n';
  assert.ok(fastParseDocument(text, 64, 500_000));
  assert.equal(fastParseDocument(text, 2, 500_000), undefined);
  assert.equal(fastParseDocument(text, 64, 5), undefined);
  assert.ok(isDocument(fastParseDocument(text, 64, 500_000)?.doc));
  const doc = fastParseDocument('x: [1, b]\n', 64, 100)?.doc;
  assert.ok(doc && isMap(doc.contents));
  const v = (doc.contents.items[0] as { value: unknown }).value;
  assert.ok(isSeq(v) && isScalar(v.items[0]) && v.items[0].value === 1 && isPair(doc.contents.items[0]));
});

test("yaml's own operations work on the fast path's documents", () => {
  const text = 'version: 1\nworkstreams:\n  - id: core\n    tasks:\n      - id: a\n        depends_on: [b, c]\n        raci: { x: A }\n';
  const fast = fastParseDocument(text, 64, 1000)?.doc;
  const slow = parseWithYaml(text, 64);
  assert.ok(fast && !('tooDeep' in slow));
  assert.equal(fast.toString(), slow.doc.toString());
  assert.equal(difference(fast.clone().contents, slow.doc.contents), undefined);
  assert.deepEqual(fast.getIn(['workstreams', 0, 'tasks', 0, 'depends_on', 1]), 'c');
  fast.setIn(['workstreams', 0, 'id'], 'web');
  assert.match(fast.toString(), /id: web/);
});

test('a load that skips the schema check skips building plain values, and still collects every record', async () => {
  const { loadProgram } = await import('../../server/src/program/load.js');
  const { memoryHost } = await import('../../server/src/program/host.js');
  const p = generateProgram({ tasks: 200, seed: 4, fragments: 2 });
  const texts: Record<string, string> = { 'file:///w/generated.program.yaml': p.root };
  for (const [path, text] of Object.entries(p.fragments)) texts[`file:///w/${path}`] = text;
  const full = loadProgram('file:///w/generated.program.yaml', memoryHost(texts), { workspaceRoot: 'file:///w' });
  const lean = loadProgram('file:///w/generated.program.yaml', memoryHost(texts), { workspaceRoot: 'file:///w', schema: false, fragmentTrees: false });
  assert.equal(lean.tasks.length, 200);
  assert.deepEqual(lean.tasks, full.tasks);
  assert.deepEqual(lean.references, full.references);
  // The fragments' trees are gone; the root keeps its own.
  assert.ok(lean.files.slice(1).every((f) => f.doc === undefined && f.text.length > 0));
  assert.ok(lean.files[0]?.doc);
  // A file the fast path declines (an anchor) still gets its value, so yaml's alias limit still guards it.
  const declined = parseFile('file:///a.program.yaml', 'a: &x 1\nb: *x\n', undefined, { value: false });
  assert.deepEqual(declined.value, { a: 1, b: 1 });
  assert.equal(parseFile('file:///b.program.yaml', 'a: 1\n', undefined, { value: false }).valueSkipped, true);
});

test('the fast path stays linear on hostile shapes (a ratio in one run, not a timing)', () => {
  const shapes: Record<string, (n: number) => string> = {
    'a map of many keys': (n) => Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n') + '\n',
    'a flow map of many keys': (n) => `x: {${Array.from({ length: n }, (_, i) => `k${i}: v`).join(', ')}}\n`,
    'list items with no colon or comment': (n) => Array.from({ length: n }, () => '- item').join('\n') + '\n',
  };
  for (const [name, make] of Object.entries(shapes)) {
    const time = (text: string) => {
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 3; r++) {
        const t = performance.now();
        assert.ok(fastParseDocument(text, 64, 1e7), name);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    const small = time(make(5_000));
    const big = time(make(50_000));
    // Ten times the input: linear is about 10, quadratic about 100.
    assert.ok(big / Math.max(small, 0.5) < 35, `${name}: ${big.toFixed(1)} ms for 10x the input of ${small.toFixed(1)} ms`);
  }
});
