// The short, seeded server fuzz run of the suite: 300 random edits to a
// generated program (root and a fragment) through the bundled server over
// stdio, with requests interleaved. The long run is `npm run fuzz:server`
// (scripts/fuzz-server.ts, same driver). The second run mixes in a client that
// breaks the protocol: malformed positions and ranges in requests, didChange
// notifications that cannot apply (issue 11).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReport, fuzzServer } from './fuzz-driver.js';

void describe('lsp: fuzzing the server with random edits', () => {
  void it('answers every request in time, without errors, and keeps its text in step', { timeout: 180_000 }, async () => {
    const report = await fuzzServer({ seed: 20260307, edits: 300, tasks: 80 });
    const summary = formatReport(report);
    assert.equal(report.edits, 300);
    assert.ok(report.requests >= 200, `requests sent: ${report.requests}`);
    assert.deepEqual(report.failures, [], summary);
    assert.ok(report.slowest.ms < 2000, summary);
  });

  void it('with malformed positions and bad didChange notifications mixed in: InvalidParams for each, every bad notification ignored and logged, text in step', { timeout: 180_000 }, async () => {
    const report = await fuzzServer({ seed: 20261204, edits: 150, tasks: 40, hostile: 0.15 });
    const summary = formatReport(report);
    assert.equal(report.edits, 150);
    assert.ok(report.invalidRequests >= 10, `malformed requests sent: ${report.invalidRequests}`);
    assert.ok(report.badNotifications >= 10, `bad notifications sent: ${report.badNotifications}`);
    assert.deepEqual(report.failures, [], summary);
    assert.ok(report.slowest.ms < 2000, summary);
  });
});
