// The LSP suites' fixtures: the small two-file program they edit
// (test/fixtures/lsp), and `lspSession`, the one session setup every suite
// shares (spawn the bundled server, initialize, open documents, shut down).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before } from 'node:test';
import { LspSession } from './harness.js';
import type { StartOptions } from './harness.js';

export const FIXTURE_DIR = resolve('test/fixtures/lsp');
export const ROOT = 'plan.program.yaml';
export const FRAGMENT = 'parts/web.program.yaml';
export const ROOT_TEXT = readFileSync(resolve(FIXTURE_DIR, ROOT), 'utf8');
export const FRAGMENT_TEXT = readFileSync(resolve(FIXTURE_DIR, FRAGMENT), 'utf8');

export interface SessionFixture extends StartOptions {
  /** Documents the editor opens once the server is up (relative path -> text), in this order. */
  readonly open?: Readonly<Record<string, string>>;
}

/**
 * One language-server session for the enclosing `describe`: its workspace
 * folder is made now (so `s.uri(rel)` can be taken at once), the server is
 * started, initialized and given its `open` documents before the first test,
 * and shut down (folder removed) after the last.
 */
export function lspSession(fixture: SessionFixture | (() => SessionFixture) = {}): LspSession {
  const s = LspSession.create();
  before(async () => {
    // A function builds large files only when the suite runs.
    const options = typeof fixture === 'function' ? fixture() : fixture;
    await s.launch(options);
    for (const [rel, text] of Object.entries(options.open ?? {})) await s.open(rel, text);
  });
  after(async () => {
    await s.stop();
  });
  return s;
}
