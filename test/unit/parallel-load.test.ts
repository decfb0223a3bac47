// A big program's fragments prepared beforehand, part on a worker thread
// (node/parallel-load.ts), must give the very model a plain load gives:
// the same records, references, diagnostics (in order) and files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateProgram } from '../../bench/generate.js';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import { memoryHost } from '../../server/src/program/host.js';
import { loadProgram } from '../../server/src/program/load.js';
import type { ProgramModel } from '../../server/src/program/model.js';
import { prepareFragment } from '../../server/src/program/prepared-file.js';
import { prepareProgram, prepareWhileUnder, prepareWorkerPath } from '../../server/src/node/parallel-load.js';

const WS = 'file:///ws';
const ROOT = `${WS}/generated.program.yaml`;

function files(): Record<string, string> {
  const g = generateProgram({ tasks: 1500, seed: 5, fragments: 6 });
  const out: Record<string, string> = { [ROOT]: g.root };
  for (const [path, text] of Object.entries(g.fragments)) out[`${WS}/${path}`] = text;
  return out;
}

/** The model without the YAML trees and plain values (prepared files carry neither). */
function comparable(m: ProgramModel): unknown {
  return { ...m, files: m.files.map((f) => ({ uri: f.uri, text: f.text, isRoot: f.isRoot, diagnostics: f.diagnostics })) };
}

async function both(texts: Record<string, string>, workerPath = prepareWorkerPath()): Promise<{ plain: ProgramModel; prepared: ProgramModel; count: number }> {
  const host = memoryHost(texts);
  const plain = loadProgram(ROOT, host, { workspaceRoot: WS });
  const p = await prepareProgram(ROOT, host, WS, { workerPath, minChars: 0 });
  assert.ok(p);
  return { plain, prepared: loadProgram(ROOT, host, { workspaceRoot: WS, ...p }), count: p.prepared.size };
}

void test('the worker bundle is built (npm run build), so commands use the second core', () => {
  assert.ok(prepareWorkerPath());
});

void test('a generated program loads the same with its fragments prepared on a worker thread', async () => {
  const texts = files();
  const { plain, prepared, count } = await both(texts);
  assert.equal(count, 6);
  assert.deepEqual(comparable(prepared), comparable(plain));
  assert.equal(prepared.tasks.length, 1500);
  // And the analysis (schedule, warnings, root causes) is the same.
  const a = analyzeProgram(plain, { today: 20_600 });
  const b = analyzeProgram(prepared, { today: 20_600 });
  assert.deepEqual(b.diagnostics, a.diagnostics);
  assert.deepEqual([...b.schedule.items], [...a.schedule.items]);
});

void test('broken fragments give the same diagnostics, in the same order, prepared or not', async () => {
  const texts = files();
  const names = Object.keys(texts).filter((u) => u !== ROOT).sort();
  const [a, b, c, d] = names as [string, string, string, string];
  // YAML errors, schema errors, an id defined twice across fragments, a fragment that is a root, a budget currency.
  texts[a] = `${texts[a]}\n  - id: broken\n\tname: tab\n`;
  texts[b] = (texts[b] as string).replace(/duration: (\d+)d/, 'duration: soon').replace('workstreams:', 'budget:\n  currency: EUR\nwokstreams_typo: 1\nworkstreams:');
  texts[c] = `${texts[c]}\nmilestones:\n  - id: ${(/id: (\S+)/.exec(texts[d] as string) as RegExpExecArray)[1]}\n    date: 2026-02-30\n`;
  texts[d] = `version: 1\nprogram: { id: other, name: Other, start: 2026-01-05 }\n`;
  const { plain, prepared } = await both(texts);
  assert.ok(plain.diagnostics.length >= 4, plain.diagnostics.map((x) => x.code).join(', '));
  assert.deepEqual(prepared.diagnostics, plain.diagnostics);
  assert.deepEqual(comparable(prepared), comparable(plain));
});

void test('a prepared fragment whose text changed since is not used: the load reads it again', async () => {
  const texts = files();
  const host = memoryHost(texts);
  const target = Object.keys(texts).find((u) => u !== ROOT) as string;
  const stale = prepareFragment(target, (texts[target] as string).replace(/duration: \d+d/g, 'duration: 99d'));
  const m = loadProgram(ROOT, host, { workspaceRoot: WS, prepared: new Map([[target, stale]]) });
  assert.deepEqual(comparable(m), comparable(loadProgram(ROOT, host, { workspaceRoot: WS })));
});

void test('without a worker (none built, or it fails) the load is still the plain one', async () => {
  const texts = files();
  const { plain, prepared } = await both(texts, '/nonexistent/prepare-worker.js');
  assert.deepEqual(comparable(prepared), comparable(plain));
});

void test('preparing stops once the files hold more YAML values than a program may, as the load itself does', () => {
  const texts = Object.entries(files()).filter(([u]) => u !== ROOT).map(([uri, text]) => ({ uri, text }));
  const all = prepareWhileUnder(texts);
  assert.equal(all.length, texts.length);
  const first = (all[0] as { nodes: number }).nodes;
  // Over the bound after the second file: the third and later are left to the load.
  const some = prepareWhileUnder(texts, first + 1);
  assert.deepEqual(some.map((p) => p.uri), texts.slice(0, 2).map((t) => t.uri));
});
