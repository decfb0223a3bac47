// `npm start` on a machine without the desktop `code` and without what
// building code-server needs: it must stop at once with one message that names
// what is missing and the exact apt-get line, before it packages or downloads
// anything (a fresh user used to get a raw node-gyp error after 90 s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../..');

test('npm start without ripgrep, make or g++ names them and the apt-get line before it packages or builds anything', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pac-start-'));
  try {
    // A PATH with only node and sh: no rg, no make, no g++, no pkg-config, no python3, no `code`.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const sh = ['/bin/sh', '/usr/bin/sh'].find((p) => existsSync(p));
    assert.ok(sh, 'no sh on this machine');
    symlinkSync(sh, join(bin, 'sh'));
    const vsixBefore = readdirSync(REPO).filter((f) => f.endsWith('.vsix')).length;
    const r = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: REPO, encoding: 'utf8', timeout: 60_000,
      env: { HOME: dir, PATH: bin, PAC_CODE_SERVER_CACHE: join(dir, 'cache') },
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /the desktop `code` is not on PATH/);
    assert.match(r.stderr, /^ {2}- rg \(ripgrep, for search in VS Code\)$/m);
    assert.match(r.stderr, /^ {2}- make and g\+\+ \(to compile native modules\)$/m);
    // One line that installs everything missing (libkrb5-dev too when its headers are absent here).
    assert.match(r.stderr, /^ {2}(sudo )?apt-get install -y ripgrep (libkrb5-dev )?build-essential pkg-config python3$/m);
    assert.equal(r.stdout.includes('Packaged'), false, 'it packaged the extension before checking');
    assert.equal(readdirSync(REPO).filter((f) => f.endsWith('.vsix')).length, vsixBefore);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
