// The nodes the fast YAML path (yaml-fast.ts) builds: yaml's own classes,
// made without their constructors, and what the path shares with parse.ts.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';

/** The options parse.ts composes with; the documents made here carry the same. */
export const COMPOSE_OPTIONS = { version: '1.2', schema: 'core', prettyErrors: false, uniqueKeys: true } as const;

/*
 * Nodes are made without their classes' constructors: yaml's constructors tag
 * each node with Object.defineProperty (its node type, a collection's schema),
 * which was a quarter of the parse. Here the tag sits on a prototype between
 * the node and its class, so `isScalar`, `isMap`, `instanceof Scalar` and
 * `node.constructor` answer as for yaml's own nodes, and the node's own
 * properties are yaml's. The prototypes are made once, so code reading nodes
 * sees the same few object shapes from every file. Collections carry the
 * schema of a core-schema document made once (nothing reads it; yaml uses it
 * only to create nodes), not their own document's.
 */
const NODE_TYPE = Symbol.for('yaml.node.type');
const SHARED_SCHEMA = new Document(undefined, COMPOSE_OPTIONS).schema;
function tagged<T extends object>(cls: { prototype: T }, type: string, extra: PropertyDescriptorMap = {}): T {
  return Object.create(cls.prototype, { [NODE_TYPE]: { value: Symbol.for(type) }, ...extra }) as T;
}
const SCALAR_PROTO = tagged(Scalar, 'yaml.scalar');
const PAIR_PROTO = tagged(Pair, 'yaml.pair');
const SCHEMA = { schema: { value: SHARED_SCHEMA, configurable: true, enumerable: false, writable: true } };
const MAP_PROTO = tagged(YAMLMap, 'yaml.map', SCHEMA);
const SEQ_PROTO = tagged(YAMLSeq, 'yaml.seq', SCHEMA);

export function newScalar(value: unknown): Scalar {
  const s = Object.create(SCALAR_PROTO) as Scalar;
  s.value = value;
  return s;
}
export function newPair(key: YamlNode, value: YamlNode): Pair {
  const p = Object.create(PAIR_PROTO) as Pair;
  p.key = key;
  p.value = value;
  return p;
}
export function newMap(): YAMLMap {
  const m = Object.create(MAP_PROTO) as YAMLMap;
  m.items = [];
  return m;
}
export function newSeq(): YAMLSeq {
  const q = Object.create(SEQ_PROTO) as YAMLSeq;
  q.items = [];
  return q;
}

/**
 * Bails when `map` already has the key `k` (yaml reports it). Program maps are
 * small, where a scan beats a Set; past 16 keys a Set takes over, so a map of
 * 100,000 keys costs no more than its size.
 */
export function checkNewKey(map: YAMLMap, k: unknown, keys: Set<unknown> | undefined): Set<unknown> | undefined {
  if (keys) {
    if (keys.has(k)) bail();
    keys.add(k);
    return keys;
  }
  for (const pair of map.items) if ((pair.key as Scalar).value === k) bail();
  if (map.items.length < 16) return undefined;
  const all = new Set<unknown>(map.items.map((p) => (p.key as Scalar).value));
  all.add(k);
  return all;
}

/** Thrown to give up; caught once at the top. */
class NotSimple extends Error {}
export const NOT_SIMPLE = new NotSimple('not simple');
export function bail(): never {
  throw NOT_SIMPLE;
}

