// Which document a command is about: an explicit URI argument (menus, code
// lenses, tests) wins over the active editor.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './ids';

export function isProgramDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === LANGUAGE_ID;
}

export function activeProgramEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && isProgramDocument(editor.document) ? editor : undefined;
}

/** The program file a command should act on, or undefined after telling the user why not. */
export function targetProgramUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  const editor = activeProgramEditor();
  if (editor) return editor.document.uri;
  void vscode.window.showInformationMessage('Open a program file (*.program.yaml) first.');
  return undefined;
}
