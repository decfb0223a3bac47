// RACI checks: every milestone needs exactly one Accountable stakeholder.
import { diagnostic } from '../diagnostic.js';
import type { ProgramModel } from '../model.js';
import type { Diagnostic } from '../types.js';

export function raciDiagnostics(model: ProgramModel): Diagnostic[] {
  // Only programs that use RACI at all are held to it.
  if (!model.stakeholders.some((s) => Object.keys(s.raci).length > 0)) return [];
  const accountable = new Map<string, string[]>();
  for (const s of model.stakeholders) {
    for (const [id, role] of Object.entries(s.raci)) {
      if (role !== 'A') continue;
      const list = accountable.get(id) ?? [];
      if (!list.includes(s.id)) list.push(s.id);
      accountable.set(id, list);
    }
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const m of model.milestones) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    const a = accountable.get(m.id) ?? [];
    if (a.length === 0) {
      out.push(diagnostic('raci-no-accountable', m.entity.uri, m.entity.idSpan,
        `Milestone \`${m.id}\` has no Accountable stakeholder; give one stakeholder \`raci: { ${m.id}: A }\`.`,
        { data: { id: m.id } }));
    } else if (a.length > 1) {
      out.push(diagnostic('raci-many-accountable', m.entity.uri, m.entity.idSpan,
        `Milestone \`${m.id}\` has ${a.length} Accountable stakeholders (${a.join(', ')}); exactly one should be.`,
        { data: { id: m.id } }));
    }
  }
  return out;
}
