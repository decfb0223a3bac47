// A throwaway fixture workspace for one e2e run: the suite's own small
// programs (test/fixtures/e2e/) plus the Orion example, copied so the suite
// may edit, rename and export freely.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './code-server.mjs';

export function createRunDirs() {
  const root = mkdtempSync(join(tmpdir(), 'pac-e2e-'));
  const dirs = {
    root,
    workspace: join(root, 'workspace'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    signals: join(root, 'signals'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'e2e'), dirs.workspace, { recursive: true });
  cpSync(join(REPO_ROOT, 'examples', 'orion'), join(dirs.workspace, 'orion'), { recursive: true });
  // Workspace settings exist so the suite's ConfigurationTarget.Workspace updates have a home.
  mkdirSync(join(dirs.workspace, '.vscode'), { recursive: true });
  writeFileSync(join(dirs.workspace, '.vscode', 'settings.json'), '{}\n');
  return dirs;
}
