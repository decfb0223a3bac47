// Hostile and odd input through the bundled server over stdio: a 1 MB line,
// 10,000-level nesting and an alias bomb each get their diagnostic and leave
// the server answering; a fragment deleted on disk turns into
// include-not-found on the root; a lowered programAsCode.maxFileSize makes an
// open file report file-too-large.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { positionOf, textIn } from '../helpers/caret.js';
import { lspSession } from './fixture.js';

const HEAD = 'version: 1\nprogram:\n  id: p\n  name: P\n  start: 2026-01-05\n  status_date: 2026-01-05\n  owner: jane\npeople:\n  - { id: jane, name: Jane }\n';
const ROOT = 'root.program.yaml';
const MB = 1024 * 1024;

void describe('lsp: hostile input', () => {
  const s = lspSession({
    files: {
      'main.program.yaml': `${HEAD}include: [parts/a.program.yaml]\nworkstreams:\n  - { id: w, name: W, tasks: [{ id: t, name: T, duration: 1d, depends_on: [wa] }] }\n`,
      'parts/a.program.yaml': 'version: 1\nworkstreams:\n  - { id: wa, name: A }\n',
    },
    initializationOptions: { programAsCode: { diagnostics: { delay: 5 } } },
  });

  /** hover, completion and documentSymbol must all answer (anything but an error) and the server stay up. */
  async function stillAnswers(rel: string, text: string, needle: string): Promise<void> {
    const textDocument = { uri: s.uri(rel) };
    const position = positionOf(text, needle);
    const results = await Promise.allSettled([
      s.request('textDocument/hover', { textDocument, position }),
      s.request('textDocument/completion', { textDocument, position }),
      s.request('textDocument/documentSymbol', { textDocument }),
    ]);
    for (const r of results) assert.equal(r.status, 'fulfilled', r.status === 'rejected' ? String(r.reason) : '');
    assert.equal(s.alive, true, 'the server is still running');
    // Answered by the feature itself, not by a guard swallowing an exception.
    assert.deepEqual(s.logs.filter((l) => / failed/.test(l)), []);
  }

  const has = (code: string, test: (d: Diagnostic) => boolean = () => true) => (ds: Diagnostic[]) => ds.some((d) => d.code === code && test(d));

  void it('a 1 MB line: diagnostics arrive with exact ranges, requests answer', { timeout: 120_000 }, async () => {
    const text = `${HEAD}workstreams:\n  - { id: w, name: ${'x'.repeat(MB)}, tasks: [{ id: t, name: T, duration: 1d, depends_on: [nope] }] }\n`;
    await s.open('long.program.yaml', text);
    const ds = await s.waitForDiagnostics('long.program.yaml', has('unknown-reference'), 60_000);
    const d = ds.find((x) => x.code === 'unknown-reference') as Diagnostic;
    assert.equal(textIn(text, d.range), 'nope');
    await stillAnswers('long.program.yaml', text, 'nope');
    await stillAnswers('long.program.yaml', text, 'xxxxx');
    // Typing on the long line keeps working.
    const edited = text.replace('[nope]', '[nop]');
    await s.change('long.program.yaml', edited);
    await s.waitForDiagnostics('long.program.yaml', has('unknown-reference', (x) => textIn(edited, x.range) === 'nop'), 60_000);
    await stillAnswers('long.program.yaml', edited, 'nop]');
    await s.close('long.program.yaml');
  });

  void it('10,000-level nesting (flow and block), parsed again and again: diagnostic, no crash', { timeout: 120_000 }, async () => {
    const flow = `${HEAD}x-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const block = `${HEAD}x-deep:\n  ${'- '.repeat(10_000)}x\n`;
    await s.open('deep.program.yaml', flow);
    const deep = has('yaml-syntax', (d) => d.message === 'Collections nest more than 64 levels deep here; a program file never needs that.');
    await s.waitForDiagnostics('deep.program.yaml', deep, 60_000);
    await stillAnswers('deep.program.yaml', flow, 'x-deep');
    // Each change is a new full parse of a deep document: the second one used
    // to abort the whole server (V8's RegExp compiler out of memory at the stack limit).
    for (const [i, text] of [block, flow, block, `${block}# edited\n`].entries()) {
      s.forget('deep.program.yaml');
      await s.change('deep.program.yaml', text);
      const ds = await s.waitForDiagnostics('deep.program.yaml', deep, 60_000);
      const d = ds.find((x) => x.code === 'yaml-syntax') as Diagnostic;
      assert.equal(textIn(text, d.range), text === flow ? '[' : '-', `change ${i}`);
      assert.ok(ds.every((x) => !/call stack/i.test(x.message)));
      await stillAnswers('deep.program.yaml', text, 'x-deep');
    }
    await s.close('deep.program.yaml');
  });

  void it('an alias bomb: alias-limit on the first alias, requests answer', { timeout: 60_000 }, async () => {
    const bomb = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) bomb.push(`x-${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const text = `${HEAD}${bomb.join('\n')}\n`;
    await s.open('bomb.program.yaml', text);
    const ds = await s.waitForDiagnostics('bomb.program.yaml', has('alias-limit'));
    assert.equal(textIn(text, (ds.find((d) => d.code === 'alias-limit') as Diagnostic).range), '*a');
    await stillAnswers('bomb.program.yaml', text, '*b');
    await stillAnswers('bomb.program.yaml', text, 'lol');
    await s.close('bomb.program.yaml');
  });

  void it('an included fragment deleted on disk while the root is open: include-not-found, no crash', { timeout: 60_000 }, async () => {
    const rootText = `${HEAD}include: [parts/a.program.yaml]\nworkstreams:\n  - { id: w, name: W, tasks: [{ id: t, name: T, duration: 1d, depends_on: [wa] }] }\n`;
    await s.open('main.program.yaml', rootText);
    await s.waitForDiagnostics('main.program.yaml', (ds) => ds.length === 0);
    rmSync(join(s.dir, 'parts', 'a.program.yaml'));
    await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: s.uri('parts/a.program.yaml'), type: 3 /* Deleted */ }] });
    const ds = await s.waitForDiagnostics('main.program.yaml', has('include-not-found'));
    const d = ds.find((x) => x.code === 'include-not-found') as Diagnostic;
    assert.equal(textIn(rootText, d.range), 'parts/a.program.yaml');
    // The reference into the lost fragment is held back: the missing file is the one problem.
    assert.equal(d.message, 'The included file parts/a.program.yaml does not exist or cannot be read. Fix this first: 1 reference to ids the program does not define is held back until then.');
    assert.equal(d.severity, 1);
    assert.deepEqual(ds.map((x) => x.code), ['include-not-found']);
    await stillAnswers('main.program.yaml', rootText, 'parts/a');
    await stillAnswers('main.program.yaml', rootText, 'wa]');
    await s.close('main.program.yaml');
  });

  void it('programAsCode.maxFileSize lowered via didChangeConfiguration: an open file reports file-too-large', { timeout: 60_000 }, async () => {
    const text = `${HEAD}workstreams:\n  - { id: w, name: W }\n${'# padding\n'.repeat(200)}`;
    assert.ok(text.length > 1024 && text.length < 4096);
    await s.open(ROOT, text);
    await s.waitForDiagnostics(ROOT, (ds) => ds.length === 0);
    s.settings.set('programAsCode', { maxFileSize: 1024, diagnostics: { delay: 5 } });
    await s.notify('workspace/didChangeConfiguration', { settings: null });
    const ds = await s.waitForDiagnostics(ROOT, has('file-too-large'));
    const d = ds.find((x) => x.code === 'file-too-large') as Diagnostic;
    assert.match(d.message, /programAsCode\.maxFileSize/);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    await stillAnswers(ROOT, text, 'workstreams');
    // Raised again, the file is checked again.
    s.settings.set('programAsCode', { maxFileSize: 20 * MB, diagnostics: { delay: 5 } });
    await s.notify('workspace/didChangeConfiguration', { settings: null });
    await s.waitForDiagnostics(ROOT, (x) => x.length === 0);
    await s.close(ROOT);
  });
});

