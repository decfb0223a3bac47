// Document highlight: in the open file, the definition of the id under the
// cursor (Write) and its references (Read).
import { referencesTo, symbolAt } from '../program/lookup.js';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import type { DocumentHighlight, Position } from 'vscode-languageserver-types';
import { offsetIn, rangeIn } from './context.js';
import type { FeatureContext } from './context.js';

export function provideDocumentHighlights(ctx: FeatureContext, position: Position): DocumentHighlight[] {
  const model = ctx.analysis?.model;
  if (!model) return [];
  const entity = symbolAt(model, ctx.uri, offsetIn(ctx, position))?.entity;
  if (!entity) return [];
  const out: DocumentHighlight[] = [];
  if (entity.uri === ctx.uri) out.push({ range: rangeIn(ctx, ctx.uri, entity.idSpan), kind: DocumentHighlightKind.Write });
  for (const r of referencesTo(model, entity)) {
    if (r.uri === ctx.uri) out.push({ range: rangeIn(ctx, ctx.uri, r.span), kind: DocumentHighlightKind.Read });
  }
  return out;
}
