// `program-as-code diff REV [FILE]`: the program now against a git revision.
import { diffMarkdown, diffText } from '../program/running/diff-format.js';
import { compareWithBaseline, openCurrent, startBaseline } from './baseline-load.js';
import { findSingleRoot } from './single-root.js';

export type DiffFormat = 'text' | 'markdown' | 'json';

export async function runDiff(opts: { revision: string; file?: string; format: DiffFormat; cwd: string; today?: number }): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const file = opts.file ?? findSingleRoot(opts.cwd);
  if (typeof file !== 'string') return { exitCode: 2, stdout: '', stderr: `program-as-code: ${file.message}\n` };
  // The baseline's git commands are under way while the program now loads.
  const early = startBaseline(file, opts.cwd, opts.revision);
  const current = openCurrent(file, opts.cwd, undefined, opts.today, { check: false });
  if (!current.ok) return { exitCode: current.exitCode, stdout: '', stderr: `program-as-code: ${current.message}\n` };
  const baseline = await compareWithBaseline(current.value, opts.revision, early);
  if (!baseline.ok) return { exitCode: baseline.exitCode, stdout: '', stderr: `program-as-code: ${baseline.message}\n` };
  const c = baseline.value.comparison;
  const stdout = opts.format === 'json' ? `${JSON.stringify(c.diff, null, 2)}\n` : opts.format === 'markdown' ? diffMarkdown(c) : diffText(c);
  return { exitCode: 0, stdout, stderr: '' };
}
