// The bundled server over stdio against a client that breaks the protocol
// (issue 11): requests before initialize and after shutdown, positions that
// are not whole numbers in range (a fractional one once froze the server for
// minutes), didChange notifications that do not fit the document, and
// watched-file events by the ten thousand or with null entries. Each gets a
// clear error or a log line, and the server keeps answering with the document
// state it had.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node.js';
import { positionOf } from '../helpers/caret.js';
import { LspSession } from './harness.js';
import { lspSession } from './fixture.js';

const TEXT = [
  'version: 1',
  'program: { id: p, name: P, start: 2026-01-05 }',
  'workstreams:',
  '  - id: core',
  '    name: Core',
  '    tasks:',
  '      - { id: a, name: A, duration: 1d }',
  '      - { id: b, name: B, duration: 1d, depends_on: [a] }',
  '',
].join('\n');
const ROOT = 'root.program.yaml';

async function errorOf(p: Promise<unknown>): Promise<{ code: number; message: string } | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return { code: (e as { code: number }).code, message: (e as Error).message };
  }
}

void describe('lsp: the lifecycle', () => {
  void it('nothing is answered before initialize (-32002) or after shutdown (-32600); notifications before initialize are dropped', { timeout: 60_000 }, async () => {
    const s = await LspSession.start({ files: { [ROOT]: TEXT }, uninitialized: true });
    try {
      const textDocument = { uri: s.uri(ROOT) };
      const early = await errorOf(s.request('textDocument/hover', { textDocument, position: { line: 6, character: 14 } }));
      assert.deepEqual(early, { code: -32002, message: 'The server is not initialized yet: hover must come after the initialize request.' });
      assert.equal((await errorOf(s.request('textDocument/documentSymbol', { textDocument })))?.code, -32002);
      assert.equal((await errorOf(s.request('shutdown', null)))?.code, -32002);
      // Opened before initialize: dropped, so the server reads the file from disk afterwards.
      await s.notify('textDocument/didOpen', { textDocument: { uri: textDocument.uri, languageId: 'yaml', version: 1, text: TEXT.replace('id: a,', 'id: zzz,') } });
      await s.initialize();
      const hover = await s.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument, position: positionOf(TEXT, 'id: a', 0, 4) });
      assert.match(hover?.contents.value ?? '', /\ba\b/);
      const again = await errorOf(s.initialize());
      assert.deepEqual(again, { code: -32600, message: 'The server is already initialized: initialize may be sent only once.' });
      await s.request('shutdown', null);
      const late = await errorOf(s.request('textDocument/hover', { textDocument, position: { line: 6, character: 14 } }));
      assert.deepEqual(late, { code: -32600, message: 'The server has shut down: hover is not answered after the shutdown request.' });
      assert.equal((await errorOf(s.request('shutdown', null)))?.code, -32600);
      assert.equal(s.alive, true);
    } finally {
      await s.stop();
    }
  });
});

void describe('lsp: positions, ranges and edits a client should not send', () => {
  // A large document, generated: a position's cost must not depend on where it points.
  const big = `${TEXT}${Array.from({ length: 4000 }, (_, i) => `      - { id: t${i}, name: T${i}, duration: 1d, depends_on: [${i === 0 ? 'a' : `t${i - 1}`}] }`).join('\n')}\n`;
  const s = lspSession({ files: { [ROOT]: big }, initializationOptions: { programAsCode: { diagnostics: { delay: 5 } } }, open: { [ROOT]: big } });
  const uri = s.uri(ROOT);
  before(async () => {
    await s.waitForDiagnostics(ROOT, () => true, 60_000);
  });

  const BAD: [unknown, string][] = [
    [1.5, 'a whole number from 0 to 2147483647, not 1.5'],
    [-1, 'not -1'],
    [null, 'not null'],
    ['3', 'not "3"'],
    [2 ** 31, 'not 2147483648'],
    [1e300, 'not 1e+300'],
  ];

  void it('a position or range that is not a whole number in range is InvalidParams (-32602) naming the field, for every request that takes one', { timeout: 120_000 }, async () => {
    const textDocument = { uri };
    for (const [value, says] of BAD) {
      const position = { line: value, character: 0 };
      const pos2 = { line: 6, character: value };
      const range = { start: { line: 0, character: 0 }, end: position };
      const requests: [string, unknown, string][] = [
        ['textDocument/hover', { textDocument, position }, '`position.line`'],
        ['textDocument/completion', { textDocument, position: pos2 }, '`position.character`'],
        ['textDocument/definition', { textDocument, position }, '`position.line`'],
        ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }, '`position.line`'],
        ['textDocument/documentHighlight', { textDocument, position }, '`position.line`'],
        ['textDocument/prepareRename', { textDocument, position }, '`position.line`'],
        ['textDocument/rename', { textDocument, position, newName: 'x' }, '`position.line`'],
        ['textDocument/selectionRange', { textDocument, positions: [{ line: 0, character: 0 }, pos2] }, '`positions[1].character`'],
        ['textDocument/inlayHint', { textDocument, range }, '`range.end.line`'],
        ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }, '`range.end.line`'],
        ['textDocument/codeAction', { textDocument, range: { start: pos2, end: pos2 }, context: { diagnostics: [] } }, '`range.start.character`'],
        ['textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ range: { start: position, end: position }, message: 'm', data: { line: 'opaque' } }] } }, '`context.diagnostics[0].range.start.line`'],
        ['textDocument/prepareCallHierarchy', { textDocument, position }, '`position.line`'],
        ['programAsCode/dependents', { uri, position }, '`position.line`'],
        ['programAsCode/dependencies', { uri, position }, '`position.line`'],
      ];
      const answers = await Promise.all(requests.map(([method, params]) => errorOf(s.request(method, params))));
      answers.forEach((e, i) => {
        const [method, , field] = requests[i] as [string, unknown, string];
        assert.equal(e?.code, -32602, `${method} with ${JSON.stringify(value)}`);
        assert.ok(e.message.includes(field) && e.message.includes(says), `${method}: ${e.message}`);
      });
    }
    // A position object that is not one, and a uri that is not a string.
    assert.match((await errorOf(s.request('textDocument/hover', { textDocument, position: 'start' })))?.message ?? '', /`position` must be a position \(\{ line, character \}\), not "start"/);
    assert.match((await errorOf(s.request('textDocument/hover', { textDocument: { uri: 7 }, position: { line: 0, character: 0 } })))?.message ?? '', /`textDocument.uri` must be a string, not 7/);
    assert.equal((await errorOf(s.request('textDocument/rename', { textDocument, position: positionOf(big, 'id: a', 0, 4), newName: null })))?.code, -32602);
    assert.equal(s.alive, true);
    assert.deepEqual(s.logs.filter((l) => / failed|uncaught|unhandled/.test(l)), []);
  });

  void it('a whole-number position past the end of its line or the document is clamped there and answered', { timeout: 60_000 }, async () => {
    const textDocument = { uri };
    const far = { line: 2 ** 31 - 1, character: 2 ** 31 - 1 };
    const endOfLine = { line: 6, character: 2 ** 31 - 1 };
    const answers = await Promise.all([
      s.request('textDocument/hover', { textDocument, position: far }),
      s.request('textDocument/completion', { textDocument, position: endOfLine }),
      s.request('textDocument/definition', { textDocument, position: endOfLine }),
      s.request('textDocument/selectionRange', { textDocument, positions: [far, endOfLine] }),
      s.request('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: far } }),
      s.request('textDocument/codeAction', { textDocument, range: { start: endOfLine, end: far }, context: { diagnostics: [] } }),
    ]);
    assert.equal(answers.length, 6);
    const sel = answers[3] as { range: { start: { line: number } } }[];
    assert.equal(sel.length, 2);
    assert.ok((answers[4] as unknown[]).length > 1000, 'inlay hints over the whole document');
    assert.deepEqual(s.logs.filter((l) => / failed|uncaught|unhandled/.test(l)), []);
  });

  void it('didChange that does not fit the document is ignored with a log line; the text stays that of the last good version', { timeout: 60_000 }, async () => {
    const rel = 'edits.program.yaml';
    const u = await s.open(rel, TEXT);
    await s.waitForDiagnostics(rel, (d) => d.length === 0);
    const change = (version: unknown, contentChanges: unknown) => s.notify('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges });
    const at = (line: number, character: number) => ({ line, character });
    const insert = (p: { line: number; character: number }, text: unknown) => ({ range: { start: p, end: p }, text });
    const logsBefore = s.logs.length;
    await change(2, [insert(at(0, 0), null)]); // text not a string: used to throw inside TextDocuments
    await change(2, [{ text: 42 }]);
    await change(2, [insert(at(99, 0), '# past the end\n')]);
    await change(2, [{ range: { start: at(1, 0), end: at(0, 0) }, text: '' }]);
    await change(2, [insert(at(0, 0), '# ok\n'), insert(at(1.5, 0), '# fractional\n')]); // all or nothing
    await change(2, null);
    await change(0, [insert(at(0, 0), '# old version\n')]);
    await change(1, [insert(at(0, 0), '# same version\n')]);
    await change('3', [insert(at(0, 0), '# version not a number\n')]);
    await s.notify('textDocument/didChange', { textDocument: { uri: s.uri('never-opened.program.yaml'), version: 9 }, contentChanges: [{ text: 'x' }] });
    await s.notify('textDocument/didChange', null);
    await s.notify('textDocument/didOpen', { textDocument: { uri: s.uri('bad-open.program.yaml'), languageId: 'yaml', version: 1, text: null } });
    await s.notify('textDocument/didClose', { textDocument: null });
    // A good change after all that applies to the unchanged text.
    const good = TEXT.replace('depends_on: [a]', 'depends_on: [nope]');
    const p = positionOf(TEXT, '[a]', 0, 1);
    await change(2, [{ range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: 'nope' }]);
    const ds = await s.waitForDiagnostics(rel, (d) => d.some((x) => x.code === 'unknown-reference'));
    assert.deepEqual(ds.map((d) => [d.code, d.range.start]), [['unknown-reference', p]]);
    const symbols = await s.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.ok(symbols.length > 0);
    await s.until(() => s.logs.length - logsBefore >= 13, 'a log line per ignored notification');
    const lines = s.logs.slice(logsBefore);
    assert.ok(lines.includes(`Ignored textDocument/didChange: ${u}: change 0's \`text\` is not a string`), lines.join('\n'));
    assert.ok(lines.includes(`Ignored textDocument/didChange: ${u}: change 0's range ends on line 99, below the document's last line 8`), lines.join('\n'));
    assert.ok(lines.includes(`Ignored textDocument/didChange: ${u}: change 0's range ends before it starts`));
    assert.ok(lines.includes(`Ignored textDocument/didChange: ${u}: change 1: \`range.start.line\` must be a whole number from 0 to 2147483647, not 1.5`));
    assert.ok(lines.includes(`Ignored textDocument/didChange: ${u}: version 1 is not newer than the document's version 1`));
    assert.ok(lines.includes(`Ignored textDocument/didChange: ${s.uri('never-opened.program.yaml')}: the document is not open`));
    assert.ok(lines.includes(`Ignored textDocument/didOpen: ${s.uri('bad-open.program.yaml')}: \`textDocument.text\` is not a string`));
    assert.deepEqual(s.logs.filter((l) => / failed|uncaught|unhandled/.test(l)), []);
    // The server's text is ours: sent whole, it gives the same diagnostics.
    s.forget(rel);
    await s.notify('textDocument/didChange', { textDocument: { uri: u, version: 3 }, contentChanges: [{ text: good }] });
    const whole = await s.waitForDiagnostics(rel);
    assert.deepEqual(whole, ds);
    await s.close(rel);
  });

  void it('didChangeWatchedFiles: null and malformed entries are skipped with a log line; the good ones apply', { timeout: 60_000 }, async () => {
    const logsBefore = s.logs.length;
    writeFileSync(join(s.dir, 'extra.program.yaml'), 'version: 1\nworkstreams:\n  - { id: w2, name: W2, tasks: [{ id: x, name: X, duration: 1d, depends_on: [nowhere] }] }\n');
    await s.notify('workspace/didChangeWatchedFiles', { changes: [null, { uri: 5, type: 1 }, { uri: s.uri('extra.program.yaml'), type: 9 }, { uri: s.uri('extra.program.yaml'), type: 1 }] });
    // A fragment no root includes gets fragment-not-included (its references are held back): proof the good entry applied.
    await s.waitForDiagnostics('extra.program.yaml', (d) => d.some((x) => x.code === 'fragment-not-included'));
    await s.notify('workspace/didChangeWatchedFiles', { changes: 'all of them' });
    await s.until(() => s.logs.length - logsBefore >= 2, 'log lines');
    const lines = s.logs.slice(logsBefore);
    assert.ok(lines.includes('Ignored workspace/didChangeWatchedFiles: 3 of 4 events are not { uri: string, type: 1 | 2 | 3 } (the first is event 0); the others are applied'), lines.join('\n'));
    assert.ok(lines.includes('Ignored workspace/didChangeWatchedFiles: `changes` is not a list'), lines.join('\n'));
    assert.deepEqual(s.logs.filter((l) => / failed|uncaught|unhandled/.test(l)), []);
  });

  void it('requests cancelled before they start are answered RequestCancelled (-32800) without running; the rest are answered', { timeout: 60_000 }, async () => {
    const textDocument = { uri };
    const sources = Array.from({ length: 300 }, () => new CancellationTokenSource());
    // Inlay hints over the whole generated document: not free, so requests queue up behind each other.
    const range = { start: { line: 0, character: 0 }, end: { line: 5000, character: 0 } };
    const pending = sources.map((src) => errorOf(s.request('textDocument/inlayHint', { textDocument, range }, src.token)));
    for (const src of sources) src.cancel();
    const outcomes = await Promise.all(pending);
    const cancelled = outcomes.filter((e) => e?.code === -32800).length;
    assert.ok(outcomes.every((e) => e === undefined || e.code === -32800), JSON.stringify(outcomes.find((e) => e && e.code !== -32800)));
    assert.ok(cancelled > 0, 'some requests were cancelled before they ran');
    assert.ok((await s.request<unknown[]>('textDocument/documentSymbol', { textDocument })).length > 0);
  });

  void it('40,000 watched-file events in one notification: one pass, requests answered, the new file checked', { timeout: 120_000 }, async () => {
    writeFileSync(join(s.dir, 'late.program.yaml'), 'version: 1\nworkstreams:\n  - { id: w3, name: W3, tasks: [{ id: y, name: Y, duration: 1d, depends_on: [gone] }] }\n');
    const changes: { uri: string; type: number }[] = [];
    for (let i = 0; i < 40_000; i++) changes.push({ uri: s.uri(`gen/f${i % 20_000}.program.yaml`), type: i < 20_000 ? 1 : 3 });
    changes.push({ uri: s.uri('late.program.yaml'), type: 1 });
    await s.notify('workspace/didChangeWatchedFiles', { changes });
    const symbols = await s.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
    await s.waitForDiagnostics('late.program.yaml', (d) => d.some((x) => x.code === 'fragment-not-included'), 60_000);
    assert.deepEqual(s.logs.filter((l) => / failed|uncaught|unhandled/.test(l)), []);
  });
});
