// Incremental re-parsing must give exactly what a full parse gives: the same
// plain value and the same node ranges, for any edit; where it cannot, it
// declines (undefined) and the caller parses in full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCollection, isPair } from 'yaml';
import { parseFile } from '../../server/src/program/parse.js';
import type { ParsedFile } from '../../server/src/program/parse.js';
import { reparse } from '../../server/src/program/reparse.js';
import { generateProgram } from '../../bench/generate.js';
import { mulberry32 } from '../../bench/random.js';

/** Every node's kind and range, in document order: equal trees give equal lists. */
function shape(f: ParsedFile): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (isPair(n)) {
      walk(n.key);
      walk(n.value);
      return;
    }
    const r = (n as { range?: number[] }).range;
    out.push(`${(n as object).constructor.name}@${r?.join(',')}`);
    if (isCollection(n)) for (const i of n.items) walk(i);
  };
  walk(f.doc?.contents);
  return out;
}


test('a one-character edit inside a task re-parses incrementally and matches a full parse', () => {
  const text = generateProgram({ tasks: 300, seed: 3 }).root;
  const prev = parseFile('file:///p.program.yaml', text);
  const at = text.indexOf('        name: ', text.length >> 1) + 14;
  const next = `${text.slice(0, at)}Q${text.slice(at)}`;
  const inc = reparse(prev, next);
  assert.ok(inc, 'expected an incremental parse');
  const full = parseFile('file:///p.program.yaml', next);
  assert.deepEqual(inc.value, full.value);
  assert.deepEqual(shape(inc), shape(full));
});

test('random edits: whenever reparse answers, it equals the full parse', () => {
  const random = mulberry32(42);
  // Each edit starts from the same valid file (after a syntax error every
  // later edit would fall back to a full parse, which proves nothing).
  // reparse takes over the previous tree, so each edit gets a fresh one.
  const text = generateProgram({ tasks: 120, seed: 5 }).root;
  let incremental = 0;
  const alphabet = ['a', '1', ' ', '\n', ':', '-', '  ', '\n        x: 1', '[', '#', 'ü', '😀'];
  for (let i = 0; i < Number(process.env.REPARSE_EDITS ?? 400); i++) {
    const at = Math.floor(random() * text.length);
    const del = random() < 0.4 ? Math.floor(random() * 4) : 0;
    const ins = random() < 0.8 ? alphabet[Math.floor(random() * alphabet.length)]! : '';
    const next = text.slice(0, at) + ins + text.slice(at + del);
    const full = parseFile('file:///p.program.yaml', next);
    const inc = reparse(parseFile('file:///p.program.yaml', text), next);
    if (inc) {
      incremental++;
      assert.deepEqual(inc.value, full.value, `edit ${i} at ${at}`);
      assert.deepEqual(shape(inc), shape(full), `edit ${i} at ${at}`);
      assert.equal(inc.diagnostics.length, full.diagnostics.length);
    }
  }
  assert.ok(incremental > 100 * Number(process.env.REPARSE_EDITS ?? 400) / 400, `only ${incremental} edits were incremental`);
  console.log(`${incremental} incremental re-parses matched the full parse`);
});

test('files with anchors or syntax errors are always parsed whole', () => {
  const text = 'version: 1\nx-base: &b 1\npeople:\n  - id: a\n    name: A\n';
  const prev = parseFile('file:///p.program.yaml', text);
  assert.equal(reparse(prev, text.replace('name: A', 'name: AB')), undefined);
  const broken = parseFile('file:///p.program.yaml', 'version: 1\npeople:\n  - id: a\n    name: "A\n');
  assert.equal(reparse(broken, 'version: 1\npeople:\n  - id: a\n    name: "AB\n'), undefined);
});
