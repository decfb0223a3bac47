// Entry point: activate wires the language client, the preview, the commands
// and the status bar; deactivate stops the server. Each piece lives in its own
// module; this file only assembles them.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands/register-commands';
import { createLanguageClient } from './language-client';
import { PreviewManager, registerPreviewSerializer } from './preview/preview-panel';
import { ProgramStatusBar } from './status-bar';

let client: LanguageClient | undefined;

/** What activate returns: the e2e suite reads it through `extension.exports`. */
export interface ProgramAsCodeApi {
  readonly client: LanguageClient;
  readonly preview: PreviewManager;
  readonly statusBar: ProgramStatusBar;
}

export async function activate(context: vscode.ExtensionContext): Promise<ProgramAsCodeApi> {
  const output = vscode.window.createOutputChannel('Program as Code');
  client = createLanguageClient(context, output);
  const preview = new PreviewManager(context, client);
  const statusBar = new ProgramStatusBar(client);
  context.subscriptions.push(
    output,
    preview,
    statusBar,
    registerPreviewSerializer(context, preview),
    ...registerCommands({ client, preview }),
  );
  await client.start();
  return { client, preview, statusBar };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
