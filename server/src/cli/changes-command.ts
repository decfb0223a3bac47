// `program-as-code changes FILE`: every change request, and for those awaiting
// a decision or implementation, what it would move if applied.
import { changeImpacts } from '../program/running/change-impact.js';
import { changesText } from '../program/running/changes-format.js';
import { computeEvm } from '../program/running/evm.js';
import { openCurrent } from './baseline-load.js';

export function runChanges(opts: { file: string; format: 'text' | 'json'; cwd: string; today?: number }): { exitCode: number; stdout: string; stderr: string } {
  const current = openCurrent(opts.file, opts.cwd, undefined, opts.today, { check: false });
  if (!current.ok) return { exitCode: current.exitCode, stdout: '', stderr: `program-as-code: ${current.message}\n` };
  const c = current.value;
  const bac = computeEvm({ current: c, statusDate: c.statusDate }).bac;
  const list = changeImpacts(c, c.scheduleOf, bac);
  const stdout = opts.format === 'json'
    ? `${JSON.stringify({ program: c.model.program?.id ?? null, bac, changes: list }, null, 2)}\n`
    : changesText(list, c.model.budgetCurrency ?? null);
  return { exitCode: 0, stdout, stderr: '' };
}
