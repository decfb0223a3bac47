// Walking the published JSON Schema along a YAML path, for the editor
// features that explain or complete keys (completion, hover). Pure data in,
// pure data out; the schema is the one in schemas/program.schema.json, so the
// editor says exactly what the checker enforces.
// Plain import (the package is CommonJS): tsx loads it and esbuild inlines it.
import schema from '../../../schemas/program.schema.json';

/** A JSON Schema node as far as the features read it. */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly enum?: readonly unknown[];
  readonly enumDescriptions?: readonly string[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly required?: readonly string[];
  readonly if?: SchemaNode;
  readonly then?: SchemaNode;
  readonly else?: SchemaNode;
  readonly default?: unknown;
}

/** One segment of a YAML path: a map key, or a sequence index (any number). */
export type PathSegment = string | number;

const ROOT = schema as unknown as SchemaNode & { $defs: Record<string, SchemaNode> };
const DEFS = ROOT.$defs;

/** The named definition a `$ref` points at (`#/$defs/task` → task). */
function defOf(ref: string): SchemaNode | undefined {
  const m = /^#\/\$defs\/(.+)$/.exec(ref);
  return m ? DEFS[m[1] as string] : undefined;
}

/** The `$defs` name a node refers to, if it is a reference. */
export function refName(node: SchemaNode | undefined): string | undefined {
  const m = node?.$ref ? /^#\/\$defs\/(.+)$/.exec(node.$ref) : null;
  return m ? m[1] : undefined;
}

/**
 * Follows `$ref`s, keeping the outermost description (a property's own
 * description is more specific than its definition's). Bounded.
 */
export function derefSchema(node: SchemaNode | undefined): SchemaNode | undefined {
  let cur = node;
  const description = node?.description;
  const markdownDescription = node?.markdownDescription;
  for (let i = 0; i < 16 && cur?.$ref; i++) cur = defOf(cur.$ref);
  if (!cur) return undefined;
  if (cur === node) return cur;
  return {
    ...cur,
    ...(description !== undefined && { description }),
    ...(markdownDescription !== undefined && { markdownDescription }),
  };
}

/**
 * The branch of an `if: {type: string}` node to follow: `then` for a scalar,
 * `else` for a map. Other nodes are returned as they are.
 */
function branch(node: SchemaNode, wantMap: boolean): SchemaNode {
  if (!node.if) return node;
  const picked = derefSchema(wantMap ? node.else : node.then);
  if (!picked) return node;
  return {
    ...picked,
    ...(node.description !== undefined && { description: node.description }),
    ...(node.markdownDescription !== undefined && { markdownDescription: node.markdownDescription }),
  };
}

/** The schema of the whole document: a root file (with `program:`) or a fragment. */
export function documentSchema(isRoot: boolean): SchemaNode {
  return derefSchema(DEFS[isRoot ? 'root' : 'fragment']) as SchemaNode;
}

/** One step down: a key of a map, or the items of a sequence. */
export function childSchema(node: SchemaNode | undefined, segment: PathSegment, nextIsKey = false): SchemaNode | undefined {
  if (!node) return undefined;
  const n = branch(node, true);
  let child: SchemaNode | undefined;
  if (typeof segment === 'number') child = n.items;
  else {
    child = n.properties?.[segment];
    if (!child && typeof n.additionalProperties === 'object') child = n.additionalProperties;
  }
  const d = derefSchema(child);
  return d && nextIsKey ? branch(d, true) : d;
}

/** The schema at a path from the document root (undefined when the path leaves the schema). */
export function schemaAtPath(isRoot: boolean, path: readonly PathSegment[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = documentSchema(isRoot);
  for (let i = 0; i < path.length && node; i++) node = childSchema(node, path[i] as PathSegment, i + 1 < path.length && typeof path[i + 1] === 'string');
  return node;
}

/** The schema for a value, with `if` resolved to the scalar branch when `scalar` (else the map branch). */
export function valueSchema(node: SchemaNode | undefined, scalar: boolean): SchemaNode | undefined {
  return node ? branch(node, !scalar) : undefined;
}

export interface SchemaProperty {
  readonly name: string;
  readonly schema: SchemaNode;
  readonly description?: string;
  readonly required: boolean;
}

/** The properties a map at this schema node may have, in schema order. */
export function propertiesOf(node: SchemaNode | undefined): SchemaProperty[] {
  if (!node) return [];
  const n = branch(node, true);
  const required = new Set(n.required ?? []);
  return Object.entries(n.properties ?? {}).map(([name, raw]) => {
    const s = derefSchema(raw) ?? raw;
    const description = s.markdownDescription ?? s.description;
    return { name, schema: s, required: required.has(name), ...(description !== undefined && { description }) };
  });
}

/** The allowed values of a scalar node (`enum` or `const`), as strings. */
export function enumValues(node: SchemaNode | undefined): { value: string; description?: string }[] {
  if (!node) return [];
  const n = branch(node, false);
  if (n.enum) {
    return n.enum.map((v, i) => {
      const description = n.enumDescriptions?.[i];
      return { value: String(v), ...(description !== undefined && { description }) };
    });
  }
  if (n.const !== undefined) return [{ value: String(n.const) }];
  return [];
}

/** What kind of scalar a node holds, as far as completion cares. */
export function scalarKind(node: SchemaNode | undefined): 'date' | 'duration' | 'id' | 'enum' | 'other' {
  if (!node) return 'other';
  const n = branch(node, false);
  if (n.enum || n.const !== undefined) return 'enum';
  const desc = n.description ?? '';
  if (n === DEFS.date || desc === DEFS.date?.description || (n as { format?: string }).format === 'date') return 'date';
  if ((n as { pattern?: string }).pattern === (DEFS.duration as { pattern?: string } | undefined)?.pattern) return 'duration';
  if ((n as { pattern?: string }).pattern === (DEFS.id as { pattern?: string } | undefined)?.pattern) return 'id';
  return 'other';
}

/** True when the node describes a sequence / a map. */
export function isArraySchema(node: SchemaNode | undefined): boolean {
  return !!node && (node.type === 'array' || !!node.items);
}

export function isObjectSchema(node: SchemaNode | undefined): boolean {
  if (!node) return false;
  const n = branch(node, true);
  return n.type === 'object' || !!n.properties;
}

/** The text to show for a node: its markdown description, else its description. */
export function describe(node: SchemaNode | undefined): string | undefined {
  return node?.markdownDescription ?? node?.description;
}
