// The YAML tree of the context's document for the structural features
// (folding, selection ranges): the program's parse when the file belongs to
// it, otherwise a parse of the buffer.
import type { Document } from 'yaml';
import { LineIndex } from '../program/line-index.js';
import { parseFile } from '../program/parse.js';
import type { ParsedFile } from '../program/parse.js';
import { fileOf, lineIndexOf } from './context.js';
import type { FeatureContext } from './context.js';

export interface YamlTree {
  readonly doc: Document.Parsed | undefined;
  readonly text: string;
  readonly index: LineIndex;
}

export function yamlTreeOf(ctx: FeatureContext): YamlTree {
  const file: ParsedFile = fileOf(ctx, ctx.uri) ?? parseFile(ctx.uri, ctx.text);
  return { doc: file.doc, text: file.text, index: file.text === ctx.text ? lineIndexOf(file) : new LineIndex(file.text) };
}

/** A yaml node's [start, valueEnd] range, if it has one. */
export function rangeOfNode(node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}
