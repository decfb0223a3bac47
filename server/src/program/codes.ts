// Every diagnostic code the core emits, with a one-line summary. The CLI's
// SARIF rules, docs/diagnostics.md and the severity settings read this list;
// a test keeps it, the emitters and the docs in step.
import type { Severity } from './types.js';

export interface CodeInfo {
  readonly summary: string;
  /** The severity every diagnostic with this code has (diagnostic.ts reads it), unless… */
  readonly severity: Severity;
  /**
   * …the one other severity some of them legitimately have (docs/diagnostics.md
   * says when). Only `diagnosticWithSeverity` can use it, and only for codes that
   * declare it here: the type checker refuses any other severity.
   */
  readonly alsoSeverity?: Severity;
}

export const CODES = {
  // Reading the file
  'yaml-syntax': { severity: 'error', alsoSeverity: 'warning', summary: 'The file is not valid YAML.' },
  'alias-limit': { severity: 'error', summary: 'Aliases expand to too many nodes (an alias bomb).' },
  'file-too-large': { severity: 'error', summary: 'The file is larger than the size limit and is not checked.' },
  'file-unreadable': { severity: 'error', summary: 'The file cannot be read.' },
  'too-many-nodes': { severity: 'error', summary: 'The file holds more YAML nodes than the limit and is not checked.' },
  'internal-error': { severity: 'error', summary: 'Checking this program failed unexpectedly (a bug); other programs are still checked.' },
  // Structure (JSON Schema)
  'missing-key': { severity: 'error', summary: 'A required key is missing.' },
  'unknown-key': { severity: 'error', summary: 'A key the format does not know (use an `x-` prefix for your own keys).' },
  'wrong-type': { severity: 'error', summary: 'A value has the wrong type (text, number, list or map).' },
  'invalid-value': { severity: 'error', summary: 'A value is not one of the allowed values.' },
  'invalid-date': { severity: 'error', summary: 'A date is not a real calendar date written YYYY-MM-DD.' },
  'invalid-duration': { severity: 'error', summary: 'A duration is not written as working days (`10d`) or weeks (`2w`).' },
  'invalid-id': { severity: 'error', summary: 'An id does not match `^[A-Za-z][A-Za-z0-9_.-]*$`.' },
  'out-of-range': { severity: 'error', summary: 'A number is outside its allowed range.' },
  'duration-and-effort': { severity: 'error', summary: 'A task needs exactly one of `duration` and `effort`.' },
  'milestone-needs-date-or-dependencies': { severity: 'error', summary: 'A milestone needs `depends_on`, `date`, or both.' },
  'unsupported-version': { severity: 'error', summary: 'The file declares a format version this tool does not read.' },
  // Includes
  'include-not-found': { severity: 'error', alsoSeverity: 'warning', summary: 'An included file does not exist (a glob matching nothing is a warning, unless references fail because of it).' },
  'include-outside-workspace': { severity: 'error', summary: 'An include points outside the workspace folder.' },
  'include-cycle': { severity: 'error', summary: 'An include would include the root file itself.' },
  'include-not-fragment': { severity: 'error', summary: 'An included file is itself a root file (it has `program:`).' },
  'fragment-not-included': { severity: 'warning', summary: 'No root file includes this fragment, so it is checked on its own.' },
  'include-invalid-pattern': { severity: 'error', summary: 'An include glob is malformed (such as the backwards range `[z-a]`).' },
  'include-too-many-files': { severity: 'error', summary: 'An include glob matches more files than the limit; nothing is included from it.' },
  // Ids and references
  'duplicate-id': { severity: 'error', summary: 'Two entities a reference could confuse share an id (tasks, milestones and workstreams; people and stakeholders; or two of the same kind).' },
  'unknown-reference': { severity: 'error', summary: 'A reference names an id that no entity has.' },
  'wrong-kind-reference': { severity: 'error', summary: 'A reference names an entity of a kind the field does not take.' },
  'self-dependency': { severity: 'error', summary: 'An item depends on itself.' },
  'milestone-dependency-type': { severity: 'error', summary: 'A milestone dependency that is not finish-to-start.' },
  'duration-not-whole': { severity: 'error', summary: 'A duration or lag that is not a whole number of working days (durations: at least 1).' },
  'effort-without-assignees': { severity: 'error', summary: 'A task gives `effort` but nobody to do it.' },
  // Schedule
  'dependency-cycle': { severity: 'error', summary: 'Dependencies form a cycle; the items in it get no dates.' },
  'milestone-slip': { severity: 'warning', summary: 'A milestone is forecast after its target date.' },
  'milestone-before-start': { severity: 'warning', summary: 'A fixed milestone is dated before the program starts.' },
  'actual-end-before-start': { severity: 'error', summary: 'A task\'s `actual_end` is before its `actual_start`.' },
  'actual-before-program-start': { severity: 'warning', summary: 'A task\'s actual dates put it before the program start.' },
  'over-allocation': { severity: 'warning', summary: 'A person\'s tasks in a week need more than they have, or a pool\'s tasks ask for more units on a day than it has.' },
  'late-start': { severity: 'warning', summary: 'A task should have started by the status date and has not.' },
  'overdue': { severity: 'warning', summary: 'A task should have ended by the status date and is not done.' },
  'no-working-day': { severity: 'error', summary: 'A task\'s assignees have no common working day within ten years (leave); it gets no dates.' },
  'need-above-units': { severity: 'error', summary: 'A task needs more units of a pool than the pool has.' },
  // Warning rules
  'progress-status-mismatch': { severity: 'warning', summary: 'Progress and status disagree (100% but not done, or done below 100%).' },
  'risk-without-owner': { severity: 'warning', summary: 'An open high or critical risk has no owner.' },
  'risk-without-mitigation': { severity: 'warning', summary: 'An open high or critical risk has no mitigation.' },
  'risk-review-overdue': { severity: 'warning', summary: 'An open risk\'s `review_by` is before the status date.' },
  'budget-over-plan': { severity: 'warning', summary: 'A budget line has spent more than planned.' },
  'kpi-off-target': { severity: 'warning', summary: 'A KPI is on the wrong side of its target.' },
  // Estimates and schedule risk (the forecast)
  'estimate-out-of-order': { severity: 'error', summary: 'A three-point estimate is not optimistic <= likely <= pessimistic.' },
  'schedule-impact-ignored': { severity: 'hint', summary: 'A risk\'s `schedule_impact` takes no part in the forecast (the risk is occurred or closed).' },
  'raci-no-accountable': { severity: 'warning', summary: 'A milestone has no Accountable (`A`) stakeholder in a program that uses RACI.' },
  'raci-many-accountable': { severity: 'warning', summary: 'A milestone has more than one Accountable (`A`) stakeholder.' },
  // Baselines (validate --baseline)
  'baseline-slip': { severity: 'error', summary: 'A milestone moved later than the baseline by more than `--max-slip` working days.' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

/** The codes whose diagnostics may have a severity other than their default (`alsoSeverity`). */
export type CodeWithOtherSeverity = {
  [C in DiagnosticCode]: (typeof CODES)[C] extends { readonly alsoSeverity: Severity } ? C : never;
}[DiagnosticCode];

/** The severities a diagnostic with code `C` may have. */
export type SeverityOf<C extends DiagnosticCode> =
  | (typeof CODES)[C]['severity']
  | ((typeof CODES)[C] extends { readonly alsoSeverity: infer S extends Severity } ? S : never);

export function codeInfo(code: string): CodeInfo | undefined {
  return (CODES as Record<string, CodeInfo>)[code];
}
