// `schedule` prints each milestone's state in the core's words
// (server/src/program/milestone-state.ts), as hover, code lens and the
// preview say them (test/unit/features/milestone-state.test.ts).
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, runCli, tempDir } from '../helpers/cli.js';


test('schedule: the STATE column says on time, slipping N working days, fixed, no target', () => {
  assert.ok(existsSync(CLI), 'run `npm run build` first');
  const dir = tempDir('pac-state-');
  writeFileSync(join(dir, 's.program.yaml'), [
    'version: 1',
    'program: { id: p, name: P, start: 2026-01-05, status_date: 2026-01-05 }',
    'workstreams:',
    '  - id: w',
    '    name: W',
    '    tasks:',
    '      - { id: a, name: A, duration: 2d }',
    'milestones:',
    '  - { id: ontime, name: On time, depends_on: [a], date: 2026-01-09 }',
    '  - { id: late, name: Late, depends_on: [a], date: 2026-01-05 }',
    '  - { id: fixed, name: Fixed, date: 2026-02-20 }',
    '  - { id: open, name: Open, depends_on: [a] }',
    '',
  ].join('\n'));
  const r = runCli(['schedule', 's.program.yaml'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, [
    'P: 2026-01-05 → 2026-02-20',
    '',
    '   ID        NAME          START  END                FLOAT  STATE',
    '   a         A        2026-01-05  2026-01-06           33d',
    '   ◆ ontime  On time  2026-01-06  target 2026-01-09    33d  on time',
    '   ◆ late    Late     2026-01-06  target 2026-01-05    33d  slipping 1 working day',
    '*  ◆ fixed   Fixed    2026-02-20                        0d  fixed',
    '   ◆ open    Open     2026-01-06                       33d  no target',
    '',
    '* critical (total float 0 or less); ◆ milestone, its START is the forecast date.',
    'Remaining work forecast from the status date 2026-01-05.',
    'Critical path: fixed',
    'Slipping milestones: late (1 working day)',
    '',
  ].join('\n'));
});
