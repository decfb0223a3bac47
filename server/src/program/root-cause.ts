// Root causes first, their consequences held back. One broken file must read
// as one problem, not as a hundred:
//
// - A YAML syntax error damages the rest of its file: what the parser reports
//   after it (misaligned items, odd keys) mostly follows from it. Only the
//   first damaging error of a file is shown, with everything before it (but a
//   "missing key" anywhere in it, which may be lost in the damage); later
//   problems in that file wait until it is fixed. A repeated key does not
//   damage the parse and is always shown; so is every tab used as indentation
//   (each one is a fix of its own, and editors can replace them all at once).
// - A reference is not "unknown" when its id is defined in a file that could
//   not be parsed (the id is found in the raw text), or when an `include:`
//   entry failed (no file matches, a missing or unreadable file, a file outside
//   the workspace, a root file included, a malformed glob, too many matches):
//   any unknown id may live in the
//   missing files. Those references are held back and counted on the root
//   cause, which becomes an error (a glob matching nothing is otherwise only a
//   warning) and is listed first.
// - A fragment no root file includes is checked on its own, without the
//   program's start, status date, calendar and other files: its references to
//   ids elsewhere and its schedule findings (slips, over-allocation, overdue
//   reviews, dates before the start) mean nothing there. They are held back,
//   and one warning says why, on the fragment's first key.
// Schedule consequences of a damaged program need no rule of their own: a
// dependency on a missing item is dropped, which can only make dates earlier,
// so missing files never add slips or over-allocation in the root's program.
import { atRegisteredSeverity, diagnostic } from './diagnostic.js';
import type { ProgramModel } from './model.js';
import { DUPLICATE_KEY_MESSAGE, TAB_INDENT_MESSAGE } from './parse.js';
import type { ParsedFile } from './parse.js';
import type { Diagnostic, Span } from './types.js';

/** Codes that mean a file's content is (partly) unknown. */
const DAMAGE_CODES = new Set(['yaml-syntax', 'alias-limit', 'file-too-large']);
/** Codes that mean files of the program are missing altogether. */
const MISSING_FILE_CODES = new Set([
  'include-not-found', 'include-outside-workspace', 'include-not-fragment', 'include-invalid-pattern', 'include-too-many-files',
]);
/** "Something is missing" findings: in a damaged file, the missing part may be in the damage. */
const MISSING_PART_CODES = new Set(['missing-key', 'duration-and-effort', 'milestone-needs-date-or-dependencies']);
/** Findings only the whole program (start, status date, calendar, everyone's work) gives meaning to. */
export const PROGRAM_CONTEXT_CODES: ReadonlySet<string> = new Set([
  'milestone-slip', 'milestone-before-start', 'actual-before-program-start', 'over-allocation', 'risk-review-overdue',
]);
/** Raw-text scan for ids is bounded: past this the whole file counts as defining any id. */
const MAX_SCAN = 4 * 1024 * 1024;
const ID_DEFINITION = /(?:^|[\s{,])id[ \t]*:[ \t]*["']?([A-Za-z][A-Za-z0-9_.-]*)/g;

interface Cause {
  readonly diagnostic: Diagnostic;
  /** Later problems in the same file held back. */
  laterInFile: number;
  /** References held back. */
  references: number;
}

interface Damage extends Cause {
  /** Ids written in the file's raw text (undefined: any id). */
  readonly ids: ReadonlySet<string> | undefined;
}

/** A fragment (a map without `program:`) that no root includes, loaded on its own. */
export function isLoneFragment(model: ProgramModel): boolean {
  const first = model.files[0];
  const value = first?.value;
  return first !== undefined && !first.isRoot && first.uri === model.rootUri
    && typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The diagnostics with consequences held back and root causes marked; order is left to the caller. */
export function rootCausesFirst(model: ProgramModel, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const damage = new Map<string, Damage>();
  for (const d of diagnostics) {
    if (!isDamage(d)) continue;
    const prev = damage.get(d.uri);
    if (prev && prev.diagnostic.span.start <= d.span.start) continue;
    const file = model.files.find((f) => f.uri === d.uri);
    damage.set(d.uri, { diagnostic: d, laterInFile: 0, references: 0, ids: file ? idsIn(file) : undefined });
  }
  const missing: Cause[] = diagnostics.filter((d) => MISSING_FILE_CODES.has(d.code)).map((d) => ({ diagnostic: d, laterInFile: 0, references: 0 }));
  const lone = isLoneFragment(model);
  let loneReferences = 0;

  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const own = damage.get(d.uri);
    const after = own && own.diagnostic !== d && (d.span.start > own.diagnostic.span.start || MISSING_PART_CODES.has(d.code));
    if (own && after && !isRepeatedKey(d) && d.message !== TAB_INDENT_MESSAGE) {
      own.laterInFile++;
      continue;
    }
    if (d.code === 'unknown-reference') {
      if (lone) { loneReferences++; continue; }
      const id = d.data?.id;
      const where = id === undefined ? undefined : [...damage.values()].find((x) => x.ids === undefined || x.ids.has(id));
      const cause = where ?? missing[0];
      if (cause) { cause.references++; continue; }
    }
    if (lone && PROGRAM_CONTEXT_CODES.has(d.code)) continue;
    kept.push(d);
  }

  const replaced = new Map<Diagnostic, Diagnostic>();
  for (const c of [...damage.values(), ...missing]) {
    if (c.laterInFile === 0 && c.references === 0) continue;
    // At its code's registered severity: a glob matching nothing is otherwise only a warning.
    replaced.set(c.diagnostic, {
      ...atRegisteredSeverity(c.diagnostic), rootCause: true, message: `${c.diagnostic.message}${heldBack(c)}`,
    });
  }
  const out = kept.map((d) => replaced.get(d) ?? d);
  if (lone) out.push(notIncluded(model.files[0] as ParsedFile, loneReferences));
  return out;
}

function isDamage(d: Diagnostic): boolean {
  return d.severity === 'error' && DAMAGE_CODES.has(d.code) && !isRepeatedKey(d);
}

function isRepeatedKey(d: Diagnostic): boolean {
  return d.code === 'yaml-syntax' && d.message === DUPLICATE_KEY_MESSAGE;
}

function idsIn(file: ParsedFile): Set<string> | undefined {
  if (file.text.length > MAX_SCAN) return undefined;
  const ids = new Set<string>();
  for (const m of file.text.matchAll(ID_DEFINITION)) ids.add(m[1] as string);
  return ids;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** ` Fix this first: 3 later problems in this file and 7 references … are held back until then.` */
function heldBack(c: Cause): string {
  const parts: string[] = [];
  if (c.laterInFile > 0) parts.push(count(c.laterInFile, 'later problem in this file', 'later problems in this file'));
  if (c.references > 0) {
    const what = DAMAGE_CODES.has(c.diagnostic.code) ? 'to ids defined in it' : 'to ids the program does not define';
    parts.push(`${count(c.references, 'reference', 'references')} ${what}`);
  }
  const one = c.laterInFile + c.references === 1;
  return ` Fix this first: ${parts.join(' and ')} ${one ? 'is' : 'are'} held back until then.`;
}

function notIncluded(file: ParsedFile, references: number): Diagnostic {
  const held = references > 0 ? ` (${count(references, 'reference', 'references')} held back)` : '';
  return diagnostic('fragment-not-included', file.uri, firstKey(file),
    `No root file includes this fragment, so it is checked on its own: references to ids defined elsewhere${held} and its schedule are not checked. Add it to a root file's \`include:\`.`);
}

/** The first top-level key, where a file-wide message is easy to see. */
function firstKey(file: ParsedFile): Span {
  const contents = file.doc?.contents as { items?: { key?: { range?: [number, number, number] } }[] } | null | undefined;
  const range = contents?.items?.[0]?.key?.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}
