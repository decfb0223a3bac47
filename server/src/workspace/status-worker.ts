// The Status tab's worker thread (bundled to dist/status-worker.js): builds one
// status report per message, off the language server's main loop
// (view/status-job.ts says why), and posts it back.
import { parentPort } from 'node:worker_threads';
import { runStatusJob } from '../view/status-job.js';
import type { StatusJob, StatusWorkerMessage } from '../view/status-job.js';

const port = parentPort;
if (port) {
  port.on('message', (msg: { id: number; job: StatusJob }) => {
    let answer: StatusWorkerMessage;
    try {
      answer = { id: msg.id, type: 'result', view: runStatusJob(msg.job) };
    } catch (e) {
      answer = { id: msg.id, type: 'error', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
    }
    port.postMessage(answer);
  });
}
