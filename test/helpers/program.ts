// Builds programs from inline YAML for tests: an in-memory host under a fixed
// workspace folder, so uris and spans are predictable.
import { loadProgram } from '../../server/src/program/load.js';
import { memoryHost } from '../../server/src/program/host.js';
import type { ProgramModel } from '../../server/src/program/model.js';
import type { Diagnostic, Span } from '../../server/src/program/types.js';

export const WORKSPACE = 'file:///ws/';
export const ROOT_URI = `${WORKSPACE}root.program.yaml`;

export function uriOf(relative: string): string {
  return WORKSPACE + relative;
}

export function programFromYaml(rootText: string, fragments: Record<string, string> = {}): ProgramModel {
  const files: Record<string, string> = { [ROOT_URI]: rootText };
  for (const [rel, text] of Object.entries(fragments)) files[uriOf(rel)] = text;
  return loadProgram(ROOT_URI, memoryHost(files), { workspaceRoot: WORKSPACE });
}

/** Joins lines, so YAML in tests can be written without template-literal indentation traps. */
export function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`;
}

/** The text a diagnostic's span covers, for asserting exact ranges. */
export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function withCode(list: readonly Diagnostic[], code: string): Diagnostic[] {
  return list.filter((d) => d.code === code);
}
