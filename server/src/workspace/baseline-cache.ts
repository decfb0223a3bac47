// The baseline the editor compares with (`programAsCode.baseline`): git is read
// asynchronously (typing never waits for it), each revision's commit is
// re-resolved at most every few seconds (a branch moves), each root's program
// at a commit is loaded once, and each analysis is compared once. A folder
// that is not a repository, an unknown revision or a missing root gives one
// message per distinct problem, not one per keystroke.
import type { ProgramAnalysis } from '../program/analyze.js';
import { BaselineError, loadBaseline, scheduleBaseline } from '../program/running/baseline-source.js';
import type { BaselineSource } from '../program/running/baseline-source.js';
import { diffPrograms } from '../program/running/baseline-diff.js';
import { scheduleProgram } from '../program/schedule.js';
import type { Schedule } from '../program/schedule.js';
import type { ProgramModel } from '../program/model.js';
import type { BaselineView } from '../features/baseline.js';

const RESOLVE_TTL_MS = 5_000;
const MAX_LOADED = 8;

interface Loaded {
  readonly commit: string;
  readonly model: ProgramModel;
  readonly schedule: Schedule;
}

interface RootState {
  loaded?: Loaded;
  error?: string;
  checkedAt: number;
  inFlight?: Promise<void>;
}

export interface BaselineHooks {
  /** A baseline finished loading (or failed): refresh hints and the status bar. */
  ready(): void;
  /** A problem worth telling the user, once. */
  problem(message: string): void;
  workspaceRootOf(uri: string): string;
}

export class BaselineCache {
  private revision: string | undefined;
  private roots = new Map<string, RootState>();
  /** Loaded programs by root and commit: switching back to a revision costs nothing. */
  private byCommit = new Map<string, Loaded>();
  private views = new WeakMap<ProgramAnalysis, { commit: string; view: BaselineView }>();
  private told = new Set<string>();

  constructor(private readonly source: BaselineSource, private readonly hooks: BaselineHooks) {}

  get current(): string | undefined {
    return this.revision;
  }

  setRevision(revision: string | undefined): void {
    const next = revision?.trim() || undefined;
    if (next === this.revision) return;
    this.revision = next;
    this.roots.clear();
    this.told.clear();
    this.hooks.ready();
  }

  /** The comparison for this analysis if its baseline is loaded; otherwise starts loading it. */
  viewFor(analysis: ProgramAnalysis | undefined): BaselineView | undefined {
    if (!analysis || !this.revision || !analysis.model.program) return undefined;
    const state = this.stateOf(analysis.model.rootUri);
    if (Date.now() - state.checkedAt > RESOLVE_TTL_MS && !state.inFlight) state.inFlight = this.refresh(analysis.model.rootUri, state);
    return state.loaded ? this.compare(analysis, state.loaded) : undefined;
  }

  /** The same, waiting for git; with the problem when there is no baseline. */
  async load(analysis: ProgramAnalysis): Promise<{ view?: BaselineView; error?: string }> {
    if (!this.revision) return {};
    if (!analysis.model.program) return { error: 'A fragment on its own has no baseline; open its root.' };
    const state = this.stateOf(analysis.model.rootUri);
    if (!state.loaded && !state.error && !state.inFlight) state.inFlight = this.refresh(analysis.model.rootUri, state);
    if (state.inFlight) await state.inFlight;
    if (state.loaded) return { view: this.compare(analysis, state.loaded) };
    return { error: state.error ?? 'The baseline is not loaded.' };
  }

  private stateOf(rootUri: string): RootState {
    let s = this.roots.get(rootUri);
    if (!s) this.roots.set(rootUri, (s = { checkedAt: 0 }));
    return s;
  }

  private compare(analysis: ProgramAnalysis, loaded: Loaded): BaselineView {
    const cached = this.views.get(analysis);
    if (cached && cached.commit === loaded.commit) return cached.view;
    const scheduleOf = (m: ProgramModel) => scheduleProgram(m, { statusDate: analysis.statusDate });
    const comparison = diffPrograms(analysis, loaded, { revision: this.revision ?? '', commit: loaded.commit }, scheduleOf, { attribute: false });
    const view: BaselineView = { revision: this.revision ?? '', commit: loaded.commit, schedule: loaded.schedule, comparison, model: loaded.model };
    this.views.set(analysis, { commit: loaded.commit, view });
    return view;
  }

  private async refresh(rootUri: string, state: RootState): Promise<void> {
    const revision = this.revision;
    if (!revision) return;
    try {
      const repo = await this.source.open(rootUri.slice(0, rootUri.lastIndexOf('/') + 1));
      const commit = await repo.resolve(revision);
      if (state.loaded?.commit !== commit) {
        const key = `${rootUri}\u0000${commit}`;
        let loaded = this.byCommit.get(key);
        if (!loaded) {
          const b = await loadBaseline(this.source, rootUri, revision, { workspaceRoot: this.hooks.workspaceRootOf(rootUri) });
          const schedule = scheduleBaseline(b.model);
          loaded = { commit: b.commit, model: b.model, schedule };
          this.byCommit.set(key, loaded);
          // A few revisions are kept (switching back is free); the oldest goes first.
          if (this.byCommit.size > MAX_LOADED) this.byCommit.delete(this.byCommit.keys().next().value as string);
        }
        if (this.revision !== revision) return; // the setting changed meanwhile
        state.loaded = loaded;
        state.error = undefined;
        this.hooks.ready();
      }
    } catch (e) {
      if (this.revision !== revision) return;
      const message = e instanceof BaselineError ? e.message : `Reading the baseline failed: ${e instanceof Error ? e.message : String(e)}`;
      const changed = state.loaded !== undefined || state.error !== message;
      state.loaded = undefined;
      state.error = message;
      if (!this.told.has(message)) {
        this.told.add(message);
        this.hooks.problem(`Program as Code: no baseline ${revision}. ${message}`);
      }
      if (changed) this.hooks.ready();
    } finally {
      state.checkedAt = Date.now();
      state.inFlight = undefined;
    }
  }
}
