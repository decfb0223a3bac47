// Types for scripts/program-validators.mjs (the test that compares the generated validators imports it).
import type { Ajv, Format } from 'ajv';

export declare const SCHEMA_PATH: string;
export declare const GENERATED_PATH: string;
export declare const AJV_OPTIONS: Record<string, unknown>;
export declare function programAjv(schema: object, dateFormat: Format, code?: object): Ajv;
export declare function validatorSource(schemaText?: string): string;
export declare function writeValidators(): void;
