// Program: Pick Baseline — choose a tag or a recent commit (or none) and store
// it in `programAsCode.baseline` for this workspace folder.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CONFIG_SECTION } from '../ids';
import { activeProgramEditor } from '../program-document';
import { requestBaselineRevisions } from '../requests';

export async function pickBaseline(client: LanguageClient, revision?: unknown): Promise<void> {
  const uri = activeProgramEditor()?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a program file first: the baseline is read from the git repository that holds it.');
    return;
  }
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION, uri);
  let chosen = typeof revision === 'string' ? revision : undefined;
  if (chosen === undefined) {
    const { revisions, error } = await requestBaselineRevisions(client, uri);
    if (error) {
      void vscode.window.showWarningMessage(`No baseline to pick: ${error}`);
      return;
    }
    type Item = vscode.QuickPickItem & { revision: string };
    const items: Item[] = [
      { label: '$(circle-slash) No baseline', description: 'compare with nothing', revision: '' },
      ...revisions.map((r) => ({
        label: `${r.kind === 'tag' ? '$(tag)' : '$(git-commit)'} ${r.revision}`, description: r.date, detail: r.subject, revision: r.revision,
      })),
    ];
    const current = config.get<string>('baseline') ?? '';
    const pick = await vscode.window.showQuickPick(items, {
      title: 'Compare the program with…', placeHolder: current ? `Now: ${current}` : 'A tag or a recent commit', matchOnDescription: true, matchOnDetail: true,
    });
    if (!pick) return;
    chosen = pick.revision;
  }
  const target = vscode.workspace.getWorkspaceFolder(uri) ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  await config.update('baseline', chosen, target);
}
