// A forecast as data (`forecast --format json`, exactly the shape of
// program-format.md) and as a table for people.
import { formatDate } from '../dates.js';
import type { ForecastResult, Percentiles } from './forecast.js';

const d = (day: number | null): string | null => (day === null ? null : formatDate(day));

export interface ForecastJson {
  program: string | null;
  iterations: number;
  seed: number;
  finish: { deterministic: string | null; mean: number | null; p10: string | null; p50: string | null; p80: string | null; p90: string | null };
  milestones: { id: string; target: string; deterministic: string | null; p10: string | null; p50: string | null; p80: string | null; p90: string | null; onTimeProbability: number | null }[];
  tasks: { id: string; criticality: number | null; sensitivity: number | null }[];
  risks: { id: string; chance: number; meanDelay: number | null }[];
}

export function forecastJson(r: ForecastResult): ForecastJson {
  const p = (x: Percentiles) => ({ p10: d(x.p10), p50: d(x.p50), p80: d(x.p80), p90: d(x.p90) });
  return {
    program: r.program,
    iterations: r.iterations,
    seed: r.seed,
    finish: { deterministic: d(r.finish.deterministic), mean: r.finish.mean, ...p(r.finish) },
    milestones: r.milestones.map((m) => ({ id: m.id, target: formatDate(m.target), deterministic: d(m.deterministic), ...p(m), onTimeProbability: m.onTimeProbability })),
    tasks: r.tasks.map((t) => ({ id: t.id, criticality: t.criticality, sensitivity: t.sensitivity })),
    risks: r.risks.map((x) => ({ id: x.id, chance: x.chance, meanDelay: x.meanDelay })),
  };
}

/** How many tasks the table lists in each "top" section. */
const TOP = 10;

function pct(x: number | null): string {
  return x === null ? '–' : `${(x * 100).toFixed(x * 100 >= 99.95 || x * 100 < 0.05 ? 0 : 1)}%`;
}

function fixed(x: number | null, digits: number): string {
  return x === null ? '–' : x.toFixed(digits);
}

function table(head: string[], rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

/** The table for people: finish, milestones, the tasks and risks that drive the dates. */
export function forecastTable(r: ForecastResult, name: string, nameOf: (id: string) => string): string {
  const f = r.finish;
  const out: string[] = [];
  out.push(`${name}: forecast from ${r.iterations.toLocaleString('en-US')} iterations (seed ${r.seed}, ${r.distribution === 'pert' ? 'PERT' : 'triangular'})`);
  if (r.iterations < r.requestedIterations) {
    out.push(`(${r.requestedIterations.toLocaleString('en-US')} were asked for; reduced to keep the sampled durations within memory)`);
  }
  out.push('');
  out.push(...table(
    ['FINISH', 'PLAN', 'P10', 'P50', 'P80', 'P90', 'MEAN'],
    [['program', d(f.deterministic) ?? '–', d(f.p10) ?? '–', d(f.p50) ?? '–', d(f.p80) ?? '–', d(f.p90) ?? '–', f.mean === null ? '–' : `${f.mean.toFixed(1)} working days`]],
    new Set(),
  ));
  out.push('');
  if (r.milestones.length > 0) {
    out.push(...table(
      ['MILESTONE', 'TARGET', 'PLAN', 'P50', 'P80', 'P90', 'ON TIME'],
      r.milestones.map((m) => [`◆ ${m.id}`, d(m.target) ?? '', d(m.deterministic) ?? '(cycle)', d(m.p50) ?? '–', d(m.p80) ?? '–', d(m.p90) ?? '–', pct(m.onTimeProbability)]),
      new Set([6]),
    ));
  } else {
    out.push('No milestone has both `depends_on` and a target `date`.');
  }
  out.push('');
  const byCriticality = r.tasks.filter((t) => (t.criticality ?? 0) > 0)
    .sort((a, b) => (b.criticality ?? 0) - (a.criticality ?? 0) || Math.abs(b.sensitivity ?? 0) - Math.abs(a.sensitivity ?? 0)).slice(0, TOP);
  out.push(`Most often critical (criticality: share of iterations with total float 0 or less)`);
  out.push(...(byCriticality.length > 0
    ? table(['TASK', 'NAME', 'CRITICALITY', 'SENSITIVITY'], byCriticality.map((t) => [t.id, clip(nameOf(t.id), 36), pct(t.criticality), fixed(t.sensitivity, 2)]), new Set([2, 3]))
    : ['  none']));
  out.push('');
  const bySensitivity = r.tasks.filter((t) => t.sensitivity !== null)
    .sort((a, b) => Math.abs(b.sensitivity ?? 0) - Math.abs(a.sensitivity ?? 0)).slice(0, TOP);
  out.push('Drivers of the finish (sensitivity: rank correlation of the task\'s sampled duration with the finish)');
  out.push(...(bySensitivity.length > 0
    ? table(['TASK', 'NAME', 'SENSITIVITY', 'CRITICALITY'], bySensitivity.map((t) => [t.id, clip(nameOf(t.id), 36), fixed(t.sensitivity, 2), pct(t.criticality)]), new Set([2, 3]))
    : ['  no task has an estimate']));
  out.push('');
  const risks = [...r.risks].sort((a, b) => (b.meanDelay ?? -Infinity) - (a.meanDelay ?? -Infinity));
  out.push('Risks by mean delay of the finish (working days, occurred vs not)');
  out.push(...(risks.length > 0
    ? table(['RISK', 'TITLE', 'CHANCE', 'MEAN DELAY'], risks.map((x) => [x.id, clip(nameOf(x.id), 36), pct(x.chance), x.meanDelay === null ? '–' : `${(Math.abs(x.meanDelay) < 0.05 ? 0 : x.meanDelay).toFixed(1)}d`]), new Set([2, 3]))
    : ['  no open risk has a schedule_impact']));
  out.push('');
  return out.join('\n');
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
