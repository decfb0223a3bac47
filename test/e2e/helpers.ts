// Small helpers for the e2e suite: poll instead of sleeping, find fixtures,
// talk to the harness.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e; // the server may still be starting; keep polling
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e run needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function openProgram(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(doc);
}

/** The position of the `occurrence`-th `needle` in the document, `offset` characters in. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0, occurrence = 1): vscode.Position {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = doc.getText().indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" #${occurrence} not found in ${doc.uri.path}`);
  }
  return doc.positionAt(index + offset);
}

export function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('programAsCode.preview'));
}

/**
 * Asks the harness for a screenshot of the workbench as it is now, and waits
 * until it is taken. Without a harness (test-electron) this does nothing.
 */
export async function requestScreenshot(name: string): Promise<void> {
  const dir = process.env.PAC_E2E_SIGNAL_DIR;
  if (!dir) return;
  const done = path.join(dir, `${name}.done`);
  console.log(`E2E_SCREENSHOT ${name}`);
  await waitFor(`the harness to take screenshot ${name}`, () => fs.existsSync(done), 30_000);
}

/** A step the harness runs in the preview's webview (scripts/e2e/webview-steps.mjs). */
export type WebviewStep = { wait: string; count?: number; text?: string } | { click: string };

/** Whether a harness can act in webviews (the code-server one can; test-electron cannot). */
export function canDriveWebviews(): boolean {
  return Boolean(process.env.PAC_E2E_SIGNAL_DIR);
}

let stepRequests = 0;

/**
 * Asks the harness to run `steps` in the preview's webview, as a user's
 * pointer would, and returns each step's matched texts. Fails with the
 * harness's reason (a selector that never matched, and what did).
 */
export async function inWebview(what: string, steps: readonly WebviewStep[]): Promise<string[][]> {
  const dir = process.env.PAC_E2E_SIGNAL_DIR;
  assert.ok(dir, 'no harness to act in the webview (canDriveWebviews() is false)');
  const name = `webview-${++stepRequests}`;
  const file = path.join(dir, `${name}.json`);
  console.log(`E2E_WEBVIEW ${name} ${JSON.stringify(steps)}`);
  const answer = await waitFor(`the harness to ${what}`, () => fs.existsSync(file) && JSON.parse(fs.readFileSync(file, 'utf8')) as { ok: boolean; results?: string[][]; error?: string }, 150_000);
  assert.ok(answer.ok, `${what}: ${answer.error ?? 'failed'}`);
  return answer.results ?? [];
}
