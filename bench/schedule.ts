// Scheduler benchmark: ProgramModels built directly as objects (YAML parsing is
// measured elsewhere), scheduled end to end (graph, cycles, both passes,
// critical path, diagnostics, over-allocation).
// Run: node --import tsx bench/schedule.ts [sizes…]
import { parseDate } from '../server/src/program/dates.js';
import type { ProgramModel } from '../server/src/program/model.js';
import { scheduleProgram } from '../server/src/program/schedule.js';
import type {
  DayRange, Dependency, DependencyType, Duration, Entity, EntityKind, Milestone, Person, Task, Workstream,
} from '../server/src/program/types.js';
import { mulberry32 } from './random.js';

const URI = 'file:///bench/bench.program.yaml';
const NO_SPAN = { start: 0, end: 0 };
const TASKS_PER_WORKSTREAM = 50;
const PEOPLE = 40;


function day(text: string): number {
  const d = parseDate(text);
  if (d === undefined) throw new Error(`bad date ${text}`);
  return d;
}

function entity(kind: EntityKind, id: string, parentId?: string): Entity {
  return { kind, id, uri: URI, span: NO_SPAN, idSpan: NO_SPAN, ...(parentId ? { parentId } : {}) };
}

function duration(amount: number, unit: 'd' | 'w' = 'd'): Duration {
  return { amount, unit, span: NO_SPAN };
}

/**
 * A deterministic program of `size` tasks: workstreams of 50 tasks, each task
 * depending on 1–3 earlier tasks (mostly FS, some SS/FF with lag, some across
 * workstreams), a milestone every 100 tasks, a few holidays a year, 40 people.
 */
export function generateScheduleModel(size: number, seed = 42): ProgramModel {
  const rand = mulberry32(seed);
  const pick = (n: number): number => Math.floor(rand() * n);
  const entities: Entity[] = [];
  const people: Person[] = [];
  const workstreams: Workstream[] = [];
  const tasks: Task[] = [];
  const milestones: Milestone[] = [];

  const program = { id: 'bench', entity: entity('program', 'bench'), start: day('2026-01-05'), objectives: [] };
  entities.push(program.entity);
  for (let p = 0; p < PEOPLE; p++) {
    const id = `person-${p}`;
    const leave: DayRange[] = p % 5 === 0 ? [{ from: day('2026-03-02') + p, to: day('2026-03-06') + p }] : [];
    const person: Person = { id, entity: entity('person', id), capacity: p % 4 === 0 ? 0.5 : 1, leave };
    people.push(person);
    entities.push(person.entity);
  }
  const holidays: DayRange[] = [];
  for (let y = 2026; y < 2026 + 40; y++) {
    for (const md of ['01-01', '05-25', '07-03', '12-25']) holidays.push({ from: day(`${y}-${md}`), to: day(`${y}-${md}`) });
    holidays.push({ from: day(`${y}-12-28`), to: day(`${y}-12-31`), name: 'Winter break' });
  }

  const wsCount = Math.ceil(size / TASKS_PER_WORKSTREAM);
  for (let w = 0; w < wsCount; w++) {
    const wsId = `ws-${w}`;
    const taskIds: string[] = [];
    const wsEntity = entity('workstream', wsId);
    entities.push(wsEntity);
    const from = w * TASKS_PER_WORKSTREAM;
    const to = Math.min(size, from + TASKS_PER_WORKSTREAM);
    for (let i = from; i < to; i++) {
      const id = `t-${i}`;
      taskIds.push(id);
      const deps: Dependency[] = [];
      if (i > 0) {
        const count = 1 + pick(3);
        const used = new Set<number>();
        for (let k = 0; k < count; k++) {
          const cross = rand() < 0.15 && i > TASKS_PER_WORKSTREAM;
          const target = cross ? Math.max(0, i - TASKS_PER_WORKSTREAM - pick(500)) : Math.max(0, i - 1 - pick(Math.min(i, 8)));
          if (used.has(target) || target >= i) continue;
          used.add(target);
          const r = rand();
          const type: DependencyType = r < 0.8 ? 'FS' : r < 0.9 ? 'SS' : 'FF';
          const lag = type === 'FS' && rand() < 0.8 ? undefined : duration(1 + pick(3));
          deps.push({ targetId: `t-${target}`, type, ...(lag ? { lag } : {}), uri: URI, span: NO_SPAN, itemSpan: NO_SPAN });
        }
      }
      const assignees = [`person-${pick(PEOPLE)}`];
      if (rand() < 0.3) assignees.push(`person-${pick(PEOPLE)}`);
      const useEffort = rand() < 0.2;
      const taskEntity = entity('task', id, wsId);
      entities.push(taskEntity);
      tasks.push({
        id, entity: taskEntity, workstreamId: wsId, name: `Task ${i}`,
        ...(useEffort ? { effort: duration(1 + pick(15)) } : { duration: rand() < 0.1 ? duration(1 + pick(2), 'w') : duration(1 + pick(10)) }),
        dependsOn: deps, assignees,
        ...(rand() < 0.02 ? { status: 'cancelled' as const } : {}),
        spans: {},
      });
      if ((i + 1) % 100 === 0) {
        const mId = `m-${i + 1}`;
        const mEntity = entity('milestone', mId);
        entities.push(mEntity);
        milestones.push({
          id: mId, entity: mEntity, dependsOn: [{ targetId: id, type: 'FS', uri: URI, span: NO_SPAN, itemSpan: NO_SPAN }],
          ...(rand() < 0.5 ? { date: day('2026-01-05') + i } : {}), spans: {},
        });
      }
    }
    workstreams.push({ id: wsId, entity: wsEntity, name: `Workstream ${w}`, taskIds });
  }

  const byId = new Map<string, Entity>();
  const definitions = new Map<string, Entity[]>();
  for (const e of entities) {
    if (!byId.has(e.id)) byId.set(e.id, e);
    const list = definitions.get(e.id);
    if (list) list.push(e); else definitions.set(e.id, [e]);
  }
  return {
    rootUri: URI, files: [], includes: [], program, calendar: { workdays: [1, 2, 3, 4, 5], holidays },
    entities, byId, definitions, references: [], people, teams: [], workstreams, tasks, milestones, risks: [], budgetLines: [],
    stakeholders: [], kpis: [], changes: [], diagnostics: [],
  };
}

/** Schedules generated programs of each size and prints the time taken (best of a few runs), wall and CPU. */
export function benchSchedule(sizes: readonly number[] = [1000, 10000, 100000]): { size: number; ms: number; cpuMs: number }[] {
  const results: { size: number; ms: number; cpuMs: number }[] = [];
  const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  for (const size of sizes) {
    const model = generateScheduleModel(size);
    scheduleProgram(model); // warm-up
    let best = Infinity;
    let bestCpu = Infinity;
    const runs = size >= 100_000 ? 3 : 5;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const c0 = cpu();
      scheduleProgram(model);
      bestCpu = Math.min(bestCpu, cpu() - c0);
      best = Math.min(best, performance.now() - t0);
    }
    const ms = Math.round(best * 10) / 10;
    const cpuMs = Math.round(bestCpu * 10) / 10;
    console.log(`schedule ${size} tasks: ${ms} ms wall, ${cpuMs} ms CPU`);
    results.push({ size, ms, cpuMs });
  }
  return results;
}

if (require.main === module) {
  const args = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  benchSchedule(args.length > 0 ? args : undefined);
}
