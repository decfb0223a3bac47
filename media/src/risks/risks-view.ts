// The Risks tab: a 5×5 heat map (probability up, impact across; a click on a
// cell filters the table) and the sortable, filterable register.
import type { ViewModel, ViewRisk } from '../../../server/src/view/view-model.js';
import { clear, h } from '../dom.js';
import type { RiskSortKey, UiState } from '../state.js';
import { detailsRow, moreCell } from '../table-details.js';
import { filterRisks, sortRisks } from './sort.js';

export interface RisksCallbacks {
  reveal(id: string): void;
  change(patch: Partial<UiState>): void;
}

/**
 * The register's columns. In a narrow panel (a side preview) only those that
 * matter first are shown; the `optional` ones open under a row on demand (▸).
 */
const COLUMNS: readonly { key: RiskSortKey | null; label: string; optional?: boolean }[] = [
  { key: 'id', label: 'ID' }, { key: 'title', label: 'Title' }, { key: 'score', label: 'Score' }, { key: 'band', label: 'Band', optional: true },
  { key: 'status', label: 'Status', optional: true }, { key: 'owner', label: 'Owner' }, { key: null, label: 'Mitigation', optional: true },
  { key: null, label: 'Contingency', optional: true }, { key: null, label: 'Affects', optional: true },
];

export class RisksView {
  readonly root = h('div', { class: 'risks' });
  private readonly heat = h('div', { class: 'heat-map', role: 'grid', 'aria-label': 'Risk heat map: probability by impact' });
  private readonly controls = h('div', { class: 'risk-controls' });
  private readonly table = h('table', { class: 'risk-table' });
  private readonly filterInput = h('input', { type: 'search', class: 'risk-filter', placeholder: 'Filter risks…', 'aria-label': 'Filter risks' });
  private readonly statusSelect = h('select', { class: 'risk-status', 'aria-label': 'Risk status' },
    h('option', { value: 'all' }, 'All statuses'), h('option', { value: 'open' }, 'Open'), h('option', { value: 'closed' }, 'Closed'));
  private readonly summary = h('span', { class: 'risk-summary' });

  constructor(private readonly cb: RisksCallbacks) {
    this.controls.append(this.filterInput, this.statusSelect, this.summary);
    this.root.append(h('div', { class: 'heat-wrap' }, this.heat), h('div', { class: 'register' }, this.controls, h('div', { class: 'table-wrap' }, this.table)));
    this.filterInput.addEventListener('input', () => this.cb.change({ riskFilter: this.filterInput.value }));
    this.statusSelect.addEventListener('change', () => this.cb.change({ riskStatus: this.statusSelect.value as UiState['riskStatus'] }));
  }

  update(vm: ViewModel, st: UiState): void {
    this.drawHeatMap(vm, st);
    if (this.filterInput.value !== st.riskFilter) this.filterInput.value = st.riskFilter;
    this.statusSelect.value = st.riskStatus;
    const shown = sortRisks(filterRisks(vm.risks, st), st.riskSort, st.riskSortDesc);
    this.summary.textContent = `${shown.length} of ${vm.risks.length} risks${st.riskCell ? ` · P${st.riskCell[0]} × I${st.riskCell[1]}` : ''}`;
    this.drawTable(shown, st);
  }

  private drawHeatMap(vm: ViewModel, st: UiState): void {
    clear(this.heat);
    const counts = new Map<string, number>();
    for (const r of vm.risks) {
      if (r.probability === null || r.impact === null) continue;
      const k = `${r.probability},${r.impact}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    this.heat.append(h('div', { class: 'axis-title y' }, 'Probability'));
    for (let p = 5; p >= 1; p--) {
      this.heat.append(h('div', { class: 'axis-label' }, String(p)));
      for (let i = 1; i <= 5; i++) {
        const band = vm.riskMatrix?.[p - 1]?.[i - 1] ?? 'low';
        const n = counts.get(`${p},${i}`) ?? 0;
        const selected = st.riskCell !== null && st.riskCell[0] === p && st.riskCell[1] === i;
        const cell = h('button', {
          class: `heat-cell band-${band}${selected ? ' selected' : ''}${n === 0 ? ' empty' : ''}`, 'data-p': p, 'data-i': i,
          title: `Probability ${p} × impact ${i} = ${p * i} (${band}): ${n} risk${n === 1 ? '' : 's'}`, 'aria-pressed': String(selected),
        }, n > 0 ? String(n) : '');
        cell.addEventListener('click', () => this.cb.change({ riskCell: selected ? null : [p, i] }));
        this.heat.append(cell);
      }
    }
    this.heat.append(h('div', { class: 'axis-label' }));
    for (let i = 1; i <= 5; i++) this.heat.append(h('div', { class: 'axis-label' }, String(i)));
    this.heat.append(h('div', { class: 'axis-title x' }, 'Impact'));
  }

  private drawTable(risks: readonly ViewRisk[], st: UiState): void {
    clear(this.table);
    const headRow = h('tr', {}, h('th', { class: 'more narrow-only', 'aria-label': 'Details' }));
    for (const c of COLUMNS) {
      const cls = c.optional ? 'opt' : null;
      if (!c.key) { headRow.append(h('th', { class: cls }, c.label)); continue; }
      const key = c.key;
      const active = st.riskSort === key;
      const th = h('th', { class: cls, 'aria-sort': active ? (st.riskSortDesc ? 'descending' : 'ascending') : 'none' });
      const btn = h('button', { class: 'sort', 'data-sort': key }, c.label, active ? (st.riskSortDesc ? ' ▼' : ' ▲') : '');
      btn.addEventListener('click', () => this.cb.change({ riskSort: key, riskSortDesc: active ? !st.riskSortDesc : key === 'score' || key === 'band' }));
      th.append(btn);
      headRow.append(th);
    }
    const tbody = h('tbody');
    for (const r of risks) {
      const affects = h('td', { class: 'affects opt' });
      for (const a of r.affects) affects.append(this.link(a, a), ' ');
      const details = detailsRow(COLUMNS.length + 1, [
        ['Band', r.band ?? '—'], ['Status', r.status], ['Mitigation', r.mitigation ?? '—'], ['Contingency', r.contingency ?? '—'],
        ['Affects', r.affects.length ? r.affects.map((a) => this.link(a, a)) : '—'],
      ]);
      tbody.append(h('tr', { class: `risk-row${r.open ? ' open' : ' closed'}`, 'data-id': r.id },
        moreCell(details),
        h('td', { class: 'id' }, this.link(r.id, r.id)),
        h('td', { class: 'title' }, r.title ?? ''),
        h('td', { class: 'num' }, r.score === null ? '' : h('span', { class: `score band-${r.band ?? 'none'}` }, String(r.score))),
        h('td', { class: 'opt' }, r.band ? h('span', { class: `badge band-${r.band}` }, r.band) : ''),
        h('td', { class: 'opt nowrap' }, r.status),
        h('td', {}, r.ownerName ?? r.owner ?? ''),
        h('td', { class: 'text opt' }, r.mitigation ?? ''),
        h('td', { class: 'text opt' }, r.contingency ?? ''),
        affects), details);
    }
    this.table.append(h('thead', {}, headRow), tbody);
  }

  private link(id: string, label: string): HTMLAnchorElement {
    const a = h('a', { href: '#', class: 'reveal', 'data-reveal': id }, label);
    a.addEventListener('click', (e) => { e.preventDefault(); this.cb.reveal(id); });
    return a;
  }
}
