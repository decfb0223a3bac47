import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { provideCodeActions } from '../../../server/src/features/code-actions.js';
import { provideDiagnostics } from '../../../server/src/features/diagnostics.js';
import type { FeatureContext } from '../../../server/src/features/context.js';
import { contextOf, ROOT_URI } from '../../helpers/feature.js';
import { lines } from '../../helpers/program.js';
import { applyEdits } from '../../helpers/caret.js';

function actionsFor(ctx: FeatureContext, code: string): { actions: CodeAction[]; diagnostics: Diagnostic[] } {
  const diagnostics = provideDiagnostics(ctx).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `a ${code} diagnostic`);
  const first = diagnostics[0] as Diagnostic;
  return { actions: provideCodeActions(ctx, first.range, [first]), diagnostics };
}

function applied(text: string, action: CodeAction | undefined, uri = ROOT_URI): string {
  const edits = action?.edit?.changes?.[uri];
  assert.ok(edits, `edits for ${uri}`);
  return applyEdits(text, edits);
}

const HEAD = ['version: 1', 'program:', '  id: p', '  name: P', '  start: 2026-01-05', '  status_date: 2026-01-05'];

void describe('code actions: unknown references', () => {
  const text = lines(
    ...HEAD,
    'people:',
    '  - id: alice   # lead',
    '    name: Alice',
    'workstreams:',
    '  - id: backend',
    '    name: Backend',
    '    tasks:',
    '      - id: design',
    '        name: Design',
    '        duration: 5d',
    '      - id: api',
    '        name: API',
    '        duration: 5d',
    '        depends_on: [desing, infra]',
    '        assignees: [alise]',
    '',
    '  # trailing comment',
  );
  const ctx = contextOf(text);

  void it('offers each close match, the first preferred, as a one-token edit', () => {
    const { actions } = actionsFor(ctx, 'unknown-reference');
    const change = actions.find((a) => a.title === 'Change to `design`');
    assert.ok(change);
    assert.equal(change.isPreferred, true);
    assert.equal(change.kind, 'quickfix');
    assert.equal(applied(text, change), text.replace('[desing, infra]', '[design, infra]'));
  });

  void it('creates a stub task at the end of the workstream that holds the reference', () => {
    const diags = provideDiagnostics(ctx).filter((d) => d.code === 'unknown-reference');
    const infra = diags.find((d) => d.message.includes('infra')) as Diagnostic;
    const create = provideCodeActions(ctx, infra.range, [infra]).find((a) => a.title === 'Create task `infra`');
    assert.ok(create);
    assert.equal(applied(text, create), text.replace(
      '        assignees: [alise]\n',
      '        assignees: [alise]\n      - id: infra\n        name: infra\n        duration: 1d\n',
    ));
  });

  void it('creates a person at the end of people:', () => {
    const diags = provideDiagnostics(ctx).filter((d) => d.code === 'unknown-reference');
    const alise = diags.find((d) => d.message.includes('alise')) as Diagnostic;
    const actions = provideCodeActions(ctx, alise.range, [alise]);
    assert.equal(actions[0]?.title, 'Change to `alice`');
    const create = actions.find((a) => a.title === 'Create person `alise`');
    assert.equal(applied(text, create), text.replace('    name: Alice\n', '    name: Alice\n  - id: alise\n    name: alise\n'));
  });

  void it('creates the people section when there is none', () => {
    const t = lines(...HEAD, 'milestones:', '  - id: m', '    name: M', '    date: 2026-02-02', '    owner: carol');
    const c = contextOf(t);
    const { actions } = actionsFor(c, 'unknown-reference');
    const create = actions.find((a) => a.title === 'Create person `carol`');
    assert.equal(applied(t, create), `${t}people:\n  - id: carol\n    name: carol\n`);
  });
});

void describe('code actions: risks', () => {
  const PEOPLE = ['people:', '  - id: bob', '    name: Bob', '  - id: alice', '    name: Alice'];

  void it('adds owner and mitigation lines to a block risk, with values that clear the warnings', () => {
    const t = lines(...HEAD, '  owner: alice', ...PEOPLE, 'risks:', '  - id: R1', '    title: Big', '    probability: 5', '    impact: 4  # ouch', 'kpis: []');
    const c = contextOf(t);
    const owner = actionsFor(c, 'risk-without-owner').actions[0];
    assert.equal(owner?.title, 'Add `owner: alice` to risk `R1`'); // the program's owner
    assert.equal(owner?.isPreferred, true);
    const withOwner = applied(t, owner);
    assert.equal(withOwner, t.replace('    impact: 4  # ouch\n', '    impact: 4  # ouch\n    owner: alice\n'));
    assert.deepEqual(provideDiagnostics(contextOf(withOwner)).filter((d) => d.code === 'risk-without-owner'), []);
    const mitigation = actionsFor(c, 'risk-without-mitigation').actions[0];
    const withMitigation = applied(t, mitigation);
    assert.equal(withMitigation, t.replace('    impact: 4  # ouch\n', '    impact: 4  # ouch\n    mitigation: TODO\n'));
    assert.deepEqual(provideDiagnostics(contextOf(withMitigation)).filter((d) => d.code === 'risk-without-mitigation'), []);
  });

  void it('adds `, owner: <first person>` to a flow risk', () => {
    const t = lines(...HEAD, ...PEOPLE, 'risks:', '  - { id: R1, title: Big, probability: 5, impact: 4, mitigation: m }');
    const c = contextOf(t);
    const owner = actionsFor(c, 'risk-without-owner').actions[0];
    assert.equal(applied(t, owner), t.replace('mitigation: m }', 'mitigation: m, owner: bob }'));
  });

  void it('offers no owner when the program has nobody to name (any id would be an unknown reference)', () => {
    const t = lines(...HEAD, 'risks:', '  - { id: R1, title: Big, probability: 5, impact: 4, mitigation: m }');
    assert.deepEqual(actionsFor(contextOf(t), 'risk-without-owner').actions, []);
  });
});

void describe('code actions: self-dependencies and cycles', () => {
  const tasks = (deps: string[]) => lines(
    ...HEAD,
    'workstreams:',
    '  - id: w',
    '    name: W',
    '    tasks:',
    '      - id: a',
    '        name: A',
    '        duration: 1d',
    ...deps,
    '      - id: b',
    '        name: B',
    '        duration: 1d',
  );

  void it('removes a flow item with its comma', () => {
    for (const [before, after] of [['[b, a, b]', '[b, b]'], ['[b, a]', '[b]'], ['[a, b]', '[b]'], ['[a]', '[]']]) {
      const t = tasks([`        depends_on: ${before}`]);
      const fix = actionsFor(contextOf(t), 'self-dependency').actions[0];
      assert.equal(fix?.title, 'Remove the dependency of `a` on itself');
      assert.equal(applied(t, fix), t.replace(before as string, after as string), before);
    }
  });

  void it('removes a block item line, keeping comments', () => {
    const t = tasks(['        depends_on:', '          - b   # first', '          - { id: a, lag: 1d }', '          # keep me']);
    const fix = actionsFor(contextOf(t), 'self-dependency').actions[0];
    assert.equal(applied(t, fix), t.replace('          - { id: a, lag: 1d }\n', ''));
  });

  void it('turns a block list left empty into []', () => {
    const t = tasks(['        depends_on:', '          - a']);
    const fix = actionsFor(contextOf(t), 'self-dependency').actions[0];
    assert.equal(applied(t, fix), t.replace('        depends_on:\n          - a\n', '        depends_on: []\n'));
  });

  void it('breaks a cycle on the edge', () => {
    const t = lines(
      ...HEAD, 'workstreams:', '  - id: w', '    name: W', '    tasks:',
      '      - id: api', '        name: API', '        duration: 1d', '        depends_on: [ui]',
      '      - id: ui', '        name: UI', '        duration: 1d', '        depends_on: [design, api]',
      '      - id: design', '        name: D', '        duration: 1d',
    );
    const c = contextOf(t);
    const diags = provideDiagnostics(c).filter((d) => d.code === 'dependency-cycle');
    assert.equal(diags.length, 2);
    const onUi = diags.find((d) => d.range.start.line === t.split('\n').indexOf('        depends_on: [design, api]')) as Diagnostic;
    const fix = provideCodeActions(c, onUi.range, [onUi])[0];
    assert.equal(fix?.title, 'Break the cycle here: remove `api` from `ui`\'s depends_on');
    assert.equal(applied(t, fix), t.replace('[design, api]', '[design]'));
  });
});

void describe('code actions: guards', () => {
  void it('gives nothing when the analysis is of another text', () => {
    const t = lines(...HEAD, 'milestones:', '  - id: m', '    name: M', '    date: 2026-02-02', '    owner: carol');
    const c = contextOf(`${t}\n`, { analysedText: t });
    const d = provideDiagnostics(contextOf(t)).filter((x) => x.code === 'unknown-reference');
    assert.deepEqual(provideCodeActions(c, (d[0] as Diagnostic).range, d), []);
  });
});

// Issue 11: a fix edits only its own tokens. The self-dependency fix once
// replaced everything from `depends_on:` to the end of the item, taking a
// comment line between the key and the item with it.
void describe('code actions keep every comment and touch only their tokens', () => {
  const PROGRAM = lines(...HEAD, 'people:', '  - { id: ann, name: Ann }', 'workstreams:', '  - id: core', '    name: Core', '    tasks:', '      - id: b', '        name: B', '        duration: 1d', '      - id: a', '        name: A', '        duration: 1d');
  const fixOf = (tail: string, code: string) => {
    const text = `${PROGRAM}${tail}`;
    const { actions } = actionsFor(contextOf(text), code);
    const fix = actions.find((a) => /^(Remove|Break|Change|Add|Create)/.test(a.title));
    return { text, out: applied(text, fix).slice(PROGRAM.length) };
  };
  const cases: [string, string, string][] = [
    ['a comment line between the key and the only item', '        depends_on:\n          # why a waits\n          - a\n        start: 2026-01-05\n', '        depends_on: []\n          # why a waits\n        start: 2026-01-05\n'],
    ['a comment after the key', '        depends_on: # why\n          - a\n', '        depends_on: [] # why\n'],
    ['CRLF and a comment line', '        depends_on:\r\n          # keep\r\n          - a\r\n', '        depends_on: []\r\n          # keep\r\n'],
    ['a comment line before the item', '        depends_on:\n          - b\n          # about a\n          - a\n', '        depends_on:\n          - b\n          # about a\n'],
    ['a comment line after the last item', '        depends_on:\n          - a\n          # after\n          - b\n', '        depends_on:\n          # after\n          - b\n'],
    ['the only item as a block scalar', '        depends_on:\n          - |-\n            a\n        start: 2026-01-05\n', '        depends_on: []\n        start: 2026-01-05\n'],
    ['a flow list with a comment after it', '        depends_on: [a]   # why\n', '        depends_on: []   # why\n'],
    ['the last item of a flow list over two lines', '        depends_on: [b,\n          a]\n', '        depends_on: [b]\n'],
    ['a comment inside a flow list', '        depends_on: [b, a # last\n          ]\n', '        depends_on: [b # last\n          ]\n'],
  ];
  for (const [what, tail, expected] of cases) {
    void it(`self-dependency: ${what}`, () => {
      assert.equal(fixOf(tail, 'self-dependency').out, expected);
    });
  }

  void it('unknown reference written as a block scalar: the suggestion replaces the id only', () => {
    const { out } = fixOf('        depends_on:\n          - |-\n            bb\n        start: 2026-01-05\n', 'unknown-reference');
    assert.equal(out, '        depends_on:\n          - |-\n            b\n        start: 2026-01-05\n');
  });

  void it('a new task in a flow list ending in a comment goes after the last item, not into the comment', () => {
    const text = lines(...HEAD, 'workstreams:', '  - id: core', '    name: Core', '    tasks: [ { id: a, name: A, duration: 1d, depends_on: [zed] }, # last one', '    ]');
    const { actions } = actionsFor(contextOf(text), 'unknown-reference');
    const out = applied(text, actions.find((a) => a.title === 'Create task `zed`'));
    assert.equal(out.split('\n').slice(-3).join('\n'), '    tasks: [ { id: a, name: A, duration: 1d, depends_on: [zed] }, { id: zed, name: zed, duration: 1d }, # last one\n    ]\n');
  });

  void it('a risk key added to a flow map ending in a comment goes after the last pair', () => {
    const text = lines(...HEAD, 'people:', '  - { id: ann, name: Ann }', 'risks:', '  - { id: R1, title: T, probability: 4, impact: 4, mitigation: M # note', '    }');
    const { actions } = actionsFor(contextOf(text), 'risk-without-owner');
    const out = applied(text, actions[0]);
    assert.equal(out.split('\n').slice(-3).join('\n'), '  - { id: R1, title: T, probability: 4, impact: 4, mitigation: M, owner: ann # note\n    }\n');
  });
});
