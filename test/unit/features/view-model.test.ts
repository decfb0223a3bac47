import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildViewModel } from '../../../server/src/view/build-view-model.js';
import { contextOf, ROOT_URI } from '../../helpers/feature.js';
import { SAMPLE } from '../../helpers/sample.js';

const vm = buildViewModel(contextOf(SAMPLE).analysis!);

void describe('view model', () => {
  void it('describes the program and its calendar', () => {
    assert.deepEqual({ ...vm.program, location: undefined }, {
      id: 'apollo', name: 'Apollo Launch', start: '2026-01-05', finish: '2026-01-23', statusDate: '2026-01-05',
      calendar: { workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: [] }, location: undefined,
    });
    assert.deepEqual(vm.program.location, { uri: ROOT_URI, line: 2, character: 6, endLine: 2, endCharacter: 12 });
  });

  void it('gives tasks their dates, float, criticality, people and location', () => {
    const api = vm.tasks.find((t) => t.id === 'api');
    assert.deepEqual(api, {
      id: 'api', name: 'Build the public API', workstreamId: 'backend', start: '2026-01-12', end: '2026-01-23',
      lateStart: '2026-01-12', lateEnd: '2026-01-23', durationDays: 10, totalFloat: 0, critical: true,
      progress: 0, status: 'not-started', assignees: ['Alice Chen', 'Bob <b>Stone</b>'], assigneeIds: ['alice', 'bob'],
      owner: 'alice', deliverable: null,
      location: { uri: ROOT_URI, line: 20, character: 12, endLine: 20, endCharacter: 15 },
    });
    assert.deepEqual(vm.workstreams.map((w) => [w.id, w.start, w.end, w.taskIds]), [
      ['backend', '2026-01-05', '2026-01-23', ['design', 'api']],
      ['web', '2026-01-15', '2026-01-21', ['ui']],
    ]);
  });

  void it('gives milestones forecast, target, slip, status and driving chain', () => {
    const beta = vm.milestones[0];
    assert.equal(beta?.date, '2026-01-23');
    assert.equal(beta?.target, '2026-01-21');
    assert.equal(beta?.slip, 2);
    assert.equal(beta?.status, 'slipping');
    assert.equal(beta?.ownerName, 'Bob <b>Stone</b>');
    assert.deepEqual(beta?.drivingChain, ['design', 'api']);
  });

  void it('lists dependency edges with type, lag and criticality', () => {
    assert.deepEqual(vm.dependencies, [
      { from: 'design', fromKind: 'task', to: 'api', type: 'FS', lagDays: 0, critical: true },
      { from: 'api', fromKind: 'task', to: 'ui', type: 'SS', lagDays: 3, critical: false },
      { from: 'api', fromKind: 'task', to: 'beta', type: 'FS', lagDays: 0, critical: true },
      { from: 'ui', fromKind: 'task', to: 'beta', type: 'FS', lagDays: 0, critical: false },
    ]);
    assert.deepEqual(vm.criticalPath, ['design', 'api', 'beta']);
  });

  void it('gives risks their score and band, and counts diagnostics', () => {
    const r = vm.risks[0];
    assert.equal(r?.score, 12);
    assert.equal(r?.band, 'high');
    assert.equal(r?.status, 'open');
    assert.deepEqual(r?.affects, ['api']);
    assert.deepEqual(vm.diagnosticsSummary, { errors: 0, warnings: 1 });
  });

  void it('is plain JSON', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(vm)), vm);
  });
});
