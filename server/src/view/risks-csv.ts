// The risk register as CSV (RFC 4180, CRLF), in the preview's default order:
// open risks first, then by score. Cells go through csv.ts's one cell writer
// (quoting, and the defence against spreadsheet formulas).
import { csvCell } from './csv.js';
import type { ViewModel, ViewRisk } from './view-model.js';

/** Open risks first, then highest score, then id. */
export function riskOrder(a: ViewRisk, b: ViewRisk): number {
  if (a.open !== b.open) return a.open ? -1 : 1;
  return (b.score ?? -1) - (a.score ?? -1) || a.id.localeCompare(b.id);
}

export function risksCsv(vm: ViewModel): string {
  const header = ['id', 'title', 'probability', 'impact', 'score', 'band', 'status', 'owner', 'mitigation', 'contingency', 'affects', 'review_by'];
  const rows = [...vm.risks].sort(riskOrder).map((r) => [
    r.id, r.title, r.probability, r.impact, r.score, r.band, r.status, r.ownerName ?? r.owner, r.mitigation, r.contingency, r.affects.join(' '), r.reviewBy,
  ].map(csvCell).join(','));
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
