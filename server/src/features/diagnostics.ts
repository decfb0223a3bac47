// Core diagnostics -> LSP diagnostics: severity (with the user's overrides),
// code, source, related information, the Unnecessary tag, and the core's
// machine-readable `data` kept for code actions.
import type { ProgramAnalysis } from '../program/analyze.js';
import type { ParsedFile } from '../program/parse.js';
import type { Diagnostic as CoreDiagnostic, Severity } from '../program/types.js';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import { toRange } from './context.js';
import type { FeatureContext } from './context.js';

export const DIAGNOSTIC_SOURCE = 'program-as-code';

export type SeverityOverride = Severity | 'off';

export interface DiagnosticOptions {
  /** `programAsCode.diagnostics.severity`: code -> severity, or 'off' to hide it. */
  readonly severity?: Readonly<Record<string, SeverityOverride>>;
}

const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Keeps only valid override values from untrusted settings. */
export function sanitizeSeverityOverrides(value: unknown): Record<string, SeverityOverride> {
  const out: Record<string, SeverityOverride> = {};
  if (!value || typeof value !== 'object') return out;
  for (const [code, sev] of Object.entries(value as Record<string, unknown>)) {
    if (sev === 'error' || sev === 'warning' || sev === 'info' || sev === 'hint' || sev === 'off') out[code] = sev;
  }
  return out;
}

function convert(d: CoreDiagnostic, files: ReadonlyMap<string, ParsedFile>, options: DiagnosticOptions): Diagnostic | undefined {
  const override = options.severity?.[d.code];
  if (override === 'off') return undefined;
  const rangeOf = (uri: string, span: CoreDiagnostic['span']): Range => {
    const file = files.get(uri);
    return file ? toRange(file, span) : ZERO;
  };
  const out: Diagnostic = {
    range: rangeOf(d.uri, d.span),
    severity: LSP_SEVERITY[override ?? d.severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
  if (d.related && d.related.length > 0) {
    out.relatedInformation = d.related.map((r): DiagnosticRelatedInformation => ({
      location: { uri: r.uri, range: rangeOf(r.uri, r.span) },
      message: r.message,
    }));
  }
  if (d.unnecessary) out.tags = [DiagnosticTag.Unnecessary];
  if (d.data) out.data = d.data;
  return out;
}

/** The LSP diagnostics of every file of the analysed program, grouped by uri (one pass). */
export function diagnosticsByFile(analysis: ProgramAnalysis, options: DiagnosticOptions = {}): Map<string, Diagnostic[]> {
  const files = new Map<string, ParsedFile>();
  for (const f of analysis.model.files) files.set(f.uri, f);
  const out = new Map<string, Diagnostic[]>();
  for (const f of analysis.model.files) out.set(f.uri, []);
  for (const d of analysis.diagnostics) {
    const lsp = convert(d, files, options);
    if (!lsp) continue;
    const list = out.get(d.uri);
    if (list) list.push(lsp);
    else out.set(d.uri, [lsp]);
  }
  return out;
}

/** The LSP diagnostics of the context's document. */
export function provideDiagnostics(ctx: FeatureContext, options: DiagnosticOptions = {}): Diagnostic[] {
  if (!ctx.analysis) return [];
  return diagnosticsByFile(ctx.analysis, options).get(ctx.uri) ?? [];
}
