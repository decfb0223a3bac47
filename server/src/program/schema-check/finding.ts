// One ajv error, read against the file: the shared facts every keyword's
// phrasing needs (where in the YAML it is, what the path is about), and the
// finding it becomes.
import type { ErrorObject } from 'ajv';
import type { Document } from 'yaml';
import type { DiagnosticCode } from '../codes.js';
import type { DiagnosticData, Span } from '../types.js';
import { contextOf, labelAt } from './subject.js';
import type { PathContext } from './subject.js';
import { decodeJsonPointer, walk } from './yaml-place.js';
import type { Step } from './yaml-place.js';

export const SCHEMA_CODE_LIST = [
  'missing-key',
  'unknown-key',
  'wrong-type',
  'invalid-value',
  'invalid-date',
  'invalid-duration',
  'invalid-id',
  'out-of-range',
  'duration-and-effort',
  'milestone-needs-date-or-dependencies',
  'unsupported-version',
] as const satisfies readonly DiagnosticCode[];

export type SchemaCode = (typeof SCHEMA_CODE_LIST)[number];

/** What one ajv error says, on the narrowest token (check.ts makes it a diagnostic). */
export interface Finding {
  readonly code: SchemaCode;
  readonly span: Span;
  readonly message: string;
  readonly data?: DiagnosticData;
}

/** An ajv error at its place in the file. */
export interface Site {
  readonly doc: Document.Parsed;
  readonly isRoot: boolean;
  readonly error: ErrorObject;
  /** The error's instance path, as segments. */
  readonly base: readonly string[];
  /** The schema that failed (ajv's `parentSchema`), and the keyword's params. */
  readonly ps: Record<string, unknown>;
  readonly params: Record<string, unknown>;
  /** The failing value. */
  readonly data: unknown;
  readonly ctx: PathContext;
  /** The YAML node at the path, or the deepest one the tree has. */
  readonly here: Step | undefined;
  /** True when the tree reaches the whole path (`here` is the failing value itself). */
  readonly exact: boolean;
  /** "task `api`": what the path is in. */
  readonly where: string;
}

export function siteOf(doc: Document.Parsed, value: unknown, isRoot: boolean, error: ErrorObject): Site {
  const base = decodeJsonPointer(error.instancePath);
  const ctx = contextOf(base, value, isRoot);
  const steps = walk(doc, base);
  return {
    doc, isRoot, error, base, ctx,
    ps: (error.parentSchema ?? {}) as Record<string, unknown>,
    params: error.params as Record<string, unknown>,
    data: error.data,
    here: steps[steps.length - 1],
    exact: steps.length === base.length + 1,
    where: labelAt(ctx, base.length),
  };
}
