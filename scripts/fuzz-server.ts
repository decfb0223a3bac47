// `npm run fuzz:server`: the long seeded fuzz run of the bundled language
// server (dist/server.js, so build first) over stdio: random edits to a
// generated program as incremental didChange notifications, requests of every
// kind interleaved at random positions (test/lsp/fuzz-driver.ts).
//
// Options: --edits 5000 --seed 1 --tasks 120 --runs 1 (runs > 1: seeds seed, seed+1, …)
// --hostile 0.1 (share of requests with malformed positions and of bad didChange notifications; default 0).
// Prints edits applied, requests sent, failures and the slowest request; exits 1 on any failure.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { formatReport, fuzzServer } from '../test/lsp/fuzz-driver.js';
import { SERVER } from '../test/lsp/harness.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      edits: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '1' },
      tasks: { type: 'string', default: '120' },
      runs: { type: 'string', default: '1' },
      hostile: { type: 'string', default: '0' },
    },
  });
  if (!existsSync(SERVER)) {
    console.error(`${SERVER} is missing: run \`npm run build\` first.`);
    return 2;
  }
  const edits = Number(values.edits);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  let failures = 0;
  const totals = { edits: 0, requests: 0, slowest: { method: '', ms: 0 } };
  for (let i = 0; i < runs; i++) {
    const report = await fuzzServer({
      seed: seed + i, edits, tasks: Number(values.tasks), hostile: Number(values.hostile),
      progress: (line) => console.log(`  [seed ${seed + i}] ${line}`),
    });
    console.log(formatReport(report));
    failures += report.failures.length;
    totals.edits += report.edits;
    totals.requests += report.requests;
    if (report.slowest.ms > totals.slowest.ms) totals.slowest = report.slowest;
  }
  console.log(`server fuzz: ${totals.edits} edits applied, ${totals.requests} requests sent, ${failures} failures, slowest request ${totals.slowest.method} ${totals.slowest.ms.toFixed(1)} ms`);
  // Latencies are wall-clock, queueing included: a busy machine shows here.
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  return failures === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
