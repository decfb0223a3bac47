// The language server: wiring only. Capabilities, configuration, and thin
// handlers that get a FeatureContext from the workspace, call one feature
// function and return its answer. Every handler is guarded: a failure is
// logged and answered with an empty result, never thrown at the client.
// Transport (--stdio, --node-ipc, --socket) is chosen by vscode-languageserver from argv.
import {
  CodeActionKind, createConnection, DidChangeWatchedFilesNotification, FileChangeType, ProposedFeatures, ResponseError,
  ErrorCodes, TextDocumentSyncKind,
} from 'vscode-languageserver/node.js';
import type { InitializeParams, InitializeResult, TextDocumentIdentifier } from 'vscode-languageserver/node.js';
import { nodeHost } from './node/node-host.js';
import { parseDate } from './program/dates.js';
import type { FeatureContext } from './features/context.js';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from './features/call-hierarchy.js';
import type { CallHierarchyData } from './features/call-hierarchy.js';
import { provideCodeActions } from './features/code-actions.js';
import { levellingActions } from './features/levelling-action.js';
import { provideCodeLenses } from './features/code-lens.js';
import { provideCompletionList } from './features/completion.js';
import { provideDefinition } from './features/definition.js';
import { listDependencies, listDependents, programSummary } from './features/dependency-list.js';
import { sanitizeSeverityOverrides } from './features/diagnostics.js';
import { provideDocumentHighlights } from './features/document-highlight.js';
import { provideDocumentSymbols } from './features/document-symbols.js';
import { provideFoldingRanges } from './features/folding-ranges.js';
import { provideHover } from './features/hover.js';
import { provideInlayHints } from './features/inlay-hints.js';
import { provideReferences } from './features/references.js';
import { isRenameRejection, prepareRename, provideRename } from './features/rename.js';
import { provideSelectionRanges } from './features/selection-ranges.js';
import { provideSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './features/semantic-tokens.js';
import { provideWorkspaceSymbols } from './features/workspace-symbols.js';
import { buildViewModel } from './program/view-model.js';
import { DependenciesRequest, DependentsRequest, ProgramSummaryRequest, ViewModelRequest } from './protocol.js';
import { createDocuments, isProgramDocument } from './workspace/documents.js';
import { DiagnosticsPublisher } from './workspace/diagnostics-publisher.js';
import { ProgramWorkspace } from './workspace/workspace.js';
import type { FileChangeKind } from './workspace/workspace.js';

const connection = createConnection(ProposedFeatures.all);
const documents = createDocuments();
const workspace = new ProgramWorkspace(documents, nodeHost());
const publisher = new DiagnosticsPublisher(workspace, {
  send: (params) => void connection.sendDiagnostics(params),
  versionOf: (uri) => documents.get(uri)?.version,
  log: (message, error) => log(message, error),
});

// ---- settings -------------------------------------------------------------

function applySettings(raw: unknown): void {
  if (!raw || typeof raw !== 'object') return;
  const root = (raw as { programAsCode?: unknown }).programAsCode ?? raw;
  const maxFileSize = (root as { maxFileSize?: unknown }).maxFileSize;
  // Clamped like the setting's declared maximum (200 MB of text): no workspace can switch the guard off.
  if (typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0) workspace.setMaxFileSize(Math.min(maxFileSize, 200 * 1024 * 1024));
  const statusDate = (root as { statusDate?: unknown }).statusDate;
  if (typeof statusDate === 'string' || statusDate === null) workspace.setStatusDate(typeof statusDate === 'string' ? parseDate(statusDate.trim()) : undefined);
  const diagnostics = (root as { diagnostics?: { delay?: unknown; severity?: unknown } }).diagnostics;
  if (!diagnostics || typeof diagnostics !== 'object') return;
  if (typeof diagnostics.delay === 'number' && Number.isFinite(diagnostics.delay)) publisher.delay = Math.max(0, Math.min(10_000, diagnostics.delay));
  else if (diagnostics.delay === null) publisher.delay = null;
  if (diagnostics.severity !== undefined) publisher.setSeverity(sanitizeSeverityOverrides(diagnostics.severity));
}

// ---- guards -----------------------------------------------------------------

function log(message: string, error: unknown): void {
  try {
    connection.console.error(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } catch {
    // The connection itself is gone; nothing to report to.
  }
}

/** Runs a handler; on failure logs and answers `fallback` (a ResponseError passes through on purpose). */
function guard<P, R>(name: string, fallback: R, fn: (params: P) => R): (params: P) => R {
  return (params: P) => {
    try {
      return fn(params);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`${name} failed`, e);
      return fallback;
    }
  };
}

/** The feature context of a program document, or undefined for anything else. */
function contextOf(doc: TextDocumentIdentifier | { uri: string }): FeatureContext | undefined {
  const open = documents.get(doc.uri);
  if (!isProgramDocument(doc.uri, open?.languageId)) return undefined;
  return workspace.contextFor(doc.uri);
}

// ---- diagnostics (debounced push, project-wide: workspace/diagnostics-publisher.ts) ----

documents.onDidChangeContent(guard('didChange', undefined, (e) => {
  if (!isProgramDocument(e.document.uri, e.document.languageId)) return;
  workspace.noteOpened(e.document.uri);
  publisher.schedule(e.document.uri);
}));

documents.onDidClose(guard('didClose', undefined, (e) => {
  const uri = e.document.uri;
  publisher.cancel(uri);
  if (!isProgramDocument(uri, e.document.languageId)) return;
  workspace.documentClosed(uri);
  // A file outside the workspace whose program has no open document: its problems leave with it.
  const stillOpen = workspace.programsOf(uri).some((root) =>
    workspace.cachedAnalysis(root)?.model.files.some((f) => documents.get(f.uri) !== undefined));
  publisher.documentClosed(uri, workspace.isWorkspaceFile(uri) || stillOpen);
}));

// ---- lifecycle ----------------------------------------------------------------

let canRegisterWatcher = false;
let canPullConfiguration = false;
let canWatchFolders = false;
let shuttingDown = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  try {
    applySettings(params.initializationOptions);
  } catch (e) {
    log('reading initializationOptions failed', e);
  }
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspace.setFolders(folders);
  const caps = params.capabilities;
  canRegisterWatcher = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canPullConfiguration = caps.workspace?.configuration === true;
  canWatchFolders = caps.workspace?.workspaceFolders === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [':', ' ', '[', ',', '-'] },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      inlayHintProvider: true,
      callHierarchyProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: { label: 'Program' },
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'program-as-code-language-server' },
  };
});

async function pullConfiguration(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    applySettings({ programAsCode: await connection.workspace.getConfiguration('programAsCode') as unknown });
  } catch (e) {
    log('reading the configuration failed', e);
  }
}

async function indexWorkspace(): Promise<void> {
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('Program as Code', 0, 'Indexing program files', false);
  try {
    // The open documents' programs first, so their diagnostics come before the rest.
    for (const doc of documents.all()) if (isProgramDocument(doc.uri, doc.languageId)) publisher.validate(doc.uri);
    await workspace.index(
      { report: (percentage, message) => progress.report(percentage, message) },
      (root) => publisher.publishProgram(root),
      () => shuttingDown,
    );
  } finally {
    progress.done();
  }
}

connection.onInitialized(() => {
  void (async () => {
    try {
      if (canRegisterWatcher) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.program.{yaml,yml}' }],
        });
      }
      if (canWatchFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(guard('didChangeWorkspaceFolders', undefined, (e) => {
          const current = new Set<string>(workspace.folderUris);
          for (const f of e.removed) current.delete(f.uri.endsWith('/') ? f.uri : `${f.uri}/`);
          for (const f of e.added) current.add(f.uri);
          workspace.setFolders([...current]);
          indexWorkspace().catch((err: unknown) => log('indexing failed', err));
        }));
      }
      await pullConfiguration();
      await indexWorkspace();
    } catch (e) {
      log('start-up failed', e);
    }
  })();
});

connection.onDidChangeConfiguration((params) => {
  void (async () => {
    try {
      if (canPullConfiguration) await pullConfiguration();
      else applySettings(params.settings);
      publisher.republishAll();
    } catch (e) {
      log('didChangeConfiguration failed', e);
    }
  })();
});

connection.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', undefined, (params) => {
  const affected = new Set<string>();
  for (const change of params.changes) {
    const kind: FileChangeKind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
    for (const root of workspace.fileChanged(change.uri, kind)) affected.add(root);
    if (kind === 'deleted' && !documents.get(change.uri)) for (const root of publisher.fileDeleted(change.uri)) affected.add(root);
  }
  for (const root of affected) publisher.publishProgram(root);
}));

connection.onShutdown(() => {
  shuttingDown = true;
  publisher.dispose();
});

// ---- requests -----------------------------------------------------------------

connection.onCompletion(guard('completion', [], (p) => {
  const open = documents.get(p.textDocument.uri);
  const ctx = isProgramDocument(p.textDocument.uri, open?.languageId) ? workspace.contextWhileTyping(p.textDocument.uri) : undefined;
  if (!ctx) return [];
  return provideCompletionList(open && open.getText() === ctx.text ? { ...ctx, offsetAt: (pos) => open.offsetAt(pos) } : ctx, p.position);
}));

connection.onHover(guard('hover', null, (p) => {
  const ctx = contextOf(p.textDocument);
  return ctx ? provideHover(ctx, p.position) : null;
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
  return ctx ? provideInlayHints(ctx, p.range) : [];
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
function itemContext(item: { uri: string; data?: unknown }): FeatureContext | undefined {
  const data = item.data as Partial<CallHierarchyData> | undefined;
  return contextOf({ uri: typeof data?.uri === 'string' ? data.uri : item.uri });
}

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
  return ctx ? prepareRename(ctx, p.position) : null;
}));

connection.onRenameRequest(guard('rename', null, (p) => {
  const ctx = contextOf(p.textDocument);
  if (!ctx) return null;
  const result = provideRename(ctx, p.position, p.newName);
  if (isRenameRejection(result)) throw new ResponseError(ErrorCodes.InvalidRequest, result.rejected);
  return result;
}));

connection.onDocumentSymbol(guard('documentSymbol', [], (p) => {
  const ctx = contextOf(p.textDocument);
  return ctx ? provideDocumentSymbols(ctx) : [];
}));

connection.onWorkspaceSymbol(guard('workspaceSymbol', [], (p) => provideWorkspaceSymbols(workspace.allAnalyses(), p.query)));

connection.onFoldingRanges(guard('foldingRange', [], (p) => {
  const ctx = contextOf(p.textDocument);
  return ctx ? provideFoldingRanges(ctx) : [];
}));

connection.onSelectionRanges(guard('selectionRange', [], (p) => {
  const ctx = contextOf(p.textDocument);
  return ctx ? provideSelectionRanges(ctx, p.positions) : [];
}));

// ---- custom requests (protocol.ts) ------------------------------------------

connection.onRequest(DependentsRequest, guard('dependents', [], (p) => {
  const ctx = contextOf(p);
  return ctx ? listDependents(ctx, p.position) : [];
}));

connection.onRequest(DependenciesRequest, guard('dependencies', [], (p) => {
  const ctx = contextOf(p);
  return ctx ? listDependencies(ctx, p.position) : [];
}));

connection.onRequest(ProgramSummaryRequest, guard('programSummary', null, (p) => {
  const ctx = contextOf(p);
  return ctx ? programSummary(ctx.analysis) : null;
}));

connection.onRequest(ViewModelRequest, guard('viewModel', null, (p) => {
  const ctx = contextOf(p);
  return ctx?.analysis ? buildViewModel(ctx.analysis) : null;
}));

process.on('uncaughtException', (e) => log('uncaught exception', e));
process.on('unhandledRejection', (e) => log('unhandled rejection', e));

documents.listen(connection);
connection.listen();
