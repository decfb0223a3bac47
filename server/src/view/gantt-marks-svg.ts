// The Gantt marks of gantt-marks.ts as static SVG text, for the exported SVG
// (and PNG): fixed light colours like the rest of that file; user text escaped.
import type { Box, Scale } from './gantt-layout.js';
import { arrowPath } from './gantt-layout.js';
import { escapeXml as x } from './xml.js';
import { delayHoverWords, delayMarker, delayWords, holdLinks, pauseBoxes, pauseWords } from './gantt-marks.js';
import type { TaskMarks } from './gantt-marks.js';

export const MARKS_STYLE = '.pause-bg{fill:#ffffff}.pause-hatch{stroke:#8250df;stroke-width:1.6}'
  + '.delay-bracket{fill:none;stroke:#d4760a;stroke-width:2}.delay-label{fill:#1f2328;font-size:10px;font-weight:600}'
  + '.hold-link{fill:none;stroke:#d4760a;stroke-width:1.3;stroke-dasharray:2 3}.arrow-head.hold{fill:#d4760a}';

export const MARKS_DEFS = '<pattern id="pause" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">'
  + '<rect class="pause-bg" width="5" height="5"/><line class="pause-hatch" x1="1" y1="0" x2="1" y2="5"/></pattern>'
  + '<marker id="ah" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow-head hold" d="M0,0L8,4L0,8Z"/></marker>';

/**
 * A task's pauses (hatched, each with its reason) and its delay bracket, whose
 * title names the delayed task and its holders as the preview's hover does
 * (`nameOf`: "Build (a)"; without it, the plain words).
 */
export function marksSvg(marks: TaskMarks | undefined, box: Box, scale: Scale, nameOf?: (id: string) => string): string {
  if (!marks) return '';
  let out = '';
  for (const p of pauseBoxes(marks, scale, box)) {
    out += `<rect class="pause" fill="url(#pause)" x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}"><title>${x(pauseWords(p.pause))}</title></rect>`;
  }
  if (marks.delay) {
    const m = delayMarker(box, scale, marks.delay.days);
    // The page's hover ends with where a click goes; a static SVG has no click.
    const title = nameOf ? delayHoverWords(marks.delay, nameOf).filter((l) => !l.startsWith('Click')).join('. ') : delayWords(marks.delay);
    out += `<g class="delay-marker"><title>${x(title)}</title><path class="delay-bracket" d="${m.path}"/>`
      + `<text class="delay-label" x="${m.labelX}" y="${m.labelY}" text-anchor="end">${x(m.label)}</text></g>`;
  }
  return out;
}

/** The dashed links from holding tasks to the tasks they delayed. */
export function holdsSvg(marks: ReadonlyMap<string, TaskMarks>, rowOf: (id: string) => number | undefined, boxes: readonly (Box | null)[]): string {
  let out = '';
  for (const l of holdLinks(marks, rowOf)) {
    const a = boxes[l.from];
    const b = boxes[l.to];
    if (a && b) out += `<path class="hold-link" d="${arrowPath('FS', a, b)}" marker-end="url(#ah)"/>`;
  }
  return out;
}
