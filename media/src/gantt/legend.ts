// The Gantt's legend: every colour and mark the chart uses, each drawn with
// the chart's own classes (so it follows the theme exactly as the bars do).
import { BAR_HEIGHT, cancelMarkPath } from '../../../server/src/view/gantt-layout.js';
import { milestoneStateWords } from '../../../server/src/view/milestone-state.js';
import { h, s } from '../dom.js';
import { SHADOW_HEIGHT, shadowDiamond } from '../../../server/src/view/baseline-bars.js';

const W = 30;
const H = 16;
const Y = H / 2;

function swatch(...marks: SVGElement[]): SVGSVGElement {
  const svg = s('svg', { class: 'legend-swatch', width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true' });
  svg.append(...marks);
  return svg;
}

function bar(status: string, progress: number, critical = false): SVGGElement {
  const g = s('g', { class: `task status-${status}${critical ? ' critical' : ''}` });
  const top = Y - BAR_HEIGHT / 2 + 2;
  g.append(
    s('rect', { class: 'bar-bg', x: 2, y: top, width: W - 4, height: BAR_HEIGHT - 4, rx: 3 }),
    s('rect', { class: 'bar-progress', x: 2, y: top, width: ((W - 4) * progress) / 100, height: BAR_HEIGHT - 4, rx: 3 }),
  );
  return g;
}

function withPause(g: SVGGElement): SVGGElement {
  g.append(s('rect', { class: 'pause', x: 11, y: Y - BAR_HEIGHT / 2 + 2, width: 8, height: BAR_HEIGHT - 4 }));
  return g;
}

function diamondAt(x: number, r: number): string {
  return `M${x},${Y - r}L${x + r},${Y}L${x},${Y + r}L${x - r},${Y}Z`;
}

function milestone(status: string, slip = false): SVGGElement {
  const g = s('g', { class: `milestone status-${status}` });
  if (slip) {
    g.append(s('line', { class: 'slip-line', x1: 6, y1: Y, x2: 22, y2: Y }), s('path', { class: 'target-marker', d: diamondAt(6, 4) }));
  }
  g.append(s('path', { class: 'diamond', d: diamondAt(slip ? 22 : W / 2, 6) }));
  return g;
}

function item(mark: SVGSVGElement, label: string, cls: string): HTMLElement {
  return h('span', { class: `legend-item legend-${cls}` }, mark, label);
}

/** The legend element, built once (it depends on nothing but the CSS). */
export function ganttLegend(): HTMLDetailsElement {
  const items = h('div', { class: 'legend-items' },
    item(swatch(bar('not-started', 0)), 'Planned', 'planned'),
    item(swatch(bar('in-progress', 50)), 'In progress (filled part done)', 'progress'),
    item(swatch(bar('done', 100)), 'Done', 'done'),
    item(swatch(bar('blocked', 0)), 'Blocked', 'blocked'),
    item(swatch(bar('not-started', 0, true)), 'Critical path (red outline, red name)', 'critical'),
    item(swatch(s('path', { class: 'cancel-mark', d: cancelMarkPath(W / 2, Y) })), 'Cancelled (takes no time)', 'cancelled'),
    item(swatch(s('path', { class: 'summary-bar', d: `M2,${Y + 5}V${Y - 4}H${W - 2}V${Y + 5}L${W - 6},${Y + 1}H6Z` })), 'Workstream span', 'summary'),
    // Milestone states in the core's words (server/src/view/milestone-state.ts).
    item(swatch(milestone('on-time')), `Milestone ${milestoneStateWords('on-time', 0)}`, 'milestone'),
    item(swatch(milestone('slipping', true)), 'Slipping: ◇ target, dashes = slip', 'slipping'),
    item(swatch(s('line', { class: 'status-line', x1: W / 2, y1: 0, x2: W / 2, y2: H })), 'Status date', 'status-date'),
    item(swatch(s('rect', { class: 'nonworking', x: 4, y: 0, width: 10, height: H }), s('rect', { class: 'holiday', x: 16, y: 0, width: 10, height: H })), 'Weekend, holiday', 'nonworking'),
    item(swatch(s('path', { class: 'dep', d: `M2,${Y}H${W - 4}`, 'marker-end': 'url(#pac-arrow)' })), 'Dependency', 'dependency'),
    item(swatch(withPause(bar('not-started', 0))), 'Paused: an assignee on leave', 'pause'),
    item(swatch(s('path', { class: 'delay-bracket', d: `M2,${Y - 1}V${Y + 5}H${W - 2}` }), s('path', { class: 'hold-link', d: `M2,${Y - 5}H${W - 2}` })),
      'Levelling delay; dashes from the task that held the person or pool', 'delay'),
    // Shown only while a baseline is loaded (GanttView names its revision).
    item(swatch(s('rect', { class: 'baseline-shadow', x: 2, y: Y + 1, width: 16, height: SHADOW_HEIGHT, rx: 1 }), s('path', { class: 'baseline-shadow milestone-shadow', d: shadowDiamond(24, Y, 4) })), 'Baseline', 'baseline'),
  );
  (items.lastElementChild as HTMLElement).hidden = true;
  const details = h('details', { class: 'gantt-legend', open: true }, h('summary', {}, 'Legend'), items);
  return details;
}
