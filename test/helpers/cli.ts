// The built CLI (dist/cli.js) run as CI runs it: a child process of this
// Node, in a folder of the test's own files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const CLI = resolve(__dirname, '../../dist/cli.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Added to this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** Milliseconds before the child is killed (default 60 s). */
  readonly timeout?: number;
  /** Node options before the CLI's path (e.g. `--require` a probe). */
  readonly nodeArgs?: readonly string[];
  readonly maxBuffer?: number;
}

/** `program-as-code ARGS` in `cwd`: its exit code (null when killed), stdout and stderr. */
export function runCli(args: readonly string[], cwd: string, options: CliOptions = {}): CliRun & { readonly signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd, encoding: 'utf8', timeout: options.timeout ?? 60_000,
    ...(options.maxBuffer !== undefined && { maxBuffer: options.maxBuffer }),
    ...(options.env && { env: { ...process.env, ...options.env } }),
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** A new, empty temporary folder named `prefix…`. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `text` at `rel` under `dir`, making its folders; returns the file's path. */
export function writeIn(dir: string, rel: string, text: string): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}
