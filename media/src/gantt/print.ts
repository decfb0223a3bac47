// The Gantt on paper: a landscape A4 or Letter page with 10 mm margins holds
// about 980 CSS px across (Letter, the narrower). Printing uses the finest zoom
// whose chart fits that width beside the name column, so dates stay legible;
// a chart too long even by quarter is scaled down by the print CSS.
import type { ViewModel } from '../../../server/src/view/view-model.js';
import type { Zoom } from '../../../server/src/view/gantt-layout.js';
import { LABEL_WIDTH, makeScale } from '../../../server/src/view/gantt-layout.js';

/** Printable width of a landscape Letter page with 10 mm margins, in CSS px (96 per inch). */
export const PRINT_WIDTH_PX = Math.floor(((279.4 - 20) / 25.4) * 96);

const FINEST_FIRST: readonly Zoom[] = ['day', 'week', 'month', 'quarter'];

/** The zoom to print at: the user's, or the finest coarser one that fits the page. */
export function printZoom(vm: ViewModel, current: Zoom): Zoom {
  const from = FINEST_FIRST.indexOf(current);
  for (const z of FINEST_FIRST.slice(Math.max(0, from))) {
    if (LABEL_WIDTH + makeScale(vm, z).width <= PRINT_WIDTH_PX) return z;
  }
  return 'quarter';
}
