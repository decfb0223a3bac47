// Real git repositories in temporary folders, for the baseline tests (CLI and
// language server): git run with a fixed identity and no system or user
// configuration, so commits work on any machine and never read the user's.
import { execFileSync } from 'node:child_process';

/** Runs git in `dir` and returns its standard output. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: dir },
  });
}

/** Commits everything in `dir` (a repository) as `message`, and tags the commit when `tag` is given. */
export function commitAll(dir: string, message: string, tag?: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message);
  if (tag !== undefined) git(dir, 'tag', tag);
}
