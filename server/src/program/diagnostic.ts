// The one way to make a diagnostic. Its code must be in the registry (codes.ts)
// and its severity is the registry's, so an emitter cannot invent a code or
// restate a severity that drifts from docs/diagnostics.md: the type checker
// refuses both. The few codes whose severity legitimately varies declare the
// other one in the registry (`alsoSeverity`), and only `diagnosticWithSeverity`
// can choose it.
import { CODES } from './codes.js';
import type { CodeWithOtherSeverity, DiagnosticCode, SeverityOf } from './codes.js';
import type { Diagnostic, Span } from './types.js';

/** What a diagnostic may carry besides its code, place and message. */
export type DiagnosticExtras = Pick<Diagnostic, 'related' | 'unnecessary' | 'data'>;

/** A diagnostic with `code` at `span` of `uri`, at the code's registered severity. */
export function diagnostic(code: DiagnosticCode, uri: string, span: Span, message: string, extras?: DiagnosticExtras): Diagnostic {
  return { uri, span, severity: CODES[code].severity, code, message, ...extras };
}

/**
 * A diagnostic whose severity is chosen at the site, for the codes that may be
 * either of two (a glob matching nothing is only a warning; so is what the YAML
 * parser only warns about). `severity` is typed to what the registry allows.
 */
export function diagnosticWithSeverity<C extends CodeWithOtherSeverity>(
  code: C, severity: SeverityOf<C>, uri: string, span: Span, message: string, extras?: DiagnosticExtras,
): Diagnostic {
  return { uri, span, severity, code, message, ...extras };
}

/** `d` at its code's registered severity (a root cause is shown as what its code is registered as). */
export function atRegisteredSeverity(d: Diagnostic): Diagnostic {
  return { ...d, severity: CODES[d.code].severity };
}
