import { runForecast } from '../server/src/program/forecast/forecast.js';
import { sampleDaysInto, tableEntry, threePoint, Xoshiro128 } from '../server/src/program/forecast/random.js';
import { forecastModel } from './forecast.js';
const model = forecastModel(1000);
for (let rep = 0; rep < 2; rep++) {
const c0 = process.cpuUsage(); const t0 = performance.now();
runForecast(model, { iterations: 3000, seed: 1, statusDate: 0 });
const c = process.cpuUsage(c0);
console.log('forecast wall', (performance.now() - t0).toFixed(0), 'cpu', ((c.user + c.system) / 1000).toFixed(0));
}
const table = Float64Array.from(Array.from({ length: 1000 }, (_, i) => tableEntry(threePoint(5, 7 + (i % 3), 15, 'pert'))).flat());
const out = new Int32Array(1000); const rng = new Xoshiro128(1);
const c0 = process.cpuUsage();
for (let i = 0; i < 3000; i++) sampleDaysInto(rng, table, 1000, out);
const c = process.cpuUsage(c0);
console.log('3M pert samples cpu', ((c.user + c.system) / 1000).toFixed(0), 'ms');
