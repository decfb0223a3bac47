// Messages that name what the user most likely meant: a key from another tool
// (`owner:` on a task, `deadline:` on a milestone, `dependencies:`), a
// duration written the way people say it (`2 days`, `5`, a lead `-2d`), a date
// written the local way (`05.01.2026`, `2026/01/05`). The schema check asks
// here before falling back to its generic message.
import { civilDay, formatDate } from './dates.js';

export interface KeyIntent {
  /** What to say after "Unknown key `x` in task `t`: ". */
  readonly hint: string;
  /** The key to write instead, when a plain rename is the fix (offered as a quick fix). */
  readonly replacement?: string;
}

const DEPENDENCY_KEYS = ['dependencies', 'dependency', 'depends-on', 'dependsOn', 'depends', 'deps', 'after', 'predecessors', 'blocked_by', 'blockedBy'];
const DEPENDS: KeyIntent = { hint: 'dependencies go in `depends_on`, e.g. `depends_on: [design]`.', replacement: 'depends_on' };

const TASK_KEYS: Readonly<Record<string, KeyIntent>> = {
  owner: { hint: 'tasks take `assignees`, a list of people (`assignees: [alice]`); the `owner` belongs to the workstream.', replacement: 'assignees' },
  ...Object.fromEntries(['assignee', 'assigned', 'assigned_to', 'assignedTo', 'assign', 'people', 'resources'].map((k) => [k, {
    hint: 'tasks take `assignees`, a list of people: `assignees: [alice]`.', replacement: 'assignees',
  }])),
  ...Object.fromEntries(['end', 'end_date', 'endDate', 'finish', 'finish_date', 'due', 'due_date', 'deadline', 'ends'].map((k) => [k, {
    hint: 'a task\'s end is computed from its `duration` (or `effort`), its dependencies and the calendar. Record a real end with `actual_end`; for a date the work must meet, add a milestone with a `date` that depends on the task.',
  }])),
  ...Object.fromEntries(['start_date', 'startDate', 'begin', 'starts', 'not_before', 'no_earlier_than'].map((k) => [k, {
    hint: 'a task\'s earliest start is `start` (start no earlier than); a real start is `actual_start`.', replacement: 'start',
  }])),
  ...Object.fromEntries(['days', 'length', 'estimate', 'time'].map((k) => [k, {
    hint: 'the working days a task takes go in `duration` (e.g. `5d`), or the person-days of work in `effort`.', replacement: 'duration',
  }])),
  ...Object.fromEntries(['percent', 'percent_complete', 'percentComplete', 'complete', 'completion'].map((k) => [k, {
    hint: 'percent complete goes in `progress` (0 to 100).', replacement: 'progress',
  }])),
  state: { hint: 'a task\'s state goes in `status` (not-started, in-progress, blocked, done, cancelled).', replacement: 'status' },
};

const MILESTONE_KEYS: Readonly<Record<string, KeyIntent>> = {
  ...Object.fromEntries(['due', 'due_date', 'dueDate', 'deadline', 'target', 'target_date', 'targetDate', 'when', 'on', 'end', 'end_date'].map((k) => [k, {
    hint: 'a milestone\'s date (its target when it has `depends_on`, else a fixed date) is `date`, e.g. `date: 2026-03-20`.', replacement: 'date',
  }])),
  ...Object.fromEntries(['assignees', 'assignee', 'responsible'].map((k) => [k, { hint: 'a milestone has one `owner`, a person.', replacement: 'owner' }])),
  duration: { hint: 'a milestone is an instant and takes no time; work that takes time is a task (the milestone can depend on it).' },
};

const KINDS: Readonly<Record<string, Readonly<Record<string, KeyIntent>>>> = {
  task: { ...TASK_KEYS, ...Object.fromEntries(DEPENDENCY_KEYS.map((k) => [k, DEPENDS])) },
  milestone: { ...MILESTONE_KEYS, ...Object.fromEntries(DEPENDENCY_KEYS.map((k) => [k, DEPENDS])) },
  workstream: {
    lead: { hint: 'the person responsible for a workstream is its `owner` (teams have a `lead`).', replacement: 'owner' },
    assignees: { hint: 'people are assigned on each task (`assignees`), not on the workstream.' },
    ...Object.fromEntries(DEPENDENCY_KEYS.map((k) => [k, { hint: 'dependencies are set on tasks and milestones (`depends_on`), and may name a workstream.' }])),
  },
  person: {
    ...Object.fromEntries(['fte', 'allocation', 'availability', 'hours'].map((k) => [k, { hint: 'a person\'s share of full time is `capacity`, from above 0 to 1 (e.g. `0.5`).', replacement: 'capacity' }])),
    ...Object.fromEntries(['vacation', 'holidays', 'absence', 'pto', 'time_off', 'away'].map((k) => [k, { hint: 'days off go in `leave`, a list of dates or `{ from, to }`.', replacement: 'leave' }])),
  },
  risk: {
    likelihood: { hint: 'how likely a risk is goes in `probability` (1 to 5).', replacement: 'probability' },
    severity: { hint: 'how bad a risk would be goes in `impact` (1 to 5).', replacement: 'impact' },
  },
  program: {
    ...Object.fromEntries(['end', 'finish', 'deadline', 'end_date', 'due'].map((k) => [k, {
      hint: 'the program\'s finish is computed from its work; for a date it must meet, add a milestone with a `date`.',
    }])),
  },
};

/** What an unknown key on an entity of `kind` most likely meant. */
export function keyIntent(kind: string | undefined, key: string): KeyIntent | undefined {
  if (kind === undefined) return undefined;
  const table = KINDS[kind];
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

// ---------------------------------------------------------------------------
// Durations

const DAY_WORDS = /^(?:d|day|days|wd|workday|workdays|working days?|business days?|work days?)$/i;
const WEEK_WORDS = /^(?:w|wk|wks|week|weeks|working weeks?)$/i;

/** A message for a duration (or lag, effort, schedule impact) that names the likely intent. */
export function durationIntent(field: string | undefined, v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) {
    if (field === 'lag' && v < 0) return leadMessage(`${v}`);
    if (v > 0) return `\`${v}\` has no unit: write \`${v}d\` for working days or \`${v}w\` for weeks.`;
    return undefined;
  }
  if (typeof v !== 'string') return undefined;
  const text = v.trim();
  if (/^-\s*\d/.test(text) && field === 'lag') return leadMessage(text);
  const m = /^(\d+(?:\.\d+)?)\s*([A-Za-z][A-Za-z ]*?)\.?$/.exec(text);
  if (!m) return undefined;
  const n = m[1] as string;
  const unit = m[2] as string;
  if (DAY_WORDS.test(unit)) return `\`${clip(v)}\` is not a duration: write \`${n}d\` (working days).`;
  if (WEEK_WORDS.test(unit)) return `\`${clip(v)}\` is not a duration: write \`${n}w\` (weeks of working days).`;
  if (/^(?:h|hr|hrs|hours?)$/i.test(unit)) return `\`${clip(v)}\` is not a duration: durations are whole working days (\`d\`) or weeks (\`w\`), not hours.`;
  if (/^(?:m|mo|mos|months?)$/i.test(unit)) return `\`${clip(v)}\` is not a duration: write weeks (e.g. \`${Number(n) * 4}w\`) or working days; months vary in length.`;
  return undefined;
}

function leadMessage(v: string): string {
  return `\`${clip(v)}\` is a lead (a negative lag), which is not supported: a lag only delays. To start before the predecessor ends, use \`type: SS\` with a lag counted from its start (e.g. \`{ id: …, type: SS, lag: 3d }\`), or split the predecessor and depend on its first part.`;
}

// ---------------------------------------------------------------------------
// Dates

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A message for a date written another way, naming the YYYY-MM-DD it most likely means. */
export function dateIntent(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const text = v.trim();
  let m = /^(\d{4})[/.\-_ ](\d{1,2})[/.\-_ ](\d{1,2})$/.exec(text);
  if (m) return suggest(v, Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return suggest(v, Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    if (a > 12) return suggest(v, y, b, a);
    if (b > 12) return suggest(v, y, a, b);
    if (a === b) return suggest(v, y, a, b);
    // A day or month 0 is no date either way (and names no month to speak of).
    if (civilDay(y, a, b) === undefined || civilDay(y, b, a) === undefined) return undefined;
    return `\`${clip(v)}\` is not a calendar date (YYYY-MM-DD), and it could be read two ways: write \`${iso(y, b, a)}\` for ${spoken(y, b, a)} or \`${iso(y, a, b)}\` for ${spoken(y, a, b)}.`;
  }
  m = /^(\d{1,2})\.?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthOf(m[2] as string);
    if (month) return suggest(v, Number(m[3]), month, Number(m[1]));
  }
  m = /^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthOf(m[1] as string);
    if (month) return suggest(v, Number(m[3]), month, Number(m[2]));
  }
  return undefined;
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = w.length >= 3 ? MONTHS.findIndex((name) => name.startsWith(w)) : -1;
  return i < 0 ? undefined : i + 1;
}

function suggest(v: string, y: number, mo: number, d: number): string | undefined {
  const day = civilDay(y, mo, d);
  if (day === undefined) return undefined;
  const written = formatDate(day);
  if (written === v) return undefined;
  return `\`${clip(v)}\` is not a calendar date (YYYY-MM-DD): write \`${written}\` for ${spoken(y, mo, d)}.`;
}

/** `YYYY-MM-DD` for a civil date that may not exist (both readings of `03/04/2026` are shown). */
function iso(y: number, mo: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function spoken(y: number, mo: number, d: number): string {
  const name = MONTHS[mo - 1] as string;
  return `${d} ${name.charAt(0).toUpperCase()}${name.slice(1)} ${y}`;
}

function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
