// The forecast's worker thread (bundled to dist/forecast-worker.js): runs one
// job per message, off the language server's main loop, and posts progress
// and the result back. A big forecast also runs blocks of iterations on the
// other cores (node/forecast-threads.ts: the same result whatever the number
// of threads). Cancelling is the runner terminating this thread, which ends
// the block workers it started with it.
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { runJobThreads } from '../node/forecast-threads.js';
import type { ForecastJob, WorkerMessage } from '../program/forecast/job.js';

const port = parentPort;
if (port) {
  port.on('message', (msg: { id: number; job: ForecastJob; workers?: number }) => {
    const post = (m: WorkerMessage) => port.postMessage(m);
    runJobThreads(msg.job, {
      workerPath: join(__dirname, 'forecast-blocks.js'),
      ...(msg.workers !== undefined && { workers: msg.workers }),
      onProgress: (done, total) => post({ id: msg.id, type: 'progress', done, total }),
    }).then(
      (result) => post({ id: msg.id, type: 'result', result }),
      (e: unknown) => post({ id: msg.id, type: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  });
}
