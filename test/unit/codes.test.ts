// The diagnostic code registry (server/src/program/codes.ts) is the one list
// of codes: every code in it must be documented in docs/diagnostics.md under a
// `## code` heading (so that `diagnostics.md#code` links work), with the
// severity the registry gives it, and offered by the severity setting in
// package.json (test/unit/extension/manifest.test.ts). A new code cannot ship
// undocumented. That every code the core emits is registered is the type
// checker's job: `Diagnostic.code` is a `DiagnosticCode`, and diagnostics are
// made by diagnostic.ts, which takes the severity from the registry (the
// `@ts-expect-error` lines below fail `tsc` if that ever stops being so).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../server/src/program/codes.js';
import type { CodeInfo, DiagnosticCode } from '../../server/src/program/codes.js';
import { atRegisteredSeverity, diagnostic, diagnosticWithSeverity } from '../../server/src/program/diagnostic.js';
import type { Diagnostic, Severity } from '../../server/src/program/types.js';
import { SCHEMA_CODES } from '../../server/src/program/schema-check/check.js';

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'diagnostics.md');

const registered = new Set(Object.keys(CODES));

/** The text of every `## ` heading in a Markdown file, outside fenced code blocks. */
function h2Headings(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      const mark = f[1] as string;
      if (fence === undefined) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const h = /^## +(.*?)\s*#*\s*$/.exec(line);
    if (h) out.push(h[1] as string);
  }
  return out;
}

test('every registered code has its own section in docs/diagnostics.md, and every section heading there is a registered code', () => {
  const headings = h2Headings(readFileSync(DOCS, 'utf8'));
  const documented = new Set(headings);
  const undocumented = [...registered].filter((c) => !documented.has(c));
  assert.deepEqual(undocumented, [], `codes in CODES (server/src/program/codes.ts) without a "## <code>" section in docs/diagnostics.md: ${undocumented.join(', ')}`);
  const unknown = headings.filter((h) => !registered.has(h));
  assert.deepEqual(unknown, [], `"## " headings in docs/diagnostics.md that are not codes in CODES (group headings use "# "): ${unknown.join(', ')}`);
  const twice = headings.filter((h, i) => headings.indexOf(h) !== i);
  assert.deepEqual(twice, [], `codes with more than one section in docs/diagnostics.md: ${twice.join(', ')}`);
});

test('every code the schema check emits (SCHEMA_CODES) is registered', () => {
  const missing = SCHEMA_CODES.filter((c) => !registered.has(c));
  assert.deepEqual(missing, [], `codes in SCHEMA_CODES (server/src/program/schema-check/finding.ts) missing from CODES: ${missing.join(', ')}`);
});

/** Per `## code` section, the bold severities of its `Severity:` paragraph, in order. */
function documentedSeverities(markdown: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const sections = markdown.split(/^## +/m).slice(1);
  for (const section of sections) {
    const code = (section.split('\n')[0] ?? '').trim();
    const para = /^Severity: ([\s\S]*?)(?:\n\s*\n|$)/m.exec(section)?.[1] ?? '';
    out.set(code, [...para.matchAll(/\*\*(error|warning|info|hint)\*\*/g)].map((m) => m[1] as string));
  }
  return out;
}

test('docs/diagnostics.md gives each code the severity the registry gives it, and names its other severity', () => {
  const documented = documentedSeverities(readFileSync(DOCS, 'utf8'));
  const wrong: string[] = [];
  for (const [code, info] of Object.entries(CODES) as [string, CodeInfo][]) {
    const expected = [info.severity, ...(info.alsoSeverity ? [info.alsoSeverity] : [])];
    const got = documented.get(code) ?? [];
    if (got.join() !== expected.join()) wrong.push(`${code}: docs say ${got.join(' then ') || 'nothing'}, the registry ${expected.join(' then ')}`);
  }
  assert.deepEqual(wrong, []);
});

test('the factory takes every severity from the registry', () => {
  const span = { start: 1, end: 2 };
  for (const code of Object.keys(CODES) as DiagnosticCode[]) {
    const d = diagnostic(code, 'file:///x.program.yaml', span, 'A message.');
    assert.deepEqual(d, { uri: 'file:///x.program.yaml', span, severity: (CODES[code] as CodeInfo).severity, code, message: 'A message.' });
  }
  const extras = diagnostic('self-dependency', 'u', span, 'm', { unnecessary: true, data: { id: 'a' } });
  assert.equal(extras.severity, 'error');
  assert.equal(extras.unnecessary, true);
  assert.deepEqual(extras.data, { id: 'a' });
});

test('only a code that registers another severity can have it, and a root cause goes back to the registered one', () => {
  const span = { start: 0, end: 1 };
  const glob = diagnosticWithSeverity('include-not-found', 'warning', 'u', span, 'No file matches `x/*`.');
  assert.equal(glob.severity, 'warning');
  assert.equal(atRegisteredSeverity(glob).severity, 'error');
  assert.equal(diagnosticWithSeverity('yaml-syntax', 'warning', 'u', span, 'Unresolved tag: !foo').severity, 'warning');
  const varying = (Object.entries(CODES) as [string, CodeInfo][]).filter(([, info]) => info.alsoSeverity !== undefined).map(([c]) => c);
  assert.deepEqual(varying.sort(), ['include-not-found', 'yaml-syntax']);
});

// Compiled, never run: `tsc -p .` (part of `npm test`) fails when one of these
// lines stops being an error, that is when the type checker no longer guards
// the registry.
export function typeChecks(span: { start: number; end: number }, severity: Severity): Diagnostic[] {
  return [
    // @ts-expect-error: a code that is not in the registry
    diagnostic('no-such-code', 'u', span, 'm'),
    // @ts-expect-error: a Diagnostic literal with a code that is not in the registry
    { uri: 'u', span, severity, code: 'no-such-code', message: 'm' },
    // @ts-expect-error: milestone-slip registers no other severity
    diagnosticWithSeverity('milestone-slip', 'error', 'u', span, 'm'),
    // @ts-expect-error: yaml-syntax may be an error or a warning, never a hint
    diagnosticWithSeverity('yaml-syntax', 'hint', 'u', span, 'm'),
    // @ts-expect-error: the severity comes from the registry, not from the site
    diagnostic('milestone-slip', 'u', span, 'm', { severity: 'error' }),
  ];
}
