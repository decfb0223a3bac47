// One CSV cell (RFC 4180), for every CSV the product writes: the risk
// register (risks-csv.ts) and the CLI's `schedule --format csv` tables. Cells
// that a spreadsheet would read as a formula (=, +, -, @) are prefixed with a
// quote, so an opened export never runs text from a program file.

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
