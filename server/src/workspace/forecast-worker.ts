// The forecast's worker thread (bundled to dist/forecast-worker.js): runs one
// job per message, off the language server's main loop, and posts progress
// and the result back. Cancelling is the runner terminating this thread.
import { parentPort } from 'node:worker_threads';
import { runForecastJob } from './forecast-job.js';
import type { ForecastJob, WorkerMessage } from './forecast-job.js';

const port = parentPort;
if (port) {
  port.on('message', (msg: { id: number; job: ForecastJob }) => {
    const post = (m: WorkerMessage) => port.postMessage(m);
    try {
      const result = runForecastJob(msg.job, (done, total) => post({ id: msg.id, type: 'progress', done, total }));
      post({ id: msg.id, type: 'result', result });
    } catch (e) {
      post({ id: msg.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
}
