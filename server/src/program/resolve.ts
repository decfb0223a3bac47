// One id index over the whole program, and the checks that need it:
// duplicate ids, unknown references (with "did you mean"), references to the
// wrong kind of entity, self-dependencies and the milestone-only-FS rule.
import { FIELD_KINDS } from './build.js';
import type { Collected } from './build.js';
import { diagnostic } from './diagnostic.js';
import { closestMatches } from './suggest.js';
import type { Diagnostic, Entity, EntityKind, Reference } from './types.js';

export const KIND_LABEL: Readonly<Record<EntityKind, string>> = {
  program: 'program', person: 'person', team: 'team', workstream: 'workstream', task: 'task',
  milestone: 'milestone', risk: 'risk', 'budget-line': 'budget line', stakeholder: 'stakeholder',
  kpi: 'KPI', change: 'change request', pool: 'pool',
};

export function kindList(kinds: readonly EntityKind[]): string {
  const labels = kinds.map((k) => KIND_LABEL[k]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/**
 * Ids are unique within the groups of kinds a reference field could confuse:
 * the schedulable items (tasks, milestones, workstreams: `depends_on`,
 * `affects` and `raci` take all three), the parties (people and stakeholders:
 * `requested_by` takes both), and each other kind on its own. The format page
 * says "unique across all kinds together", but its own example gives a team
 * and a workstream the id `web`, which every field resolves without doubt, so
 * we follow what users write (see docs/diagnostics.md#duplicate-id).
 */
export function idNamespace(kind: EntityKind): string {
  switch (kind) {
    case 'task': case 'milestone': case 'workstream': return 'item';
    case 'person': case 'stakeholder': return 'party';
    default: return kind;
  }
}

/** Kinds in the order a bare id prefers them when several kinds share it. */
const KIND_PREFERENCE: readonly EntityKind[] = [
  'task', 'milestone', 'workstream', 'person', 'stakeholder', 'team', 'risk', 'budget-line', 'kpi', 'change', 'pool', 'program',
];

export interface Resolution {
  /** The preferred definition of each id (schedulable items first). */
  readonly byId: Map<string, Entity>;
  /** Every definition of each id, in file order. */
  readonly definitions: Map<string, Entity[]>;
  readonly diagnostics: Diagnostic[];
}

/** The definition of `id` among `kinds` (the first one when duplicated). */
export function findDefinition(definitions: ReadonlyMap<string, readonly Entity[]>, id: string, kinds?: readonly EntityKind[]): Entity | undefined {
  const defs = definitions.get(id);
  if (!defs) return undefined;
  return kinds ? defs.find((e) => kinds.includes(e.kind)) : defs[0];
}

export function resolveIds(c: Collected, options: { loneFragment: boolean }): Resolution {
  const diagnostics: Diagnostic[] = [];
  const definitions = new Map<string, Entity[]>();
  for (const e of c.entities) {
    const list = definitions.get(e.id);
    if (list) list.push(e);
    else definitions.set(e.id, [e]);
  }
  const byId = new Map<string, Entity>();
  for (const [id, defs] of definitions) {
    let best = defs[0] as Entity;
    for (const e of defs) if (KIND_PREFERENCE.indexOf(e.kind) < KIND_PREFERENCE.indexOf(best.kind)) best = e;
    byId.set(id, best);
    if (defs.length < 2) continue;
    const groups = new Map<string, Entity[]>();
    for (const e of defs) {
      const ns = idNamespace(e.kind);
      const g = groups.get(ns);
      if (g) g.push(e);
      else groups.set(ns, [e]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const e of group) {
        const others = group.filter((o) => o !== e);
        diagnostics.push(diagnostic('duplicate-id', e.uri, e.idSpan,
          `The id \`${shown(id)}\` is defined ${group.length === 2 ? 'twice' : `${group.length} times`} (${group.map((d) => KIND_LABEL[d.kind]).join(', ')}); a reference could not tell them apart.`,
          {
            related: others.map((o) => ({ uri: o.uri, span: o.idSpan, message: `\`${shown(id)}\` is also defined here (${KIND_LABEL[o.kind]})` })),
            data: { id },
          }));
      }
    }
  }

  // Candidate ids per accepted-kinds set, built once per distinct set.
  const candidates = new Map<string, string[]>();
  const candidatesFor = (kinds: readonly EntityKind[]): string[] => {
    const key = kinds.join(',');
    let list = candidates.get(key);
    if (!list) {
      list = [...definitions.keys()].filter((id) => findDefinition(definitions, id, kinds) !== undefined);
      candidates.set(key, list);
    }
    return list;
  };

  for (const r of c.references) {
    const target = findDefinition(definitions, r.targetId, r.expected) ?? byId.get(r.targetId);
    if (!target) {
      diagnostics.push(unknownReference(r, candidatesFor(r.expected), options.loneFragment));
      continue;
    }
    if (!r.expected.includes(target.kind)) {
      diagnostics.push(diagnostic('wrong-kind-reference', r.uri, r.span,
        `\`${shown(r.targetId)}\` is a ${KIND_LABEL[target.kind]}, but \`${r.field}\` takes a ${kindList(r.expected)}.`,
        {
          related: [{ uri: target.uri, span: target.idSpan, message: `\`${shown(r.targetId)}\` is defined here` }],
          data: { id: r.targetId, expected: [...r.expected], suggestions: closestMatches(r.targetId, candidatesFor(r.expected)) },
        }));
      continue;
    }
    if (r.field === 'depends_on' && r.from && r.from.id === r.targetId) {
      diagnostics.push(diagnostic('self-dependency', r.uri, r.itemSpan ?? r.span,
        `\`${shown(r.targetId)}\` depends on itself; remove this dependency.`,
        { unnecessary: true, data: { id: r.targetId, ...(r.itemSpan && { itemSpan: r.itemSpan }) } }));
    }
  }

  // Milestones are instants: only finish-to-start links make sense for them.
  for (const m of c.milestones) {
    for (const d of m.dependsOn) {
      if (d.type !== 'FS') diagnostics.push(milestoneType(d.uri, d.typeSpan ?? d.span, `A milestone's dependencies are finish-to-start only; \`${d.type}\` is not allowed on milestone \`${m.id}\`.`));
    }
  }
  for (const t of c.tasks) {
    for (const d of t.dependsOn) {
      if (d.type !== 'FS' && findDefinition(definitions, d.targetId, FIELD_KINDS.depends_on)?.kind === 'milestone') {
        diagnostics.push(milestoneType(d.uri, d.typeSpan ?? d.span, `\`${d.targetId}\` is a milestone; a dependency on a milestone is finish-to-start only, not \`${d.type}\`.`));
      }
    }
  }
  return { byId, definitions, diagnostics };
}

/** An id as messages show it: a hostile 1 MB id must not make a 1 MB message. */
function shown(id: string): string {
  return id.length > 80 ? `${id.slice(0, 79)}…` : id;
}

function milestoneType(uri: string, span: Diagnostic['span'], message: string): Diagnostic {
  return diagnostic('milestone-dependency-type', uri, span, message);
}

function unknownReference(r: Reference, candidates: string[], loneFragment: boolean): Diagnostic {
  const suggestions = closestMatches(r.targetId, candidates);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `\`${shown(s)}\``).join(' or ')}?` : '';
  const where = loneFragment ? ' (this fragment is not included by any root file, so only its own ids are known)' : '';
  return diagnostic('unknown-reference', r.uri, r.span, `Unknown ${kindList(r.expected)} \`${shown(r.targetId)}\`${where}.${hint}`, {
    data: { id: r.targetId, expected: [...r.expected], suggestions },
  });
}
