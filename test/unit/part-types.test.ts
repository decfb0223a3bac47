// Each part compiles against only the globals it may use (ARCHITECTURE.md):
// a probe file that uses a forbidden global is compiled, in memory, with the
// part's own tsconfig.json and must fail; the same probe passes with the
// whole-tree config (which has every global), so the failure is the part's rule.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

/** Parsed library files, shared by every probe's program (parsing lib.dom.d.ts once, not twenty times). */
const parsed = new Map<string, ts.SourceFile | undefined>();

/** The diagnostics of `code` placed at `file` and compiled with the project at `projectDir`. */
function compileProbe(projectDir: string, file: string, code: string): string[] {
  const configPath = path.join(ROOT, projectDir, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  assert.equal(read.error, undefined, `${configPath} reads`);
  const config = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath));
  const probePath = path.join(ROOT, file);
  // Only the probe and what the config itself brings (libs, types, declared globals): no other source.
  const roots = [probePath, ...config.fileNames.filter((f) => f.endsWith('.d.ts'))];
  const host = ts.createCompilerHost(config.options);
  const original = { getSourceFile: host.getSourceFile, fileExists: host.fileExists, readFile: host.readFile };
  host.fileExists = (f) => f === probePath || original.fileExists(f);
  host.readFile = (f) => (f === probePath ? code : original.readFile(f));
  host.getSourceFile = (f, lang, ...rest) => {
    if (f === probePath) return ts.createSourceFile(f, code, lang);
    if (!parsed.has(f)) parsed.set(f, original.getSourceFile(f, lang, ...rest));
    return parsed.get(f);
  };
  const program = ts.createProgram(roots, { ...config.options, noEmit: true }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

interface Probe { readonly part: string; readonly file: string; readonly code: string; readonly expect: RegExp }

const PROBES: Probe[] = [
  { part: 'server/src/program', file: 'server/src/program/probe.ts', code: 'export const home = process.env.HOME;', expect: /Cannot find name 'process'/ },
  { part: 'server/src/program', file: 'server/src/program/probe.ts', code: 'export const title = document.title;', expect: /Cannot find name 'document'/ },
  { part: 'server/src/program', file: 'server/src/program/probe.ts', code: "export const bytes = Buffer.from('x');", expect: /Cannot find name 'Buffer'/ },
  { part: 'server/src/program', file: 'server/src/program/probe.ts', code: 'export const t = setTimeout(() => 0, 1);', expect: /Cannot find name 'setTimeout'/ },
  { part: 'server/src/view', file: 'server/src/view/probe.ts', code: "export const el = document.createElement('div');", expect: /Cannot find name 'document'/ },
  { part: 'server/src/view', file: 'server/src/view/probe.ts', code: 'export const cwd = process.cwd();', expect: /Cannot find name 'process'/ },
  { part: 'media', file: 'media/src/probe.ts', code: 'export const cwd = process.cwd();', expect: /Cannot find name 'process'/ },
  { part: 'media', file: 'media/src/probe.ts', code: "export const fs = require('fs');", expect: /Cannot find name 'require'/ },
  { part: 'client', file: 'client/src/probe.ts', code: 'export const title = document.title;', expect: /Cannot find name 'document'/ },
  { part: 'server', file: 'server/src/features/probe.ts', code: 'export const w = window.innerWidth;', expect: /Cannot find name 'window'/ },
];

describe('per-part type checks (each part\'s tsconfig.json)', () => {
  for (const probe of PROBES) {
    test(`${probe.part}: ${probe.code}`, () => {
      const inPart = compileProbe(probe.part, probe.file, probe.code);
      assert.ok(inPart.some((m) => probe.expect.test(m)), `expected ${probe.expect} from ${probe.part}/tsconfig.json, got ${JSON.stringify(inPart)}`);
      const whole = compileProbe('.', probe.file, probe.code);
      assert.deepEqual(whole.filter((m) => probe.expect.test(m)), [], 'the whole-tree config has every global, so only the part rejects it');
    });
  }

  test('the pure parts still have what every host offers (URL) and ECMAScript', () => {
    for (const part of ['server/src/program', 'server/src/view']) {
      assert.deepEqual(compileProbe(part, `${part}/probe.ts`, "export const u = new URL('a', 'file:///b/').href;\nexport const m = new Map<string, number>();"), []);
    }
  });

  test('the webview has the DOM and the client has Node and vscode', () => {
    assert.deepEqual(compileProbe('media', 'media/src/probe.ts', "export const el = document.createElement('div');"), []);
    assert.deepEqual(compileProbe('client', 'client/src/probe.ts', "import * as vscode from 'vscode';\nexport const cwd = process.cwd();\nexport const v = vscode.version;"), []);
  });
});
