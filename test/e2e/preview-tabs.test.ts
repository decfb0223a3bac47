// The preview's Forecast and Resources tabs in a real VS Code, used as a TPM
// uses them: open a program, open its preview, switch tabs with a click, read
// what is drawn, and click through to a definition. The clicks happen inside
// the webview, which the extension host cannot reach, so the code-server
// harness performs them (helpers.ts inWebview); under test-electron, which has
// no such harness, the suite is skipped.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProgramAsCodeApi } from '../../client/src/extension';
import { Commands } from '../../client/src/ids';
import { canDriveWebviews, inWebview, openProgram, requestScreenshot, waitFor } from './helpers';

const EXTENSION_ID = 'program-as-code.program-as-code';
const ODDS = ['odds', 'odds.program.yaml'];
/** The Status tab's hand-computed fixture (test/fixtures/status, see test/webview/status.test.ts). */
const LUMEN = ['lumen', 'lumen.program.yaml'];

/** Opens a program (the odds one unless named) with its preview beside it, drawn, and the cursor at the top of the file. */
async function programWithPreview(api: ProgramAsCodeApi, file = ODDS): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const editor = await openProgram(...file);
  const uri = editor.document.uri.toString();
  const before = api.preview.lastRender()?.at ?? 0;
  await vscode.commands.executeCommand(Commands.openPreviewToSide);
  await waitFor(`the preview of ${file[1]} to render`, () => {
    const r = api.preview.lastRender();
    return r && r.uri === uri && r.at > before;
  }, 60_000);
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor;
}

/** Waits until the active editor shows the program (odds unless named) with exactly `text` selected, on its definition. */
async function selectionIs(text: string, file = ODDS): Promise<void> {
  const editor = await waitFor(`the editor to select ${text}`, () => {
    const e = vscode.window.activeTextEditor;
    return e && e.document.uri.path.endsWith(`/${file.join('/')}`) && e.document.getText(e.selection) === text && e;
  });
  const definition = new RegExp(`(- |\\{ )id: ${text}\\b`);
  assert.equal(editor.selection.start.line, editor.document.getText().split('\n').findIndex((l) => definition.test(l)), `the selection is on ${text}'s definition`);
}

suite('Preview tabs in VS Code: Forecast, Resources and Status', () => {
  let api: ProgramAsCodeApi;

  suiteSetup(async function () {
    if (!canDriveWebviews()) this.skip();
    const ext = vscode.extensions.getExtension<ProgramAsCodeApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in this VS Code`);
    await openProgram(...ODDS);
    api = await waitFor('the extension to activate', () => ext.isActive && ext.exports);
    await waitFor('the language server to run', () => api.client.isRunning());
  });

  test('Forecast tab: the curve with its percentile labels, and a tornado bar that goes to the task', async () => {
    await programWithPreview(api);
    const [, labels = [], drivers = []] = await inWebview('open the Forecast tab and wait for the curves and the tornado', [
      { click: 'button.tab[data-tab="forecast"]' },
      // Two curves (the finish and the milestone beta), each labelled P10, P50, P80 and P90.
      { wait: '.fc-card .s-curve text.fc-pct-label', count: 8 },
      { wait: '.fc-drivers .fc-driver.fc-task', count: 2 },
    ]);
    await waitFor('the preview to report the Forecast tab', () => api.preview.lastRender()?.tab === 'forecast');
    for (const label of labels) assert.match(label, /^P(10|50|80|90) \d{4}-\d\d-\d\d$/);
    // The same forecast as `program-as-code forecast` (the file's 2,000 iterations and seed 3): finish P80 2026-03-31.
    assert.equal(labels.filter((l) => l === 'P80 2026-03-31').length, 2, `labels: ${labels.join(', ')}`);
    assert.match(drivers[0] ?? '', /^apiBuild the API/, 'the API task drives the finish most');
    await requestScreenshot('e2e-forecast');

    await inWebview('click the API task\'s tornado bar', [{ click: '.fc-driver.fc-task[data-id="api"]' }]);
    await selectionIs('api');
  });

  test('Resources tab: a click on a week lists its tasks, and a task goes to its definition', async () => {
    await programWithPreview(api);
    const [, , title = [], tasks = []] = await inWebview('open the Resources tab and click Ana\'s first week', [
      { click: 'button.tab[data-tab="resources"]' },
      { click: '.res-row[data-row="ana"] .res-cell[data-week="0"]' },
      { wait: '.res-details .res-details-title', text: 'week of 2026-03-02' },
      { wait: '.res-details a[data-reveal]' },
    ]);
    await waitFor('the preview to report the Resources tab', () => api.preview.lastRender()?.tab === 'resources');
    assert.deepEqual(title, ['Ana Lima (ana) · week of 2026-03-02']);
    assert.deepEqual(tasks, ['Design the API'], 'Ana designs the API in her first week');

    await inWebview('click the task behind the week', [{ click: '.res-details a[data-reveal="design"]' }]);
    await selectionIs('design');
  });

  test('Status tab: the report live, P80 once the forecast worker is done, and an id goes to its definition', async () => {
    await programWithPreview(api, LUMEN);
    const [, head, overall, , gaRow] = await inWebview('open the Status tab and wait for its P80', [
      { click: 'button.tab[data-tab="status"]' },
      { wait: '.status-head h1', text: '^Lumen Launch: status on 2026-01-16$' },
      { wait: '.overall .rag' },
      // The report is built in the server's worker; P80 comes once the forecast worker is done (the tab asks again).
      { wait: '.milestones-status tr td', text: '^2026-02-04$' },
      { wait: '.milestones-status tr', text: 'General availability' },
    ]);
    await waitFor('the preview to report the Status tab', () => api.preview.lastRender()?.tab === 'status');
    assert.deepEqual(head, ['Lumen Launch: status on 2026-01-16']);
    assert.deepEqual(overall, ['Red'], 'over budget at completion: red, as `report` says');
    assert.ok((gaRow ?? []).some((r) => /General availability.*2026-01-30.*2026-01-30.*2026-02-04/s.test(r)), `ga's row: ${JSON.stringify(gaRow)}`);
    await requestScreenshot('e2e-status');

    await inWebview('click ga in the Status tab', [{ click: '.milestones-status a[data-reveal="ga"]' }]);
    await selectionIs('ga', LUMEN);
  });
});
