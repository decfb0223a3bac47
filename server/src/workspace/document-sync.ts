// The text-document notifications (didOpen, didChange, didClose) checked
// before vscode-languageserver's TextDocuments applies them. TextDocuments
// trusts the client: a change whose `text` is null threw inside its handler,
// a change for an older version or a range below the last line was applied
// anyway, and two inconsistent changes in one notification left half of them
// applied. Here a notification is applied whole or not at all; one that is not
// is ignored with a log line saying why, so the open document stays exactly
// the text of the last good version.
import type { Disposable, NotificationHandler, RequestHandler, TextEdit } from 'vscode-languageserver';
import type {
  DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, WillSaveTextDocumentParams,
} from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { invalidParams } from './request-checks.js';

/** What the checks need to know about the open documents. */
export interface OpenDocuments {
  get(uri: string): { readonly version: number; readonly lineCount: number } | undefined;
}

export interface DocumentSyncHost {
  /** False before initialize and after shutdown: every notification is then dropped. */
  accepts(): boolean;
  /** Says why a notification was ignored (one line, in the client's output). */
  ignored(method: string, why: string): void;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isVersion = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

function uriOf(params: unknown): string | undefined {
  const td = isObject(params) ? params.textDocument : undefined;
  return isObject(td) && typeof td.uri === 'string' ? td.uri : undefined;
}

export function whyOpenIsBad(params: unknown): string | undefined {
  const td = isObject(params) ? params.textDocument : undefined;
  if (!isObject(td) || typeof td.uri !== 'string') return 'no textDocument.uri';
  if (typeof td.text !== 'string') return '`textDocument.text` is not a string';
  if (!isVersion(td.version)) return '`textDocument.version` is not a whole number';
  if (typeof td.languageId !== 'string') return '`textDocument.languageId` is not a string';
  return undefined;
}

/** Lines a text adds: its \n, \r\n and lone \r line breaks (as TextDocument counts them). */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/**
 * Why a didChange cannot be applied to `doc`, or undefined. Each change's
 * range is checked against the lines the document has after the changes before
 * it (a change may not start or end below the last line; a character past the
 * end of its line is clamped, as the specification says).
 */
export function whyChangeIsBad(params: unknown, doc: { readonly version: number; readonly lineCount: number } | undefined): string | undefined {
  if (!isObject(params)) return 'the parameters are not an object';
  const td = params.textDocument;
  if (!isObject(td) || typeof td.uri !== 'string') return 'no textDocument.uri';
  if (!doc) return 'the document is not open';
  if (!isVersion(td.version)) return '`textDocument.version` is not a whole number';
  if (td.version <= doc.version) return `version ${td.version} is not newer than the document's version ${doc.version}`;
  const changes = params.contentChanges;
  if (!Array.isArray(changes)) return '`contentChanges` is not a list';
  let lines = doc.lineCount;
  for (let i = 0; i < changes.length; i++) {
    const c: unknown = changes[i];
    if (!isObject(c)) return `change ${i} is not an object`;
    if (typeof c.text !== 'string') return `change ${i}'s \`text\` is not a string`;
    if (c.range === undefined) {
      if ('rangeLength' in c && c.rangeLength !== undefined && typeof c.rangeLength !== 'number') return `change ${i}'s \`rangeLength\` is not a number`;
      lines = lineBreaks(c.text) + 1;
      continue;
    }
    const bad = invalidParams({ range: c.range });
    if (bad) return `change ${i}: ${bad}`;
    const { start, end } = c.range as { start: { line: number; character: number }; end: { line: number; character: number } };
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) return `change ${i}'s range ends before it starts`;
    if (end.line >= lines) return `change ${i}'s range ends on line ${end.line}, below the document's last line ${lines - 1}`;
    lines += lineBreaks(c.text) - (end.line - start.line);
  }
  return undefined;
}

/**
 * A view of the connection for `TextDocuments.listen` that lets through only
 * the notifications that can be applied consistently.
 */
/** What `TextDocuments.listen` takes (the type is not exported by name). */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

export function checkedDocumentConnection(connection: TextDocumentConnection, documents: OpenDocuments, host: DocumentSyncHost): TextDocumentConnection {
  const gate = <P>(method: string, why: (params: P) => string | undefined, handler: NotificationHandler<P>): NotificationHandler<P> => (params: P) => {
    if (!host.accepts()) return;
    const bad = why(params);
    if (bad) {
      host.ignored(method, `${uriOf(params) ?? '(no uri)'}: ${bad}`);
      return;
    }
    handler(params);
  };
  const known = (params: unknown) => (uriOf(params) === undefined ? 'no textDocument.uri' : undefined);
  return {
    onDidOpenTextDocument: (h: NotificationHandler<DidOpenTextDocumentParams>): Disposable =>
      connection.onDidOpenTextDocument(gate('textDocument/didOpen', whyOpenIsBad, h)),
    onDidChangeTextDocument: (h: NotificationHandler<DidChangeTextDocumentParams>): Disposable =>
      connection.onDidChangeTextDocument(gate('textDocument/didChange', (p) => whyChangeIsBad(p, documents.get(uriOf(p) ?? '')), h)),
    onDidCloseTextDocument: (h: NotificationHandler<DidCloseTextDocumentParams>): Disposable =>
      connection.onDidCloseTextDocument(gate('textDocument/didClose', (p) => known(p) ?? (documents.get(uriOf(p) ?? '') ? undefined : 'the document is not open'), h)),
    onWillSaveTextDocument: (h: NotificationHandler<WillSaveTextDocumentParams>): Disposable =>
      connection.onWillSaveTextDocument(gate('textDocument/willSave', known, h)),
    onWillSaveTextDocumentWaitUntil: (h: RequestHandler<WillSaveTextDocumentParams, TextEdit[] | undefined | null, void>): Disposable =>
      connection.onWillSaveTextDocumentWaitUntil(h),
    onDidSaveTextDocument: (h: NotificationHandler<DidSaveTextDocumentParams>): Disposable =>
      connection.onDidSaveTextDocument(gate('textDocument/didSave', known, h)),
  };
}
