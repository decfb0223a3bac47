// Rename an id: one edit on the definition's id text and one on each
// reference's, across the root and its fragments. An edit covers only the
// characters of the id itself: inside quotes (a quoted id stays quoted), on
// the content line of a block scalar (`|-`, `>-`: the header and the line
// breaks stay), and once per place in the text (a reference written through a
// YAML alias is its anchor's value: that value is edited once, the `*alias`
// never). Where no such edit exists (an id written with escapes or folded
// over several lines, an anchor shared with another id) the rename is refused
// with a message saying where, instead of rewriting more than the id.
import { parse as parseYaml } from 'yaml';
import { idTokensIn, referencesTo, symbolAt } from '../program/lookup.js';
import { idNamespace, KIND_LABEL } from '../program/resolve.js';
import type { Entity, Span } from '../program/types.js';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { fileOf, offsetIn, rangeIn } from './context.js';
import type { FeatureContext } from './context.js';

export const ID_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** Why a rename cannot be done; the server turns it into a ResponseError. */
export interface RenameRejection {
  readonly rejected: string;
}

export function isRenameRejection(x: unknown): x is RenameRejection {
  return typeof x === 'object' && x !== null && typeof (x as RenameRejection).rejected === 'string';
}

/**
 * Why `name` cannot be an id, or undefined. Besides the id pattern, YAML must
 * read the plain word back as that string: `null`, `NULL`, `true`, `False`
 * and the like match the pattern but are read as null or a boolean (YAML 1.2
 * core schema, as the parser reads program files), which would lose the item.
 */
export function invalidNewName(name: string): string | undefined {
  if (!ID_RE.test(name)) {
    return `\`${name}\` is not a valid id: an id starts with a letter and holds only letters, digits, \`_\`, \`.\` and \`-\`.`;
  }
  let read: unknown;
  try {
    read = parseYaml(name, { version: '1.2', schema: 'core' });
  } catch {
    read = undefined;
  }
  if (read !== name) return `\`${name}\` cannot be an id: YAML reads it as ${read === null ? 'null' : typeof read === 'boolean' ? `the boolean ${String(read)}` : 'something other than text'}, not as a name. Choose another name.`;
  return undefined;
}

/**
 * The span of the id's own characters in `text` for an id token at `span`,
 * or why there is none. A plain or quoted id without escapes is its span; a
 * block scalar's id is its single content line.
 */
export function idTextSpan(text: string, span: Span, id: string): Span | string {
  const raw = text.slice(span.start, span.end);
  if (raw === id) return span;
  if (raw.startsWith('|') || raw.startsWith('>')) {
    const header = /^[|>][^\r\n]*(\r\n|\r|\n)/.exec(raw);
    if (header) {
      const body = raw.slice(header[0].length);
      const content = body.trim();
      const value = id.replace(/[\r\n]+$/, '');
      if (content === value && !/[\r\n]/.test(content)) {
        const start = span.start + header[0].length + body.indexOf(content);
        return { start, end: start + content.length };
      }
    }
    return 'it is written as a block scalar over several lines';
  }
  return 'it is written with escapes or over several lines';
}

/** `file.program.yaml:12:5`, for messages. */
function where(ctx: FeatureContext, uri: string, span: Span): string {
  const r = rangeIn(ctx, uri, span);
  return `${uri.slice(uri.lastIndexOf('/') + 1)}:${r.start.line + 1}:${r.start.character + 1}`;
}

export function prepareRename(ctx: FeatureContext, position: Position): { range: Range; placeholder: string } | RenameRejection | null {
  const model = ctx.analysis?.model;
  if (!model) return null;
  const at = symbolAt(model, ctx.uri, offsetIn(ctx, position));
  if (!at?.entity) return null;
  const text = fileOf(ctx, ctx.uri)?.text ?? ctx.text;
  const own = idTextSpan(text, at.span, at.id);
  if (typeof own === 'string') return { rejected: `\`${at.id}\` cannot be renamed here: ${own}. Write it as a plain id first.` };
  return { range: rangeIn(ctx, ctx.uri, own), placeholder: at.id };
}

export function provideRename(ctx: FeatureContext, position: Position, newName: string): WorkspaceEdit | RenameRejection | null {
  const model = ctx.analysis?.model;
  if (!model) return null;
  const entity = symbolAt(model, ctx.uri, offsetIn(ctx, position))?.entity;
  if (!entity) return null;
  const invalid = invalidNewName(newName);
  if (invalid) return { rejected: invalid };
  if (newName === entity.id) return { changes: {} };
  const ns = idNamespace(entity.kind);
  const clash = model.definitions.get(newName)?.find((e) => idNamespace(e.kind) === ns);
  if (clash) return { rejected: `The id \`${newName}\` is already used by a ${KIND_LABEL[clash.kind]}; ids must be unique.` };
  const places = [{ uri: entity.uri, span: entity.idSpan }, ...referencesTo(model, entity).map((r) => ({ uri: r.uri, span: r.span }))];
  const spans = new Map<string, Map<string, Span>>();
  for (const p of places) {
    const text = fileOf(ctx, p.uri)?.text;
    if (text === undefined) continue;
    const own = idTextSpan(text, p.span, entity.id);
    if (typeof own === 'string') return { rejected: `\`${entity.id}\` cannot be renamed: at ${where(ctx, p.uri, p.span)} ${own}. Write it as a plain id first.` };
    const shared = sharedWithOther(ctx, entity, p.uri, p.span);
    if (shared) return { rejected: shared };
    let inFile = spans.get(p.uri);
    if (!inFile) spans.set(p.uri, (inFile = new Map()));
    // One place in the text, however many times it is read through aliases.
    inFile.set(`${own.start}:${own.end}`, own);
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const [uri, inFile] of spans) {
    const sorted = [...inFile.values()].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      if ((sorted[i] as Span).start < (sorted[i - 1] as Span).end) return { rejected: `\`${entity.id}\` cannot be renamed: two of its places overlap at ${where(ctx, uri, sorted[i] as Span)}.` };
    }
    changes[uri] = sorted.map((s) => ({ range: rangeIn(ctx, uri, s), newText: newName }));
  }
  return { changes };
}

/**
 * A message when the id text at `span` is also read, through a YAML anchor, as
 * something other than `entity` (a reference of another kind, or an unknown
 * one): editing it would rename that, too.
 */
function sharedWithOther(ctx: FeatureContext, entity: Entity, uri: string, span: Span): string | undefined {
  const model = ctx.analysis?.model;
  if (!model) return undefined;
  const tokens = idTokensIn(model, uri);
  // Tokens are sorted by start: find the first at `span.start`.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as { span: Span }).span.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < tokens.length; i++) {
    const t = tokens[i] as (typeof tokens)[number];
    if (t.span.start !== span.start) break;
    if (t.span.end !== span.end) continue;
    if (t.entity !== entity) {
      return `\`${entity.id}\` cannot be renamed: the text at ${where(ctx, uri, span)} is a YAML anchor also used where it means something else; give that use its own value first.`;
    }
  }
  return undefined;
}
