// Go to definition: from an id token (reference or definition) to the id
// token of the entity it names, in whichever file of the program holds it.
import { symbolAt } from '../program/lookup.js';
import type { Location, Position } from 'vscode-languageserver-types';
import { offsetIn, rangeIn } from './context.js';
import type { FeatureContext } from './context.js';

export function provideDefinition(ctx: FeatureContext, position: Position): Location | null {
  const model = ctx.analysis?.model;
  if (!model) return null;
  const target = symbolAt(model, ctx.uri, offsetIn(ctx, position))?.entity;
  if (!target) return null;
  return { uri: target.uri, range: rangeIn(ctx, target.uri, target.idSpan) };
}
