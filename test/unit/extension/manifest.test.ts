// package.json and the client agree: every command the code registers is
// contributed (with the "Program" category) and the other way round; the
// contributed grammar, snippets and schema files exist.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { Commands } from '../../../client/src/ids.js';
import { CODES } from '../../../server/src/program/codes.js';

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; category?: string }[];
    grammars: { path: string }[];
    snippets: { path: string }[];
    yamlValidation: { url: string }[];
    configuration: { properties: Record<string, { scope?: string; markdownDescription?: string; propertyNames?: { enum: string[] } }> };
  };
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

test('contributed commands and registered commands are the same set', () => {
  const contributed = pkg.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(contributed, Object.values(Commands).sort());
  for (const c of pkg.contributes.commands) assert.equal(c.category, 'Program', c.command);
});

test('activation is lazy: program files and the preview only', () => {
  assert.deepEqual(pkg.activationEvents, ['onLanguage:program-yaml', 'onWebviewPanel:programAsCode.preview']);
});

test('every setting has a scope and a markdownDescription', () => {
  for (const [key, s] of Object.entries(pkg.contributes.configuration.properties)) {
    assert.ok(s.scope, `${key} scope`);
    assert.ok(s.markdownDescription, `${key} markdownDescription`);
  }
});

test('the severity setting offers exactly the diagnostic codes', () => {
  const names = pkg.contributes.configuration.properties['programAsCode.diagnostics.severity']?.propertyNames?.enum;
  assert.deepEqual([...(names ?? [])].sort(), Object.keys(CODES).sort());
});

test('contributed files exist', () => {
  const c = pkg.contributes;
  for (const p of [...c.grammars.map((g) => g.path), ...c.snippets.map((s) => s.path), ...c.yamlValidation.map((y) => y.url)]) {
    assert.ok(existsSync(p), p);
  }
});
