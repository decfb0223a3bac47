// The language server: wiring only. Capabilities, configuration, and thin
// handlers that get a FeatureContext from the workspace, call one feature
// function and return its answer. Every handler is guarded: a failure is
// logged and answered with an empty result, never thrown at the client.
// Transport (--stdio, --node-ipc, --socket) is chosen by vscode-languageserver from argv.
import {
  CodeActionKind, createConnection, DidChangeWatchedFilesNotification, FileChangeType, ProposedFeatures, ResponseError,
  ErrorCodes, TextDocumentSyncKind,
} from 'vscode-languageserver/node.js';
import type { Diagnostic, InitializeParams, InitializeResult, TextDocumentIdentifier } from 'vscode-languageserver/node.js';
import { nodeHost } from './node/node-host.js';
import type { FeatureContext } from './features/context.js';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from './features/call-hierarchy.js';
import type { CallHierarchyData } from './features/call-hierarchy.js';
import { provideCodeActions } from './features/code-actions.js';
import { provideCodeLenses } from './features/code-lens.js';
import { provideCompletionList } from './features/completion.js';
import { provideDefinition } from './features/definition.js';
import { listDependencies, listDependents, programSummary } from './features/dependency-list.js';
import { diagnosticsByFile, sanitizeSeverityOverrides } from './features/diagnostics.js';
import type { SeverityOverride } from './features/diagnostics.js';
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
import type { ProgramAnalysis } from './program/analyze.js';
import { buildViewModel } from './program/view-model.js';
import { DependenciesRequest, DependentsRequest, ProgramSummaryRequest, ViewModelRequest } from './protocol.js';
import { createDocuments, isProgramDocument } from './workspace/documents.js';
import { ProgramWorkspace } from './workspace/workspace.js';
import type { FileChangeKind } from './workspace/workspace.js';

const connection = createConnection(ProposedFeatures.all);
const documents = createDocuments();
const workspace = new ProgramWorkspace(documents, nodeHost());

// ---- settings -------------------------------------------------------------

interface Settings {
  /** programAsCode.diagnostics.delay in ms; null = automatic (see currentDelay). */
  delay: number | null;
  /** programAsCode.diagnostics.severity: code -> severity or 'off'. */
  severity: Record<string, SeverityOverride>;
}

const settings: Settings = { delay: null, severity: {} };
/** How long the last check took (ms), for the automatic delay. */
let lastCheckMs = 0;
/** When each document last changed (performance.now()). */
const lastChange = new Map<string, number>();

/**
 * The automatic delay is a debounce with a leading edge: a change that comes
 * after a pause longer than the debounce is checked at once (a single edit's
 * result shows as soon as it can be computed); changes that follow closely
 * wait a third of the last check's time, between 20 and 250 ms, so a huge
 * program is not re-checked on every keystroke.
 */
function currentDelay(uri: string): number {
  if (settings.delay !== null) return settings.delay;
  const debounce = Math.round(Math.min(250, Math.max(20, lastCheckMs / 3)));
  const now = performance.now();
  const previous = lastChange.get(uri) ?? -Infinity;
  lastChange.set(uri, now);
  // "At once" still leaves a few milliseconds (more for programs whose edits
  // take longer to apply), so a request the editor sends with the keystroke
  // (completion) is answered before the check starts.
  const leading = Math.round(Math.min(60, Math.max(15, lastCheckMs / 10)));
  return now - previous > debounce && !timers.has(uri) ? leading : debounce;
}

function applySettings(raw: unknown): void {
  if (!raw || typeof raw !== 'object') return;
  const root = (raw as { programAsCode?: unknown }).programAsCode ?? raw;
  const maxFileSize = (root as { maxFileSize?: unknown }).maxFileSize;
  // Clamped like the setting's declared maximum (200 MB of text): no workspace can switch the guard off.
  if (typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0) workspace.setMaxFileSize(Math.min(maxFileSize, 200 * 1024 * 1024));
  const diagnostics = (root as { diagnostics?: { delay?: unknown; severity?: unknown } }).diagnostics;
  if (!diagnostics || typeof diagnostics !== 'object') return;
  if (typeof diagnostics.delay === 'number' && Number.isFinite(diagnostics.delay)) settings.delay = Math.max(0, Math.min(10_000, diagnostics.delay));
  else if (diagnostics.delay === null) settings.delay = null;
  if (diagnostics.severity !== undefined) settings.severity = sanitizeSeverityOverrides(diagnostics.severity);
  lspDiagnostics = new WeakMap();
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

// ---- diagnostics (debounced push, project-wide) -----------------------------

let lspDiagnostics = new WeakMap<ProgramAnalysis, Map<string, Diagnostic[]>>();
/** root -> files whose diagnostics it contributed last time. */
const publishedFiles = new Map<string, string[]>();
/** uri -> last (version, payload) sent, to skip identical re-sends to files that did not change. */
const lastSent = new Map<string, string>();
const timers = new Map<string, NodeJS.Timeout>();

function diagnosticsOf(analysis: ProgramAnalysis): Map<string, Diagnostic[]> {
  let byFile = lspDiagnostics.get(analysis);
  if (!byFile) {
    byFile = diagnosticsByFile(analysis, { severity: settings.severity });
    lspDiagnostics.set(analysis, byFile);
  }
  return byFile;
}

function sendDiagnostics(uri: string, diagnostics: Diagnostic[]): void {
  // An edited document always hears back for its new version (clients and
  // tests wait for "diagnostics of version N"); unchanged files are skipped.
  const version = documents.get(uri)?.version;
  const payload = `${version ?? ''}|${JSON.stringify(diagnostics)}`;
  if (lastSent.get(uri) === payload) return;
  lastSent.set(uri, payload);
  void connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined && { version }) });
}

/** A file's diagnostics: the union over every program it belongs to. */
function publishFile(uri: string): void {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const root of workspace.programsOf(uri)) {
    const analysis = workspace.analysisOf(root);
    if (!analysis) continue;
    for (const d of diagnosticsOf(analysis).get(uri) ?? []) {
      const key = `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${String(d.code)}:${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  sendDiagnostics(uri, out);
}

/** Publishes every file of a program, and [] for files it no longer has problems in or no longer includes. */
function publishProgram(root: string): void {
  const analysis = workspace.analysisOf(root);
  const files = new Set(publishedFiles.get(root) ?? []);
  const now = analysis ? analysis.model.files.map((f) => f.uri) : [];
  for (const f of now) files.add(f);
  if (now.length > 0) publishedFiles.set(root, now);
  else publishedFiles.delete(root);
  for (const uri of files) publishFile(uri);
}

function validate(uri: string): void {
  const roots = new Set(workspace.programsOf(uri));
  for (const [root, files] of publishedFiles) if (files.includes(uri)) roots.add(root);
  for (const root of roots) publishProgram(root);
  if (roots.size === 0) sendDiagnostics(uri, []);
}

function scheduleValidation(uri: string): void {
  const delay = currentDelay(uri);
  clearTimeout(timers.get(uri));
  const timer = setTimeout(() => {
    // Two event-loop turns before the (synchronous) check: requests already
    // read from the client, such as the completion sent with the keystroke,
    // are answered first instead of waiting for the whole program.
    setImmediate(() => setImmediate(() => {
      if (timers.get(uri) !== timer) return; // a newer change rescheduled it
      timers.delete(uri);
      const started = performance.now();
      try {
        validate(uri);
      } catch (e) {
        log(`checking ${uri} failed`, e);
      }
      lastCheckMs = performance.now() - started;
    }));
  }, delay);
  timers.set(uri, timer);
}

documents.onDidChangeContent(guard('didChange', undefined, (e) => {
  if (!isProgramDocument(e.document.uri, e.document.languageId)) return;
  workspace.noteOpened(e.document.uri);
  scheduleValidation(e.document.uri);
}));

documents.onDidClose(guard('didClose', undefined, (e) => {
  const uri = e.document.uri;
  clearTimeout(timers.get(uri));
  timers.delete(uri);
  lastChange.delete(uri);
  if (!isProgramDocument(uri, e.document.languageId)) return;
  workspace.documentClosed(uri);
  // The text falls back to the disk: re-check what the file belonged to.
  validate(uri);
  // A file outside the workspace whose program has no open document: its problems leave with it.
  const stillOpen = workspace.programsOf(uri).some((root) =>
    workspace.cachedAnalysis(root)?.model.files.some((f) => documents.get(f.uri) !== undefined));
  if (!workspace.isWorkspaceFile(uri) && !stillOpen) {
    for (const [root, files] of publishedFiles) if (files.includes(uri)) publishedFiles.set(root, files.filter((f) => f !== uri));
    sendDiagnostics(uri, []);
  }
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

function republishAll(): void {
  for (const root of [...publishedFiles.keys()]) publishProgram(root);
}

async function indexWorkspace(): Promise<void> {
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('Program as Code', 0, 'Indexing program files', false);
  try {
    // The open documents' programs first, so their diagnostics come before the rest.
    for (const doc of documents.all()) if (isProgramDocument(doc.uri, doc.languageId)) validate(doc.uri);
    await workspace.index(
      { report: (percentage, message) => progress.report(percentage, message) },
      (root) => publishProgram(root),
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
      republishAll();
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
    if (kind === 'deleted' && !documents.get(change.uri)) {
      for (const [root, files] of publishedFiles) if (files.includes(change.uri)) { affected.add(root); publishedFiles.set(root, files.filter((f) => f !== change.uri)); }
      publishedFiles.delete(change.uri);
      sendDiagnostics(change.uri, []);
    }
  }
  for (const root of affected) publishProgram(root);
}));

connection.onShutdown(() => {
  shuttingDown = true;
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
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
  return ctx ? provideCodeActions(ctx, p.range, p.context.diagnostics) : [];
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
