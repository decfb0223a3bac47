// Core diagnostics -> LSP diagnostics.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsByFile, provideDiagnostics, sanitizeSeverityOverrides } from '../../../server/src/features/diagnostics.js';
import { contextOf, ROOT_URI, uriOf } from '../../helpers/feature.js';
import { lines } from '../../helpers/program.js';

const ROOT = lines(
  'version: 1',
  'program: { id: p, name: P, start: 2026-01-05 }',
  'include: [f.program.yaml]',
  'workstreams:',
  '  - id: w',
  '    tasks:',
  '      - { id: a, duration: 1d, depends_on: [a] }',
  '      - { id: dup, duration: 1d, depends_on: [zzz] }',
);
const FRAG = lines('version: 1', 'milestones:', '  - { id: dup, name: Dup, date: 2026-01-09 }');
const ctx = contextOf(ROOT, { fragments: { 'f.program.yaml': FRAG } });

void test('code, source, severity, tags, related information and data', () => {
  const d = provideDiagnostics(ctx);
  const self = d.find((x) => x.code === 'self-dependency');
  assert.deepEqual(self?.tags, [1]);
  assert.equal(self?.source, 'program-as-code');
  assert.equal(self?.severity, 1);
  const dup = d.find((x) => x.code === 'duplicate-id');
  assert.deepEqual(dup?.relatedInformation?.map((r) => [r.location.uri, r.location.range.start]), [[uriOf('f.program.yaml'), { line: 2, character: 10 }]]);
  const unknown = d.find((x) => x.code === 'unknown-reference');
  assert.deepEqual(unknown?.range, { start: { line: 7, character: 46 }, end: { line: 7, character: 49 } });
  assert.ok(unknown?.data && typeof unknown.data === 'object');
});

void test('grouped by file, every file of the program present (empty lists included)', () => {
  const byFile = diagnosticsByFile(ctx.analysis!);
  assert.deepEqual([...byFile.keys()].sort(), [ROOT_URI, uriOf('f.program.yaml')].sort());
  assert.deepEqual(byFile.get(uriOf('f.program.yaml'))?.map((x) => x.code), ['duplicate-id']);
  const clean = contextOf(lines('version: 1', 'program: { id: p, name: P, start: 2026-01-05 }'));
  assert.deepEqual(diagnosticsByFile(clean.analysis!).get(ROOT_URI), []);
});

void test('severity overrides: change a severity, or turn a code off', () => {
  const d = provideDiagnostics(ctx, { severity: { 'unknown-reference': 'hint', 'duplicate-id': 'off' } });
  assert.equal(d.find((x) => x.code === 'unknown-reference')?.severity, 4);
  assert.ok(!d.some((x) => x.code === 'duplicate-id'));
});

void test('untrusted settings are sanitized', () => {
  assert.deepEqual(sanitizeSeverityOverrides({ a: 'error', b: 'loud', c: 3, d: 'off' }), { a: 'error', d: 'off' });
  assert.deepEqual(sanitizeSeverityOverrides('nope'), {});
});
