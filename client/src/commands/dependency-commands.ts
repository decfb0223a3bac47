// Go to Dependents / Go to Dependencies (a quick pick with names and dates,
// then reveal the pick), and the code lens click that peeks at dependents.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activeProgramEditor } from '../program-document';
import { requestDependencyList } from '../requests';
import type { DependencyDirection, DependencyItem } from '../requests';

interface DependencyPick extends vscode.QuickPickItem {
  readonly item: DependencyItem;
}

function dates(item: DependencyItem): string {
  if (item.start && item.end && item.start !== item.end) return `${item.start} → ${item.end}`;
  return item.end ?? item.start ?? 'no dates';
}

export function toPick(item: DependencyItem): DependencyPick {
  return { label: item.name ?? item.id, description: `${item.id} · ${item.kind}`, detail: dates(item), item };
}

async function reveal(client: LanguageClient, item: DependencyItem): Promise<void> {
  const location = client.protocol2CodeConverter.asLocation(item.location);
  const editor = await vscode.window.showTextDocument(location.uri, { preserveFocus: false });
  editor.selection = new vscode.Selection(location.range.start, location.range.end);
  editor.revealRange(location.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The palette commands: list for the item under the cursor, pick one, go there. Resolves to the picked id. */
export async function goToDependencyList(client: LanguageClient, direction: DependencyDirection): Promise<string | undefined> {
  const editor = activeProgramEditor();
  if (!editor) {
    void vscode.window.showInformationMessage('Open a program file and put the cursor on a task or milestone.');
    return undefined;
  }
  const items = await requestDependencyList(client, direction, editor.document.uri, editor.selection.active);
  if (items.length === 0) {
    void vscode.window.showInformationMessage(direction === 'dependents'
      ? 'Nothing depends on the item under the cursor.'
      : 'The item under the cursor has no dependencies (or the cursor is not on a task or milestone).');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items.map(toPick), {
    title: direction === 'dependents' ? 'Dependents' : 'Dependencies',
    placeHolder: 'Go to…',
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  await reveal(client, picked.item);
  return picked.item.id;
}

/** Code lens click: `[uri, {line, character}, id]` from the server; peeks at the dependents in place. */
export async function showDependents(client: LanguageClient, uri: unknown, position: unknown): Promise<void> {
  if (typeof uri !== 'string' || !position || typeof position !== 'object') return;
  const docUri = vscode.Uri.parse(uri);
  const pos = client.protocol2CodeConverter.asPosition(position as { line: number; character: number });
  const items = await requestDependencyList(client, 'dependents', docUri, pos);
  const locations = items.map((i) => client.protocol2CodeConverter.asLocation(i.location));
  // showReferences with an empty list still opens the peek and says "No references".
  await vscode.commands.executeCommand('editor.action.showReferences', docUri, pos, locations);
}
