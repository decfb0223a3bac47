// The house's import rules are lint, not goodwill: for every row of
// ARCHITECTURE.md's table, a probe that breaks it fails the rule and a probe that
// keeps it passes, linted with the very config block eslint.config.mjs uses.
// Probes are linted as text with a file path inside the part; nothing is written.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
// eslint/boundaries.mjs is plain JavaScript; its exports are what eslint.config.mjs uses.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore no declaration file for the lint config module
import { boundariesConfig } from '../../eslint/boundaries.mjs';

const ROOT = path.resolve(__dirname, '../..');

const linter = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, boundariesConfig],
});

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await linter.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'house/boundaries' || m.fatal).map((m) => m.message);
}

interface Probe { readonly file: string; readonly code: string; readonly expect?: RegExp }

/** Each row: probes that must fail (with the reason shown) and probes that must pass. */
const ROWS: Record<string, { breaks: Probe[]; keeps: Probe[] }> = {
  core: {
    breaks: [
      { file: 'server/src/program/probe.ts', code: "import { readFileSync } from 'node:fs';", expect: /core may not import the Node built-in 'node:fs'/ },
      { file: 'server/src/program/probe.ts', code: "import fs from 'fs';", expect: /Node built-in 'fs'/ },
      { file: 'server/src/program/probe.ts', code: "const fs = require('fs/promises');", expect: /Node built-in/ },
      { file: 'server/src/program/probe.ts', code: "export async function f() { return import('node:child_process'); }", expect: /Node built-in/ },
      { file: 'server/src/program/probe.ts', code: "import { hover } from '../features/hover.js';", expect: /core .* may not import features/ },
      // Stepping around with `..` or an absolute path still names the same file.
      { file: 'server/src/program/running/probe.ts', code: "import { hover } from '../../program/../features/hover.js';", expect: /may not import features/ },
      { file: 'server/src/program/probe.ts', code: `import { hover } from '${path.join(ROOT, 'server/src/features/hover.js')}';`, expect: /may not import features/ },
      { file: 'server/src/program/probe.ts', code: "import type { ViewModel } from '../view/view-model.js';", expect: /may not import view-types/ },
      { file: 'server/src/program/probe.ts', code: "import { Connection } from 'vscode-languageserver';", expect: /package 'vscode-languageserver'/ },
      { file: 'server/src/program/probe.ts', code: "import * as vscode from 'vscode';", expect: /package 'vscode'/ },
      { file: 'server/src/program/probe.ts', code: "export * from '../workspace/workspace.js';", expect: /may not import workspace/ },
      { file: 'server/src/program/probe.ts', code: 'export async function f(name: string) { return import(name); }', expect: /computed name/ },
    ],
    keeps: [
      { file: 'server/src/program/probe.ts', code: "import { parseDocument } from 'yaml';\nimport { formatDate } from './dates.js';\nexport { parseDocument, formatDate };" },
      { file: 'server/src/program/forecast/probe.ts', code: "import type { Task } from '../types.js';\nexport type T = Task;" },
    ],
  },
  'view types': {
    breaks: [{ file: 'server/src/view/view-model.ts', code: "import type { Task } from '../program/types.js';\nexport type T = Task;", expect: /view-model types import nothing/ }],
    keeps: [{ file: 'server/src/view/view-model.ts', code: 'export interface ViewTask { readonly id: string }' }],
  },
  'webview protocol': {
    breaks: [{ file: 'server/src/view/webview-protocol.ts', code: "import { formatDate } from '../program/dates.js';", expect: /webview-protocol .* may not import core/ }],
    keeps: [{ file: 'server/src/view/webview-protocol.ts', code: "import type { ViewModel } from './view-model.js';\nexport type M = ViewModel;" }],
  },
  view: {
    breaks: [
      { file: 'server/src/view/probe.ts', code: "import { createHash } from 'node:crypto';", expect: /view may not import the Node built-in/ },
      { file: 'server/src/view/probe.ts', code: "import { hover } from '../features/hover.js';", expect: /view .* may not import features/ },
      { file: 'server/src/view/probe.ts', code: "import { gitRevisions } from '../node/git-source.js';", expect: /view .* may not import node/ },
    ],
    keeps: [{ file: 'server/src/view/probe.ts', code: "import { formatDate } from '../program/dates.js';\nimport type { ViewModel } from './view-model.js';\nexport { formatDate };\nexport type M = ViewModel;" }],
  },
  node: {
    breaks: [{ file: 'server/src/node/probe.ts', code: "import { Workspace } from '../workspace/workspace.js';", expect: /node .* may not import workspace/ }],
    keeps: [{ file: 'server/src/node/probe.ts', code: "import { readFileSync } from 'node:fs';\nimport { loadProgram } from '../program/load.js';\nexport { readFileSync, loadProgram };" }],
  },
  features: {
    breaks: [
      { file: 'server/src/features/probe.ts', code: "import { readFileSync } from 'node:fs';", expect: /features may not import the Node built-in/ },
      { file: 'server/src/features/probe.ts', code: "import { Workspace } from '../workspace/workspace.js';", expect: /features .* may not import workspace/ },
      { file: 'server/src/features/probe.ts', code: "import { createConnection } from 'vscode-languageserver/node.js';", expect: /package 'vscode-languageserver'/ },
    ],
    keeps: [{ file: 'server/src/features/probe.ts', code: "import type { Hover } from 'vscode-languageserver-types';\nimport { formatDate } from '../program/dates.js';\nexport type H = Hover;\nexport { formatDate };" }],
  },
  workspace: {
    breaks: [{ file: 'server/src/workspace/probe.ts', code: "import { main } from '../cli/main.js';", expect: /workspace .* may not import cli/ }],
    keeps: [{ file: 'server/src/workspace/probe.ts', code: "import { TextDocument } from 'vscode-languageserver-textdocument';\nimport { hover } from '../features/hover.js';\nexport { TextDocument, hover };" }],
  },
  cli: {
    breaks: [
      { file: 'server/src/cli/probe.ts', code: "import { hover } from '../features/hover.js';", expect: /cli .* may not import features/ },
      { file: 'server/src/cli/probe.ts', code: "import { createConnection } from 'vscode-languageserver/node.js';", expect: /cli may not import the package/ },
    ],
    keeps: [{ file: 'server/src/cli/probe.ts', code: "import { readFileSync } from 'node:fs';\nimport { formatDate } from '../program/dates.js';\nexport { readFileSync, formatDate };" }],
  },
  protocol: {
    breaks: [{ file: 'server/src/protocol.ts', code: "import { dependencyList } from './features/dependency-list.js';\nexport { dependencyList };", expect: /protocol may import only types from features/ }],
    keeps: [{ file: 'server/src/protocol.ts', code: "import { RequestType } from 'vscode-languageserver-protocol';\nimport type { DependencyItem } from './features/dependency-list.js';\nexport { RequestType };\nexport type D = DependencyItem;" }],
  },
  server: {
    breaks: [{ file: 'server/src/server.ts', code: "import { main } from './cli/main.js';", expect: /server .* may not import cli/ }],
    keeps: [{ file: 'server/src/server.ts', code: "import { createConnection } from 'vscode-languageserver/node.js';\nimport { hover } from './features/hover.js';\nexport { createConnection, hover };" }],
  },
  client: {
    breaks: [
      { file: 'client/src/probe.ts', code: "import { formatDate } from '../../server/src/program/dates';", expect: /client .* may not import core/ },
      { file: 'client/src/preview/probe.ts', code: "import { ganttSvg } from '../../../server/src/view/gantt-svg';", expect: /client .* may not import view/ },
      { file: 'client/src/probe.ts', code: "import { Workspace } from '../../server/src/workspace/workspace';", expect: /client .* may not import workspace/ },
      { file: 'client/src/probe.ts', code: "import { main } from '../../server/src/server';", expect: /client may import only server\/src\/node-options.ts/ },
      { file: 'client/src/probe.ts', code: "import mermaid from 'mermaid';", expect: /client may not import the package 'mermaid'/ },
    ],
    keeps: [{ file: 'client/src/probe.ts', code: "import * as vscode from 'vscode';\nimport { ViewModelRequest } from '../../server/src/protocol';\nimport type { ViewModel } from '../../server/src/view/view-model';\nimport { SERVER_NODE_ARGS } from '../../server/src/node-options';\nexport { vscode, ViewModelRequest, SERVER_NODE_ARGS };\nexport type M = ViewModel;" }],
  },
  webview: {
    breaks: [
      { file: 'media/src/probe.ts', code: "import { readFileSync } from 'node:fs';", expect: /webview may not import the Node built-in/ },
      { file: 'media/src/gantt/probe.ts', code: "import { formatDate } from '../../../server/src/program/dates.js';", expect: /webview .* may not import core/ },
      { file: 'media/src/probe.ts', code: "import * as vscode from 'vscode';", expect: /webview may not import the package 'vscode'/ },
      { file: 'media/src/probe.ts', code: "import { ViewModelRequest } from '../../server/src/protocol.js';", expect: /webview .* may not import protocol/ },
    ],
    keeps: [{ file: 'media/src/probe.ts', code: "import mermaid from 'mermaid';\nimport type { ViewModel } from '../../server/src/view/view-model.js';\nimport { ganttSvg } from '../../server/src/view/gantt-svg.js';\nexport { mermaid, ganttSvg };\nexport type M = ViewModel;" }],
  },
};

describe('import boundaries (eslint/boundaries.mjs)', () => {
  for (const [row, { breaks, keeps }] of Object.entries(ROWS)) {
    test(`${row}: a probe that breaks the row fails lint, with the reason`, async () => {
      for (const probe of breaks) {
        const errors = await boundaryErrors(probe.file, probe.code);
        assert.equal(errors.length, 1, `${probe.file}: ${probe.code}\n→ ${JSON.stringify(errors)}`);
        assert.match(errors[0] ?? '', probe.expect ?? /./, `${probe.file}: ${probe.code}`);
      }
    });
    test(`${row}: a probe that keeps the row passes`, async () => {
      for (const probe of keeps) {
        assert.deepEqual(await boundaryErrors(probe.file, probe.code), [], `${probe.file}: ${probe.code}`);
      }
    });
  }

  test('tests, benches and scripts may import anything', async () => {
    assert.deepEqual(await boundaryErrors('test/unit/probe.ts', "import { readFileSync } from 'node:fs';\nimport { hover } from '../../server/src/features/hover.js';\nexport { readFileSync, hover };"), []);
  });

  test('the repository config applies the rule to every part', async () => {
    const real = new ESLint({ cwd: ROOT });
    for (const file of ['server/src/program/parse.ts', 'server/src/view/view-model.ts', 'server/src/features/hover.ts', 'server/src/workspace/workspace.ts',
      'server/src/cli/main.ts', 'server/src/node/git-source.ts', 'server/src/server.ts', 'server/src/protocol.ts', 'client/src/extension.ts', 'media/src/main.ts']) {
      const config = await real.calculateConfigForFile(path.join(ROOT, file)) as { rules?: Record<string, unknown> };
      const setting = config.rules?.['house/boundaries'];
      assert.ok(Array.isArray(setting) ? setting[0] === 2 || setting[0] === 'error' : setting === 2 || setting === 'error', `${file}: house/boundaries is ${JSON.stringify(setting)}`);
    }
  });
});
