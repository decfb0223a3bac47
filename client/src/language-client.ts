// The language client: our bundled server (dist/server.js) as a child process
// over Node IPC, for program files on disk and unsaved ones. Trace follows
// `programAsCode.trace.server` on its own (the client library reads
// `<id>.trace.server` and re-reads it on change), so settings never need a restart.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_ARGS } from '../../server/src/node-options';
import { CONFIG_SECTION, LANGUAGE_ID } from './ids';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    // The server pulls `programAsCode` on didChangeConfiguration. It registers
    // its own file watchers, so we add none here.
    synchronize: { configurationSection: CONFIG_SECTION },
    outputChannel: output,
  };
  return new LanguageClient(CONFIG_SECTION, 'Program as Code', serverOptions, clientOptions);
}
