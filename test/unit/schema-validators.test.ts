// The schema's validators are compiled at build time (scripts/program-validators.mjs).
// They must be the ones the schema gives now, and report exactly what a
// validator compiled at run time from the same schema and options reports:
// the same errors, in the same order, with the same paths, params and schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ValidateFunction } from 'ajv';
import { generateProgram } from '../../bench/generate.js';
import { mulberry32 } from '../../bench/random.js';
import { isCalendarDate } from '../../server/src/program/dates.js';
import { getValidators } from '../../server/src/program/schema-check/validators.js';
import { GENERATED_PATH, programAjv, validatorSource } from '../../scripts/program-validators.mjs';
import { APOLLO_DIR } from '../helpers/shared.js';

const ROOT = join(__dirname, '../..');

function runtimeValidators(): { root: ValidateFunction; fragment: ValidateFunction } {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/program.schema.json'), 'utf8')) as object;
  const ajv = programAjv(schema, { type: 'string', validate: isCalendarDate });
  return { root: ajv.getSchema('program#/$defs/root') as ValidateFunction, fragment: ajv.getSchema('program#/$defs/fragment') as ValidateFunction };
}

function programFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return programFiles(path);
    return name.endsWith('.program.yaml') ? [path] : [];
  });
}

/** Plain values of real program files: the Apollo example and a generated program with fragments. */
function samples(): { value: unknown; isRoot: boolean }[] {
  const texts = programFiles(APOLLO_DIR).map((p) => readFileSync(p, 'utf8'));
  const generated = generateProgram({ tasks: 300, seed: 3, fragments: 3 });
  texts.push(generated.root, ...Object.values(generated.fragments));
  return texts.map((t) => {
    const value = parse(t, { version: '1.2', schema: 'core' }) as unknown;
    return { value, isRoot: typeof value === 'object' && value !== null && 'program' in value };
  });
}

const WRONG: unknown[] = [null, 42, -1, 0.5, 1e9, 'x', '', 'not a date', '2026-02-30', '2026-03-01', '3q', '10d', true, [], ['x', 'x'], {}, { bogus: 1 }, 'Bad Id!'];

/** A copy of `value` with one randomly chosen value replaced, one key removed, or one unknown key added. */
function mutate(value: unknown, random: () => number): unknown {
  const copy = structuredClone(value) as unknown;
  const nodes: (Record<string, unknown> | unknown[])[] = [];
  const walk = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    nodes.push(v as Record<string, unknown> | unknown[]);
    for (const x of Object.values(v)) walk(x);
  };
  walk(copy);
  const at = nodes[Math.floor(random() * nodes.length)];
  if (!at) return WRONG[Math.floor(random() * WRONG.length)];
  const keys = Object.keys(at);
  const key = keys[Math.floor(random() * keys.length)];
  const roll = random();
  if (key === undefined || roll < 0.1) (at as Record<string, unknown>)[`bogus_${Math.floor(random() * 3)}`] = 1;
  else if (roll < 0.25 && !Array.isArray(at)) delete (at as Record<string, unknown>)[key];
  else (at as Record<string, unknown>)[key] = WRONG[Math.floor(random() * WRONG.length)];
  return copy;
}

void test('the committed validators are the ones the schema gives now (run `npm run build` after editing the schema)', () => {
  assert.equal(readFileSync(join(ROOT, GENERATED_PATH), 'utf8'), validatorSource(readFileSync(join(ROOT, 'schemas/program.schema.json'), 'utf8')));
});

void test('the build-time validators report exactly what validators compiled at run time report', () => {
  const built = getValidators();
  const runtime = runtimeValidators();
  const random = mulberry32(14);
  let invalid = 0;
  let cases = 0;
  for (const { value, isRoot } of samples()) {
    for (let i = 0; i < 60; i++) {
      const v = i === 0 ? value : mutate(value, random);
      const a: ValidateFunction = isRoot ? built.root : built.fragment;
      const b: ValidateFunction = isRoot ? runtime.root : runtime.fragment;
      const okA = a(v) as boolean;
      const okB = b(v) as boolean;
      assert.equal(okA, okB);
      assert.deepEqual(a.errors ?? null, b.errors ?? null);
      if (!okA) invalid++;
      cases++;
    }
    // Unmutated real files are valid.
    assert.ok((isRoot ? built.root : built.fragment)(value), JSON.stringify((isRoot ? built.root : built.fragment).errors?.slice(0, 2)));
  }
  // The mutations reach many keywords: most variants are invalid.
  assert.ok(invalid > cases / 2, `${invalid} of ${cases} variants invalid`);
  const keywords = new Set<string>();
  for (const { value, isRoot } of samples().slice(0, 4)) {
    for (let i = 0; i < 200; i++) {
      const f = isRoot ? built.root : built.fragment;
      if (!f(mutate(value, random))) for (const e of f.errors ?? []) keywords.add(e.keyword);
    }
  }
  for (const k of ['type', 'required', 'additionalProperties', 'pattern', 'enum', 'format']) assert.ok(keywords.has(k), `no ${k} error among ${[...keywords].join(', ')}`);
});
