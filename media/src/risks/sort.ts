// Ordering and filtering of the risk register, kept apart from the DOM so the
// rules are easy to read: open risks first by default, then by score.
import type { ViewRisk } from '../../../server/src/view/view-model.js';
import type { RiskSortKey, UiState } from '../state.js';

const BAND_RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };

function byDefault(a: ViewRisk, b: ViewRisk): number {
  if (a.open !== b.open) return a.open ? -1 : 1;
  return (b.score ?? -1) - (a.score ?? -1) || a.id.localeCompare(b.id);
}

function value(r: ViewRisk, key: RiskSortKey): string | number {
  switch (key) {
    case 'score': return r.score ?? -1;
    case 'band': return BAND_RANK[r.band ?? ''] ?? 0;
    case 'title': return (r.title ?? '').toLowerCase();
    case 'status': return r.status;
    case 'owner': return (r.ownerName ?? r.owner ?? '').toLowerCase();
    default: return r.id;
  }
}

export function sortRisks(risks: readonly ViewRisk[], key: RiskSortKey, desc: boolean): ViewRisk[] {
  const list = [...risks];
  if (key === 'default') return list.sort(byDefault);
  return list.sort((a, b) => {
    const va = value(a, key);
    const vb = value(b, key);
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return (desc ? -c : c) || a.id.localeCompare(b.id);
  });
}

export function filterRisks(risks: readonly ViewRisk[], st: Pick<UiState, 'riskFilter' | 'riskCell' | 'riskStatus'>): ViewRisk[] {
  const q = st.riskFilter.trim().toLowerCase();
  return risks.filter((r) => {
    if (st.riskStatus === 'open' && !r.open) return false;
    if (st.riskStatus === 'closed' && r.open) return false;
    if (st.riskCell && (r.probability !== st.riskCell[0] || r.impact !== st.riskCell[1])) return false;
    if (!q) return true;
    return [r.id, r.title, r.description, r.owner, r.ownerName, r.mitigation, r.contingency, r.status, ...r.affects]
      .some((f) => f !== null && f !== undefined && f.toLowerCase().includes(q));
  });
}
