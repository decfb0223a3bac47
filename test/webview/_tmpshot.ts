import { join } from 'node:path';
import { launch, openStandalone, showTab, vmOfFile, openWebview } from './harness.js';
const ORION = vmOfFile('orion.program.yaml', join('/work/wt/preview/examples/orion'));
(async () => {
  const b = await launch();
  for (const w of [560, 1280]) {
    const o = await openWebview(b, ORION, 'light', { width: w, height: 800 });
    for (const tab of ['gantt', 'graph', 'risks', 'milestones']) {
      await showTab(o.page, tab);
      await o.page.waitForTimeout(200);
      await o.page.screenshot({ path: `/tmp/shots/${tab}-${w}.png` });
    }
  }
  await b.close();
})();
