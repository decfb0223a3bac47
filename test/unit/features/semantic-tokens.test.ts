import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { provideSemanticTokens, SEMANTIC_TOKENS_LEGEND } from '../../../server/src/features/semantic-tokens.js';
import { contextOf } from '../../helpers/feature.js';
import { lines } from '../../helpers/program.js';

/** Decodes the relative integer array into absolute tokens. */
function decode(text: string, data: number[]): { text: string; type: string; modifiers: string[] }[] {
  const ls = text.split('\n');
  const out: { text: string; type: string; modifiers: string[] }[] = [];
  let line = 0;
  let ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, ds, len, type, mods] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += dl;
    ch = dl === 0 ? ch + ds : ds;
    out.push({
      text: (ls[line] ?? '').slice(ch, ch + len),
      type: SEMANTIC_TOKENS_LEGEND.tokenTypes[type] as string,
      modifiers: SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, b) => mods & (1 << b)),
    });
  }
  return out;
}

void describe('semantic tokens', () => {
  void it('types id definitions and references by kind, and marks dates and durations', () => {
    const t = lines(
      'version: 1',
      'program:',
      '  id: p',
      '  name: P',
      '  start: "2026-01-05"',
      'people: [{ id: al, name: Al }]',
      'workstreams:',
      '  - id: w',
      '    name: W',
      '    owner: al',
      '    tasks:',
      '      - { id: a, name: A, duration: 2d }',
      '      - { id: b, name: B, duration: 1w, depends_on: [a, { id: m, lag: 1d }] }',
      'milestones:',
      '  - { id: m, name: M, date: 2026-01-20 }',
    );
    const tokens = decode(t, provideSemanticTokens(contextOf(t)).data);
    assert.deepEqual(tokens.map((x) => `${x.text}:${x.type}${x.modifiers.length ? `:${x.modifiers.join('+')}` : ''}`), [
      'p:namespace:declaration',
      '2026-01-05:string:readonly+date',
      'al:variable:declaration',
      'w:namespace:declaration',
      'al:variable',
      'a:function:declaration',
      '2d:number:duration',
      'b:function:declaration',
      '1w:number:duration',
      'a:function',
      'm:event',
      '1d:number:duration',
      'm:event:declaration',
      '2026-01-20:string:readonly+date',
    ]);
  });

  void it('is empty on a stale analysis', () => {
    const t = lines('version: 1', 'program: { id: p, name: P, start: 2026-01-05 }');
    const ctx = contextOf(`${t}# edited\n`, { analysedText: t });
    assert.deepEqual(provideSemanticTokens(ctx).data, []);
  });
});
