// The Milestones tab: one row per milestone with its target, forecast, slip,
// status, owner and the chain of work that drives its date; with a forecast
// (the server's, or the one embedded in the exported page), each milestone's
// P80 beside its deterministic forecast.
import type { ViewModel } from '../../../server/src/view/view-model.js';
import { clear, h } from '../dom.js';
import { detailsRow, moreCell } from '../table-details.js';
import type { ForecastView } from '../../../server/src/view/forecast-types.js';
import { P80_TITLE, p80Cell, p80Of } from '../forecast/milestone-p80.js';

export class MilestonesView {
  readonly root = h('div', { class: 'milestones' });

  constructor(private readonly reveal: (id: string) => void) {}

  update(vm: ViewModel, forecast?: { view: ForecastView | undefined; stale: boolean }): void {
    clear(this.root);
    if (vm.milestones.length === 0) { this.root.append(h('p', { class: 'empty-note' }, 'This program has no milestones.')); return; }
    const names = new Map<string, string>();
    for (const t of vm.tasks) names.set(t.id, t.name ?? t.id);
    for (const m of vm.milestones) names.set(m.id, m.name ?? m.id);
    const p80 = p80Of(forecast?.view);
    const tbody = h('tbody');
    for (const m of vm.milestones) {
      const chain = h('td', { class: 'chain opt' });
      m.drivingChain.forEach((id, i) => {
        if (i > 0) chain.append(h('span', { class: 'chain-sep' }, ' → '));
        chain.append(this.link(id, names.get(id) ?? id));
      });
      const details = detailsRow(p80 ? 10 : 9, [['ID', this.link(m.id, m.id)], ['Owner', m.ownerName ?? m.owner ?? '—'], ['Driving chain', chain.childNodes.length ? Array.from(chain.cloneNode(true).childNodes) : '—']]);
      // The clone lost its listeners: links in the details reveal by delegation.
      details.addEventListener('click', (e) => {
        const a = e.target instanceof Element ? e.target.closest('a[data-reveal]') : null;
        if (a) { e.preventDefault(); this.reveal(a.getAttribute('data-reveal')!); }
      });
      tbody.append(h('tr', { class: `milestone-row status-${m.status}${m.critical ? ' critical' : ''}`, 'data-id': m.id },
        moreCell(details),
        h('td', { class: 'nowrap opt' }, this.link(m.id, m.id)),
        h('td', { class: 'name' }, m.name ? this.link(m.id, m.name) : this.link(m.id, m.id)),
        h('td', { class: 'nowrap' }, m.target ?? '—'),
        h('td', { class: 'nowrap' }, m.date ?? '—'),
        p80 && p80Cell(p80.get(m.id)),
        h('td', { class: 'num' }, m.slip === null ? '—' : m.slip > 0 ? `+${m.slip}d` : '0'),
        h('td', {}, h('span', { class: `badge status-${m.status}` }, m.state)),
        h('td', { class: 'opt' }, m.ownerName ?? m.owner ?? ''),
        chain), details);
    }
    // ID, owner and driving chain open under a row on demand in a narrow panel.
    const optional = new Set(['ID', 'Owner', 'Driving chain']);
    const head = h('tr', {}, h('th', { class: 'more narrow-only', 'aria-label': 'Details' }),
      ...['ID', 'Name', 'Target', 'Forecast', ...(p80 ? ['P80'] : []), 'Slip', 'Status', 'Owner', 'Driving chain']
        .map((l) => h('th', { class: optional.has(l) ? 'opt' : null, title: l === 'P80' ? P80_TITLE : null }, l)));
    this.root.append(h('table', { class: `milestone-table${p80 && forecast?.stale ? ' p80-stale' : ''}` }, h('thead', {}, head), tbody));
  }

  private link(id: string, label: string): HTMLAnchorElement {
    const a = h('a', { href: '#', class: 'reveal', 'data-reveal': id }, label);
    a.addEventListener('click', (e) => { e.preventDefault(); this.reveal(id); });
    return a;
  }
}
