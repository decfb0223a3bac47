// The baseline source over the `git` program (child processes, argument
// arrays, no shell). Why the program rather than a library: git is always
// there where the repository is, it gives exactly git's meaning to revision
// expressions (`v1`, `main~3`, `HEAD@{2}`), it reads every repository format
// (packs, worktrees, alternates) and it adds no dependency. VS Code for the
// web, which cannot run programs, can supply an isomorphic-git
// implementation of the same interface later.
//
// Only reading commands are run (rev-parse, ls-tree, cat-file, tag, log),
// with GIT_OPTIONAL_LOCKS=0, so a baseline never touches the index, the
// working tree or refs. All calls are asynchronous: the editor keeps typing.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BaselineError } from '../program/running/baseline-source.js';
import type { BaselineRepository, BaselineSource, TreeFile } from '../program/running/baseline-source.js';
import { pathToUri, uriToPath } from './node-host.js';

const MAX_OUTPUT = 1 << 30;

interface GitResult {
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly code: number;
}

function runGit(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_OUTPUT) child.kill();
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'ENOENT'
        ? new BaselineError('git-missing', 'git is not installed (or not on PATH); baselines need it.')
        : new BaselineError('git-failed', `git could not run: ${e.message}`));
    });
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code: code ?? 1 }));
    child.stdin.on('error', () => undefined); // git may exit before reading all input
    child.stdin.end(input ?? '');
  });
}

/** Whether `git` can be run at all (for one clear message instead of one per file). */
export function gitAvailable(): Promise<boolean> {
  return new Promise((resolve) => execFile('git', ['--version'], (e) => resolve(!e)));
}

export function gitSource(): BaselineSource {
  return {
    async open(folderUri) {
      const dir = uriToPath(folderUri).replace(/\/+$/, '') || '/';
      if (!existsSync(dir)) throw new BaselineError('not-a-repository', `${dir} does not exist, so it is not in a git repository.`);
      const r = await runGit(dir, ['rev-parse', '--show-prefix']).catch((e: unknown) => {
        if (e instanceof BaselineError && e.kind === 'git-failed') {
          throw new BaselineError('not-a-repository', `${dir} is not in a git repository (the folder cannot be opened).`);
        }
        throw e;
      });
      if (r.code !== 0) {
        throw new BaselineError('not-a-repository', `${dir} is not in a git repository, so there is no baseline to compare with.`);
      }
      // The top folder in the caller's spelling (symbolic links kept): the folder minus its prefix.
      const prefix = r.stdout.toString('utf8').trim().replace(/\/$/, '');
      const depth = prefix === '' ? 0 : prefix.split('/').length;
      const folder = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
      let top = folder;
      for (let i = 0; i < depth; i++) top = top.slice(0, top.slice(0, -1).lastIndexOf('/') + 1);
      const topPath = uriToPath(top);
      return repository(topPath, top || pathToUri(topPath));
    },
  };
}

function repository(topPath: string, topUri: string): BaselineRepository & { listRevisions(limit: number): Promise<Revision[]> } {
  return {
    topUri,
    async resolve(revision) {
      if (revision.trim() === '' || revision.startsWith('-')) {
        throw new BaselineError('unknown-revision', `'${revision}' is not a revision (a tag, branch, commit or expression such as main~3).`);
      }
      const r = await runGit(topPath, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
      const hash = r.stdout.toString('utf8').trim();
      if (r.code !== 0 || !/^[0-9a-f]{40,64}$/.test(hash)) {
        throw new BaselineError('unknown-revision', `The revision '${revision}' does not exist in the repository at ${topPath.replace(/\/+$/, '') || '/'}.`);
      }
      return hash;
    },
    async listFiles(commit, dir) {
      const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
      if (dir !== '') args.push('--', dir);
      const r = await runGit(topPath, args);
      if (r.code !== 0) throw new BaselineError('git-failed', `git ls-tree failed: ${r.stderr.trim()}`);
      const out: TreeFile[] = [];
      for (const rec of r.stdout.toString('utf8').split('\0')) {
        // <mode> SP <type> SP <object> TAB <path>
        const tab = rec.indexOf('\t');
        if (tab < 0) continue;
        const [, type, blob] = rec.slice(0, tab).split(' ');
        if (type === 'blob' && blob) out.push({ path: rec.slice(tab + 1), blob });
      }
      return out;
    },
    async readBlobs(blobs) {
      const out = new Map<string, string>();
      const unique = [...new Set(blobs)];
      if (unique.length === 0) return out;
      const r = await runGit(topPath, ['cat-file', '--batch'], `${unique.join('\n')}\n`);
      if (r.code !== 0) throw new BaselineError('git-failed', `git cat-file failed: ${r.stderr.trim()}`);
      // Each answer: "<oid> <type> <size>\n<content>\n", or "<oid> missing\n".
      const buf = r.stdout;
      let pos = 0;
      for (const oid of unique) {
        const nl = buf.indexOf(0x0a, pos);
        if (nl < 0) break;
        const header = buf.subarray(pos, nl).toString('utf8').split(' ');
        pos = nl + 1;
        if (header[1] === 'missing' || header.length < 3) continue;
        const size = Number(header[2]);
        out.set(oid, buf.subarray(pos, pos + size).toString('utf8'));
        pos += size + 1;
      }
      return out;
    },
    async listRevisions(limit) {
      const tags = await runGit(topPath, ['tag', '--sort=-creatordate', '--format=%(refname:short)%09%(objectname)%09%(creatordate:short)%09%(contents:subject)']);
      const log = await runGit(topPath, ['log', `-n${limit}`, '--format=%H%x09%h%x09%cs%x09%s']);
      const list: Revision[] = [];
      for (const line of tags.stdout.toString('utf8').split('\n')) {
        const [name, , date, subject] = line.split('\t');
        if (name) list.push({ revision: name, kind: 'tag', date: date ?? '', subject: subject ?? '' });
      }
      for (const line of log.stdout.toString('utf8').split('\n')) {
        const [, short, date, subject] = line.split('\t');
        if (short) list.push({ revision: short, kind: 'commit', date: date ?? '', subject: subject ?? '' });
      }
      return list;
    },
  };
}

export interface Revision {
  readonly revision: string;
  readonly kind: 'tag' | 'commit';
  readonly date: string;
  readonly subject: string;
}

/** Tags (newest first) and the last `limit` commits of the repository holding `folderUri`. */
export async function listRevisions(folderUri: string, limit = 30): Promise<Revision[]> {
  const repo = (await gitSource().open(folderUri)) as ReturnType<typeof repository>;
  return repo.listRevisions(limit);
}
