// Hostile and odd input at the core: every case ends with a clear diagnostic
// (code, message and, where it matters, the exact UTF-16 range) and never
// hangs or throws. Time is bounded by the test runner's timeout on each test,
// never by asserting a duration.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import type { ProgramAnalysis } from '../../server/src/program/analyze.js';
import { memoryHost } from '../../server/src/program/host.js';
import type { FileHost } from '../../server/src/program/host.js';
import { LineIndex } from '../../server/src/program/line-index.js';
import { findProgramFiles } from '../../server/src/program/discover.js';
import { loadProgram } from '../../server/src/program/load.js';
import type { ProgramModel } from '../../server/src/program/model.js';
import { DEFAULT_LIMITS, MAX_COMPOSE_DEPTH, parseFile } from '../../server/src/program/parse.js';
import { reparse } from '../../server/src/program/reparse.js';
import { editDistance } from '../../server/src/program/suggest.js';
import type { Diagnostic } from '../../server/src/program/types.js';
import { nodeHost, pathToUri } from '../../server/src/node/node-host.js';
import { lines, programFromYaml, ROOT_URI, spanText, uriOf, withCode, WORKSPACE } from '../helpers/program.js';

const TODAY = 20_460; // 2026-01-07, a fixed "today" so rules do not depend on the clock.
const MB = 1024 * 1024;
const HEAD = lines('version: 1', 'program:', '  id: p', '  name: P', '  start: 2026-01-05', '  owner: jane', 'people:', '  - { id: jane, name: Jane }');

function analyze(text: string, fragments: Record<string, string> = {}): ProgramAnalysis {
  return analyzeProgram(programFromYaml(text, fragments), { today: TODAY });
}

/** The one diagnostic with this code (fails with the whole list otherwise). */
function only(list: readonly Diagnostic[], code: string): Diagnostic {
  const found = withCode(list, code);
  assert.equal(found.length, 1, `one ${code} expected, got ${JSON.stringify(list.map((d) => [d.code, d.message.slice(0, 80)]))}`);
  return found[0] as Diagnostic;
}

/** Three levels of nine (flow) or ten (block) aliases and more: expands to millions of nodes. */
function flowBomb(levels: number): string {
  const out = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) {
    const name = String.fromCharCode(97 + i);
    const prev = String.fromCharCode(96 + i);
    out.push(`x-${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines(...out);
}

describe('alias bombs ("billion laughs")', () => {
  test('a nine-level flow bomb stops at the alias cap with alias-limit on the first alias', { timeout: 30_000 }, () => {
    const text = HEAD + flowBomb(9);
    const a = analyze(text);
    const d = only(a.diagnostics, 'alias-limit');
    assert.equal(d.severity, 'error');
    assert.equal(spanText(text, d.span), '*a');
    assert.equal(d.span.start, text.indexOf('*a'));
    assert.match(d.message, new RegExp(`more than ${DEFAULT_LIMITS.maxAliasCount}\\).*alias bomb`));
    // Nothing of the bomb was expanded into the model.
    assert.equal(a.model.files[0]?.value, undefined);
  });

  test('a block-style bomb and a bomb hidden in a fragment are stopped too', { timeout: 30_000 }, () => {
    const block = lines(
      'x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      'x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'x-e:',
      '  - *d',
      '  - *d',
      '  - *d',
    );
    const text = HEAD + block;
    assert.equal(spanText(text, only(analyze(text).diagnostics, 'alias-limit').span), '*a');
    const root = `${HEAD}include: [bomb.program.yaml]\n`;
    const fragment = `version: 1\n${flowBomb(7)}`;
    const d = only(analyze(root, { 'bomb.program.yaml': fragment }).diagnostics, 'alias-limit');
    assert.equal(d.uri, uriOf('bomb.program.yaml'));
    assert.equal(spanText(fragment, d.span), '*a');
  });

  test('a few honest aliases stay fine', () => {
    const text = HEAD + lines('x-owner: &o jane', 'workstreams:', '  - { id: w, name: W, owner: *o }');
    assert.deepEqual(withCode(analyze(text).diagnostics, 'alias-limit'), []);
  });
});

describe('size limit', () => {
  test('a 50 MB file gets file-too-large naming the setting, without being parsed', { timeout: 60_000 }, () => {
    // Built cheaply: one repeat of a short valid line, no per-line concatenation.
    const big = HEAD + '# padding padding padding padding padding padding\n'.repeat(Math.ceil((50 * MB) / 50));
    assert.ok(big.length > 50 * MB);
    const f = parseFile(ROOT_URI, big);
    assert.equal(f.doc, undefined);
    assert.equal(f.value, undefined);
    assert.equal(f.diagnostics.length, 1);
    const d = f.diagnostics[0] as Diagnostic;
    assert.equal(d.code, 'file-too-large');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.span, { start: 0, end: 0 });
    assert.match(d.message, /This file is larger than 10\.00 MB, so it is not checked/);
    assert.match(d.message, /programAsCode\.maxFileSize/);
    // The whole pipeline (load, schedule, rules) copes with the file.
    const a = analyze(big);
    assert.deepEqual(a.diagnostics.map((x) => x.code), ['file-too-large']);
  });

  test('a 50 MB fragment is refused on the fragment, the root still checks', { timeout: 60_000 }, () => {
    const root = `${HEAD}include: [huge.program.yaml]\n`;
    const huge = `version: 1\n${'x'.repeat(50 * MB)}`;
    const a = analyze(root, { 'huge.program.yaml': huge });
    const d = only(a.diagnostics, 'file-too-large');
    assert.equal(d.uri, uriOf('huge.program.yaml'));
    assert.equal(a.model.program?.id, 'p');
  });

  test('the limit is a setting: a lower limit refuses a small file', () => {
    const text = HEAD + lines('workstreams:', '  - { id: w, name: W }');
    const f = parseFile(ROOT_URI, text, { ...DEFAULT_LIMITS, maxFileSize: 100 });
    assert.equal(f.diagnostics[0]?.code, 'file-too-large');
    assert.match(f.diagnostics[0]!.message, /larger than 0\.00 MB.*programAsCode\.maxFileSize/);
    const m = loadProgram(ROOT_URI, memoryHost({ [ROOT_URI]: text }), { limits: { ...DEFAULT_LIMITS, maxFileSize: 100 } });
    assert.deepEqual(m.diagnostics.map((x) => x.code), ['file-too-large']);
  });
});

describe('10,000-level nesting', () => {
  const N = 10_000;
  const shapes: [string, string, string][] = [
    ['flow sequences', `x-deep: ${'['.repeat(N)}${']'.repeat(N)}\n`, '['],
    ['flow maps', `x-deep: ${'{a: '.repeat(N)}1${'}'.repeat(N)}\n`, '{'],
    ['unclosed flow sequences', `x-deep: ${'['.repeat(N)}\n`, '['],
    ['block sequences (compact)', `x-deep:\n  ${'- '.repeat(N)}x\n`, '-'],
    ['block sequences at the top level', `${'- '.repeat(N)}x\n`, '-'],
  ];
  for (const [name, body, opener] of shapes) {
    test(`${name}: "nest more than 64 levels" at the 65th level, every time`, { timeout: 60_000 }, () => {
      const text = name.includes('top level') ? body : HEAD + body;
      // Parsed several times in one process: the second parse of such a file
      // used to abort Node (a fatal out-of-memory in V8's RegExp compiler while
      // yaml's composer was at the stack limit). Now it is never composed.
      for (let round = 0; round < 3; round++) {
        const a = analyze(text);
        const deep = a.diagnostics.filter((d) => /nest more than/.test(d.message));
        assert.equal(deep.length, 1, JSON.stringify(a.diagnostics.map((d) => d.message)));
        const d = deep[0] as Diagnostic;
        assert.equal(d.code, 'yaml-syntax');
        assert.equal(d.message, 'Collections nest more than 64 levels deep here; a program file never needs that.');
        assert.equal(spanText(text, d.span), opener);
        // No raw "Maximum call stack size exceeded" reaches the user.
        assert.ok(a.diagnostics.every((x) => !/call stack/i.test(x.message)));
      }
    });
  }

  test('the 65th level is where the span points (block and flow)', () => {
    const flow = `x-deep: ${'['.repeat(300)}${']'.repeat(300)}\n`;
    const d = only(parseFile(ROOT_URI, flow).diagnostics, 'yaml-syntax');
    // Level 0 is the top map, the first `[` is level 1: the 65th `[` is too deep.
    assert.equal(d.span.start, flow.indexOf('[') + 64);
    const block = `x-deep:\n  ${'- '.repeat(300)}x\n`;
    const b = only(parseFile(ROOT_URI, block).diagnostics, 'yaml-syntax');
    assert.equal(b.span.start, block.indexOf('- ') + 2 * 64);
  });

  test('depth between the limit and the composer cap keeps the syntax tree', () => {
    const text = `x-deep: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    const f = parseFile(ROOT_URI, text);
    assert.ok(f.doc, 'still composed (editor features keep working)');
    assert.equal(f.value, undefined);
    assert.ok(MAX_COMPOSE_DEPTH > DEFAULT_LIMITS.maxDepth);
    const deeper = parseFile(ROOT_URI, `x-deep: ${'['.repeat(MAX_COMPOSE_DEPTH + 5)}\n`);
    assert.equal(deeper.doc, undefined);
    assert.match(deeper.diagnostics[0]!.message, /nest more than 64 levels/);
  });

  test('10,000 levels of block maps hit the size limit first (indentation alone is 50 MB)', { timeout: 60_000 }, () => {
    const parts = ['x-deep:\n'];
    for (let i = 1; i <= N; i++) parts.push(`${' '.repeat(i)}k:\n`);
    const text = HEAD + parts.join('');
    assert.deepEqual(analyze(text).diagnostics.map((d) => d.code), ['file-too-large']);
    // 2,000 levels fit under the limit: then the depth check answers.
    const some = ['x-deep:\n'];
    for (let i = 1; i <= 2000; i++) some.push(`${' '.repeat(i)}k:\n`);
    const t2 = HEAD + some.join('');
    for (let round = 0; round < 2; round++) {
      const d = only(analyze(t2).diagnostics, 'yaml-syntax');
      assert.match(d.message, /nest more than 64 levels/);
      assert.equal(spanText(t2, d.span), 'k');
    }
  });

  test('an edit that nests an item 10,000 deep falls back to a full parse with the same diagnostic', () => {
    const text = HEAD + lines('workstreams:', '  - { id: a, name: A }', '  - { id: b, name: B }', '  - { id: c, name: C }');
    const prev = parseFile(ROOT_URI, text);
    assert.deepEqual(prev.diagnostics, []);
    const edited = text.replace('{ id: b, name: B }', `{ id: b, name: ${'['.repeat(N)} }`);
    assert.equal(reparse(prev, edited), undefined);
    const full = parseFile(ROOT_URI, edited);
    assert.ok(full.diagnostics.some((d) => /nest more than 64 levels/.test(d.message)));
  });
});

describe('a 1 MB single line', () => {
  test('a name of 1 MB parses and analyses; the task after it is still checked', { timeout: 60_000 }, () => {
    const name = 'x'.repeat(MB);
    const text = HEAD + lines('workstreams:', `  - { id: w, name: ${name}, tasks: [{ id: t, name: T, duration: 1d, depends_on: [nope] }] }`);
    const a = analyze(text);
    const d = only(a.diagnostics, 'unknown-reference');
    assert.equal(spanText(text, d.span), 'nope');
    assert.equal(a.model.workstreams[0]?.name?.length, MB);
  });

  test('a 1 MB id next to a similar one: suggestions stay linear and the message stays short', { timeout: 60_000 }, () => {
    const id = 'a'.repeat(MB / 2);
    const text = HEAD + lines(
      'workstreams:',
      '  - id: w',
      '    name: W',
      '    tasks:',
      `      - { id: ${id}, name: T, duration: 1d }`,
      `      - { id: u, name: U, duration: 1d, depends_on: [${id}b] }`,
    );
    const a = analyze(text);
    const d = only(a.diagnostics, 'unknown-reference');
    assert.equal(spanText(text, d.span), `${id}b`);
    assert.ok(d.message.length < 500, `message of ${d.message.length} characters`);
    assert.match(d.message, /^Unknown task, milestone or workstream `a+…`\. Did you mean `a+…`\?$/);
    // The full id is still in the data (for quick fixes), only the text is clipped.
    assert.equal((d.data as { suggestions: string[] }).suggestions[0], id);
  });

  test('edit distance over 1 MB strings is banded by its limit', { timeout: 30_000 }, () => {
    const a = `x${'a'.repeat(MB)}y`;
    const b = `z${'a'.repeat(MB)}w`;
    assert.equal(editDistance(a, b, 3), 2);
    assert.equal(editDistance(a, `${b}qq`, 3), 4);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('ab', 'ba', 1), 1);
  });

  test('a 1 MB comment, quoted string and key are fine', { timeout: 60_000 }, () => {
    const comment = `${HEAD}# ${'c'.repeat(MB)}\n`;
    assert.deepEqual(analyze(comment).diagnostics, []);
    const quoted = HEAD + lines('workstreams:', `  - { id: w, name: "${'é'.repeat(MB)}" }`);
    assert.deepEqual(analyze(quoted).diagnostics, []);
    const key = `${HEAD}${'k'.repeat(MB)}: 1\n`;
    const a = analyze(key);
    const d = only(a.diagnostics, 'unknown-key');
    assert.ok(d.message.length < 300);
    assert.equal(spanText(key, d.span), 'k'.repeat(MB));
  });
});

describe('line endings, BOM, tabs and wide characters', () => {
  test('CRLF line endings and a BOM: spans slice to the token, LineIndex positions are right', () => {
    const lf = HEAD + lines(
      'workstreams:',
      '  - id: w',
      '    name: W',
      '    tasks:',
      '      - { id: t, name: T, duration: 1d, depends_on: [nope] }',
      'milestones:',
      '  - { id: m, name: M, date: 2026-02-30 }',
      'version: 1',
    );
    const text = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    const a = analyze(text);
    const ref = only(a.diagnostics, 'unknown-reference');
    assert.equal(spanText(text, ref.span), 'nope');
    const date = only(a.diagnostics, 'invalid-date');
    assert.equal(spanText(text, date.span), '2026-02-30');
    const dup = only(a.diagnostics, 'yaml-syntax');
    assert.match(dup.message, /appears twice/);
    assert.equal(spanText(text, dup.span), 'version');
    const idx = new LineIndex(text);
    const expectedLine = lf.split('\n').findIndex((l) => l.includes('[nope]'));
    const expectedChar = (lf.split('\n')[expectedLine] as string).indexOf('nope');
    assert.deepEqual(idx.positionAt(ref.span.start), { line: expectedLine, character: expectedChar });
    assert.equal(idx.offsetAt({ line: expectedLine, character: expectedChar }), ref.span.start);
    // The last `version` line: positions never land inside \r\n.
    const lastLine = lf.split('\n').length - 2;
    assert.deepEqual(idx.positionAt(dup.span.start), { line: lastLine, character: 0 });
    assert.equal(idx.offsetAt({ line: lastLine - 1, character: 999 }), text.lastIndexOf('\r\nversion'));
    // The BOM is character 0 of line 0 in this text; the program parses the same as without it.
    assert.equal(a.model.program?.id, 'p');
    assert.deepEqual(a.diagnostics.map((x) => x.code).sort(), analyze(lf).diagnostics.map((x) => x.code).sort());
  });

  test('tabs in indentation: "Tabs cannot indent YAML; use spaces." on the tab', () => {
    const text = HEAD + 'workstreams:\n  - id: w\n\tname: W\n';
    const a = analyze(text);
    // The tab is the root cause: what it breaks (here the workstream's `name`) waits for it.
    assert.deepEqual(a.diagnostics.map((d) => d.message), ['Tabs cannot indent YAML; use spaces. Fix this first: 2 later problems in this file are held back until then.']);
    const tab = a.diagnostics.filter((d) => d.message.startsWith('Tabs cannot indent YAML; use spaces.'));
    assert.equal(tab.length, 1);
    assert.equal(tab[0]?.code, 'yaml-syntax');
    assert.equal(tab[0]?.severity, 'error');
    assert.equal(spanText(text, tab[0]!.span), '\t');
    assert.equal(tab[0]?.span.start, text.indexOf('\t'));
    const all = HEAD + 'workstreams:\n\t- id: w\n\t  name: W\n';
    // Every tab is shown (each is a fix of its own), the first as the root cause.
    const tabs = analyze(all).diagnostics.filter((d) => d.message.startsWith('Tabs cannot indent YAML; use spaces.'));
    assert.deepEqual(tabs.map((d) => spanText(all, d.span)), ['\t', '\t  ']);
  });

  test('emoji and CJK in names and next to ids: UTF-16 ranges exact', () => {
    const text = HEAD + lines(
      'workstreams:',
      '  - id: w',
      '    name: "🚀 火箭 🚀"',
      '    tasks:',
      '      - { id: t, name: 日本語🎉テスト, duration: 1d, depends_on: [🚀x, nope] }',
      '      - { id: 任务, name: 😀, duration: 1d, depends_on: [t, nöpe2] }',
    );
    const a = analyze(text);
    const refs = withCode(a.diagnostics, 'unknown-reference').map((d) => spanText(text, d.span));
    assert.deepEqual(refs, ['🚀x', 'nope', 'nöpe2']);
    const bad = withCode(a.diagnostics, 'invalid-id').map((d) => spanText(text, d.span));
    assert.deepEqual(bad, ['🚀x', '任务', 'nöpe2']); // ids are ASCII
    const d = withCode(a.diagnostics, 'unknown-reference')[1] as Diagnostic;
    const line = text.split('\n').findIndex((l) => l.includes('nope]'));
    const lineText = text.split('\n')[line] as string;
    // 🎉 and 🚀 are two UTF-16 code units each: the character is the JS index.
    assert.deepEqual(new LineIndex(text).positionAt(d.span.start), { line, character: lineText.indexOf('nope') });
    assert.equal(a.model.workstreams[0]?.name, '🚀 火箭 🚀');
  });

  test('invalid UTF-8 read through the node host becomes U+FFFD: no crash, diagnostics where due', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pac-hostile-utf8-'));
    try {
      const head = Buffer.from(HEAD, 'utf8');
      const body = Buffer.concat([
        Buffer.from('workstreams:\n  - id: w\n    name: "caf', 'utf8'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"\n', 'utf8'),
        Buffer.from('    tasks:\n      - { id: t', 'utf8'), Buffer.from([0xfe, 0x80]), Buffer.from(', name: T, duration: 1d }\n', 'utf8'),
        Buffer.from('x-junk: ', 'utf8'), Buffer.from([0xf0, 0x9f, 0x98, 0xed, 0xa0, 0x80]), Buffer.from('\n', 'utf8'),
      ]);
      const path = join(dir, 'root.program.yaml');
      writeFileSync(path, Buffer.concat([head, body]));
      const host = nodeHost();
      const uri = pathToUri(path);
      const text = host.readFile(uri) as string;
      assert.ok(text.includes('\uFFFD'));
      const a = analyzeProgram(loadProgram(uri, host, { workspaceRoot: `${pathToUri(dir)}/` }), { today: TODAY });
      assert.equal(a.model.workstreams[0]?.name, 'caf\uFFFD(\uFFFD');
      const d = only(a.diagnostics, 'invalid-id');
      assert.equal(spanText(text, d.span), 't\uFFFD\uFFFD');
      assert.deepEqual(a.diagnostics.map((x) => x.code), ['invalid-id']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the node host drops a UTF-8 BOM, as editors do, so offsets match open buffers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pac-hostile-bom-'));
    try {
      const path = join(dir, 'root.program.yaml');
      const text = `${HEAD}milestones: [{ id: m, name: M, depends_on: [nope] }]\n`;
      writeFileSync(path, `\uFEFF${text}`);
      const host = nodeHost();
      assert.equal(host.readFile(pathToUri(path)), text);
      const m = loadProgram(pathToUri(path), host, { workspaceRoot: `${pathToUri(dir)}/` });
      assert.equal(spanText(text, only(m.diagnostics, 'unknown-reference').span), 'nope');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('files of the wrong shape', () => {
  test('an empty file, and one of only blanks and comments', () => {
    for (const text of ['', '\n\n', '# just a comment\n', '   ']) {
      const m = programFromYaml(text);
      const d = only(analyzeProgram(m, { today: TODAY }).diagnostics, 'missing-key');
      assert.match(d.message, /empty: a program file needs at least `version: 1`/);
      assert.deepEqual(d.span, { start: 0, end: 0 });
    }
  });

  test('a file that is a YAML list', () => {
    const text = '- version: 1\n- program: {}\n';
    const d = only(analyze(text).diagnostics, 'wrong-type');
    assert.equal(d.message, 'A program file is a map of sections (`version: 1`, `workstreams:`, …), not a list.');
    assert.equal(spanText(text, d.span), 'version: 1\n- program: {}\n'.slice(0, d.span.end - d.span.start));
    assert.equal(d.span.start, 2);
  });

  test('a file that is a scalar', () => {
    for (const [text, what] of [['hello\n', 'text `hello`'], ['42\n', 'the number 42'], ['null\n', '']] as const) {
      const a = analyze(text);
      assert.ok(a.diagnostics.length > 0, text);
      const d = a.diagnostics[0] as Diagnostic;
      assert.ok(['wrong-type', 'missing-key'].includes(d.code), `${text}: ${d.code}`);
      if (d.code === 'wrong-type' && what) assert.match(d.message, /^A program file is a map of sections/);
    }
    const text = 'hello\n';
    assert.equal(spanText(text, only(analyze(text).diagnostics, 'wrong-type').span), 'hello');
  });

  test('several YAML documents in one file: the first is checked, the second is flagged', () => {
    const second = '---\nversion: 1\nworkstreams: []\n';
    const text = `${HEAD}milestones: [{ id: m, name: M, depends_on: [nope] }]\n${second}---\n- third\n`;
    const a = analyze(text);
    const d = only(a.diagnostics, 'yaml-syntax');
    assert.equal(d.message, 'A program file holds one YAML document; split the others into their own files.');
    assert.equal(d.span.start, text.indexOf('---'));
    assert.ok(spanText(text, d.span).startsWith('---\nversion: 1'));
    assert.equal(spanText(text, only(a.diagnostics, 'unknown-reference').span), 'nope');
    assert.equal(a.model.program?.id, 'p');
  });
});

describe('includes on disk: the workspace boundary, symbolic links, cycles', () => {
  const base = mkdtempSync(join(tmpdir(), 'pac-hostile-inc-'));
  const ws = join(base, 'ws');
  const outside = join(base, 'outside');
  mkdirSync(join(ws, 'parts'), { recursive: true });
  mkdirSync(join(ws, 'loops'), { recursive: true });
  mkdirSync(outside);
  const secret = 'version: 1\nworkstreams:\n  - { id: stolen, name: Secret }\n';
  writeFileSync(join(outside, 'secret.program.yaml'), secret);
  writeFileSync(join(ws, 'parts', 'ok.program.yaml'), 'version: 1\nworkstreams:\n  - { id: ok, name: OK }\n');
  symlinkSync(join(outside, 'secret.program.yaml'), join(ws, 'parts', 'link.program.yaml'));
  symlinkSync(outside, join(ws, 'outlink'));
  // Two links back to the workspace folder: `**` used to walk 2^24 paths.
  symlinkSync(ws, join(ws, 'loops', 'a'));
  symlinkSync(ws, join(ws, 'loops', 'b'));
  after(() => rmSync(base, { recursive: true, force: true }));

  const HEADER = 'version: 1\nprogram: { id: p, name: P, start: 2026-01-05 }\n';
  const wsUri = `${pathToUri(ws)}/`;
  const rootUri = pathToUri(join(ws, 'root.program.yaml'));

  function loadWith(include: string, host: FileHost = nodeHost()): { text: string; model: ProgramModel } {
    const text = `${HEADER}include: ${include}\n`;
    writeFileSync(join(ws, 'root.program.yaml'), text);
    return { text, model: loadProgram(rootUri, host, { workspaceRoot: wsUri }) };
  }

  function assertNothingStolen(model: ProgramModel): void {
    assert.equal(model.byId.has('stolen'), false);
    assert.ok(model.files.every((f) => !f.uri.includes('/outside/') && !f.text.includes('stolen')));
  }

  const escapes: [string, string][] = [
    ['`..`', '[../outside/secret.program.yaml]'],
    ['`..` in the middle', '["parts/../../outside/secret.program.yaml"]'],
    ['`..` with a glob', '["../outside/*.program.yaml"]'],
    ['backslashes', '["..\\\\outside\\\\secret.program.yaml"]'],
    ['a linked file', '[parts/link.program.yaml]'],
    ['a linked folder', '[outlink/secret.program.yaml]'],
    ['a glob under a linked folder', '["outlink/*.program.yaml"]'],
  ];
  for (const [name, include] of escapes) {
    test(`an include escaping through ${name} gets include-outside-workspace`, () => {
      const { text, model } = loadWith(include);
      const d = only(model.diagnostics, 'include-outside-workspace');
      assert.equal(d.severity, 'error');
      assert.equal(spanText(text, d.span), include.replace(/^\["?|"?\]$/g, ''));
      assert.match(d.message, /points outside the workspace folder .*; includes must stay inside it\./);
      assertNothingStolen(model);
    });
  }

  test('a glob matching a linked file keeps the others and names the count', () => {
    const { text, model } = loadWith('["parts/*.program.yaml"]');
    const d = only(model.diagnostics, 'include-outside-workspace');
    assert.equal(spanText(text, d.span), 'parts/*.program.yaml');
    assert.equal(d.message, '1 file(s) matched by `parts/*.program.yaml` resolve outside the workspace folder (a symbolic link?); they are not included.');
    assert.ok(model.byId.has('ok'));
    assertNothingStolen(model);
  });

  test('`**` does not list linked folders outside the workspace', () => {
    const listed: string[] = [];
    const h = nodeHost();
    const host: FileHost = { ...h, listDirectory: (u) => { listed.push(u); return h.listDirectory(u); } };
    const { model } = loadWith('["**/*.program.yaml"]', host);
    assert.ok(listed.every((u) => !u.includes('outlink')), listed.join('\n'));
    assert.equal(only(model.diagnostics, 'include-outside-workspace').message, '1 file(s) matched by `**/*.program.yaml` resolve outside the workspace folder (a symbolic link?); they are not included.');
    assertNothingStolen(model);
  });

  test('symbolic-link loops are walked once; the root reached through them is a cycle', { timeout: 30_000 }, () => {
    let listings = 0;
    const h = nodeHost();
    const host: FileHost = { ...h, listDirectory: (u) => { listings++; return h.listDirectory(u); } };
    const { text, model } = loadWith('["loops/**/*.program.yaml"]', host);
    assert.ok(listings < 20, `${listings} directory listings`);
    const d = only(model.diagnostics, 'include-cycle');
    assert.equal(spanText(text, d.span), 'loops/**/*.program.yaml');
    assert.deepEqual(withCode(model.diagnostics, 'include-not-fragment'), []);
    // Each real file once: ok.program.yaml is included a single time.
    assert.equal(model.files.filter((f) => f.text.includes('id: ok')).length, 1);
    assert.deepEqual(withCode(model.diagnostics, 'duplicate-id'), []);
    const direct = loadWith('[loops/a/root.program.yaml]');
    assert.equal(spanText(direct.text, only(direct.model.diagnostics, 'include-cycle').span), 'loops/a/root.program.yaml');
  });

  test('an include cycle: the root includes itself through a glob', () => {
    const { text, model } = loadWith('["*.program.yaml", "parts/ok.program.yaml"]');
    const d = only(model.diagnostics, 'include-cycle');
    assert.equal(spanText(text, d.span), '*.program.yaml');
    assert.equal(d.message, '`*.program.yaml` includes this root file itself; narrow the pattern (e.g. a sub-folder).');
    assert.deepEqual(model.files.map((f) => f.uri), [rootUri, pathToUri(join(ws, 'parts', 'ok.program.yaml'))]);
  });

  test('an include cycle in memory: the root names itself, directly and by glob', () => {
    const root = `${HEAD}include: [root.program.yaml, "*.program.yaml"]\n`;
    const m = programFromYaml(root);
    assert.deepEqual(withCode(m.diagnostics, 'include-cycle').map((d) => spanText(root, d.span)), ['root.program.yaml', '*.program.yaml']);
  });
});

describe('an included file deleted or unreadable while open', () => {
  const root = `${HEAD}include: [parts/a.program.yaml, "parts/*.program.yaml"]\n`;
  const fragment = 'version: 1\nworkstreams:\n  - { id: wa, name: A }\n';

  test('deleted: the host no longer has it → include-not-found on the include entry', () => {
    const files = new Map([[ROOT_URI, root], [uriOf('parts/a.program.yaml'), fragment]]);
    const before = analyzeProgram(loadProgram(ROOT_URI, memoryHost(files), { workspaceRoot: WORKSPACE }), { today: TODAY });
    assert.deepEqual(before.diagnostics, []);
    files.delete(uriOf('parts/a.program.yaml'));
    const m = loadProgram(ROOT_URI, memoryHost(files), { workspaceRoot: WORKSPACE });
    const notFound = withCode(m.diagnostics, 'include-not-found');
    assert.deepEqual(notFound.map((d) => [spanText(root, d.span), d.severity]), [
      ['parts/a.program.yaml', 'error'],
      ['parts/*.program.yaml', 'warning'],
    ]);
    assert.equal(notFound[0]?.message, 'The included file parts/a.program.yaml does not exist or cannot be read.');
    assert.equal(notFound[1]?.message, 'No file matches `parts/*.program.yaml`.');
  });

  test('listed but unreadable (the host returns undefined, or throws) → include-not-found', () => {
    const listedOnly: FileHost = {
      readFile: (uri) => (uri === ROOT_URI ? root : undefined),
      listDirectory: (uri) => (uri.endsWith('/parts/') ? [{ uri: uriOf('parts/a.program.yaml'), name: 'a.program.yaml', isDirectory: false }] : undefined),
    };
    const m = loadProgram(ROOT_URI, listedOnly, { workspaceRoot: WORKSPACE });
    const d = only(m.diagnostics, 'include-not-found');
    assert.equal(spanText(root, d.span), 'parts/a.program.yaml');
    assert.equal(d.severity, 'error');
    const throwing: FileHost = {
      readFile: (uri) => {
        if (uri === ROOT_URI) return root;
        throw new Error('EACCES: permission denied');
      },
      listDirectory: listedOnly.listDirectory,
    };
    assert.equal(spanText(root, only(loadProgram(ROOT_URI, throwing, { workspaceRoot: WORKSPACE }).diagnostics, 'include-not-found').span), 'parts/a.program.yaml');
  });

  test('on disk: a fragment replaced by a folder of the same name cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pac-hostile-gone-'));
    try {
      mkdirSync(join(dir, 'parts', 'a.program.yaml'), { recursive: true });
      writeFileSync(join(dir, 'root.program.yaml'), `${HEAD}include: [parts/a.program.yaml]\n`);
      const m = loadProgram(pathToUri(join(dir, 'root.program.yaml')), nodeHost(), { workspaceRoot: `${pathToUri(dir)}/` });
      assert.equal(only(m.diagnostics, 'include-not-found').message, 'The included file parts/a.program.yaml does not exist or cannot be read.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unreadable root says so instead of throwing', () => {
    const m = loadProgram(ROOT_URI, { readFile: () => { throw new Error('EIO'); }, listDirectory: () => undefined });
    assert.equal(only(m.diagnostics, 'file-unreadable').message, 'Cannot read /ws/root.program.yaml.');
  });
});

describe('finding program files on disk (the index, `validate <folder>`)', () => {
  test('symbolic-link loops are listed once and links out of the folder are not followed', { timeout: 30_000 }, () => {
    const base = mkdtempSync(join(tmpdir(), 'pac-hostile-find-'));
    try {
      const ws = join(base, 'ws');
      mkdirSync(join(ws, 'loops'), { recursive: true });
      mkdirSync(join(base, 'outside'));
      writeFileSync(join(ws, 'root.program.yaml'), 'version: 1\nprogram: { id: p, name: P, start: 2026-01-05 }\n');
      writeFileSync(join(base, 'outside', 'secret.program.yaml'), 'version: 1\n');
      // Three links back up: without a guard, 3^16 paths to the same folders.
      for (const name of ['a', 'b', 'c']) symlinkSync(ws, join(ws, 'loops', name));
      symlinkSync(join(base, 'outside'), join(ws, 'outlink'));
      symlinkSync(join(base, 'outside', 'secret.program.yaml'), join(ws, 'linked.program.yaml'));
      symlinkSync(join(ws, 'missing.program.yaml'), join(ws, 'dangling.program.yaml'));
      let listings = 0;
      const h = nodeHost();
      const host: FileHost = { ...h, listDirectory: (u) => { listings++; return h.listDirectory(u); } };
      const found = findProgramFiles(`${pathToUri(ws)}/`, host);
      assert.deepEqual(found.map((u) => u.slice(pathToUri(ws).length + 1)), ['dangling.program.yaml', 'root.program.yaml']);
      assert.ok(listings <= 3, `${listings} listings`);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
