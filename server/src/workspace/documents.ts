// The editor's open buffers. The workspace reads through this view, so an
// unsaved edit wins over the file on disk.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PROGRAM_FILE_RE } from '../program/discover.js';

/** What the workspace needs from the open documents (a TextDocuments, or a map in tests). */
export interface OpenBuffers {
  get(uri: string): { getText(): string; readonly version: number; readonly languageId?: string } | undefined;
}

export function createDocuments(): TextDocuments<TextDocument> {
  return new TextDocuments(TextDocument);
}

/** Language ids clients use for program files (ours, or plain YAML in other editors). */
const PROGRAM_LANGUAGES = new Set(['program-yaml', 'programascode', 'program-as-code']);

/** True for a document this server should answer about. */
export function isProgramDocument(uri: string, languageId?: string): boolean {
  let path = uri;
  const q = path.search(/[?#]/);
  if (q >= 0) path = path.slice(0, q);
  return PROGRAM_FILE_RE.test(path) || (languageId !== undefined && PROGRAM_LANGUAGES.has(languageId.toLowerCase()));
}
