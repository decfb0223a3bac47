// Preloaded into a timed command (node --import): at exit, writes the
// process's CPU time (every thread: main, workers, GC) to the file named by
// PAC_BENCH_CPU_FILE, so the bench can print it beside the wall time.
import { writeFileSync } from 'node:fs';

const file = process.env.PAC_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.cpuUsage();
    writeFileSync(file, String((u.user + u.system) / 1000));
  });
}
