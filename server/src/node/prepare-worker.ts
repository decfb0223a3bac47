// The fragment-preparing worker (bundled to dist/prepare-worker.js; started by
// parallel-load.ts): prepares the files it is given and posts them back
// without their texts, which the caller already has.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareWhileUnder } from './parallel-load.js';
import type { PrepareReply, PrepareRequest } from './parallel-load.js';

const port = parentPort;
if (port) {
  let reply: PrepareReply;
  try {
    const { files } = workerData as PrepareRequest;
    reply = { ok: true, files: prepareWhileUnder(files).map(({ text: _text, ...rest }) => rest) };
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
}
