// Every command the extension contributes, wired to its handler. Handlers
// take optional arguments (a URI, an export target, a name) so menus, code
// lenses, tests and other extensions can skip the UI prompts.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../ids';
import type { PreviewApi } from '../preview-api';
import { pickBaseline } from './baseline-commands';
import { goToDependencyList, showDependents } from './dependency-commands';
import { copyAsMermaid, exportRiskCsv, exportSvg } from './export-commands';
import { newProgram } from './new-program';
import { openPreview, showCriticalPath } from './preview-commands';

export interface CommandDeps {
  readonly client: LanguageClient;
  readonly preview: PreviewApi;
}

export function registerCommands({ client, preview }: CommandDeps): vscode.Disposable[] {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    [Commands.openPreview]: (uri) => openPreview(preview, false, uri),
    [Commands.openPreviewToSide]: (uri) => openPreview(preview, true, uri),
    [Commands.showCriticalPath]: (uri) => showCriticalPath(preview, uri),
    [Commands.goToDependents]: () => goToDependencyList(client, 'dependents'),
    [Commands.goToDependencies]: () => goToDependencyList(client, 'dependencies'),
    [Commands.showDependents]: (uri, position) => showDependents(client, uri, position),
    [Commands.exportGanttSvg]: (uri, target) => exportSvg(preview, 'gantt', uri, target),
    [Commands.exportGraphSvg]: (uri, target) => exportSvg(preview, 'graph', uri, target),
    [Commands.exportRiskCsv]: (uri, target) => exportRiskCsv(client, uri, target),
    [Commands.copyAsMermaid]: (uri) => copyAsMermaid(client, uri),
    [Commands.newProgram]: (name) => newProgram(name),
    [Commands.restartServer]: () => client.restart(),
    [Commands.pickBaseline]: (revision) => pickBaseline(client, revision),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, withErrorMessage(id, handler)));
}

/** A failing command tells the user instead of failing silently in the log. */
function withErrorMessage(id: string, handler: (...args: unknown[]) => unknown): (...args: unknown[]) => Promise<unknown> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (e) {
      void vscode.window.showErrorMessage(`${id}: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  };
}
