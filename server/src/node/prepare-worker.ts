// The fragment-preparing worker (bundled to dist/prepare-worker.js; started by
// parallel-load.ts): prepares the files it is given and posts them back
// without their texts, which the caller already has.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareFragment } from '../program/prepared-file.js';
import type { PrepareReply, PrepareRequest } from './parallel-load.js';

const port = parentPort;
if (port) {
  let reply: PrepareReply;
  try {
    const { files } = workerData as PrepareRequest;
    reply = { ok: true, files: files.map((f) => { const { text: _text, ...rest } = prepareFragment(f.uri, f.text); return rest; }) };
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
}
