// A hand-computed program for the load view (unit and webview tests).
// Mon-Fri; holiday Wed 2026-01-14; status date 2026-01-05 (nothing moves). al: full time, on
// leave Thu 01-15..Fri 01-16. bo: half time. lab: 1 unit.
//   a 3d [al]                 01-05..01-07
//   b 2d [al, bo], lab 1      01-05..01-06
//   c 2d, lab 1               01-05..01-06
//   d 3d [al] from 01-12      works 01-12, 01-13 (01-14 holiday, 01-15/16 al's leave: a pause), 01-19
//   e 2d [al] from 01-19      01-19..01-20
//   f 5d [al] from 01-19      01-19..01-23
// Weeks of 01-05, 01-12, 01-19 (working days 5, 4, 5):
//   al  demand 5, 2, 8 of 5, 2, 5; peak 2, 1, 3 -> two tasks on a day, within, over-allocated
//   bo  demand 1, 0, 0 of 2.5, 2, 2.5             -> within, idle, idle
//   lab demand 4, 0, 0 of 5, 4, 5; peak 2 (> 1)   -> over-allocated, idle, idle
import { lines } from './program.js';

export const LOAD_FIXTURE = lines(
  'version: 1',
  'program: { id: p, name: Load fixture, start: 2026-01-05, status_date: 2026-01-05 }',
  'calendar: { holidays: [2026-01-14] }',
  'people:',
  '  - { id: al, name: Al, leave: [{ from: 2026-01-15, to: 2026-01-16 }] }',
  '  - { id: bo, name: Bo, capacity: 0.5 }',
  'pools:',
  '  - { id: lab, name: Lab, units: 1 }',
  'workstreams:',
  '  - id: ws',
  '    name: WS',
  '    tasks:',
  '      - { id: a, name: A, duration: 3d, assignees: [al] }',
  '      - { id: b, name: B, duration: 2d, assignees: [al, bo], needs: { lab: 1 } }',
  '      - { id: c, name: C, duration: 2d, needs: { lab: 1 } }',
  '      - { id: d, name: D, duration: 3d, assignees: [al], start: 2026-01-12 }',
  '      - { id: e, name: E, duration: 2d, assignees: [al], start: 2026-01-19 }',
  '      - { id: f, name: F, duration: 5d, assignees: [al], start: 2026-01-19 }',
);
