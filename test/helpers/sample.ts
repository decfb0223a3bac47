// A small program with known dates (Mon–Fri, start Monday 2026-01-05) for the
// feature tests:
//   design 5d            2026-01-05 .. 2026-01-09
//   api 10d  FS design   2026-01-12 .. 2026-01-23   (critical)
//   ui 5d    SS api +3d  2026-01-15 .. 2026-01-21
//   beta: depends on api, ui; target 2026-01-21; forecast 2026-01-23 (slips 2)
import { lines } from './program.js';

export const SAMPLE_LINES: readonly string[] = [
  'version: 1',
  'program:',
  '  id: apollo',
  '  name: Apollo Launch',
  '  start: 2026-01-05',
  '  status_date: 2026-01-05',
  '  owner: alice',
  'people:',
  '  - id: alice',
  '    name: Alice Chen',
  '  - id: bob',
  '    name: Bob <b>Stone</b>',
  'workstreams:',
  '  - id: backend',
  '    name: Backend',
  '    owner: alice',
  '    tasks:',
  '      - id: design',
  '        name: Design the API',
  '        duration: 5d',
  '      - id: api',
  '        name: Build the public API',
  '        duration: 10d',
  '        depends_on: [design]',
  '        assignees: [alice, bob]',
  '  - id: web',
  '    name: Web',
  '    tasks:',
  '      - id: ui',
  '        name: Web UI',
  '        duration: 5d',
  '        depends_on:',
  '          - { id: api, type: SS, lag: 3d }',
  'milestones:',
  '  - id: beta',
  '    name: Public beta',
  '    date: 2026-01-21',
  '    depends_on: [api, ui]',
  '    owner: bob',
  'risks:',
  '  - id: R-vendor',
  '    title: Vendor SDK ships late',
  '    probability: 4',
  '    impact: 3',
  '    owner: alice',
  '    mitigation: Weekly vendor sync.',
  '    affects: [api]',
];

export const SAMPLE = lines(...SAMPLE_LINES);

/** The sample with `extra` lines inserted before the line starting with `before`. */
export function sampleWith(before: string, extra: readonly string[]): string {
  const at = SAMPLE_LINES.findIndex((l) => l.startsWith(before));
  if (at < 0) throw new Error(`no line ${before}`);
  return lines(...SAMPLE_LINES.slice(0, at), ...extra, ...SAMPLE_LINES.slice(at));
}
