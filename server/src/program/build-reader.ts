// Reading one YAML map of a program file: its entity (kind, id, ranges), its
// references (each with the kinds its field accepts), dependencies, day
// ranges and pool needs, and its plain values. FileBuilder (build.ts) builds
// the typed record of each kind on top of this.
import type { Document, YAMLMap } from 'yaml';
import type { Collected } from './build.js';
import { parseDuration } from './build-values.js';
import { formatDate, parseDate } from './dates.js';
import { diagnostic } from './diagnostic.js';
import type {
  DayRange, Dependency, DependencyType, Duration, Entity, EntityKind, PoolNeed, ReferenceField, Span,
} from './types.js';
import { asMap, asScalar, itemsOf, nodeSpan, numberOf, stringOf, tokenSpan, valueOf } from './yaml-nodes.js';
import type { AnyNode } from './yaml-nodes.js';

/** Which entity kinds each reference field accepts (program-format.md, "References"). */
export const FIELD_KINDS: Readonly<Record<ReferenceField, readonly EntityKind[]>> = {
  depends_on: ['task', 'milestone', 'workstream'],
  assignees: ['person'],
  owner: ['person'],
  team: ['team'],
  lead: ['person'],
  affects: ['task', 'milestone', 'workstream'],
  workstream: ['workstream'],
  requested_by: ['person', 'stakeholder'],
  raci: ['task', 'milestone', 'workstream'],
  needs: ['pool'],
};

export class EntityReader {
  constructor(protected readonly doc: Document, protected readonly uri: string, protected readonly out: Collected) {}

  protected needs(m: YAMLMap, from: Entity | undefined): PoolNeed[] {
    const out: PoolNeed[] = [];
    const map = asMap(this.doc, valueOf(m, 'needs'));
    for (const pair of map?.items ?? []) {
      const pool = this.refNode(pair.key, 'needs', from);
      const units = numberOf(this.doc, pair.value);
      const keyScalar = asScalar(this.doc, pair.key);
      const span = keyScalar && tokenSpan(keyScalar);
      const unitsSpan = nodeSpan(pair.value);
      if (pool === undefined || !span || units === undefined || !Number.isFinite(units) || units <= 0) continue;
      out.push({ pool, units, span, ...(unitsSpan && { unitsSpan }) });
    }
    return out;
  }

  protected list(parent: YAMLMap, key: string, each: (m: YAMLMap) => void): void {
    for (const item of itemsOf(this.doc, valueOf(parent, key))) {
      const m = asMap(this.doc, item);
      if (m) each(m);
    }
  }

  /** Registers the entity defined by map `m`; undefined when it has no usable id. */
  protected entity(kind: EntityKind, m: YAMLMap, parentId?: string): Entity | undefined {
    const idNode = asScalar(this.doc, valueOf(m, 'id'));
    const span = nodeSpan(m);
    if (!idNode || typeof idNode.value !== 'string' || !span) return undefined;
    const idSpan = tokenSpan(idNode);
    if (!idSpan || idNode.value === '') return undefined;
    const name = this.str(m, kind === 'risk' || kind === 'change' ? 'title' : 'name');
    const e: Entity = { kind, id: idNode.value, uri: this.uri, span, idSpan, ...(name !== undefined && { name }), ...(parentId !== undefined && { parentId }) };
    this.out.entities.push(e);
    return e;
  }

  protected str(m: YAMLMap, key: string): string | undefined {
    return stringOf(this.doc, valueOf(m, key));
  }

  protected num(m: YAMLMap, key: string): number | undefined {
    return numberOf(this.doc, valueOf(m, key));
  }

  protected date(m: YAMLMap, key: string): number | undefined {
    const s = this.str(m, key);
    return s === undefined ? undefined : parseDate(s);
  }

  protected span(m: YAMLMap, key: string): Span | undefined {
    return nodeSpan(valueOf(m, key));
  }

  /** A single-id reference field; returns the id when it is a string. */
  protected ref(m: YAMLMap, key: ReferenceField, from: Entity | undefined): string | undefined {
    return this.refNode(valueOf(m, key), key, from);
  }

  protected refNode(node: AnyNode, field: ReferenceField, from: Entity | undefined, itemSpan?: Span): string | undefined {
    const s = asScalar(this.doc, node);
    if (!s || typeof s.value !== 'string') return undefined;
    const span = tokenSpan(s);
    if (!span) return undefined;
    this.out.references.push({
      uri: this.uri, span, targetId: s.value, field, expected: FIELD_KINDS[field],
      ...(from && { from: { kind: from.kind, id: from.id } }),
      ...(itemSpan && { itemSpan }),
    });
    return s.value;
  }

  protected refList(m: YAMLMap, key: ReferenceField, from: Entity | undefined): string[] {
    const ids: string[] = [];
    for (const item of itemsOf(this.doc, valueOf(m, key))) {
      const id = this.refNode(item, key, from, nodeSpan(item));
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }

  protected dependencies(m: YAMLMap, from: Entity | undefined): Dependency[] {
    const deps: Dependency[] = [];
    for (const item of itemsOf(this.doc, valueOf(m, 'depends_on'))) {
      const itemSpan = nodeSpan(item);
      if (!itemSpan) continue;
      const asMapItem = asMap(this.doc, item);
      const idNode = asMapItem ? valueOf(asMapItem, 'id') : item;
      const targetId = this.refNode(idNode, 'depends_on', from, itemSpan);
      const idScalar = asScalar(this.doc, idNode);
      const span = idScalar && tokenSpan(idScalar);
      if (targetId === undefined || !span) continue;
      let type: DependencyType = 'FS';
      let typeSpan: Span | undefined;
      let lag: Duration | undefined;
      if (asMapItem) {
        const t = this.str(asMapItem, 'type');
        if (t === 'FS' || t === 'SS' || t === 'FF') {
          type = t;
          typeSpan = this.span(asMapItem, 'type');
        }
        lag = parseDuration(this.doc, valueOf(asMapItem, 'lag'));
      }
      deps.push({ targetId, type, uri: this.uri, span, itemSpan, ...(lag && { lag }), ...(typeSpan && { typeSpan }) });
    }
    return deps;
  }

  protected dayRanges(node: AnyNode): DayRange[] {
    const ranges: DayRange[] = [];
    for (const item of itemsOf(this.doc, node)) {
      const single = stringOf(this.doc, item);
      if (single !== undefined) {
        const day = parseDate(single);
        if (day !== undefined) ranges.push({ from: day, to: day });
        continue;
      }
      const m = asMap(this.doc, item);
      if (!m) continue;
      const from = this.date(m, 'from');
      const to = this.date(m, 'to');
      const name = this.str(m, 'name');
      if (from !== undefined && to !== undefined && to >= from) ranges.push({ from, to, ...(name !== undefined && { name }) });
      else if (from !== undefined && to !== undefined) {
        // Silently dropping it would schedule work on days the team is off.
        const span = this.span(m, 'to') ?? nodeSpan(m);
        if (span) {
          this.out.problems.push(diagnostic('invalid-value', this.uri, span,
            `This range ends (${formatDate(to)}) before it starts (${formatDate(from)}), so it is ignored; swap \`from\` and \`to\`.`));
        }
      }
    }
    return ranges;
  }
}
