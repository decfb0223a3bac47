// The Forecast tab's tornado: what drives the finish. Tasks ranked by
// sensitivity (the rank correlation of their sampled duration with the
// finish) and risks by mean delay (working days the finish moves when the
// risk occurs), each bar a button that reveals the item's definition.
import type { ForecastDriver } from '../../../server/src/view/forecast-types.js';
import { h } from '../dom.js';
import { percent } from './s-curve.js';

function group(title: string, hint: string, drivers: readonly ForecastDriver[], empty: string, reveal: (id: string) => void): HTMLElement {
  const section = h('section', { class: 'fc-group' }, h('h4', {}, title), h('p', { class: 'fc-hint' }, hint));
  if (drivers.length === 0) { section.append(h('p', { class: 'fc-empty' }, empty)); return section; }
  const max = Math.max(...drivers.map((d) => Math.abs(d.value))) || 1;
  const list = h('div', { class: 'fc-driver-list', role: 'list' });
  for (const d of drivers) {
    const value = d.kind === 'task' ? d.value.toFixed(2) : `${d.value >= 0 ? '+' : '−'}${Math.abs(d.value).toFixed(1)}d`;
    const detail = d.kind === 'task'
      ? `${d.name} (${d.id}): sensitivity ${d.value.toFixed(2)}${d.share === null ? '' : `, critical in ${percent(d.share)} of iterations`}. Click to go to its definition.`
      : `${d.name} (${d.id}): occurs in ${percent(d.share ?? 0)} of iterations; when it does, the finish is ${d.value.toFixed(1)} working days later on average. Click to go to its definition.`;
    const bar = h('span', { class: `fc-bar${d.value < 0 ? ' negative' : ''}` });
    bar.style.width = `${Math.max(1, (Math.abs(d.value) / max) * 100).toFixed(1)}%`;
    const row = h('button', { class: `fc-driver fc-${d.kind}`, role: 'listitem', 'data-id': d.id, 'data-kind': d.kind, title: detail },
      h('span', { class: 'fc-driver-label' }, h('span', { class: 'fc-driver-id' }, d.id), d.name !== d.id ? h('span', { class: 'fc-driver-name' }, d.name) : null),
      h('span', { class: 'fc-track' }, bar),
      h('span', { class: 'fc-value' }, value),
      d.kind === 'risk' ? h('span', { class: 'fc-share' }, percent(d.share ?? 0)) : h('span', { class: 'fc-share' }, d.share === null ? '' : percent(d.share)));
    row.addEventListener('click', () => reveal(d.id));
    list.append(row);
  }
  section.append(list);
  return section;
}

export function tornado(tasks: readonly ForecastDriver[], risks: readonly ForecastDriver[], reveal: (id: string) => void): HTMLElement {
  return h('div', { class: 'fc-drivers' },
    h('h3', {}, 'What drives the finish'),
    group('Tasks by sensitivity', 'Rank correlation of the task’s sampled duration with the finish (1: the finish moves with it); the share is how often it is critical.',
      tasks, 'No task has a three-point estimate.', reveal),
    group('Risks by mean delay', 'Working days the finish moves when the risk occurs; the share is its chance in an iteration.',
      risks, 'No open risk with a schedule impact moves the finish.', reveal));
}
