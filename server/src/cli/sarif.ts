// SARIF 2.1.0 for GitHub code scanning: one run, one rule per diagnostic code
// that occurs, results with physical locations relative to the working folder.
import { relative } from 'node:path';
import { CODES, codeInfo } from '../program/codes.js';
import type { Locator } from './locate.js';
import { uriToPath } from '../node/node-host.js';
import type { LocatedDiagnostic } from './validate.js';
import { VERSION } from './version.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
const DOCS = 'https://github.com/program-as-code/program-as-code/blob/main/docs/diagnostics.md';

export function toSarif(located: readonly LocatedDiagnostic[], locator: Locator, cwd: string): object {
  const used = [...new Set(located.map((l) => l.diagnostic.code))].sort();
  const ruleIndex = new Map(used.map((code, i) => [code, i]));
  const artifact = (file: string) => ({ uri: file.split('\\').join('/'), uriBaseId: '%SRCROOT%' });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'program-as-code',
          version: VERSION,
          informationUri: DOCS,
          rules: used.map((code) => ({
            id: code,
            name: code.replace(/(^|-)([a-z])/g, (_, _d: string, c: string) => c.toUpperCase()),
            shortDescription: { text: codeInfo(code)?.summary ?? code },
            helpUri: `${DOCS}#${code}`,
            defaultConfiguration: { level: LEVEL[(CODES as Record<string, { severity: keyof typeof LEVEL }>)[code]?.severity ?? 'error'] },
          })),
        },
      },
      results: located.map((l) => ({
        ruleId: l.diagnostic.code,
        ruleIndex: ruleIndex.get(l.diagnostic.code) ?? 0,
        level: LEVEL[l.diagnostic.severity],
        message: { text: l.diagnostic.message },
        locations: [{ physicalLocation: { artifactLocation: artifact(l.file), region: l.region } }],
        ...(l.diagnostic.related && l.diagnostic.related.length > 0 && {
          relatedLocations: l.diagnostic.related.map((r, i) => ({
            id: i,
            message: { text: r.message },
            physicalLocation: { artifactLocation: artifact(relative(cwd, uriToPath(r.uri))), region: locator.region(r.uri, r.span) },
          })),
        }),
      })),
      columnKind: 'utf16CodeUnits',
    }],
  };
}
