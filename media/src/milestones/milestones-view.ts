// The Milestones tab: one row per milestone with its target, forecast, slip,
// status, owner and the chain of work that drives its date.
import type { ViewModel } from '../../../server/src/program/view-model.js';
import { clear, h } from '../dom.js';

export class MilestonesView {
  readonly root = h('div', { class: 'milestones' });

  constructor(private readonly reveal: (id: string) => void) {}

  update(vm: ViewModel): void {
    clear(this.root);
    if (vm.milestones.length === 0) { this.root.append(h('p', { class: 'empty-note' }, 'This program has no milestones.')); return; }
    const names = new Map<string, string>();
    for (const t of vm.tasks) names.set(t.id, t.name ?? t.id);
    for (const m of vm.milestones) names.set(m.id, m.name ?? m.id);
    const tbody = h('tbody');
    for (const m of vm.milestones) {
      const chain = h('td', { class: 'chain' });
      m.drivingChain.forEach((id, i) => {
        if (i > 0) chain.append(h('span', { class: 'chain-sep' }, ' → '));
        chain.append(this.link(id, names.get(id) ?? id));
      });
      tbody.append(h('tr', { class: `milestone-row status-${m.status}${m.critical ? ' critical' : ''}`, 'data-id': m.id },
        h('td', { class: 'nowrap' }, this.link(m.id, m.id)),
        h('td', {}, m.name ?? ''),
        h('td', { class: 'nowrap' }, m.target ?? '—'),
        h('td', { class: 'nowrap' }, m.date ?? '—'),
        h('td', { class: 'num' }, m.slip === null ? '—' : m.slip > 0 ? `+${m.slip}d` : '0'),
        h('td', {}, h('span', { class: `badge status-${m.status}` }, m.state)),
        h('td', {}, m.ownerName ?? m.owner ?? ''),
        chain));
    }
    const head = h('tr', {}, ...['ID', 'Name', 'Target', 'Forecast', 'Slip', 'Status', 'Owner', 'Driving chain'].map((l) => h('th', {}, l)));
    this.root.append(h('table', { class: 'milestone-table' }, h('thead', {}, head), tbody));
  }

  private link(id: string, label: string): HTMLAnchorElement {
    const a = h('a', { href: '#', class: 'reveal', 'data-reveal': id }, label);
    a.addEventListener('click', (e) => { e.preventDefault(); this.reveal(id); });
    return a;
  }
}
