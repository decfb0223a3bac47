// The standard LSP requests, each a thin handler: get the FeatureContext of
// the document, call one feature function (server/src/features/), answer.
// Every handler runs through `guard` (guards.ts).
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node.js';
import type { Connection, TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from '../features/context.js';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from '../features/call-hierarchy.js';
import type { CallHierarchyData } from '../features/call-hierarchy.js';
import { provideCodeActions } from '../features/code-actions.js';
import { levellingActions } from '../features/levelling-action.js';
import { provideCodeLenses } from '../features/code-lens.js';
import { provideCompletionList } from '../features/completion.js';
import { provideDefinition } from '../features/definition.js';
import { provideDocumentHighlights } from '../features/document-highlight.js';
import { provideDocumentSymbols } from '../features/document-symbols.js';
import { provideFoldingRanges } from '../features/folding-ranges.js';
import { provideHover } from '../features/hover.js';
import { provideInlayHints } from '../features/inlay-hints.js';
import { provideReferences } from '../features/references.js';
import { isRenameRejection, prepareRename, provideRename } from '../features/rename.js';
import { provideSelectionRanges } from '../features/selection-ranges.js';
import { provideSemanticTokens } from '../features/semantic-tokens.js';
import { provideWorkspaceSymbols } from '../features/workspace-symbols.js';
import { baselineInlayHints } from '../features/baseline.js';
import { isProgramDocument } from '../workspace/documents.js';
import type { ForecastRunner } from '../workspace/forecast-runner.js';
import type { ProgramWorkspace } from '../workspace/workspace.js';
import type { Guards } from './guards.js';

export interface FeatureRequestDeps {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: ProgramWorkspace;
  readonly forecasts: ForecastRunner;
  readonly guard: Guards['guard'];
  /** The feature context of a program document (with the baseline when read), or undefined for anything else. */
  readonly contextOf: (doc: { uri: string }) => FeatureContext | undefined;
}

export function registerFeatureRequests(deps: FeatureRequestDeps): void {
  const { connection, documents, workspace, forecasts, guard, contextOf } = deps;

  connection.onCompletion(guard('completion', [], (p) => {
    const open = documents.get(p.textDocument.uri);
    const ctx = isProgramDocument(p.textDocument.uri, open?.languageId) ? workspace.contextWhileTyping(p.textDocument.uri) : undefined;
    if (!ctx) return [];
    return provideCompletionList(open && open.getText() === ctx.text ? { ...ctx, offsetAt: (pos) => open.offsetAt(pos) } : ctx, p.position);
  }));

  connection.onHover(guard('hover', null, (p) => {
    const ctx = contextOf(p.textDocument);
    if (!ctx) return null;
    // Asking starts the forecast when none is done or running for this text (in the worker: no wait here).
    const forecast = ctx.analysis ? forecasts.ensure(ctx.analysis) : undefined;
    return provideHover(forecast ? { ...ctx, forecast } : ctx, p.position);
  }));

  connection.onCodeLens(guard('codeLens', [], (p) => {
    const ctx = contextOf(p.textDocument);
    return ctx ? provideCodeLenses(ctx) : [];
  }));

  connection.onCodeAction(guard('codeAction', [], (p) => {
    const ctx = contextOf(p.textDocument);
    return ctx ? [...provideCodeActions(ctx, p.range, p.context.diagnostics), ...levellingActions(ctx, p.range)] : [];
  }));

  connection.languages.inlayHint.on(guard('inlayHint', [], (p) => {
    const ctx = contextOf(p.textDocument);
    return ctx ? [...provideInlayHints(ctx, p.range), ...baselineInlayHints(ctx, ctx.baseline, p.range)] : [];
  }));

  connection.languages.semanticTokens.on(guard('semanticTokens', { data: [] }, (p) => {
    const ctx = contextOf(p.textDocument);
    return ctx ? provideSemanticTokens(ctx) : { data: [] };
  }));

  connection.languages.callHierarchy.onPrepare(guard('prepareCallHierarchy', null, (p) => {
    const ctx = contextOf(p.textDocument);
    return ctx ? prepareCallHierarchy(ctx, p.position) : null;
  }));

  /** Incoming/outgoing calls are answered in the program of the file the item came from. */
  const itemContext = (item: { uri: string; data?: unknown }): FeatureContext | undefined => {
    const data = item.data as Partial<CallHierarchyData> | undefined;
    return contextOf({ uri: typeof data?.uri === 'string' ? data.uri : item.uri });
  };

  connection.languages.callHierarchy.onIncomingCalls(guard('incomingCalls', [], (p) => {
    const ctx = itemContext(p.item);
    return ctx ? incomingCalls(ctx, p.item) : [];
  }));

  connection.languages.callHierarchy.onOutgoingCalls(guard('outgoingCalls', [], (p) => {
    const ctx = itemContext(p.item);
    return ctx ? outgoingCalls(ctx, p.item) : [];
  }));

  connection.onDefinition(guard('definition', null, (p) => {
    const ctx = contextOf(p.textDocument);
    return ctx ? provideDefinition(ctx, p.position) : null;
  }));

  connection.onReferences(guard('references', [], (p) => {
    const ctx = contextOf(p.textDocument);
    return ctx ? provideReferences(ctx, p.position, p.context?.includeDeclaration === true) : [];
  }));

  connection.onDocumentHighlight(guard('documentHighlight', [], (p) => {
    const ctx = contextOf(p.textDocument);
    return ctx ? provideDocumentHighlights(ctx, p.position) : [];
  }));

  connection.onPrepareRename(guard('prepareRename', null, (p) => {
    const ctx = contextOf(p.textDocument);
    const result = ctx ? prepareRename(ctx, p.position) : null;
    if (isRenameRejection(result)) throw new ResponseError(ErrorCodes.InvalidRequest, result.rejected);
    return result;
  }));

  connection.onRenameRequest(guard('rename', null, (p) => {
    const ctx = contextOf(p.textDocument);
    if (!ctx) return null;
    if (typeof p.newName !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'rename: `newName` must be a string.');
    const result = provideRename(ctx, p.position, p.newName);
    if (isRenameRejection(result)) throw new ResponseError(ErrorCodes.InvalidRequest, result.rejected);
    return result;
  }));

  connection.onDocumentSymbol(guard('documentSymbol', [], (p) => {
    const ctx = contextOf(p.textDocument);
    return ctx ? provideDocumentSymbols(ctx) : [];
  }));

  connection.onWorkspaceSymbol(guard('workspaceSymbol', [], (p) => provideWorkspaceSymbols(workspace.allAnalyses(), typeof p.query === 'string' ? p.query : '')));

  connection.onFoldingRanges(guard('foldingRange', [], (p) => {
    const ctx = contextOf(p.textDocument);
    return ctx ? provideFoldingRanges(ctx) : [];
  }));

  connection.onSelectionRanges(guard('selectionRange', [], (p) => {
    const ctx = contextOf(p.textDocument);
    return ctx ? provideSelectionRanges(ctx, p.positions) : [];
  }));
}
