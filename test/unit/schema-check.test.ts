import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { Ajv } from 'ajv';
import { isCalendarDate } from '../../server/src/program/dates.js';
import { checkSchema, SCHEMA_CODES } from '../../server/src/program/schema-check/check.js';
import { decodeJsonPointer } from '../../server/src/program/schema-check/yaml-place.js';
import { closestMatches } from '../../server/src/program/suggest.js';
import schema from '../../schemas/program.schema.json';
import { APOLLO_DIR } from '../helpers/shared.js';

const URI = 'file:///w/test.program.yaml';
const HEAD = 'version: 1\nprogram: { id: p, name: P, start: 2026-01-05 }\n';

function check(text: string, isRoot = true) {
  const doc = parseDocument(text, { version: '1.2', schema: 'core' });
  return checkSchema(doc, doc.toJS(), URI, isRoot);
}

interface Expect {
  code: string;
  /** Exactly the text under the diagnostic's span. */
  token: string;
  /** A substring of the message. */
  msg?: string;
}

interface Case {
  name: string;
  text: string;
  root?: boolean;
  /** Every diagnostic, in span order. */
  expect: Expect[];
}

const cases: Case[] = [
  {
    name: 'unknown key on a task, with a suggestion',
    text: `${HEAD}workstreams:\n  - id: w\n    name: W\n    tasks:\n      - id: api\n        nmae: API\n        name: API\n        duration: 2d\n`,
    expect: [{ code: 'unknown-key', token: 'nmae', msg: 'Unknown key `nmae` in task `api`. Did you mean `name`? Keys starting with `x-`' }],
  },
  {
    name: 'unknown top-level key',
    text: `${HEAD}peple: []\n`,
    expect: [{ code: 'unknown-key', token: 'peple', msg: 'Did you mean `people`?' }],
  },
  {
    name: 'x- keys are free everywhere',
    text: `${HEAD}x-owner-notes: anything\nworkstreams:\n  - id: w\n    name: W\n    x-jira: { board: 7 }\n    tasks:\n      - { id: a, name: A, duration: 1d, x-ticket: ABC-1 }\n`,
    expect: [],
  },
  {
    name: 'missing required key: span is the parent key',
    text: 'version: 1\nprogram:\n  id: p\n  name: P\n',
    expect: [{ code: 'missing-key', token: 'program', msg: 'Missing required key `start` in program `p`.' }],
  },
  {
    name: 'missing required key in a list item: span is its first key',
    text: `${HEAD}people:\n  - id: alice\n    team: t\n`,
    expect: [{ code: 'missing-key', token: 'id', msg: 'Missing required key `name` in person `alice`.' }],
  },
  {
    name: 'two missing keys on one map make one diagnostic',
    text: `${HEAD}teams:\n  - { lead: x }\n`,
    expect: [{ code: 'missing-key', token: 'lead', msg: 'Missing required keys `id`, `name` in team.' }],
  },
  {
    name: 'missing version',
    text: 'program: { id: p, name: P, start: 2026-01-05 }\n',
    expect: [{ code: 'missing-key', token: 'program', msg: '`version: 1`' }],
  },
  {
    name: 'wrong type: a list where text belongs',
    text: `${HEAD}teams:\n  - { id: t, name: [a, b] }\n`,
    expect: [{ code: 'wrong-type', token: '[a, b]', msg: '`name` in team `t` should be text, not a list.' }],
  },
  {
    name: 'wrong type: a section that is a map instead of a list (block: the key)',
    text: `${HEAD}people:\n  alice: Alice\n`,
    expect: [{ code: 'wrong-type', token: 'people', msg: 'should be a list, not a map' }],
  },
  {
    name: 'wrong type: an empty value',
    text: `${HEAD}teams:\n  - id: t\n    name:\n`,
    expect: [{ code: 'wrong-type', token: 'name', msg: '`name` in team `t` is empty' }],
  },
  {
    name: 'bad enum with suggestion',
    text: `${HEAD}workstreams:\n  - id: w\n    name: W\n    tasks:\n      - { id: a, name: A, duration: 1d, status: in-progres }\n`,
    expect: [{
      code: 'invalid-value',
      token: 'in-progres',
      msg: 'Unknown task status `in-progres`. Allowed: not-started, in-progress, blocked, done, cancelled. Did you mean `in-progress`?',
    }],
  },
  {
    name: 'bad workday and duplicate workday',
    text: `${HEAD}calendar:\n  workdays: [mon, tues, mon]\n`,
    expect: [
      { code: 'invalid-value', token: 'tues', msg: 'Did you mean `tue`?' },
      { code: 'invalid-value', token: 'mon', msg: 'listed twice' },
    ],
  },
  {
    name: 'invalid calendar date',
    text: 'version: 1\nprogram: { id: p, name: P, start: 2026-02-30 }\n',
    expect: [{ code: 'invalid-date', token: '2026-02-30', msg: '`2026-02-30` is not a calendar date (YYYY-MM-DD).' }],
  },
  {
    name: 'malformed date (one diagnostic, not pattern + format)',
    text: `${HEAD}calendar:\n  holidays: [2026-5-25]\n`,
    expect: [{ code: 'invalid-date', token: '2026-5-25', msg: 'is not a calendar date' }],
  },
  {
    name: 'a slashed date with a day or month 0 (its hint used to throw, and the date went unreported)',
    text: 'version: 1\nprogram: { id: p, name: P, start: 0/5/2026 }\n',
    expect: [{ code: 'invalid-date', token: '0/5/2026', msg: '`0/5/2026` is not a calendar date (YYYY-MM-DD).' }],
  },
  {
    name: 'a number where a date belongs',
    text: `${HEAD}milestones:\n  - { id: m, name: M, date: 20260105 }\n`,
    expect: [{ code: 'invalid-date', token: '20260105', msg: 'YYYY-MM-DD' }],
  },
  {
    name: 'malformed duration',
    text: `${HEAD}workstreams:\n  - id: w\n    name: W\n    tasks:\n      - id: a\n        name: A\n        duration: 10 days\n`,
    expect: [{ code: 'invalid-duration', token: '10 days', msg: '`10 days` is not a duration: write `10d` (working days).' }],
  },
  {
    name: 'a bare number as a duration',
    text: `${HEAD}changes:\n  - { id: c, title: C, schedule_impact: 5 }\n`,
    expect: [{ code: 'invalid-duration', token: '5', msg: '`5` has no unit: write `5d` for working days or `5w` for weeks.' }],
  },
  {
    name: 'task with both duration and effort',
    text: `${HEAD}workstreams:\n  - id: w\n    name: W\n    tasks:\n      - id: a\n        name: A\n        duration: 2d\n        effort: 3d\n`,
    expect: [{ code: 'duration-and-effort', token: 'effort', msg: 'Task `a` has both `duration` and `effort`' }],
  },
  {
    name: 'task with neither duration nor effort',
    text: `${HEAD}workstreams:\n  - id: w\n    name: W\n    tasks:\n      - id: a\n        name: A\n`,
    expect: [{ code: 'duration-and-effort', token: 'id', msg: 'Task `a` needs a `duration`' }],
  },
  {
    name: 'milestone with neither date nor depends_on',
    text: `${HEAD}milestones:\n  - id: beta\n    name: Beta\n    owner: jane\n`,
    expect: [{ code: 'milestone-needs-date-or-dependencies', token: 'id', msg: 'Milestone `beta` needs a `date`, `depends_on`, or both.' }],
  },
  {
    name: 'bad id',
    text: `${HEAD}teams:\n  - { id: 1team, name: T }\n`,
    expect: [{ code: 'invalid-id', token: '1team', msg: '`1team` is not a valid id' }],
  },
  {
    name: 'bad reference id',
    text: `${HEAD}teams:\n  - { id: t, name: T, lead: 'alice chen' }\n`,
    expect: [{ code: 'invalid-id', token: "'alice chen'", msg: 'starts with a letter' }],
  },
  {
    name: 'progress out of range',
    text: `${HEAD}workstreams:\n  - id: w\n    name: W\n    tasks:\n      - { id: a, name: A, duration: 1d, progress: 140 }\n`,
    expect: [{ code: 'out-of-range', token: '140', msg: '`progress` in task `a` must be from 0 to 100' }],
  },
  {
    name: 'capacity 0 and above 1',
    text: `${HEAD}people:\n  - { id: a, name: A, capacity: 0 }\n  - { id: b, name: B, capacity: 1.5 }\n`,
    expect: [
      { code: 'out-of-range', token: '0', msg: 'greater than 0 and at most 1' },
      { code: 'out-of-range', token: '1.5', msg: '`capacity` in person `b`' },
    ],
  },
  {
    name: 'probability out of range and impact not whole',
    text: `${HEAD}risks:\n  - { id: r, title: R, probability: 6, impact: 2.5 }\n`,
    expect: [
      { code: 'out-of-range', token: '6', msg: '`probability` in risk `r` must be a whole number from 1 to 5' },
      { code: 'out-of-range', token: '2.5', msg: 'whole number' },
    ],
  },
  {
    name: 'negative budget amount',
    text: `${HEAD}budget:\n  lines:\n    - { id: l, planned: -5 }\n`,
    expect: [{ code: 'out-of-range', token: '-5', msg: 'at least 0' }],
  },
  {
    name: 'risk missing probability and impact',
    text: `${HEAD}risks:\n  - id: r\n    title: R\n`,
    expect: [{ code: 'missing-key', token: 'id', msg: 'Missing required keys `probability`, `impact` in risk `r`.' }],
  },
  {
    name: 'depends_on item that is neither an id nor a map: one diagnostic',
    text: `${HEAD}milestones:\n  - { id: m, name: M, depends_on: [a, 42] }\n`,
    expect: [{ code: 'wrong-type', token: '42', msg: 'A dependency is an id or `{ id, type, lag }`' }],
  },
  {
    name: 'depends_on item with a bad type, unknown key and bad lag',
    text: `${HEAD}milestones:\n  - id: m\n    name: M\n    depends_on:\n      - { id: a, type: XF, lag: 2 days, why: x }\n`,
    expect: [
      { code: 'invalid-value', token: 'XF', msg: 'Unknown dependency type `XF`. Allowed: FS, SS, FF.' },
      { code: 'invalid-duration', token: '2 days', msg: '`2 days` is not a duration' },
      { code: 'unknown-key', token: 'why', msg: 'in dependency on `a` of milestone `m`' },
    ],
  },
  {
    name: 'depends_on item map without id',
    text: `${HEAD}milestones:\n  - id: m\n    name: M\n    depends_on:\n      - { type: SS }\n`,
    expect: [{ code: 'missing-key', token: 'type', msg: 'Missing required key `id` in dependency of milestone `m`.' }],
  },
  {
    name: 'holiday range without `to`, and a bad holiday',
    text: `${HEAD}calendar:\n  holidays:\n    - { from: 2026-12-24, name: Winter }\n    - true\n`,
    expect: [
      { code: 'missing-key', token: 'from', msg: 'Missing required key `to` in holiday of calendar.' },
      { code: 'wrong-type', token: 'true', msg: 'A holiday is a date (YYYY-MM-DD) or `{ from, to, name }`' },
    ],
  },
  {
    name: 'leave entry with a bad date',
    text: `${HEAD}people:\n  - { id: a, name: A, leave: [2026-02-29, { from: 2026-03-02, to: 2026-13-01 }] }\n`,
    expect: [
      { code: 'invalid-date', token: '2026-02-29', msg: '`2026-02-29` is not a calendar date' },
      { code: 'invalid-date', token: '2026-13-01' },
    ],
  },
  {
    name: 'raci value with suggestion (case)',
    text: `${HEAD}stakeholders:\n  - { id: s, name: S, raci: { beta: a } }\n`,
    expect: [{ code: 'invalid-value', token: 'a', msg: 'Unknown RACI value `a` for `beta` in stakeholder `s`. Allowed: R, A, C, I. Did you mean `A`?' }],
  },
  {
    name: 'fragment with program',
    root: false,
    text: 'version: 1\nprogram: { id: p, name: P, start: 2026-01-05 }\n',
    expect: [{ code: 'unknown-key', token: 'program', msg: 'A fragment cannot have `program:`' }],
  },
  {
    name: 'fragment with calendar, include and a budget currency',
    root: false,
    text: 'version: 1\ncalendar: { workdays: [mon] }\ninclude: [a.program.yaml]\nbudget: { currency: EUR, lines: [] }\n',
    expect: [
      { code: 'unknown-key', token: 'calendar', msg: '`calendar` belongs in the root file' },
      { code: 'unknown-key', token: 'include', msg: '`include` belongs in the root file' },
      { code: 'unknown-key', token: 'currency', msg: "a fragment's budget holds only `lines`" },
    ],
  },
  {
    name: 'fragment missing version',
    root: false,
    text: 'teams:\n  - { id: t, name: T }\n',
    expect: [{ code: 'missing-key', token: 'teams', msg: '`version: 1`' }],
  },
  {
    name: 'version 2',
    text: 'version: 2\nprogram: { id: p, name: P, start: 2026-01-05 }\n',
    expect: [{ code: 'unsupported-version', token: '2', msg: 'Unsupported format version `2`' }],
  },
  {
    name: 'version as text',
    text: "version: '1'\nprogram: { id: p, name: P, start: 2026-01-05 }\n",
    expect: [{ code: 'unsupported-version', token: "'1'" }],
  },
  {
    name: 'root that is a list',
    text: '- version: 1\n- program: x\n',
    expect: [{ code: 'wrong-type', token: 'version', msg: 'A program file is a map of sections' }],
  },
  {
    name: 'root that is a scalar',
    text: 'hello world\n',
    expect: [{ code: 'wrong-type', token: 'hello world', msg: 'not text `hello world`' }],
  },
  {
    name: 'empty root',
    text: '',
    expect: [{ code: 'missing-key', token: '', msg: 'The file is empty' }],
  },
  {
    name: 'root of only comments',
    text: '# nothing yet\n',
    expect: [{ code: 'missing-key', token: '', msg: 'The file is empty' }],
  },
  {
    name: 'a task that is text, inside a valid workstream',
    text: `${HEAD}workstreams:\n  - id: w\n    name: W\n    tasks:\n      - just a string\n`,
    expect: [{ code: 'wrong-type', token: 'just a string', msg: 'A task is a map' }],
  },
  {
    name: 'errors under an alias land on the anchored node',
    text: `${HEAD}x-defaults: &d { id: t, name: T, lead: 9x }\nteams:\n  - *d\n`,
    expect: [{ code: 'invalid-id', token: '9x' }],
  },
  {
    name: 'raci keys with / and ~ (JSON pointer escapes)',
    text: `${HEAD}stakeholders:\n  - id: s\n    name: S\n    raci: { "a/b": R, c~d: Q, e~1f: Z }\n`,
    expect: [
      { code: 'invalid-id', token: '"a/b"', msg: 'Keys of `raci` in stakeholder `s` are ids.' },
      { code: 'invalid-id', token: 'c~d' },
      { code: 'invalid-value', token: 'Q', msg: 'for `c~d`' },
      { code: 'invalid-id', token: 'e~1f' },
      { code: 'invalid-value', token: 'Z', msg: 'for `e~1f`' },
    ],
  },
];

void describe('checkSchema', () => {
  for (const c of cases) {
    void it(c.name, () => {
      const ds = check(c.text, c.root ?? true);
      const got = ds.map((d) => ({ code: d.code, token: c.text.slice(d.span.start, d.span.end), message: d.message, severity: d.severity, uri: d.uri }));
      assert.equal(got.length, c.expect.length, `diagnostics: ${JSON.stringify(got, null, 1)}`);
      c.expect.forEach((e, i) => {
        const g = got[i];
        assert.ok(g);
        assert.equal(g.code, e.code, JSON.stringify(g));
        assert.equal(g.token, e.token, JSON.stringify(g));
        assert.equal(g.severity, 'error');
        assert.equal(g.uri, URI);
        if (e.msg) assert.ok(g.message.includes(e.msg), `message ${JSON.stringify(g.message)} lacks ${JSON.stringify(e.msg)}`);
        assert.ok(SCHEMA_CODES.includes(g.code));
      });
    });
  }

  void it('gives machine-readable data for quick fixes', () => {
    const text = `${HEAD}teams:\n  - { id: t, nmae: T }\n`;
    const ds = check(text);
    const unknown = ds.find((d) => d.code === 'unknown-key');
    assert.deepEqual(unknown?.data?.suggestions, ['name']);
    const missing = ds.find((d) => d.code === 'missing-key');
    assert.equal(missing?.data?.missingKey, 'name');
  });

  void it('accepts the apollo example (root and fragments) with zero diagnostics', () => {
    const dir = APOLLO_DIR;
    for (const [file, isRoot] of [
      ['apollo.program.yaml', true],
      ['workstreams/web.program.yaml', false],
      ['workstreams/migration.program.yaml', false],
    ] as const) {
      const text = readFileSync(join(dir, file), 'utf8');
      assert.deepEqual(check(text, isRoot), [], file);
    }
  });

  void it('never throws on odd input values', () => {
    const doc = parseDocument('a: 1\n', { version: '1.2', schema: 'core' });
    for (const v of [undefined, null, 0, 'x', [], {}, [[1]], { version: 1, program: null }]) {
      assert.ok(Array.isArray(checkSchema(doc, v, URI, true)));
      assert.ok(Array.isArray(checkSchema(doc, v, URI, false)));
    }
  });

  void it('lists every code it emits, each kebab-case and unique', () => {
    assert.equal(new Set(SCHEMA_CODES).size, SCHEMA_CODES.length);
    for (const c of SCHEMA_CODES) assert.match(c, /^[a-z]+(-[a-z]+)*$/);
    for (const c of cases) for (const e of c.expect) assert.ok(SCHEMA_CODES.includes(e.code), e.code);
  });
});

void describe('decodeJsonPointer', () => {
  void it('decodes ~1 and ~0, every occurrence, in that order', () => {
    assert.deepEqual(decodeJsonPointer(''), []);
    assert.deepEqual(decodeJsonPointer('/a~1b/0'), ['a/b', '0']);
    assert.deepEqual(decodeJsonPointer('/a~1b~1c/~0x~0'), ['a/b/c', '~x~']);
    assert.deepEqual(decodeJsonPointer('/~01'), ['~1']);
    assert.deepEqual(decodeJsonPointer('/'), ['']);
  });
});

void describe('isCalendarDate', () => {
  void it('accepts real days only', () => {
    assert.ok(isCalendarDate('2026-01-05'));
    assert.ok(isCalendarDate('2028-02-29'));
    assert.ok(isCalendarDate('2000-02-29'));
    assert.ok(!isCalendarDate('1900-02-29'));
    assert.ok(!isCalendarDate('2026-02-29'));
    assert.ok(!isCalendarDate('2026-04-31'));
    assert.ok(!isCalendarDate('2026-00-10'));
    assert.ok(!isCalendarDate('2026-1-5'));
  });
});

void describe('closestMatches', () => {
  void it('finds typos, transpositions, case and prefixes', () => {
    assert.deepEqual(closestMatches('nmae', ['id', 'name', 'team']), ['name']);
    assert.deepEqual(closestMatches('in-progres', ['not-started', 'in-progress', 'done']), ['in-progress']);
    assert.deepEqual(closestMatches('Beta', ['alpha', 'beta']), ['beta']);
    assert.deepEqual(closestMatches('tues', ['mon', 'tue', 'wed', 'thu']), ['tue']);
    assert.deepEqual(closestMatches('dep', ['depends_on', 'deliverable', 'name']).slice(0, 1), ['depends_on']);
    assert.deepEqual(closestMatches('zzzz', ['name', 'team']), []);
    assert.deepEqual(closestMatches('', ['a']), []);
    assert.deepEqual(closestMatches('abcd', ['abce', 'abcf', 'abcg', 'abcd'], 2), ['abcd', 'abce']);
  });
});

void describe('program.schema.json', () => {
  void it('compiles under ajv and describes every property', () => {
    const ajv = new Ajv({ strict: false });
    ajv.addFormat('date', true);
    assert.doesNotThrow(() => ajv.compile(schema as object));
    const missing: string[] = [];
    const walk = (s: unknown, path: string): void => {
      if (!s || typeof s !== 'object') return;
      if (Array.isArray(s)) { s.forEach((x, i) => walk(x, `${path}/${i}`)); return; }
      const o = s as Record<string, unknown>;
      const props = o['properties'] as Record<string, { description?: string }> | undefined;
      if (props) for (const [k, v] of Object.entries(props)) if (!v.description) missing.push(`${path}/properties/${k}`);
      for (const [k, v] of Object.entries(o)) if (k !== 'defaultSnippets') walk(v, `${path}/${k}`);
    };
    walk(schema, '#');
    assert.deepEqual(missing, []);
  });

  void it('picks the root or fragment shape from the `program` key', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('date', true);
    const validate = ajv.compile(schema as object);
    assert.ok(validate({ version: 1, program: { id: 'p', name: 'P', start: '2026-01-05' }, calendar: {} }));
    assert.ok(validate({ version: 1, teams: [{ id: 't', name: 'T' }] }));
    assert.ok(!validate({ version: 1, calendar: {} }));
  });
});
