// The Status tab: the status report, live. Its data comes from the language
// server (programAsCode/statusView: it may wait for git to read the baseline,
// so it is asked for only while this tab is shown, never with the view model),
// or, in the exported page, from the JSON the page carries. A click on any id
// reveals its definition.
import { clear, h } from '../dom.js';
import type { StatusView } from '../../../server/src/view/status-types.js';
import type { SectionContext } from './status-sections.js';
import {
  baselineChangesSection, budgetSection, changesSection, headerSection, kpisSection, milestonesSection,
  risksSection, scheduleSection, stakeholdersSection, upcomingSection, workstreamsSection,
} from './status-sections.js';

export class StatusTab {
  readonly root = h('div', { class: 'status' });
  private data: StatusView | undefined;

  constructor(private readonly reveal: (id: string) => void) {}

  get current(): StatusView | undefined {
    return this.data;
  }

  /** Before the first report arrives (or when the server has none). */
  waiting(text: string): void {
    if (this.data) return; // keep the last report on screen until the next one
    clear(this.root);
    this.root.append(h('p', { class: 'empty-note' }, text));
  }

  update(s: StatusView): void {
    this.data = s;
    clear(this.root);
    const c: SectionContext = { s, reveal: this.reveal, known: (id) => Object.hasOwn(s.locations, id) };
    const left = h('div', { class: 'status-col' }, milestonesSection(c), workstreamsSection(c), scheduleSection(c), budgetSection(c), kpisSection(c));
    const right = h('div', { class: 'status-col' }, risksSection(c), changesSection(c), stakeholdersSection(c), baselineChangesSection(c), upcomingSection(c));
    this.root.append(headerSection(c), h('div', { class: 'status-cols' }, left, right));
  }
}
