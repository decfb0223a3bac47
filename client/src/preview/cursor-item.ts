// Which item the editor's cursor is in: the view model has only the range of
// each item's id, and items are blocks that start at their `id:` line, so the
// item is the last one defined at or above the cursor in the same file.
import type { ViewModel } from '../../../server/src/view/view-model';

export function itemAtLine(vm: ViewModel, uri: string, line: number): string | null {
  let best: { id: string; line: number } | null = null;
  for (const list of [vm.tasks, vm.milestones, vm.workstreams, vm.risks]) {
    for (const it of list) {
      const loc = it.location;
      if (loc.uri !== uri || loc.line > line) continue;
      if (!best || loc.line > best.line) best = { id: it.id, line: loc.line };
    }
  }
  return best?.id ?? null;
}
