// The extension in a real VS Code, driven through VS Code's own API: the
// language features come from the bundled server over IPC, the commands from
// package.json. Runs in the extension host under @vscode/test-electron or the
// code-server harness (scripts/e2e/). Waits always poll, never sleep.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ProgramAsCodeApi } from '../../client/src/extension';
import { Commands } from '../../client/src/ids';
import { openProgram, positionOf, previewTabs, readText, requestScreenshot, waitFor, workspaceUri } from './helpers';

const EXTENSION_ID = 'program-as-code.program-as-code';
const TINY = ['tiny', 'tiny.program.yaml'];
const WORK = ['tiny', 'parts', 'work.program.yaml'];

let api: ProgramAsCodeApi;

/** Runs a command that shows a quick pick and accepts the first item as a user would. */
async function runAndAcceptQuickPick<T>(command: string): Promise<T> {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command)).finally(() => { settled = true; });
  await waitFor(`${command} to open its quick pick and accept`, async () => {
    if (settled) return true;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return settled;
  });
  return result;
}

/** The pids of our language server: children of this extension host running dist/server.js. */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid (after the parenthesised command name).
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((a) => a.endsWith('dist/server.js'))) pids.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function positionRange(doc: vscode.TextDocument, needle: string): vscode.Range {
  const start = positionOf(doc, needle);
  return new vscode.Range(start, start.translate(0, needle.length));
}

suite('Program as Code in VS Code', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<ProgramAsCodeApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in this VS Code`);
    // The harness installs the packaged .vsix; make sure that copy is what runs, not the sources.
    const installedIn = process.env.PAC_E2E_INSTALLED_IN;
    console.log(`extension under test: ${ext.extensionUri.fsPath}`);
    if (installedIn) assert.ok(ext.extensionUri.fsPath.startsWith(`${installedIn}/`), `the extension runs from ${ext.extensionUri.fsPath}, not from the installed .vsix in ${installedIn}`);
    // Activation is lazy (no `*`, no workspaceContains): opening a program file is what triggers it.
    assert.equal(ext.isActive, false, 'the extension activated before any program file was opened');
    await openProgram(...TINY);
    try {
      api = await waitFor('the extension to activate on a program file', () => ext.isActive && ext.exports);
    } catch (e) {
      await ext.activate(); // rethrows the activation error itself, which says more than the timeout
      throw e;
    }
    await waitFor('the language server to start', () => api.client.isRunning());
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  test('program files get the program-yaml language', async () => {
    const editor = await openProgram(...WORK);
    assert.equal(editor.document.languageId, 'program-yaml');
    assert.ok((await vscode.languages.getLanguages()).includes('program-yaml'));
  });

  test('diagnostics appear for a broken file, follow settings, and clear when fixed', async () => {
    const uri = workspaceUri('broken.program.yaml');
    const text = [
      'version: 1',
      'program: { id: broken, name: Broken, start: 2026-03-02 }',
      'workstreams:',
      '  - id: ws',
      '    name: Work',
      '    tasks:',
      '      - { id: a, name: A, duration: 2d, depends_on: [nope] }',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(uri);
    const unknownRef = (severity: vscode.DiagnosticSeverity) => () => vscode.languages.getDiagnostics(uri)
      .find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'unknown-reference' && d.severity === severity);
    const diag = await waitFor('an unknown-reference error', unknownRef(vscode.DiagnosticSeverity.Error));
    assert.equal(editor.document.getText(diag.range), 'nope');

    // A settings change takes effect without a reload.
    const config = vscode.workspace.getConfiguration('programAsCode');
    await config.update('diagnostics.severity', { 'unknown-reference': 'warning' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the severity override to apply', unknownRef(vscode.DiagnosticSeverity.Warning));
    } finally {
      await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Workspace);
    }

    const fix = new vscode.WorkspaceEdit();
    fix.replace(uri, diag.range, 'a2');
    fix.insert(uri, new vscode.Position(7, 0), '      - { id: a2, name: A2, duration: 1d }\n');
    assert.ok(await vscode.workspace.applyEdit(fix));
    try {
      await waitFor('the diagnostics to clear', () => vscode.languages.getDiagnostics(uri).length === 0);
    } catch (e) {
      throw new Error(`${String(e)}; still: ${vscode.languages.getDiagnostics(uri).map((d) => d.message).join(' | ')}`);
    }
  });

  test('completion offers ids in depends_on', async () => {
    const editor = await openProgram(...TINY);
    const pos = positionOf(editor.document, 'depends_on: [build]', 'depends_on: ['.length);
    const list = await waitFor('completion items', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, pos);
      return l.items.length > 0 && l;
    });
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('design'), `completion labels: ${labels.join(', ')}`);
  });

  test('hover shows the task with its dates', async () => {
    const editor = await openProgram(...TINY);
    const pos = positionOf(editor.document, '[build]', 2);
    const hovers = await waitFor('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
      return h.length > 0 && h;
    });
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /Build it/);
    assert.match(text, /2026-\d\d-\d\d/);
  });

  test('definition jumps across files', async () => {
    const editor = await openProgram(...TINY);
    const pos = positionOf(editor.document, '[build]', 2);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, pos);
    assert.equal(defs.length, 1);
    const def = defs[0] as vscode.Location | vscode.LocationLink;
    const uri = 'targetUri' in def ? def.targetUri : def.uri;
    const range = 'targetUri' in def ? (def.targetSelectionRange ?? def.targetRange) : def.range;
    assert.ok(uri.path.endsWith('/parts/work.program.yaml'), uri.toString());
    const target = await vscode.workspace.openTextDocument(uri);
    assert.equal(target.getText(range), 'build');
  });

  test('references find every use of an id', async () => {
    const editor = await openProgram(...WORK);
    const pos = positionOf(editor.document, 'id: build', 4);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, pos);
    const files = new Set(refs.map((r) => r.uri.path.split('/').pop()));
    assert.ok(refs.length >= 3, `expected definition + milestone + risk, got ${refs.length}`);
    assert.deepEqual([...files].sort(), ['tiny.program.yaml', 'work.program.yaml']);
  });

  test('code lenses show dates and dependents, and their command peeks', async () => {
    const editor = await openProgram(...WORK);
    const lenses = await waitFor('code lenses', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
      return l.length >= 2 && l;
    });
    const design = lenses.find((l) => l.range.start.line === positionOf(editor.document, 'id: design').line);
    assert.ok(design?.command, 'a lens on the design task');
    assert.equal(design.command.command, Commands.showDependents);
    assert.match(design.command.title, /ends 2026-\d\d-\d\d .*1 dependent/);
    await vscode.commands.executeCommand(design.command.command, ...(design.command.arguments ?? []));
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  test('call hierarchy lists incoming dependents', async () => {
    const editor = await openProgram(...WORK);
    const pos = positionOf(editor.document, 'id: design', 4);
    const items = await vscode.commands.executeCommand<vscode.CallHierarchyItem[]>('vscode.prepareCallHierarchy', editor.document.uri, pos);
    assert.equal(items.length, 1);
    const item = items[0] as vscode.CallHierarchyItem;
    const incoming = await vscode.commands.executeCommand<vscode.CallHierarchyIncomingCall[]>('vscode.provideIncomingCalls', item);
    assert.deepEqual(incoming.map((c) => c.from.name).filter((n) => /build|Build/.test(n)).length, 1, JSON.stringify(incoming.map((c) => c.from.name)));
  });

  test('every contributed command is registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } })
      .contributes.commands.map((c) => c.command);
    assert.deepEqual(contributed.filter((c) => !all.has(c)), []);
    assert.deepEqual(Object.values(Commands).filter((c) => !contributed.includes(c)), []);
  });

  test('the status bar shows the finish and slipping milestones', async () => {
    await openProgram(...TINY);
    const text = await waitFor('the status bar item', () => api.statusBar.text?.includes('finish') && api.statusBar.text);
    assert.match(text, /^\$\(calendar\) finish 2026-\d\d-\d\d · \d+ slipping$/);
  });

  test('Open Preview opens the preview and it renders', async () => {
    const editor = await openProgram(...TINY);
    const before = api.preview.lastRender()?.at ?? 0;
    await vscode.commands.executeCommand(Commands.openPreview);
    await waitFor('a preview tab', () => previewTabs().length > 0);
    const render = await waitFor('the preview to report a render', () => {
      const r = api.preview.lastRender();
      return r && r.at > before && r.uri === editor.document.uri.toString() && r;
    });
    assert.equal(render.tasks, 2, 'the Gantt drew both tasks');
    await vscode.commands.executeCommand(Commands.showCriticalPath, editor.document.uri);
  });

  test('Open Preview to the Side puts it beside the editor', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openProgram(...TINY);
    const before = api.preview.lastRender()?.at ?? 0;
    await vscode.commands.executeCommand(Commands.openPreviewToSide);
    await waitFor('a preview tab beside the editor', () => previewTabs().find((t) => t.group.viewColumn !== editor.viewColumn));
    await waitFor('the side preview to render', () => (api.preview.lastRender()?.at ?? 0) > before);
    // The artifact: the program's source with the status bar, and its preview beside it.
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await waitFor('the status bar item', () => api.statusBar.text?.includes('finish'));
    await requestScreenshot('e2e-workbench');
  });

  test('Export Gantt and Dependency Graph write SVG files', async () => {
    const source = workspaceUri(...TINY);
    for (const [command, name] of [[Commands.exportGanttSvg, 'gantt.svg'], [Commands.exportGraphSvg, 'graph.svg']] as const) {
      const target = workspaceUri('exports', name);
      const written = await vscode.commands.executeCommand<vscode.Uri>(command, source, target);
      assert.equal(written?.toString(), target.toString());
      const svg = await readText(target);
      assert.match(svg, /<svg[\s>]/, `${name} is an SVG`);
      assert.match(svg, /Build it|build/, `${name} shows the tasks`);
    }
  });

  test('Export Risk Register writes a safe CSV', async () => {
    const target = workspaceUri('exports', 'risks.csv');
    await vscode.commands.executeCommand(Commands.exportRiskCsv, workspaceUri(...TINY), target);
    const lines = (await readText(target)).split('\r\n');
    assert.equal(lines[0], 'id,title,probability,impact,score,band,status,owner,mitigation,contingency,affects,review_by');
    assert.ok(lines[1]?.startsWith('R-formula,A mitigation that looks like a spreadsheet formula,4,4,16,'), lines[1]);
    assert.ok(lines[1]?.includes(',Ana Lima,"\'=HYPERLINK(""http://example.invalid"",""click"")","Plan B, with a comma and ""quotes""",build,'), lines[1]);
  });

  test('Copy as Mermaid puts a Gantt and a flowchart on the clipboard', async () => {
    const markdown = await vscode.commands.executeCommand<string>(Commands.copyAsMermaid, workspaceUri(...TINY));
    assert.match(markdown, /```mermaid\ngantt\n/);
    assert.match(markdown, /```mermaid\nflowchart LR\n/);
    assert.ok(markdown.includes('Release#58; v1#59; #35;1 :milestone'), 'the milestone name is escaped');
    assert.match(markdown, /Build it :crit, 2026-03-05, 2026-03-12/);
  });

  test('Go to Dependencies and Go to Dependents pick and reveal', async () => {
    let editor = await openProgram(...WORK);
    const buildPos = positionOf(editor.document, 'id: build', 4);
    editor.selection = new vscode.Selection(buildPos, buildPos);
    assert.equal(await runAndAcceptQuickPick<string>(Commands.goToDependencies), 'design');
    editor = vscode.window.activeTextEditor as vscode.TextEditor;
    assert.equal(editor.document.getText(editor.selection), 'design');

    assert.equal(await runAndAcceptQuickPick<string>(Commands.goToDependents), 'build');
    editor = vscode.window.activeTextEditor as vscode.TextEditor;
    assert.equal(editor.document.getText(editor.selection), 'build');
  });

  test('rename changes the id in every file', async () => {
    const editor = await openProgram(...WORK);
    const pos = positionOf(editor.document, 'id: build', 4);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, pos, 'build-v2');
    assert.equal(edit.entries().length, 2, 'edits in both files');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.workspace.saveAll(false);
    // Files touched by a refactoring but not open are saved by VS Code itself
    // (files.refactoring.autoSave), after applyEdit resolves: poll the disk.
    const [root = '', part = ''] = await waitFor('the renamed files on disk', async () => {
      const texts = [await readText(workspaceUri(...TINY)), await readText(workspaceUri(...WORK))];
      return texts.every((t) => t.includes('build-v2')) && texts;
    });
    assert.match(root, /depends_on: \[build-v2\]/);
    assert.match(root, /affects: \[build-v2\]/);
    assert.match(part, /- id: build-v2\n/);
    assert.doesNotMatch(root + part, /\bbuild\b(?!-v2)/);
  });

  test('New Program writes a starter file that checks clean', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.newProgram, 'E2E Demo: Q3');
    assert.ok(uri?.path.endsWith('/e2e-demo-q3.program.yaml'), uri?.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    await waitFor('the new program to be scheduled', () => api.statusBar.text?.includes('finish'));
    assert.deepEqual(vscode.languages.getDiagnostics(uri).map((d) => d.message), []);
  });

  test('the client restarts a killed server, and diagnostics, status bar and preview come back', async () => {
    const uri = workspaceUri('crash.program.yaml');
    const text = [
      'version: 1',
      'program: { id: crash, name: Crash, start: 2026-03-02 }',
      'workstreams:',
      '  - id: ws',
      '    name: Work',
      '    tasks:',
      '      - { id: a, name: A, duration: 2d, depends_on: [nope] }',
      '      - { id: b, name: B, duration: 1d, depends_on: [a] }',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(uri);
    const unknownRef = (name: string) => () => vscode.languages.getDiagnostics(uri)
      .find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'unknown-reference' && d.message.includes(`\`${name}\``));
    await waitFor('the unknown-reference error before the crash', unknownRef('nope'));
    await vscode.commands.executeCommand(Commands.openPreviewToSide);
    await waitFor('the preview of the crash program', () => api.preview.lastRender()?.uri === uri.toString());
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await waitFor('the status bar item', () => api.statusBar.text?.includes('finish'));

    const before = serverPids();
    assert.equal(before.length, 1, `one language server child of the extension host (${process.pid}): ${before.join(', ')}`);
    let republished = false;
    const watch = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && serverPids().some((p) => p !== before[0])) republished = true;
    });
    try {
      const killedAt = Date.now();
      process.kill(before[0]!, 'SIGKILL');
      const after = await waitFor('a new language server process', () => {
        const now = serverPids();
        return now.length === 1 && now[0] !== before[0] && api.client.isRunning() && now;
      }, 30_000);
      assert.notEqual(after[0], before[0]);
      // The new server publishes the broken file's diagnostics again, and the preview redraws from it.
      await waitFor('diagnostics republished by the new server', () => republished && unknownRef('nope')());
      await waitFor('the preview to redraw after the restart', () => {
        const r = api.preview.lastRender();
        return r && r.uri === uri.toString() && r.at > killedAt;
      });
      // It answers for the text as edited now, and the status bar follows.
      const finishBefore = api.statusBar.text;
      const fix = new vscode.WorkspaceEdit();
      fix.replace(uri, positionRange(editor.document, 'nope'), 'nope2');
      fix.replace(uri, positionRange(editor.document, 'duration: 1d'), 'duration: 9d');
      assert.ok(await vscode.workspace.applyEdit(fix));
      await waitFor('diagnostics of the edit after the restart', unknownRef('nope2'));
      await waitFor('the status bar to show the new finish', () => api.statusBar.text?.includes('finish') && api.statusBar.text !== finishBefore);
    } finally {
      watch.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('Restart Language Server brings the features back', async () => {
    await vscode.commands.executeCommand(Commands.restartServer);
    const editor = await openProgram(...TINY);
    const pos = positionOf(editor.document, 'id: release', 4);
    await waitFor('hover after the restart', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
      return h.length > 0;
    });
  });
});
