// Issue 11 at the level it was found: the built CLI (dist/cli.js) as a child
// process against hostile files generated here (never committed). Each test
// names the finding it keeps fixed.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { CLI, runCli, tempDir, writeIn } from '../helpers/cli.js';

const PEAK_RSS = join(__dirname, '../helpers/peak-rss.cjs');
let dir: string;

interface Run { code: number | null; stdout: string; stderr: string; peakMb: number; signal: NodeJS.Signals | null }

function run(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Run {
  const r = runCli(args, opts.cwd ?? dir, { ...opts, env: opts.env ?? {}, nodeArgs: ['--require', PEAK_RSS], maxBuffer: 64 * 1024 * 1024 });
  const m = /PEAK_RSS_KB=(\d+)\n?/.exec(r.stderr);
  return { code: r.code, signal: r.signal, stdout: r.stdout, stderr: r.stderr.replace(/PEAK_RSS_KB=\d+\n?/, ''), peakMb: m ? Number(m[1]) / 1024 : NaN };
}

const write = (rel: string, text: string): string => writeIn(dir, rel, text);

const HEAD = 'version: 1\nprogram: { id: p, name: P, start: 2026-01-05 }\n';
const INNOCENT = `${HEAD}workstreams:\n  - id: w\n    name: W\n    tasks:\n      - { id: a, name: A, duration: 3d }\n`;
const NO_STACK = /at .*\.js:\d+|SyntaxError|TypeError|RangeError|heap out of memory/;

/** Every line of a `validate` text report starts with a path and a place we wrote. */
function assertReportLines(stdout: string, file: string): void {
  for (const line of stdout.split('\n').filter((l) => l !== '')) {
    assert.ok(line.startsWith(`${file}:`), `a line not starting with ${file}: ${JSON.stringify(line)}`);
    assert.match(line, /^[^:]+:\d+:\d+: (error|warning|info): .* \[[a-z-]+\]$/);
  }
}

before(() => {
  assert.ok(existsSync(CLI), 'run `npm run build` first');
  dir = tempDir('pac-hostile-');
});

describe('H1: node count bounded before building', () => {
  test('x-a: [1,1,1,…] with 5 million items: too-many-nodes, exit 1, bounded memory', { timeout: 120_000 }, () => {
    write('h1/big.program.yaml', `x-a: [${'1,'.repeat(5_000_000)}1]\n`);
    const r = run(['validate', 'h1/big.program.yaml'], { timeout: 110_000 });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, 'h1/big.program.yaml:1:1000001: error: This file holds more than 500,000 YAML values (the first one over the limit is here), so it is not checked. Split the program into fragments with `include:`. [too-many-nodes]\n');
    assert.doesNotMatch(r.stderr, NO_STACK);
    // It died at 4.4 GB before; the parser now stops at the 500,001st value.
    assert.ok(r.peakMb < 700, `peak ${r.peakMb.toFixed(0)} MB`);
  });

  test('a rejected 50 MB file is not read whole', { timeout: 60_000 }, () => {
    write('h1/huge.program.yaml', `${HEAD}# ${'x'.repeat(50 * 1024 * 1024)}\n`);
    const r = run(['validate', 'h1/huge.program.yaml']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^h1\/huge\.program\.yaml:1:1: error: This file is larger than 10\.00 MB, so it is not checked .*\[file-too-large\]\n$/);
    // Reading it whole cost 1.27 GB; at most 3 bytes a character of the limit are read now.
    assert.ok(r.peakMb < 250, `peak ${r.peakMb.toFixed(0)} MB`);
  });
});

describe('H2, H3: include globs', () => {
  test('20 stars against a name of 60 `a`s answers at once (no backtracking)', { timeout: 30_000 }, () => {
    write(`h2/parts/${'a'.repeat(60)}`, '');
    write('h2/root.program.yaml', `${HEAD}include: ["parts/${'*a'.repeat(20)}*b"]\n`);
    const t0 = Date.now();
    const r = run(['validate', 'h2/root.program.yaml'], { timeout: 25_000 });
    assert.equal(r.signal, null, 'timed out');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^h2\/root\.program\.yaml:3:12: warning: No file matches `parts\/(\*a){20}\*b`\. \[include-not-found\]\n$/);
    assert.ok(Date.now() - t0 < 20_000);
  });

  test('`[z-a]` is a diagnostic on that include entry; an innocent sibling is not affected', () => {
    write('h3/bad.program.yaml', `${HEAD}include:\n  - "parts/[z-a].program.yaml"\n`);
    write('h3/good.program.yaml', INNOCENT);
    const bad = run(['validate', 'h3/bad.program.yaml']);
    assert.equal(bad.code, 1);
    assert.equal(bad.stdout, 'h3/bad.program.yaml:4:6: error: `parts/[z-a].program.yaml` is not a valid glob: the range `z-a` runs backwards; write `a-z`. [include-invalid-pattern]\n');
    assert.doesNotMatch(bad.stderr, NO_STACK);
    const good = run(['validate', 'h3/good.program.yaml']);
    assert.equal(good.code, 0, good.stderr);
    assert.equal(good.stdout, '');
    const folder = run(['validate', 'h3']);
    assert.equal(folder.code, 1);
    assert.match(folder.stderr, /^1 error, 0 warnings in 2 files \(2 programs\)\.$/m);
  });

  test('an internal error in one program: the others are checked, exit 3 (never 1)', () => {
    write('h3i/a.program.yaml', `${HEAD}include: [boom/*.program.yaml]\n`);
    write('h3i/boom/x.program.yaml', 'version: 1\n');
    write('h3i/b.program.yaml', `${HEAD}workstreams:\n  - id: w\n    name: W\n    tasks:\n      - { id: a, name: A, duration: 3d, depends_on: [nope] }\n`);
    const env = { PROGRAM_AS_CODE_TEST_FAULT: 'list:boom' };
    const r = run(['validate', 'h3i/a.program.yaml', 'h3i/b.program.yaml'], { env });
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.match(r.stdout, /^h3i\/a\.program\.yaml:1:1: error: Checking this program failed unexpectedly \(TypeError: test fault listing boom\); this is a bug in Program as Code, please report it\. Other programs are still checked\. \[internal-error\]$/m);
    assert.match(r.stdout, /^h3i\/b\.program\.yaml:7:\d+: error: Unknown task, milestone or workstream `nope`.*\[unknown-reference\]$/m);
    assert.match(r.stderr, /internal error while checking 1 program/);
    // A failure outside any one program (here: listing the folder to find them) is exit 3 with one line.
    const all = run(['validate', 'h3i'], { env });
    assert.equal(all.code, 3);
    assert.equal(all.stderr, 'program-as-code: internal error (a bug in Program as Code, please report it): TypeError: test fault listing boom\n');
  });
});

test('H4: 50,000 anchors each aliased once: alias-limit at once', { timeout: 60_000 }, () => {
  const lines = [HEAD];
  for (let i = 0; i < 50_000; i++) lines.push(`x-a${i}: &a${i} [1]\nx-b${i}: *a${i}\n`);
  write('h4/anchors.program.yaml', lines.join(''));
  const t0 = Date.now();
  const r = run(['validate', 'h4/anchors.program.yaml']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^h4\/anchors\.program\.yaml:2004:10: error: This file uses more than 1,000 aliases \(`\*name`\); .* \[alias-limit\]\n$/);
  assert.ok(Date.now() - t0 < 30_000, 'it took over 60 s before');
});

describe('M8: a command on a file reads only its program', () => {
  before(() => {
    write('m8/innocent.program.yaml', `${INNOCENT}include: [parts/*.program.yaml]\n`);
    write('m8/parts/more.program.yaml', 'version: 1\nmilestones:\n  - { id: m, name: M, depends_on: [a] }\n');
    // Beside it: a node bomb, a glob that backtracked forever, a bad glob, a huge file.
    write('m8/evil/bomb.program.yaml', `x-a: [${'1,'.repeat(3_000_000)}1]\n`);
    write(`m8/evil/${'a'.repeat(60)}`, '');
    write('m8/evil/stars.program.yaml', `${HEAD}include: ["${'*a'.repeat(20)}*b", "[z-a]"]\n`);
    write('m8/evil/huge.program.yaml', `# ${'x'.repeat(40 * 1024 * 1024)}\n`);
  });

  for (const args of [['validate'], ['schedule'], ['export', '--format', 'csv']]) {
    test(`${args[0]} on the innocent root: fast, exit 0, nothing from the siblings`, { timeout: 30_000 }, () => {
      const t0 = Date.now();
      const r = run([...args, 'm8/innocent.program.yaml'], { cwd: dir, timeout: 25_000 });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.doesNotMatch(r.stdout + r.stderr, /evil|too-many-nodes|file-too-large|include-invalid-pattern/);
      assert.ok(Date.now() - t0 < 20_000);
      assert.ok(r.peakMb < 200, `peak ${r.peakMb.toFixed(0)} MB`);
    });
  }

  test('a fragment named alone is still checked with its root, past the hostile siblings', { timeout: 60_000 }, () => {
    const r = run(['validate', 'm8/parts/more.program.yaml'], { timeout: 55_000 });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /in 2 files \(1 program\)/);
  });
});

describe('M3: control characters in text output', () => {
  const evil = [
    'version: 1',
    'program: { id: p, name: "Plan\\e]0;pwned\\u0007\\e[2J", start: 2026-01-05, status_date: 2026-01-05 }',
    'budget:',
    '  currency: "USD\\nx.program.yaml:1:1: error: forged [yaml-syntax]\\n::error file=x::forged\\n::add-mask::x"',
    '  lines:',
    '    - { id: l, name: L, category: opex, planned: 10, actual: 20 }',
    'kpis:',
    '  - { id: k, name: K, unit: "ms\\r\\n::error::forged", target: 1, current: 5, direction: down }',
    'workstreams:',
    '  - id: w',
    '    name: W',
    '    tasks:',
    '      - { id: a, name: "\\e]8;;http://evil.example\\e\\\\link\\e]8;;\\e\\\\ \\e[31mred", duration: 3d }',
    '',
  ].join('\n');

  test('validate: every line is ours, no escape reaches the terminal, no forged CI command', () => {
    write('m3/evil.program.yaml', evil);
    const r = run(['validate', 'm3/evil.program.yaml']);
    assert.equal(r.code, 0, r.stderr);
    assertReportLines(r.stdout, 'm3/evil.program.yaml');
    assert.equal(r.stdout.split('\n').filter((l) => l !== '').length, 2, r.stdout);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    assert.doesNotMatch(r.stdout, /^::/m);
    assert.match(r.stdout, /USD\\u\{0a\}x\.program\.yaml:1:1: error: forged/);
  });

  test('a file named like a GitHub command cannot start a line as one', () => {
    write('m3/gh/::error file=x::forged.program.yaml', `${HEAD}x: 1\n`);
    const r = run(['validate', '::error file=x::forged.program.yaml'], { cwd: join(dir, 'm3/gh') });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, './::error file=x::forged.program.yaml:3:1: error: Unknown key `x` at the top level of the file. Keys starting with `x-` are free for your own use. [unknown-key]\n');
  });

  test('schedule: names with ANSI/OSC escapes are shown escaped', () => {
    const r = run(['schedule', 'm3/evil.program.yaml']);
    assert.equal(r.code, 0, r.stderr);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    assert.match(r.stdout, /^Plan\\u\{1b\}\]0;pwned\\u\{07\}\\u\{1b\}\[2J: 2026-01-05/);
  });
});

test('M7: an include matching more than 10,000 files includes none and says so', { timeout: 120_000 }, () => {
  mkdirSync(join(dir, 'm7/parts'), { recursive: true });
  for (let i = 0; i < 10_050; i++) writeFileSync(join(dir, 'm7/parts', `f${i}.program.yaml`), `version: 1\nmilestones:\n  - { id: m${i}, name: M, date: 2026-02-02 }\n`);
  write('m7/root.program.yaml', `${HEAD}include: [parts/*.program.yaml]\nmilestones:\n  - { id: last, name: Last, depends_on: [m10049, m3] }\n`);
  const r = run(['validate', 'm7/root.program.yaml'], { timeout: 110_000 });
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'm7/root.program.yaml:3:11: error: `parts/*.program.yaml` matches more than 10,000 files; nothing is included from it. Narrow the pattern or split the program. Fix this first: 2 references to ids the program does not define are held back until then. [include-too-many-files]');
  // The references into the fragments are held back behind the root cause (counted in
  // its message), the same whatever the directory order: no unknown-reference errors.
  assert.equal(lines.filter((l) => l.includes('[unknown-reference]')).length, 0);
});

describe('smaller findings', () => {
  test('dates past 9999, infinite effort and a reversed holiday are errors, not nonsense dates with exit 0', () => {
    write('small/dates.program.yaml', [
      HEAD.trimEnd(),
      'calendar:',
      '  holidays: [{ from: 2026-03-10, to: 2026-03-01, name: Backwards }]',
      'people:',
      '  - { id: al, name: Al, capacity: 1e-300 }',
      '  - { id: bo, name: Bo }',
      'workstreams:',
      '  - id: w',
      '    name: W',
      '    tasks:',
      '      - { id: a, name: A, effort: 10d, assignees: [al] }',
      `      - { id: b, name: B, effort: ${'9'.repeat(400)}d, assignees: [bo] }`,
      '',
    ].join('\n'));
    const r = run(['validate', 'small/dates.program.yaml']);
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      'small/dates.program.yaml:4:38: error: This range ends (2026-03-01) before it starts (2026-03-10), so it is ignored; swap `from` and `to`. [invalid-value]',
      "small/dates.program.yaml:12:15: error: `a` is scheduled after 9999-12-31; check its duration or effort, its assignees' capacity and the lags before it. [out-of-range]",
      'small/dates.program.yaml:13:35: error: This effort is longer than 3,652,425 working days (10,000 years), so no date could come of it. [out-of-range]',
    ]);
    const s = run(['schedule', 'small/dates.program.yaml', '--format', 'json']);
    assert.equal(s.code, 1);
    assert.doesNotMatch(s.stdout, /e\+/);
  });

  test('validate | head: no stack trace, the run ends quietly', { timeout: 60_000 }, async () => {
    const lines = [HEAD, 'risks:\n'];
    for (let i = 0; i < 20_000; i++) lines.push(`  - { id: R${i}, title: T, probability: 5, impact: 5 }\n`);
    write('small/many.program.yaml', lines.join(''));
    const child = spawn(process.execPath, [CLI, 'validate', 'small/many.program.yaml'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.doesNotMatch(stderr, /EPIPE|at .*\.js:\d+|Error/);
    assert.ok(code === 1 || code === 0, `exit ${code}`);
  });

  test('> /dev/full: one line saying so, exit 2, no stack trace', { skip: !existsSync('/dev/full') }, () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" validate small/many.program.yaml > /dev/full`], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^program-as-code: cannot write the output: no space left on the device$/m);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  });

  test('an explicit path that is a link to a file outside the folder is refused unread', () => {
    const outside = tempDir('pac-outside-');
    writeFileSync(join(outside, 'secret.program.yaml'), 'TOP SECRET first line\n');
    mkdirSync(join(dir, 'link'), { recursive: true });
    symlinkSync(join(outside, 'secret.program.yaml'), join(dir, 'link', 'x.program.yaml'));
    const r = run(['validate', 'link/x.program.yaml']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.doesNotMatch(r.stderr, /SECRET/);
    assert.match(r.stderr, /^program-as-code: link\/x\.program\.yaml is a symbolic link to a file outside .*; it is not read$/m);
  });
});

describe('exports read by their real consumers', () => {
  test('CSV (csv-parse): formulas are defused after any leading blank', () => {
    const titles = [' =1+1', '\u00a0=HYPERLINK("http://x")', '\u3000@SUM(A1)', '\u200b+1', '\n-2+3', '\ufeff=cmd|x', '\t=1', 'plain - text'];
    write('csv/r.program.yaml', `${HEAD}risks:\n${titles.map((t, i) => `  - { id: R${i}, title: ${JSON.stringify(t)}, probability: 1, impact: 1 }\n`).join('')}`);
    const r = run(['export', 'csv/r.program.yaml', '--format', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    const byId = new Map(rows.map((row) => [row['id'], row['title']]));
    titles.forEach((t, i) => {
      const cell = byId.get(`R${i}`);
      if (t === 'plain - text') assert.equal(cell, t);
      else assert.equal(cell, `'${t}`, `R${i}`);
    });
  });

  test('SVG (fast-xml-parser): years 0001-9999 with one working day a week stays small and says what it leaves out', () => {
    write('svg/span.program.yaml', [
      'version: 1',
      'program: { id: p, name: Long, start: 0001-01-01 }',
      'calendar: { workdays: [mon] }',
      'workstreams:',
      '  - id: w',
      '    name: W',
      '    tasks:',
      '      - { id: a, name: A, duration: 2d }',
      '      - { id: b, name: B, duration: 2d, start: 9999-01-01 }',
      'milestones:',
      '  - { id: m, name: M, date: 9999-12-01 }',
      '',
    ].join('\n'));
    const r = run(['export', 'svg/span.program.yaml', '--format', 'svg']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.length < 1_000_000, `${r.stdout.length} bytes (170 MB before)`);
    const svg = new XMLParser({ ignoreAttributes: false }).parse(r.stdout, true) as { svg: Record<string, unknown> };
    assert.ok(Number(svg.svg['@_width']) <= 32_000 + 260);
    const note = 'Only 0000-12-25 to 0011-12-07 is drawn (at most 32,000 px at week zoom); 2 items fall partly or wholly outside it.';
    assert.equal(svg.svg['desc'], note);
    assert.match(r.stderr, new RegExp(`^program-as-code: ${note.replace(/[().]/g, '\\$&')}$`, 'm'));
  });
});
