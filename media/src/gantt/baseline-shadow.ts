// The baseline's shadow under a bar: a thin bar where the task was at the
// baseline revision, or a hollow diamond where the milestone was. Drawn
// before the current bar, so the bar covers it where nothing moved.
import type { Shadow } from '../../../server/src/view/baseline-bars.js';
import { SHADOW_HEIGHT, shadowDiamond } from '../../../server/src/view/baseline-bars.js';
import { s } from '../dom.js';

export function drawShadow(sh: Shadow, revision: string): SVGElement {
  const title = s('title', {}, `${revision}: ${sh.milestone ? sh.end ?? '–' : `${sh.start ?? '–'} → ${sh.end ?? '–'}`}`);
  if (sh.milestone) return s('path', { class: 'baseline-shadow milestone-shadow', d: shadowDiamond(sh.x1, sh.y), 'data-id': sh.id, 'data-end': sh.end }, title);
  return s('rect', { class: 'baseline-shadow', x: sh.x1, y: sh.y, width: Math.max(sh.x2 - sh.x1, 2), height: SHADOW_HEIGHT, rx: 1, 'data-id': sh.id, 'data-start': sh.start, 'data-end': sh.end }, title);
}
