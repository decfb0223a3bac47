// Parsing never throws: syntax errors, alias bombs, huge and odd input all
// come back as diagnostics with sensible ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LIMITS, parseFile } from '../../server/src/program/parse.js';
import { LineIndex } from '../../server/src/program/line-index.js';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import { programFromYaml } from '../helpers/program.js';

test('YAML syntax errors are reported at their place with a clear message', () => {
  const text = 'version: 1\nprogram:\n  id: p\n  name: "unclosed\n';
  const f = parseFile('file:///a.program.yaml', text);
  assert.ok(f.diagnostics.length > 0);
  assert.equal(f.diagnostics[0]?.code, 'yaml-syntax');
  assert.equal(f.diagnostics[0]?.severity, 'error');
  assert.doesNotMatch(f.diagnostics[0]!.message, /at line \d+/);
});

test('duplicate keys are syntax errors on the second key', () => {
  const text = 'version: 1\nversion: 1\n';
  const [d] = parseFile('file:///a.program.yaml', text).diagnostics;
  assert.equal(d?.code, 'yaml-syntax');
  assert.match(d!.message, /appears twice/);
  assert.equal(text.slice(d!.span.start, d!.span.end), 'version');
  assert.equal(d!.span.start, 11);
});

test('an alias bomb is stopped with a diagnostic', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const f = parseFile('file:///bomb.program.yaml', `${bomb.join('\n')}\n`);
  assert.equal(f.value, undefined);
  assert.ok(f.diagnostics.some((d) => d.code === 'alias-limit'));
});

test('files over the size limit are not parsed', () => {
  const f = parseFile('file:///big.program.yaml', 'x'.repeat(2000), { ...DEFAULT_LIMITS, maxFileSize: 1000, maxAliasCount: 100 });
  assert.equal(f.doc, undefined);
  assert.equal(f.diagnostics[0]?.code, 'file-too-large');
});

test('truncated, binary and deeply nested input give diagnostics, never exceptions', () => {
  const apollo = 'version: 1\nprogram:\n  id: apollo\n  name: Apollo\n  start: 2026-01-05\nworkstreams:\n  - id: w\n    name: W\n    tasks:\n      - { id: a, name: A, duration: 5d, depends_on: [b] }\n      - { id: b, name: B, duration: 5d, depends_on: [a] }\n';
  const inputs: string[] = [];
  for (let i = 0; i <= apollo.length; i += 3) inputs.push(apollo.slice(0, i));
  const broken = ['\u0000\u0001\u00ff\ufffd\u0007binary', '[[[[[[[[[[', '{'.repeat(5000), `${'- '.repeat(3000)}x`, ':', '---\n---\n', '\t\tversion: 1', '', '? [a]\n: 1\n'];
  // Every prefix must analyse without throwing (some prefixes are valid programs).
  for (const text of inputs) assert.ok(Array.isArray(analyzeProgram(programFromYaml(text), { today: 20000 }).diagnostics));
  // Clearly broken input must say so.
  for (const text of broken) {
    const a = analyzeProgram(programFromYaml(text), { today: 20000 });
    assert.ok(a.diagnostics.length > 0, JSON.stringify(text.slice(0, 40)));
  }
});

test('line index: 0-based lines and UTF-16 characters, CRLF and CR line breaks', () => {
  const text = 'a: 1\r\nb: 😀x\rc: 3\n';
  const idx = new LineIndex(text);
  assert.equal(idx.lineCount, 4);
  assert.deepEqual(idx.positionAt(text.indexOf('x')), { line: 1, character: 5 });
  assert.deepEqual(idx.positionAt(text.indexOf('c')), { line: 2, character: 0 });
  assert.equal(idx.offsetAt({ line: 1, character: 5 }), text.indexOf('x'));
  // Past the end of a line clamps before its line break.
  assert.equal(idx.offsetAt({ line: 0, character: 99 }), 4);
  assert.equal(idx.offsetAt({ line: 99, character: 0 }), text.length);
});
