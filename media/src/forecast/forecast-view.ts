// The Forecast tab: how likely the dates are. The S-curve of the program
// finish and of a chosen milestone (with the target, the plan and the
// percentiles), and the tornado of what drives the finish. The forecast comes
// from the host (the language server's worker) after each view model, so the
// tab shows the last one, dimmed and with the run's progress, until the new one
// arrives; the exported page embeds its forecast once.
import type { ForecastReady, ForecastSeries, ForecastView } from '../../../server/src/view/forecast-types.js';
import { clear, h } from '../dom.js';
import type { UiState } from '../state.js';
import { percent, percentileOf, PERCENTILES, sCurve } from './s-curve.js';
import { tornado } from './tornado.js';

export interface ForecastTabCallbacks {
  reveal(id: string): void;
  change(patch: Partial<UiState>): void;
}

/** A sentence with `code` spans, built from text nodes only. */
function sentence(text: string): HTMLElement {
  const p = h('p', { class: 'fc-message' });
  text.split('`').forEach((part, i) => p.append(i % 2 === 1 ? h('code', {}, part) : part));
  return p;
}

export class ForecastTab {
  readonly root = h('div', { class: 'forecast' });
  private view: ForecastView | undefined;
  /** The view is for an older text of the program (a new view model came since). */
  private stale = false;
  private asked = false;
  private readonly progress = h('div', { class: 'fc-progress', role: 'status', hidden: true },
    h('span', { class: 'fc-progress-text' }), h('span', { class: 'fc-progress-track' }, h('span', { class: 'fc-progress-bar' })));
  private drawnWidth = 0;
  private last: UiState | undefined;

  /** `standalone`: the exported page, whose forecast is embedded or absent (nothing will come). */
  constructor(private readonly cb: ForecastTabCallbacks, private readonly standalone = false) {
    // Charts are drawn in pixels for the panel's width: redraw when it changes.
    new ResizeObserver(() => {
      const w = this.root.clientWidth;
      if (this.last && w > 0 && Math.abs(w - this.drawnWidth) > 16) this.update(this.last);
    }).observe(this.root);
  }

  /** The last forecast, and whether it is of an older text (then shown dimmed until the new one comes). */
  get latest(): { view: ForecastView | undefined; stale: boolean } {
    return { view: this.view, stale: this.stale };
  }

  /** Whether to ask the host for the forecast (once per view model). */
  wants(): boolean {
    return (this.stale || !this.view) && !this.asked;
  }

  asking(): void {
    this.asked = true;
    this.showProgress(0, 'starting');
  }

  /** A new view model: the forecast shown is now the previous text's. */
  programChanged(): void {
    if (this.view) this.stale = true;
    this.asked = false;
  }

  setView(view: ForecastView): void {
    this.view = view;
    this.stale = false;
    this.progress.hidden = true;
  }

  showProgress(percentage: number, message: string): void {
    this.progress.hidden = false;
    (this.progress.firstChild as HTMLElement).textContent = `Forecast running: ${Math.round(percentage)}%${message ? ` (${message})` : ''}`;
    (this.progress.querySelector('.fc-progress-bar') as HTMLElement).style.width = `${Math.max(0, Math.min(100, percentage))}%`;
  }

  update(state: UiState): void {
    this.last = state;
    clear(this.root);
    this.drawnWidth = this.root.clientWidth;
    this.root.classList.toggle('stale', this.stale);
    this.root.append(this.progress);
    const view = this.view;
    if (!view) {
      this.root.append(h('p', { class: 'fc-message' }, this.standalone
        ? 'This page was exported without a forecast: export it again with program-as-code export --format html.'
        : 'Waiting for the forecast…'));
      return;
    }
    if (view.status !== 'ready') { this.root.append(sentence(view.message)); return; }
    this.root.append(this.summary(view));
    const charts = h('div', { class: 'fc-charts' });
    this.root.append(charts, tornado(view.tasks, view.risks, (id) => this.cb.reveal(id)));
    charts.append(this.card(view.finish, h('h3', {}, 'Program finish')));
    const chosen = view.milestones.find((m) => m.id === state.forecastMilestone) ?? view.milestones[0];
    if (chosen) charts.append(this.card(chosen, this.selector(view, chosen)));
    else charts.append(h('figure', { class: 'fc-card' }, h('figcaption', {}, h('h3', {}, 'Milestones')),
      h('p', { class: 'fc-empty' }, 'No milestone has both depends_on and a target date to forecast.')));
    for (const card of Array.from(charts.querySelectorAll<HTMLElement>('.fc-card[data-series]'))) this.drawChart(card, view);
  }

  private summary(view: ForecastReady): HTMLElement {
    const parts = [`${view.iterations.toLocaleString('en-US')} iterations`, `seed ${view.seed}`, view.distribution === 'pert' ? 'PERT' : 'triangular'];
    if (view.meanDays !== null) parts.push(`mean finish ${view.meanDays.toFixed(1)} working days`);
    const p = h('p', { class: 'fc-summary' }, parts.join(' · '));
    if (view.iterations < view.requestedIterations) p.append(` (${view.requestedIterations.toLocaleString('en-US')} asked for; reduced to stay within memory)`);
    return p;
  }

  private selector(view: ForecastReady, chosen: ForecastSeries): HTMLElement {
    const select = h('select', { class: 'fc-milestone', 'aria-label': 'Milestone' },
      ...view.milestones.map((m) => h('option', { value: m.id ?? '', selected: m === chosen }, m.name === m.id ? m.id ?? '' : `${m.name} (${m.id ?? ''})`)));
    select.addEventListener('change', () => this.cb.change({ forecastMilestone: select.value }));
    return h('h3', {}, h('label', {}, 'Milestone ', select));
  }

  private card(series: ForecastSeries, title: HTMLElement): HTMLElement {
    const odds: string[] = [];
    if (series.target && series.onTimeProbability !== null) odds.push(`${percent(series.onTimeProbability)} chance of meeting the target ${series.target}`);
    if (series.deterministic && series.planProbability !== null) odds.push(`${percent(series.planProbability)} by the plan’s ${series.deterministic}`);
    const table = h('dl', { class: 'fc-percentiles' });
    for (const nn of PERCENTILES) table.append(h('div', { 'data-percentile': nn }, h('dt', {}, `P${nn}`), h('dd', {}, percentileOf(series, nn) ?? '—')));
    table.append(h('div', { class: 'fc-plan-cell' }, h('dt', {}, 'Plan'), h('dd', {}, series.deterministic ?? '—')));
    if (series.target) table.append(h('div', { class: 'fc-target-cell' }, h('dt', {}, 'Target'), h('dd', {}, series.target)));
    return h('figure', { class: 'fc-card', 'data-series': series.id ?? '' },
      h('figcaption', {}, title, h('p', { class: 'fc-odds' }, odds.join(' · '))),
      h('div', { class: 'fc-chart' }), table);
  }

  /** Draws a card's chart once the card is in the page (its width is known). */
  private drawChart(card: HTMLElement, view: ForecastReady): void {
    const id = card.dataset.series;
    const series = id ? view.milestones.find((m) => m.id === id) : view.finish;
    const holder = card.querySelector('.fc-chart') as HTMLElement;
    if (!series || series.curve.length === 0) { holder.append(h('p', { class: 'fc-empty' }, 'No dates: it is in or behind a dependency cycle.')); return; }
    holder.append(sCurve(series, holder.clientWidth));
  }
}
