import { forecastModel } from './forecast.js';
import { prepareForecast, summariseForecast } from '../server/src/program/forecast/forecast.js';
import { addTally, blockCount, createTally, runBlocks, Streams } from '../server/src/program/forecast/blocks.js';
const size = Number(process.argv[2] ?? 1000); const iters = Number(process.argv[3] ?? 10000);
const model = forecastModel(size);
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
for (let rep = 0; rep < 2; rep++) {
  let t = cpu();
  const plan = prepareForecast(model, { iterations: iters, statusDate: 20458 });
  const t1 = cpu(); const prep = t1 - t;
  const tally = createTally(plan, 0, plan.iterations);
  const st = new Streams(1);
  const B = blockCount(plan.iterations);
  for (let b = 0; b < B; b++) addTally(tally, runBlocks(plan, b, b + 1, st));
  const t2 = cpu();
  summariseForecast(plan, tally);
  const t3 = cpu();
  console.log({ prep: prep.toFixed(0), blocks: (t2 - t1).toFixed(0), summary: (t3 - t2).toFixed(0), perIterUs: ((t2 - t1) * 1000 / iters).toFixed(1) });
}
