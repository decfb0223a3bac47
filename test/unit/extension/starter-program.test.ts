// New Program's starter file: a clean program whatever the name.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeProgram } from '../../../server/src/program/analyze.js';
import { nextMonday, slugify, starterProgram } from '../../../client/src/commands/starter-program.js';
import { programFromYaml } from '../../helpers/program.js';

test('slugify makes a file-name-safe, never empty slug', () => {
  assert.equal(slugify('Orion: Data Platform!'), 'orion-data-platform');
  assert.equal(slugify('Café Übergang'), 'cafe-ubergang');
  assert.equal(slugify('???'), 'program');
});

test('the starter starts on the next Monday', () => {
  assert.equal(nextMonday(new Date('2026-11-26T10:00:00Z')), '2026-11-30');
  assert.equal(nextMonday(new Date('2026-11-30T10:00:00Z')), '2026-11-30');
});

for (const name of ['Orion', '2027 plan: "big" #1', 'line\nbreak']) {
  test(`the starter for ${JSON.stringify(name)} has no diagnostics`, () => {
    const analysis = analyzeProgram(programFromYaml(starterProgram(name, new Date('2026-11-26T00:00:00Z'))));
    assert.deepEqual(analysis.diagnostics.map((d) => `${d.code}: ${d.message}`), []);
    assert.notEqual(analysis.schedule.finish, null);
  });
}
