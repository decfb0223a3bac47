// Lookups the editor features are made of: what id is at an offset, where an
// entity is defined, and every reference that resolves to it. Built lazily
// once per model and cached on it (models are immutable snapshots).
import { perObject } from './memo.js';
import type { ProgramModel } from './model.js';
import { findDefinition } from './resolve.js';
import type { Entity, Reference, Span } from './types.js';

export interface SymbolAt {
  /** The id under the cursor. */
  readonly id: string;
  readonly uri: string;
  /** The id token under the cursor. */
  readonly span: Span;
  /** What the token resolves to (undefined for an unknown reference). */
  readonly entity?: Entity;
  /** Set when the token is a reference rather than a definition. */
  readonly reference?: Reference;
}

interface Token {
  readonly span: Span;
  readonly entity?: Entity;
  readonly reference?: Reference;
}

interface Index {
  /** Per file, id tokens (definitions and references) sorted by start. */
  readonly tokens: Map<string, Token[]>;
  /** For each entity, the references that resolve to it. */
  readonly referencesTo: Map<Entity, Reference[]>;
  /** Resolved target of each reference. */
  readonly targetOf: Map<Reference, Entity>;
}

const indexOf = perObject((model: ProgramModel): Index => {
  const tokens = new Map<string, Token[]>();
  const push = (uri: string, t: Token) => {
    const list = tokens.get(uri);
    if (list) list.push(t);
    else tokens.set(uri, [t]);
  };
  for (const e of model.entities) push(e.uri, { span: e.idSpan, entity: e });
  const referencesTo = new Map<Entity, Reference[]>();
  const targetOf = new Map<Reference, Entity>();
  for (const r of model.references) {
    const target = resolveReference(model, r);
    push(r.uri, { span: r.span, reference: r, ...(target && { entity: target }) });
    if (!target) continue;
    targetOf.set(r, target);
    const list = referencesTo.get(target);
    if (list) list.push(r);
    else referencesTo.set(target, [r]);
  }
  for (const list of tokens.values()) list.sort((a, b) => a.span.start - b.span.start);
  return { tokens, referencesTo, targetOf };
});

/** The entity a reference resolves to, honouring the kinds its field takes. */
export function resolveReference(model: ProgramModel, r: Reference): Entity | undefined {
  return findDefinition(model.definitions, r.targetId, r.expected);
}

/** The id token at `offset` (inclusive of the token's end, so a cursor right after an id counts). */
export function symbolAt(model: ProgramModel, uri: string, offset: number): SymbolAt | undefined {
  const list = indexOf(model).tokens.get(uri);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  let found: Token | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = list[mid] as Token;
    if (t.span.end < offset) lo = mid + 1;
    else if (t.span.start > offset) hi = mid - 1;
    else {
      found = t;
      break;
    }
  }
  if (!found) return undefined;
  const id = found.reference ? found.reference.targetId : (found.entity?.id ?? '');
  return {
    id, uri, span: found.span,
    ...(found.entity && { entity: found.entity }),
    ...(found.reference && { reference: found.reference }),
  };
}

/** Every reference that resolves to `entity`, in file order. */
export function referencesTo(model: ProgramModel, entity: Entity): readonly Reference[] {
  return indexOf(model).referencesTo.get(entity) ?? [];
}

/** All id tokens in one file (definitions and references), sorted: for semantic tokens. */
export function idTokensIn(model: ProgramModel, uri: string): readonly { span: Span; entity?: Entity; reference?: Reference }[] {
  return indexOf(model).tokens.get(uri) ?? [];
}

/** The entities that depend on `id` (through depends_on), with the reference. */
export function dependentsOf(model: ProgramModel, entity: Entity): { from: Entity; reference: Reference }[] {
  const out: { from: Entity; reference: Reference }[] = [];
  for (const r of referencesTo(model, entity)) {
    if (r.field !== 'depends_on' || !r.from) continue;
    const from = findDefinition(model.definitions, r.from.id, [r.from.kind]);
    if (from) out.push({ from, reference: r });
  }
  return out;
}

/** The risks whose `affects` names `entity`. */
export function risksAffecting(model: ProgramModel, entity: Entity): Entity[] {
  const out: Entity[] = [];
  for (const r of referencesTo(model, entity)) {
    if (r.field !== 'affects' || r.from?.kind !== 'risk') continue;
    const risk = findDefinition(model.definitions, r.from.id, ['risk']);
    if (risk) out.push(risk);
  }
  return out;
}
