// Find references: every id token that resolves to the entity under the
// cursor, across the root and its fragments, plus the definition on request.
import { referencesTo, symbolAt } from '../program/lookup.js';
import type { Location, Position } from 'vscode-languageserver-types';
import { offsetIn, rangeIn } from './context.js';
import type { FeatureContext } from './context.js';

export function provideReferences(ctx: FeatureContext, position: Position, includeDeclaration: boolean): Location[] {
  const model = ctx.analysis?.model;
  if (!model) return [];
  const entity = symbolAt(model, ctx.uri, offsetIn(ctx, position))?.entity;
  if (!entity) return [];
  const out: Location[] = [];
  if (includeDeclaration) out.push({ uri: entity.uri, range: rangeIn(ctx, entity.uri, entity.idSpan) });
  for (const r of referencesTo(model, entity)) out.push({ uri: r.uri, range: rangeIn(ctx, r.uri, r.span) });
  return out;
}
