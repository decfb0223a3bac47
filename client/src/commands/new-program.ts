// New Program: ask for a name, write `<slug>.program.yaml` into the workspace
// folder (never over an existing file) and open it.
import * as vscode from 'vscode';
import { slugify, starterProgram } from './starter-program';

async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for the new program' }))?.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `name` skips the input box (tests, other extensions). Resolves to the new file. */
export async function newProgram(name?: unknown): Promise<vscode.Uri | undefined> {
  const title = typeof name === 'string' ? name : await vscode.window.showInputBox({
    title: 'New Program',
    prompt: 'Program name',
    placeHolder: 'e.g. Orion - data platform migration',
    validateInput: (v) => (v.trim() ? undefined : 'Give the program a name.'),
  });
  if (!title?.trim()) return undefined;
  const folder = await chooseFolder();
  if (!folder) {
    // No folder open: an untitled buffer still gets the language and the server.
    const doc = await vscode.workspace.openTextDocument({ language: 'program-yaml', content: starterProgram(title, new Date()) });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  const uri = vscode.Uri.joinPath(folder, `${slugify(title)}.program.yaml`);
  if (await exists(uri)) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} already exists.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterProgram(title, new Date())));
  await vscode.window.showTextDocument(uri);
  return uri;
}
