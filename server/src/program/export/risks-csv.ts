// The risk register as CSV (RFC 4180, CRLF), in the preview's default order:
// open risks first, then by score. Cells that a spreadsheet would read as a
// formula (=, +, -, @) are prefixed with a quote.
import type { ViewModel, ViewRisk } from '../view-model.js';

/**
 * Text a spreadsheet could read as a formula: `=`, `+`, `-` or `@` (or their
 * full-width forms) after any leading blanks, including the ones spreadsheets
 * skip but a regular expression's `\s` does not see as such (no-break space,
 * ideographic space, zero-width space and joiners, byte-order mark), or a
 * leading tab, CR or LF.
 */
const FORMULA = /^(?:[\s\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n])/;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const s = String(value);
  const safe = typeof value === 'string' && FORMULA.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

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
