// Levelling benchmark: 10,000 tasks, 200 people and 20 pools over about two
// years (200 workstreams of 50 tasks, each with a team of 5 and dependencies on
// earlier tasks; a fifth of the tasks need a pool), levelled end to end by
// scheduleProgram, then checked: no person on two tasks and no pool above its
// units on any day. Also the critical-path schedule of the same file.
// Run: node --import tsx bench/level.ts
import { memoryHost } from '../server/src/program/host.js';
import { loadProgram } from '../server/src/program/load.js';
import { workDays } from '../server/src/program/resource-load.js';
import { scheduleProgram } from '../server/src/program/schedule.js';
import { mulberry32 } from './random.js';

export function levelProgramYaml(tasks = 10_000, people = 200, pools = 20, seed = 7): string {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const out = ['version: 1', 'program: { id: lv, name: Levelling bench, start: 2026-01-05 }', 'scheduling: { levelling: true }', 'people:'];
  for (let p = 0; p < people; p++) {
    const leave = p % 4 === 0 ? `, leave: [{ from: 2026-0${int(2, 9)}-0${int(1, 5)}, to: 2026-0${int(2, 9)}-1${int(0, 5)} }]` : '';
    out.push(`  - { id: p${p}, name: P${p}${leave} }`);
  }
  out.push('pools:');
  for (let q = 0; q < pools; q++) out.push(`  - { id: q${q}, name: Q${q}, units: ${int(2, 6)} }`);
  out.push('workstreams:');
  const per = 50;
  for (let w = 0; w * per < tasks; w++) {
    out.push(`  - id: w${w}`, `    name: W${w}`, '    tasks:');
    for (let i = 0; i < per && w * per + i < tasks; i++) {
      const id = `t${w}_${i}`;
      const deps = i === 0 ? [] : [...new Set([`t${w}_${int(Math.max(0, i - 5), i - 1)}`, ...(rand() < 0.3 ? [`t${w}_${int(0, i - 1)}`] : [])])];
      const who = `p${(w * 5 + int(0, 4)) % people}`;
      const needs = rand() < 0.2 ? `, needs: { q${int(0, pools - 1)}: ${int(1, 2)} }` : '';
      out.push(`      - { id: ${id}, name: T, duration: ${int(1, 10)}d, assignees: [${who}]${needs}${deps.length ? `, depends_on: [${deps.join(', ')}]` : ''}${rand() < 0.1 ? `, priority: ${int(600, 900)}` : ''} }`);
    }
  }
  return `${out.join('\n')}\n`;
}

export interface LevelFigures {
  readonly tasks: number;
  readonly levelMs: number;
  readonly cpmMs: number;
  readonly cpmFinish: string;
  readonly levelledFinish: string;
  readonly delayed: number;
  readonly feasible: boolean;
}

export function benchLevel(tasks = 10_000): LevelFigures {
  const uri = 'file:///bench/level.program.yaml';
  const model = loadProgram(uri, memoryHost({ [uri]: levelProgramYaml(tasks) }));
  scheduleProgram(model, { level: true, levelBudget: 1 }); // warm-up
  // CPU time of this thread: on a shared machine wall time measures the neighbours too.
  const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  let t0 = cpu();
  const cpm = scheduleProgram(model, { level: false });
  const cpmMs = cpu() - t0;
  t0 = cpu();
  const s = scheduleProgram(model, { level: true });
  const levelMs = cpu() - t0;
  // Check: one task per person per day, pools within their units.
  const used = new Map<string, number>();
  const units = new Map((model.pools ?? []).map((p) => [p.id, p.units]));
  let feasible = true;
  let delayed = 0;
  for (const t of model.tasks) {
    const it = s.items.get(t.id);
    if (!it || it.start === null || it.end === null) continue;
    if ((it.levellingDelay ?? 0) > 0) delayed++;
    workDays(s, t, it.start, it.end, (d) => {
      for (const p of t.assignees) {
        const k = `${p}@${d}`;
        used.set(k, (used.get(k) ?? 0) + 1);
        if ((used.get(k) as number) > 1) feasible = false;
      }
      for (const nd of t.needs ?? []) {
        const k = `${nd.pool}@${d}`;
        used.set(k, (used.get(k) ?? 0) + nd.units);
        if ((used.get(k) as number) > (units.get(nd.pool) ?? 0)) feasible = false;
      }
    });
  }
  const f = (d: number | null): string => (d === null ? '?' : new Date(d * 86_400_000).toISOString().slice(0, 10));
  return { tasks, levelMs, cpmMs, cpmFinish: f(cpm.finish), levelledFinish: f(s.finish), delayed, feasible };
}

if (require.main === module) {
  const r = benchLevel(Number(process.argv[2] ?? 10_000));
  console.log(`levelling ${r.tasks} tasks, 200 people, 20 pools: ${r.levelMs.toFixed(0)} ms (target < 2000), feasible ${r.feasible}, `
    + `${r.delayed} tasks delayed, finish ${r.cpmFinish} (CPM, ${r.cpmMs.toFixed(0)} ms) -> ${r.levelledFinish}`);
}
