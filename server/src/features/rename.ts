// Rename an id: one edit on the definition's id token and one on each
// reference's, across the root and its fragments. Spans exclude quotes, so a
// quoted id stays quoted; nothing else in the files changes.
import { referencesTo, symbolAt } from '../program/lookup.js';
import { idNamespace, KIND_LABEL } from '../program/resolve.js';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { offsetIn, rangeIn } from './context.js';
import type { FeatureContext } from './context.js';

export const ID_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** Why a rename cannot be done; the server turns it into a ResponseError. */
export interface RenameRejection {
  readonly rejected: string;
}

export function isRenameRejection(x: unknown): x is RenameRejection {
  return typeof x === 'object' && x !== null && typeof (x as RenameRejection).rejected === 'string';
}

export function prepareRename(ctx: FeatureContext, position: Position): { range: Range; placeholder: string } | null {
  const model = ctx.analysis?.model;
  if (!model) return null;
  const at = symbolAt(model, ctx.uri, offsetIn(ctx, position));
  if (!at?.entity) return null;
  return { range: rangeIn(ctx, ctx.uri, at.span), placeholder: ctx.text.slice(at.span.start, at.span.end) };
}

export function provideRename(ctx: FeatureContext, position: Position, newName: string): WorkspaceEdit | RenameRejection | null {
  const model = ctx.analysis?.model;
  if (!model) return null;
  const entity = symbolAt(model, ctx.uri, offsetIn(ctx, position))?.entity;
  if (!entity) return null;
  if (!ID_RE.test(newName)) {
    return { rejected: `\`${newName}\` is not a valid id: an id starts with a letter and holds only letters, digits, \`_\`, \`.\` and \`-\`.` };
  }
  if (newName === entity.id) return { changes: {} };
  const ns = idNamespace(entity.kind);
  const clash = model.definitions.get(newName)?.find((e) => idNamespace(e.kind) === ns);
  if (clash) return { rejected: `The id \`${newName}\` is already used by a ${KIND_LABEL[clash.kind]}; ids must be unique.` };
  const changes: Record<string, TextEdit[]> = {};
  const add = (uri: string, span: { start: number; end: number }) => {
    (changes[uri] ??= []).push({ range: rangeIn(ctx, uri, span), newText: newName });
  };
  add(entity.uri, entity.idSpan);
  for (const r of referencesTo(model, entity)) add(r.uri, r.span);
  return { changes };
}
