// A forecast blocks worker (bundled to dist/forecast-blocks.js; started by
// forecast-threads.ts with the plan's iteration data): takes the next block
// from the shared counter until none is left, posting each block's tally (its
// buffers transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { blockCount, blockPlanFrom, runBlocks, Streams } from '../program/forecast/blocks.js';
import type { BlocksMessage, BlocksWorkerData } from './forecast-threads.js';

const port = parentPort;
if (port) {
  const post = (m: BlocksMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  try {
    const { plan: data, next } = workerData as BlocksWorkerData;
    const plan = blockPlanFrom(data);
    const blocks = blockCount(plan.iterations);
    const counter = new Int32Array(next);
    const streams = new Streams(plan.settings.seed);
    for (;;) {
      const b = Atomics.add(counter, 0, 1);
      if (b >= blocks) break;
      const tally = runBlocks(plan, b, b + 1, streams);
      const buffers = [tally.finishes, tally.milestones, tally.samples, tally.critical, tally.sums].map((a) => a.buffer as ArrayBuffer);
      post({ type: 'block', block: b, tally }, buffers);
    }
    post({ type: 'done' });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
