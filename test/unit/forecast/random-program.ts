// Random programs that use every scheduling rule (SS/FF/FS with lags,
// workstream dependencies, start constraints, actual dates on any day,
// cancelled tasks, progress and a status date, people with leave, fixed
// milestones on weekends, holidays, cycles), for the forecast's equivalence tests.
import { formatDate } from '../../../server/src/program/dates.js';
import { mulberry32 } from '../../../bench/random.js';

export interface RandomOptions {
  /** `scheduling.levelling: true`, with pools, needs and priorities. */
  readonly level?: boolean;
  /** Estimates with optimistic = likely = pessimistic (every forecast iteration is the plan). */
  readonly exact?: boolean;
}

export function randomProgram(seed: number, options: RandomOptions = {}): string {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const date = (offset: number) => formatDate(20458 + offset); // 2026-01-05 + offset days
  const status = rnd() < 0.5 ? `, status_date: ${date(int(0, 30))}` : '';
  const out: string[] = ['version: 1', `program: { id: p${seed}, name: P, start: ${date(int(-3, 3))}${status} }`];
  // People, some with leave (runs over weekends and holidays, overlapping, one covering the horizon now and then).
  if (options.level) out.push('scheduling: { levelling: true }', 'pools:', `  - { id: lab, name: Lab, units: ${int(1, 2)} }`);
  out.push('people:');
  const names = ['ann', 'bob', 'cy'];
  for (const name of names) {
    const leave: string[] = [];
    for (let k = 0; k < int(0, 3); k++) { const a = int(-5, 60); leave.push(`{ from: ${date(a)}, to: ${date(a + int(0, 9))} }`); }
    if (rnd() < 0.02) leave.push(`{ from: ${date(-10)}, to: ${date(5000)} }`);
    out.push(`  - { id: ${name}, name: ${name}${leave.length > 0 ? `, leave: [${leave.join(', ')}]` : ''} }`);
  }
  out.push(`calendar: { workdays: ${pick(['[mon, tue, wed, thu, fri]', '[mon, tue, wed, thu, fri, sat]', '[tue, thu]'])}, holidays: [${date(int(5, 40))}, { from: ${date(50)}, to: ${date(int(50, 60))} }] }`);
  const ids: string[] = [];
  const wsIds: string[] = [];
  const nWs = int(1, 4);
  out.push('workstreams:');
  for (let w = 0; w < nWs; w++) {
    const wid = `w${w}`;
    out.push(`  - id: ${wid}`, `    name: W${w}`, '    tasks:');
    const nTasks = int(1, 8);
    for (let k = 0; k < nTasks; k++) {
      const id = `t${w}_${k}`;
      const deps: string[] = [];
      const pool = [...ids, ...wsIds, ...(rnd() < 0.05 ? [`t${w}_${k + 1}`] : [])]; // sometimes a forward reference: a cycle may form
      for (let j = 0; j < int(0, 3) && pool.length > 0; j++) {
        const target = pick(pool);
        const r = rnd();
        deps.push(r < 0.5 ? target : `{ id: ${target}, type: ${pick(['FS', 'SS', 'FF'])}, lag: ${int(0, 4)}d }`);
      }
      const parts = [`id: ${id}`, `name: T`];
      const r = rnd();
      if (r < 0.1 && options.exact) { const d = int(1, 6); parts.push(`estimate: { optimistic: ${d}d, likely: ${d}d, pessimistic: ${d}d }`); }
      else if (r < 0.1) parts.push(`estimate: { optimistic: ${int(1, 2)}d, likely: ${int(3, 4)}d, pessimistic: 9d }`);
      else parts.push(`duration: ${int(1, 12)}d`);
      if (deps.length > 0) parts.push(`depends_on: [${deps.join(', ')}]`);
      if (rnd() < 0.1) parts.push(`start: ${date(int(0, 40))}`);
      if (options.level && rnd() < 0.3) parts.push(`needs: { lab: 1 }`);
      if (options.level && rnd() < 0.3) parts.push(`priority: ${int(1, 1000)}`);
      if (rnd() < 0.5) parts.push(`assignees: [${pick(names)}${rnd() < 0.3 ? `, ${pick(names)}` : ''}]`);
      const s = rnd();
      if (s < 0.08) parts.push('status: cancelled');
      else if (s < 0.12) parts.push(`progress: ${int(1, 99)}`);
      else if (s < 0.15) parts.push(`status: ${pick(['in-progress', 'blocked', 'done'])}`);
      else if (s < 0.18) parts.push(`actual_start: ${date(int(-2, 20))}, progress: ${int(0, 90)}`);
      else if (s < 0.21) parts.push(`actual_start: ${date(int(-2, 20))}`);
      else if (s < 0.26) { const a = int(-2, 20); parts.push(`actual_start: ${date(a)}`, `actual_end: ${date(a + int(0, 9))}`); }
      out.push(`      - { ${parts.join(', ')} }`);
      ids.push(id);
    }
    wsIds.push(wid);
  }
  out.push('milestones:');
  const nMs = int(1, 4);
  for (let m = 0; m < nMs; m++) {
    const parts = [`id: m${m}`, 'name: M'];
    const r = rnd();
    if (r < 0.3) parts.push(`date: ${date(int(-5, 60))}`); // fixed, any weekday
    else {
      parts.push(`depends_on: [${[pick([...ids, ...wsIds]), ...(rnd() < 0.5 ? [`{ id: ${pick(ids)}, lag: ${int(0, 3)}d }`] : [])].join(', ')}]`);
      if (rnd() < 0.6) parts.push(`date: ${date(int(0, 80))}`);
    }
    out.push(`  - { ${parts.join(', ')} }`);
    ids.push(`m${m}`);
  }
  return `${out.join('\n')}\n`;
}
