// Rules of the house that are about files, not imports: small modules, and an
// ARCHITECTURE.md whose file names stay true as the code moves.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE_DIRS = ['server/src', 'client/src', 'media/src', 'scripts', 'eslint'];
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(?:[cm]?[jt]s)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The file's leading comment (line or block comments before the first statement). */
function firstComment(text: string): string {
  const lines = text.replace(/^#!.*\n/, '').split('\n');
  const comment: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t.startsWith('//') || t.startsWith('/*') || t.startsWith('*')) comment.push(t);
    else break;
  }
  return comment.join(' ');
}

describe('house rules', () => {
  test(`no source file is over ${MAX_LINES} lines unless its first comment says why`, () => {
    const tooLong: string[] = [];
    for (const dir of SOURCE_DIRS) {
      for (const file of sourceFiles(path.join(ROOT, dir))) {
        const text = readFileSync(file, 'utf8');
        const lines = text.split('\n').length;
        if (lines > MAX_LINES && !/over 400 lines because/i.test(firstComment(text))) tooLong.push(`${path.relative(ROOT, file)} (${lines} lines)`);
      }
    }
    assert.deepEqual(tooLong, [], 'split these by what they do, or say in the first comment why the file is "over 400 lines because …"');
  });

  test('every file and folder ARCHITECTURE.md names exists', () => {
    const text = readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const named = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1] ?? '')
      // A repository path: a known top-level folder, then more; globs and placeholders are not paths.
      .filter((p) => /^(?:server|client|media|test|bench|scripts|eslint|schemas|docs|types|syntaxes|snippets)\//.test(p) && !/[*<>{}]/.test(p));
    assert.ok(named.length >= 30, `ARCHITECTURE.md names ${named.length} paths; it should name the files its recipes touch`);
    const missing = named.filter((p) => !existsSync(path.join(ROOT, p)));
    assert.deepEqual(missing, [], 'ARCHITECTURE.md names files that do not exist: update it with the move');
  });
});
