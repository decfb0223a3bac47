// The top-down graph layout a side panel uses: every node within the given
// width, every arrow pointing down, wide layers wrapped, cycles survived.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_NODE_W, MIN_NODE_W, edgePathDown, topDownLayout } from '../../../media/src/graph/layered-tb.js';
import { NODE_H } from '../../../media/src/graph/layered.js';

const inside = (L: ReturnType<typeof topDownLayout>, width: number): void => {
  for (let i = 0; i < L.x.length; i++) {
    assert.ok(L.x[i]! >= 0 && L.x[i]! + L.w[i]! <= width, `node ${i} [${L.x[i]}, ${L.x[i]! + L.w[i]!}] within ${width}`);
    assert.ok(L.w[i]! >= MIN_NODE_W && L.w[i]! <= MAX_NODE_W);
  }
};

void describe('top-down layout', () => {
  void it('puts a chain in one column, each node below its predecessor, at the widest node width', () => {
    const L = topDownLayout([{ lane: 0 }, { lane: 1 }, { lane: 1 }], [{ from: 0, to: 1 }, { from: 1, to: 2 }], 528);
    assert.deepEqual([...L.layer], [0, 1, 2]);
    assert.ok(L.y[1]! > L.y[0]! + NODE_H && L.y[2]! > L.y[1]! + NODE_H);
    assert.deepEqual([...L.x], [L.x[0], L.x[0], L.x[0]]);
    assert.equal(L.w[0], MAX_NODE_W);
    assert.equal(L.width, 528);
    inside(L, 528);
  });

  void it('wraps a layer wider than the panel onto more rows, all within the width', () => {
    const nodes = Array.from({ length: 11 }, () => ({ lane: 1 }));
    const edges = Array.from({ length: 10 }, (_, i) => ({ from: 0, to: i + 1 }));
    const L = topDownLayout(nodes, edges, 528);
    inside(L, 528);
    const rows = new Set(Array.from(L.y).slice(1));
    assert.equal(rows.size, 4, 'ten successors in rows of three');
    assert.ok(Math.min(...rows) > L.y[0]! + NODE_H, 'below their predecessor');
  });

  void it('survives a cycle, loops the closing edge round the side, and keeps even a tiny width readable', () => {
    const L = topDownLayout([{ lane: 0 }, { lane: 0 }], [{ from: 0, to: 1 }, { from: 1, to: 0 }], 100);
    assert.deepEqual([...L.layer], [0, 1]);
    assert.ok(L.width >= MIN_NODE_W, 'never narrower than one readable node: the panel scrolls instead');
    const back = edgePathDown(L.x[1]! + L.w[1]! / 2, L.y[1]! + NODE_H, L.x[0]! + L.w[0]! / 2, L.y[0]!, L.w[1]!, L.w[0]!, L.width);
    assert.match(back, /^M[\d.]+,[\d.]+C/);
    const down = edgePathDown(50, 30, 50, 100, 100, 100, L.width);
    assert.match(down, /^M50,30V64C/, 'a long edge drops straight down its column first');
  });
});
