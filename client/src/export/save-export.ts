// Where an export goes: an explicit target (tests, other extensions) or a save
// dialog that starts next to the program file with a sensible name.
import * as vscode from 'vscode';

/** `orion.program.yaml` + `.gantt.svg` → `orion.gantt.svg`, in the same folder. */
export function defaultExportUri(source: vscode.Uri, suffix: string): vscode.Uri {
  const base = source.path.split('/').pop() ?? 'program';
  const stem = base.replace(/\.program\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') || 'program';
  return vscode.Uri.joinPath(source, '..', `${stem}${suffix}`);
}

export async function saveExport(
  source: vscode.Uri, suffix: string, filters: Record<string, string[]>, content: string, target?: unknown,
): Promise<vscode.Uri | undefined> {
  const uri = target instanceof vscode.Uri
    ? target
    : await vscode.window.showSaveDialog({ defaultUri: defaultExportUri(source, suffix), filters });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  // Not awaited: the message stays until dismissed and the command is done.
  void vscode.window.showInformationMessage(`Exported ${vscode.workspace.asRelativePath(uri)}`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', uri);
  });
  return uri;
}
