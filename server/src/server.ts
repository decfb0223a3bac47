// The language server: wiring only. Configuration, the lifecycle, and thin
// handlers that get a FeatureContext from the workspace, call one feature
// function and return its answer (the standard requests: handlers/
// feature-requests.ts; the capabilities: handlers/capabilities.ts). Every
// handler is guarded (handlers/guards.ts): a failure is logged and answered
// with an empty result, never thrown at the client. Every request enters
// through `guard`, which first refuses requests outside the lifecycle (before
// initialize, after shutdown) and parameters with a position or range that is
// not a whole number in range (request-checks.ts); text-document
// notifications pass document-sync.ts's checks before they are applied, and
// other notifications are dropped outside the lifecycle.
// Transport (--stdio, --node-ipc, --socket) is chosen by vscode-languageserver from argv.
import { createConnection, DidChangeWatchedFilesNotification, ProposedFeatures, ResponseError, ErrorCodes, LSPErrorCodes } from 'vscode-languageserver/node.js';
import type { Message, ResponseMessage } from 'vscode-languageserver/node.js';
import type { InitializeError, InitializeParams, InitializeResult, TextDocumentIdentifier } from 'vscode-languageserver/node.js';
import { nodeHost } from './node/node-host.js';
import { parseDate } from './program/dates.js';
import type { FeatureContext } from './features/context.js';
import { listDependencies, listDependents, programStatusText, programSummary } from './features/dependency-list.js';
import { sanitizeSeverityOverrides } from './features/diagnostics.js';
import { buildViewModel } from './view/build-view-model.js';
import type { ViewModel } from './view/view-model.js';
import { exportText, isExportFormat } from './view/export-text.js';
import { encodeViewModel } from './view/wire.js';
import {
  BaselineRevisionsRequest, BaselineSummaryRequest, DependenciesRequest, DependentsRequest, ExportRequest, PreviewModelRequest, ProgramStatusRequest,
  ProgramSummaryRequest, StatusViewRequest, ViewModelRequest,
} from './protocol.js';
import { ForecastRequest } from './protocol.js';
import type { ForecastParams } from './protocol.js';
import { ForecastRequests } from './workspace/forecast-requests.js';
import { BaselineError } from './program/running/baseline-source.js';
import { gitSource, listRevisions } from './node/git-source.js';
import { BaselineCache } from './workspace/baseline-cache.js';
import { NO_P80_NOTE } from './view/status-build.js';
import { StatusRunner, statusJobOf } from './workspace/status-runner.js';
import { viewBaseline } from './view/baseline-bars.js';
import { createDocuments, isProgramDocument } from './workspace/documents.js';
import { DiagnosticsPublisher } from './workspace/diagnostics-publisher.js';
import { checkedDocumentConnection } from './workspace/document-sync.js';
import { Lifecycle } from './workspace/request-checks.js';
import { watchedChanges } from './workspace/watched-files.js';
import { ProgramWorkspace } from './workspace/workspace.js';
import { ForecastRunner } from './workspace/forecast-runner.js';
import type { ProgressSink } from './workspace/forecast-runner.js';
import { join } from 'node:path';
import { initializeResult } from './handlers/capabilities.js';
import { registerFeatureRequests } from './handlers/feature-requests.js';
import { createGuards } from './handlers/guards.js';

// A request the client cancels before it has started is answered at once with
// RequestCancelled (-32800) instead of being run: after one slow request, a
// cancel storm costs nothing.
const connection = createConnection(ProposedFeatures.all, {
  cancelUndispatched: (message: Message): ResponseMessage => ({
    jsonrpc: '2.0', id: (message as { id?: number | string }).id ?? null, error: { code: LSPErrorCodes.RequestCancelled, message: 'Cancelled before it started.' },
  }),
});
const lifecycle = new Lifecycle();
const { log, ignored, guard, notified } = createGuards(connection, lifecycle);
const documents = createDocuments();
const workspace: ProgramWorkspace = new ProgramWorkspace(documents, nodeHost({ maxChars: (): number => workspace.maxFileSize }));
const publisher = new DiagnosticsPublisher(workspace, {
  send: (params) => void connection.sendDiagnostics(params),
  versionOf: (uri) => documents.get(uri)?.version,
  log: (message, error) => log(message, error),
  checked: (uri) => forecastAfterCheck(uri),
});

// The Monte Carlo forecast runs in a worker thread (dist/forecast-worker.js, beside this bundle).
const forecasts: ForecastRunner = new ForecastRunner(join(__dirname, 'forecast-worker.js'), {
  progress: (rootUri): ProgressSink => forecastRequests.observe(rootUri, workDoneProgress()),
  onResult: () => forecastRequests.recheck(),
  log: (message) => log('forecast', message),
});
// The preview's forecast requests wait for the worker; an edit of the program answers them ContentModified.
const forecastRequests: ForecastRequests = new ForecastRequests({
  runner: () => forecasts,
  isStale: (analysis) => analysis.model.files.some((f) => { const open = documents.get(f.uri); return open !== undefined && open.getText() !== f.text; }),
});
// The Status tab's report is built in a worker thread too (dist/status-worker.js).
const statusReports = new StatusRunner(join(__dirname, 'status-worker.js'), (message) => log('status report', message));
/**
 * Forecasts start this long after the diagnostics of the last edit were published
 * (their analysis is cached by then). Counted from the check, not the edit: on a
 * big program the check itself takes about this long, and a forecast started the
 * moment it ends would compete with the next keystroke's check for the CPU.
 */
const FORECAST_DELAY_MS = 750;
let forecastTimer: ReturnType<typeof setTimeout> | undefined;

/** A window/workDoneProgress reporter, created on demand (a no-op when the client does not support it). */
function workDoneProgress(): ProgressSink {
  const reporter = connection.window.createWorkDoneProgress().catch(() => undefined);
  return {
    begin: (title) => void reporter.then((r) => r?.begin(title, 0, 'starting', false)),
    report: (percentage, message) => void reporter.then((r) => r?.report(percentage, message)),
    done: () => void reporter.then((r) => r?.done()),
  };
}

/** After an edit: the running forecast is stale (cancelled at once); a new one starts after the check (forecastAfterCheck). */
function forecastAfterEdit(): void {
  forecastRequests.edited();
  forecasts.cancel();
  if (forecastTimer) clearTimeout(forecastTimer);
  forecastTimer = undefined;
}

/** The diagnostics of an edit are out: a forecast starts when typing pauses. */
function forecastAfterCheck(uri: string): void {
  if (forecastTimer) clearTimeout(forecastTimer);
  forecastTimer = setTimeout(guard('forecast', undefined, () => {
    forecastTimer = undefined;
    const analysis = workspace.contextFor(uri)?.analysis;
    if (analysis) forecasts.ensure(analysis);
  }), FORECAST_DELAY_MS);
}
const baselines = new BaselineCache(gitSource(), {
  ready: () => {
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  },
  problem: (message) => void connection.window.showWarningMessage(message),
  workspaceRootOf: (uri) => workspace.workspaceRootOf(uri),
});
let canRefreshInlayHints = false;

// ---- settings -------------------------------------------------------------

function applySettings(raw: unknown): void {
  if (!raw || typeof raw !== 'object') return;
  const root = (raw as { programAsCode?: unknown }).programAsCode ?? raw;
  const baseline = (root as { baseline?: unknown }).baseline;
  if (typeof baseline === 'string' || baseline === null || baseline === undefined) baselines.setRevision(typeof baseline === 'string' ? baseline : undefined);
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

// ---- the feature context ---------------------------------------------------

/** The feature context of a program document, or undefined for anything else. */
function contextOf(doc: TextDocumentIdentifier | { uri: string }): FeatureContext | undefined {
  const open = documents.get(doc.uri);
  if (!isProgramDocument(doc.uri, open?.languageId)) return undefined;
  const ctx = workspace.contextFor(doc.uri);
  // The baseline, when git has been read already (never waited for here).
  const baseline = ctx && baselines.viewFor(ctx.analysis);
  return ctx && baseline ? { ...ctx, baseline } : ctx;
}

// ---- diagnostics (debounced push, project-wide: workspace/diagnostics-publisher.ts) ----

documents.onDidChangeContent(notified('didChange', (e) => {
  if (!isProgramDocument(e.document.uri, e.document.languageId)) return;
  workspace.noteOpened(e.document.uri);
  publisher.schedule(e.document.uri);
  forecastAfterEdit();
}));

documents.onDidClose(notified('didClose', (e) => {
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

connection.onInitialize((params: InitializeParams): InitializeResult | ResponseError<InitializeError> => {
  if (lifecycle.phase !== 'starting') return new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized: initialize may be sent only once.', { retry: false });
  lifecycle.phase = 'running';
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
  canRefreshInlayHints = caps.workspace?.inlayHint?.refreshSupport === true;
  return initializeResult();
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
  if (!lifecycle.acceptsNotifications) return;
  void (async () => {
    try {
      if (canRegisterWatcher) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.program.{yaml,yml}' }],
        });
      }
      if (canWatchFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(notified('didChangeWorkspaceFolders', (e) => {
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
  if (!lifecycle.acceptsNotifications) return;
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

connection.onDidChangeWatchedFiles(notified('didChangeWatchedFiles', (params) => {
  const { changes, bad } = watchedChanges(params);
  if (bad) ignored('workspace/didChangeWatchedFiles', bad);
  if (changes.length === 0) return;
  const { roots, structural } = workspace.filesChanged(changes);
  const affected = new Set(roots);
  const deleted = changes.filter((c) => c.kind === 'deleted' && !documents.get(c.uri)).map((c) => c.uri);
  if (deleted.length > 0) for (const root of publisher.filesDeleted(deleted)) affected.add(root);
  // A created or deleted file re-checks every program: one at a time, answering requests in between.
  if (structural) publisher.publishLater(affected);
  else for (const root of affected) publisher.publishProgram(root);
}));

connection.onShutdown(() => {
  const refused = lifecycle.refuseRequest('shutdown');
  if (refused) throw new ResponseError(refused[0], refused[1]);
  lifecycle.phase = 'shut down';
  shuttingDown = true;
  publisher.dispose();
  if (forecastTimer) clearTimeout(forecastTimer);
  forecasts.dispose();
  forecastRequests.dispose();
  statusReports.dispose();
});

// ---- requests (handlers/feature-requests.ts) -------------------------------------

registerFeatureRequests({ connection, documents, workspace, forecasts, guard, contextOf });

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

connection.onRequest(ProgramStatusRequest, guard('programStatus', null, (p) => {
  const ctx = contextOf(p);
  if (!ctx) return null;
  const summary = programSummary(ctx.analysis);
  return { ...summary, text: programStatusText(summary) };
}));

/** The document's view model, with the Gantt's shadow bars when git has been read (never waited for here: the panel asks again once it has). */
function viewModelOf(ctx: ReturnType<typeof contextOf>): ViewModel | null {
  if (!ctx?.analysis) return null;
  const vm = buildViewModel(ctx.analysis);
  return ctx.baseline ? { ...vm, baseline: viewBaseline(vm, ctx.baseline.revision, ctx.baseline.commit, ctx.baseline.schedule) } : vm;
}

connection.onRequest(ViewModelRequest, guard('viewModel', null, (p) => viewModelOf(contextOf(p))));

connection.onRequest(PreviewModelRequest, guard('previewModel', null, (p) => {
  const vm = viewModelOf(contextOf(p));
  return vm ? encodeViewModel(vm) : null;
}));

connection.onRequest(ExportRequest, guard('export', null, (p) => {
  const vm = isExportFormat(p.format) ? viewModelOf(contextOf(p)) : null;
  return vm ? { text: exportText(vm, p.format, p.zoom) } : null;
}));

connection.onRequest(ForecastRequest, (params, token) => guard('forecast', Promise.resolve(null), (p: ForecastParams) => {
  const ctx = contextOf(p);
  return ctx?.analysis ? forecastRequests.answer(ctx.analysis, token, connection.languages.attachWorkDoneProgress(p)) : Promise.resolve(null);
})(params));

connection.onRequest(BaselineSummaryRequest, async (p) => {
  try {
    const ctx = contextOf(p);
    const revision = baselines.current;
    if (!ctx?.analysis || !revision) return null;
    const { view, error } = await baselines.load(ctx.analysis);
    if (!view) return { revision, commit: null, finish: null, milestonesLater: 0, error: error ?? null };
    const d = view.comparison.diff;
    return { revision, commit: view.commit, finish: d.finish, milestonesLater: d.milestones.filter((m) => (m.variance ?? 0) > 0).length, error: null };
  } catch (e) {
    log('baselineSummary failed', e);
    return null;
  }
});

connection.onRequest(StatusViewRequest, async (p) => {
  try {
    const ctx = contextOf(p);
    if (!ctx?.analysis) return null;
    const analysis = ctx.analysis;
    const revision = baselines.current;
    const { view, error } = revision ? await baselines.load(analysis) : {};
    const forecast = forecasts.ensure(analysis);
    const baselineNote = revision && error ? `No baseline ${revision}: ${error}` : undefined;
    const notes = { ...(baselineNote && { baselineNote }), forecastNote: forecast.state === 'running' ? 'P80: the Monte Carlo forecast is running…' : NO_P80_NOTE };
    // Built in a worker thread: a large program's report takes most of a second.
    const status = await statusReports.viewFor(analysis, `${view?.commit ?? ''}|${baselineNote ?? ''}|${forecast.state}`,
      () => statusJobOf(analysis, view, forecast.state === 'done' ? forecast.result : undefined, notes));
    return status && { ...status, forecastRunning: forecast.state === 'running' };
  } catch (e) {
    log('statusView failed', e);
    return null;
  }
});

connection.onRequest(BaselineRevisionsRequest, async (p) => {
  try {
    const folder = p.uri.slice(0, p.uri.lastIndexOf('/') + 1);
    return { revisions: await listRevisions(folder), error: null };
  } catch (e) {
    if (e instanceof BaselineError) return { revisions: [], error: e.message };
    log('baselineRevisions failed', e);
    return { revisions: [], error: 'Reading the repository failed; see the Program as Code output.' };
  }
});

process.on('uncaughtException', (e) => log('uncaught exception', e));
process.on('unhandledRejection', (e) => log('unhandled rejection', e));

documents.listen(checkedDocumentConnection(connection, documents, { accepts: () => lifecycle.acceptsNotifications, ignored }));
connection.listen();
