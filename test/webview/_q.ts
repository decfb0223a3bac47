import { generatedVm, launch, openStandalone } from './harness.js';
import { writeFileSync } from 'node:fs';
const vm = generatedVm(300);
(async () => {
  const b = await launch();
  const o = await openStandalone(b, vm);
  await o.page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
  for (const format of ['A4', 'Letter']) {
    const pdf = await o.page.pdf({ format, landscape: false, preferCSSPageSize: true, printBackground: true });
    const s = pdf.toString('latin1');
    console.log(format, pdf.length, (s.match(/\/Type\s*\/Page[^s]/g) ?? []).length, /MediaBox \[([^\]]+)\]/.exec(s)?.[1]);
    writeFileSync(`/tmp/shots/print-${format}.pdf`, pdf);
  }
  console.log(await o.page.evaluate(() => [document.body.className, document.querySelectorAll('g.label-row').length]));
  await o.page.emulateMedia({ media: 'print' });
  console.log(await o.page.evaluate(() => [getComputedStyle(document.querySelector('.toolbar')!).display, document.querySelectorAll('g.label-row').length, document.querySelector('svg.gantt-body')!.getAttribute('data-px-per-day')]));
  await b.close();
})();
