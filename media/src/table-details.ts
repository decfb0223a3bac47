// Tables in a narrow panel: the columns that matter first stay, the others
// (class `opt`, hidden by a container query) open under their row on demand.
// The ▸ cell and the details row exist at every width; the CSS shows them only
// where the optional columns are hidden.
import { h } from './dom.js';

type Content = string | Node | Node[];

/** The row under a table row that lists its optional fields. */
export function detailsRow(span: number, fields: readonly [string, Content][]): HTMLTableRowElement {
  const list = h('dl', { class: 'row-details' });
  for (const [label, value] of fields) {
    const dd = h('dd');
    if (Array.isArray(value)) value.forEach((v, i) => { if (i > 0) dd.append(' '); dd.append(v); });
    else dd.append(value);
    list.append(h('dt', {}, label), dd);
  }
  return h('tr', { class: 'details narrow-only', hidden: true }, h('td', { colspan: span }, list));
}

/** The first cell of a row: a button that shows or hides its details row. */
export function moreCell(details: HTMLTableRowElement): HTMLTableCellElement {
  const btn = h('button', { class: 'more-toggle', 'aria-expanded': 'false', title: 'More about this row' }, '▸');
  btn.addEventListener('click', () => {
    details.hidden = !details.hidden;
    btn.setAttribute('aria-expanded', String(!details.hidden));
    btn.textContent = details.hidden ? '▸' : '▾';
  });
  return h('td', { class: 'more narrow-only' }, btn);
}
