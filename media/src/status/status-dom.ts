// Small pieces the Status tab's sections share: colour badges, id links that
// reveal their definition, reasons (ids in backticks become links), tables.
// Every user string goes in as text.
import { h } from '../dom.js';
import type { RagView } from '../../../server/src/view/status-types.js';

export type Reveal = (id: string) => void;
type Cell = string | Node | (string | Node)[];

const RAG_WORD: Record<RagView, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

export function ragBadge(rag: RagView): HTMLSpanElement {
  return h('span', { class: `rag rag-${rag}`, 'data-rag': rag }, RAG_WORD[rag]);
}

export function link(reveal: Reveal, id: string, label = id): HTMLAnchorElement {
  const a = h('a', { href: '#', class: 'reveal', 'data-reveal': id }, label);
  a.addEventListener('click', (e) => { e.preventDefault(); reveal(id); });
  return a;
}

/** An id and its name, both revealing the definition. */
export function named(reveal: Reveal, id: string, name: string | null): HTMLSpanElement {
  return h('span', { class: 'named' }, link(reveal, id, name ?? id), name ? h('span', { class: 'sub' }, ` ${id}`) : null);
}

const ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** A reason written by the core: the ids it names in backticks become links. */
export function reasonText(reveal: Reveal, text: string, known: (id: string) => boolean): HTMLSpanElement {
  const span = h('span', { class: 'reason' });
  text.split('`').forEach((part, i) => {
    if (i % 2 === 1 && ID.test(part) && known(part)) span.append(link(reveal, part, part));
    else if (i % 2 === 1) span.append(h('code', {}, part));
    else if (part) span.append(part);
  });
  return span;
}

export function section(title: string, cls: string, ...body: (Node | null | false)[]): HTMLElement {
  return h('section', { class: `status-section ${cls}` }, h('h2', {}, title), ...body);
}

export function note(text: string | Node, cls = 'status-note'): HTMLParagraphElement {
  return h('p', { class: cls }, text);
}

/** A table; `numeric` columns align right. Cells are text or nodes. */
export function table(cls: string, head: string[], rows: Cell[][], numeric: readonly number[] = []): HTMLTableElement {
  const put = (el: HTMLElement, c: Cell) => { for (const x of Array.isArray(c) ? c : [c]) el.append(x); return el; };
  return h('table', { class: `status-table ${cls}` },
    h('thead', {}, h('tr', {}, ...head.map((t, i) => h('th', { class: numeric.includes(i) ? 'num' : null }, t)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => put(h('td', { class: numeric.includes(i) ? 'num' : null }), c))))));
}

export function signed(n: number | null): string {
  return n === null ? '–' : n > 0 ? `+${n}` : String(n);
}
