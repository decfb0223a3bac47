// The diagnostic code registry (server/src/program/codes.ts) is the one list
// of codes: every code the core emits must be in it, and every code in it must
// be documented in docs/diagnostics.md under a `## code` heading (so that
// `diagnostics.md#code` links work). A new code cannot ship undocumented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CODES } from '../../server/src/program/codes.js';
import { SCHEMA_CODES } from '../../server/src/program/schema-check.js';

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'diagnostics.md');
const CORE = join(ROOT, 'server', 'src', 'program');

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

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const KEBAB_LITERAL = /['"`]([a-z][a-z0-9]*(?:-[a-z0-9]+)+)['"`]/g;

/**
 * The code literals a source file emits: every string literal in the value of
 * a `code:` property (`code: 'x'`, `code: cond ? 'x' : 'y'`), and the first
 * argument of local helpers whose first parameter is `code`
 * (`const error = (code: string, …) => …; error('x', …)`).
 */
function emittedCodes(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\bcode:\s*([^,\n;}]*)/g)) {
    const value = m[1] as string;
    if (/^(string|DiagnosticCode|Severity)\b/.test(value)) continue; // a type annotation, not a value
    for (const lit of value.matchAll(KEBAB_LITERAL)) out.push(lit[1] as string);
  }
  const helpers = new Set<string>();
  for (const m of source.matchAll(/\b(?:const|let|function)\s+([A-Za-z_$][\w$]*)\s*=?\s*(?:<[^>]*>)?\s*\(\s*code\s*:/g)) {
    helpers.add(m[1] as string);
  }
  for (const name of helpers) {
    for (const m of source.matchAll(new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\(\\s*(['"\`])([a-z][a-z0-9-]*)\\1`, 'g'))) {
      out.push(m[2] as string);
    }
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
  assert.deepEqual(missing, [], `codes in SCHEMA_CODES (server/src/program/schema-check.ts) missing from CODES: ${missing.join(', ')}`);
});

test('every code literal emitted in server/src/program is registered', () => {
  const files = tsFiles(CORE);
  const found = new Map<string, string[]>();
  for (const file of files) {
    for (const code of emittedCodes(readFileSync(file, 'utf8'))) {
      const where = relative(ROOT, file);
      const list = found.get(code);
      if (!list) found.set(code, [where]);
      else if (!list.includes(where)) list.push(where);
    }
  }
  // The scan itself must keep working: it should see most of the registry
  // (a few codes are passed through variables and are not visible to it).
  assert.ok(found.size >= registered.size * 0.75, `the source scan found only ${found.size} codes; has the emitting code changed shape?`);
  const missing = [...found].filter(([code]) => !registered.has(code)).map(([code, where]) => `${code} (${where.join(', ')})`);
  assert.deepEqual(missing, [], `codes emitted in server/src/program but missing from CODES (server/src/program/codes.ts): ${missing.join('; ')}`);
});

test('the source scan recognises the ways codes are written', () => {
  const sample = [
    "out.push({ uri, span, severity: 'error', code: 'plain-code', message });",
    "  code: e instanceof ReferenceError ? 'alias-code' : 'other-code',",
    'const error = (code: string, message: string) => diagnostics.push({ code, message });',
    "error('helper-code', 'A message with-a-hyphen.');",
    'type Out = { code: string; span: Span };',
  ].join('\n');
  assert.deepEqual(emittedCodes(sample).sort(), ['alias-code', 'helper-code', 'other-code', 'plain-code']);
});
