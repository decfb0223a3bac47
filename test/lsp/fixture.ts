// The small two-file program the LSP tests edit (test/fixtures/lsp).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURE_DIR = resolve('test/fixtures/lsp');
export const ROOT = 'plan.program.yaml';
export const FRAGMENT = 'parts/web.program.yaml';
export const ROOT_TEXT = readFileSync(resolve(FIXTURE_DIR, ROOT), 'utf8');
export const FRAGMENT_TEXT = readFileSync(resolve(FIXTURE_DIR, FRAGMENT), 'utf8');
