// Entry point the extension host loads (extensionTestsPath): runs the mocha
// suite inside VS Code and settles when it is done. A rejection is how both
// @vscode/test-electron and the code-server harness learn that it failed.
import Mocha from 'mocha';
import * as path from 'node:path';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // scripts/e2e/build-suite.mjs bundles the suite next to this file.
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  mocha.addFile(path.join(__dirname, 'preview-tabs.test.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // One machine-readable line for the runners (the harness repeats it last).
      console.log(`E2E_RESULT ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
  });
}
