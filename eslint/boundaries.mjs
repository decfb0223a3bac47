// The house's import rules (ARCHITECTURE.md, "Who may import what"), as one
// ESLint rule. Each source file belongs to one part by its folder; every import
// (static, dynamic, `require`, `export … from`, `import type`, `import("x").T`)
// is resolved to the file it names before it is judged, so `../../x/../program/y`
// or an absolute path cannot step around a rule the way a string pattern can.
// Packages are judged by name, and Node built-ins with or without `node:`.
//
// test/boundaries.test.ts lints a probe that breaks each row and one that keeps
// it, with this very table; eslint.config.mjs applies it to every part.
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The parts, most specific first: a folder `dir` (with a trailing slash), one
 * `file`, or the files whose path without extension `match`es, relative to the
 * repository root.
 */
export const PARTS = [
  { part: 'core', dir: 'server/src/program/' },
  // The view model's types, and each tab's own types file beside them (`forecast-types.ts`).
  { part: 'view-types', match: /^server\/src\/view\/(?:view-model|[\w-]+-types)$/ },
  { part: 'view-wire', file: 'server/src/view/wire.ts' },
  // The webview protocol, and its per-tab message checks (`forecast-message.ts`, `status-message.ts`).
  { part: 'webview-protocol', match: /^server\/src\/view\/(?:webview-protocol|[\w-]+-message)$/ },
  { part: 'view', dir: 'server/src/view/' },
  { part: 'node', dir: 'server/src/node/' },
  { part: 'features', dir: 'server/src/features/' },
  { part: 'workspace', dir: 'server/src/workspace/' },
  { part: 'cli', dir: 'server/src/cli/' },
  { part: 'protocol', file: 'server/src/protocol.ts' },
  { part: 'server', dir: 'server/src/' },
  { part: 'client', dir: 'client/src/' },
  { part: 'webview', dir: 'media/src/' },
  { part: 'schemas', dir: 'schemas/' },
];

/**
 * Who may import what. `parts`: the parts whose files it may import (its own
 * part always); `packages`: the npm packages it may use, by name (every
 * other package is refused, so a new dependency is a decision made here);
 * `builtins`: Node's modules.
 */
export const RULES = {
  // The pure core: plain data in, plain data out. File access is injected.
  core: { parts: ['schemas'], packages: ['yaml', 'ajv'], builtins: false, why: 'the core is pure: no editor, no LSP, no Node, no view' },
  // View-model types are the vocabulary the client, webview and server share: they import nothing.
  'view-types': { parts: [], packages: [], builtins: false, why: 'the view-model types import nothing' },
  // The one wire encoding of the view model: the server encodes, the webview decodes.
  'view-wire': { parts: ['view-types'], packages: [], builtins: false, why: 'the wire encoding speaks view types only' },
  'webview-protocol': { parts: ['view-types', 'view-wire'], packages: [], builtins: false, why: 'the webview protocol speaks view types only' },
  view: { parts: ['core', 'view-types', 'view-wire', 'webview-protocol'], packages: [], builtins: false, why: 'the view layer is pure: no Node, no DOM, no editor' },
  node: { parts: ['core', 'view', 'view-types', 'view-wire'], packages: [], builtins: true, why: 'Node adapters serve the core, they do not reach into the server' },
  features: { parts: ['core', 'view', 'view-types'], packages: ['vscode-languageserver-types', 'vscode-languageserver-textdocument', 'yaml'], builtins: false, why: 'a feature is a pure function from a program snapshot to LSP data' },
  workspace: { parts: ['core', 'view', 'view-types', 'view-wire', 'node', 'features', 'protocol'], packages: ['vscode-languageserver', 'vscode-languageserver-textdocument', 'vscode-languageserver-protocol'], builtins: true, why: 'the workspace is server-side state; it is not the CLI or the client' },
  cli: { parts: ['core', 'view', 'view-types', 'view-wire', 'node'], packages: [], builtins: true, why: 'the CLI is a face on the core: no LSP, no editor' },
  protocol: { parts: ['view-types', 'view-wire'], typesFrom: ['features', 'core', 'view'], packages: ['vscode-languageserver-protocol'], builtins: false, why: 'the protocol names types; the client imports it, so it pulls in no runtime code of the server' },
  server: { parts: ['core', 'view', 'view-types', 'view-wire', 'node', 'features', 'workspace', 'protocol'], packages: ['vscode-languageserver', 'vscode-languageserver-protocol', 'vscode-languageserver-textdocument'], builtins: true, why: 'the server wires features and workspace' },
  client: { parts: ['protocol', 'view-types', 'view-wire', 'webview-protocol', 'server'], serverFiles: ['server/src/node-options.ts'], packages: ['vscode', 'vscode-languageclient'], builtins: true, why: 'the client asks the server; it never computes the plan itself' },
  webview: { parts: ['view', 'view-types', 'view-wire', 'webview-protocol'], packages: ['mermaid'], builtins: false, why: 'the webview draws a view model; it never reads the core, and runs in a browser' },
};

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** A module path without its extension: TypeScript imports name `x.js`, `x` or `x.ts` for `x.ts`. */
const stem = (rel) => rel.replace(/\.(?:[cm]?[jt]s)$/, '');

/** The part a file belongs to, or undefined outside the parts (tests, bench, scripts). */
export function partOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  if (rel.startsWith('..')) return undefined;
  for (const p of PARTS) {
    const hit = p.match ? p.match.test(stem(rel)) : p.file ? stem(rel) === stem(p.file) : rel.startsWith(p.dir);
    if (hit) return { part: p.part, rel };
  }
  return undefined;
}

function packageName(source) {
  const segs = source.split('/');
  return source.startsWith('@') ? segs.slice(0, 2).join('/') : segs[0];
}

/**
 * Why `source` may not be imported from `file`, or undefined when it may.
 * `typeOnly`: the import names types only (erased from the bundle).
 */
export function violation(file, source, typeOnly = false) {
  const from = partOf(file);
  if (!from) return undefined;
  const rule = RULES[from.part];
  if (source.startsWith('.') || path.isAbsolute(source)) {
    const target = partOf(path.resolve(path.dirname(file), source));
    if (target?.part === from.part) return undefined;
    if (target && target.part === 'server' && rule.serverFiles) {
      const ts = target.rel;
      return rule.serverFiles.some((f) => stem(f) === stem(ts)) ? undefined : `${from.part} may import only ${rule.serverFiles.join(', ')} of the server's own files, not ${target.rel}: ${rule.why}`;
    }
    if (target && rule.parts.includes(target.part)) return undefined;
    if (target && typeOnly && rule.typesFrom?.includes(target.part)) return undefined;
    if (target && rule.typesFrom?.includes(target.part)) return `${from.part} may import only types from ${target.part} (${target.rel}): write \`import type\`, ${rule.why}`;
    return `${from.part} (${from.rel}) may not import ${target ? `${target.part} (${target.rel})` : `a file outside the parts (${source})`}: ${rule.why}`;
  }
  if (BUILTINS.has(source) || BUILTINS.has(packageName(source))) {
    return rule.builtins ? undefined : `${from.part} may not import the Node built-in '${source}': ${rule.why}`;
  }
  const name = packageName(source);
  if (rule.packages.includes(name)) return undefined;
  return `${from.part} may not import the package '${name}': ${rule.why}`;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Who may import what: the rows of ARCHITECTURE.md, resolved to files.' },
    schema: [],
    messages: { boundary: '{{why}}' },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const check = (node, source, typeOnly = false) => {
      if (typeof source !== 'string') return;
      const why = violation(file, source, typeOnly);
      if (why) context.report({ node, messageId: 'boundary', data: { why } });
    };
    const literal = (n) => (n && n.type === 'Literal' ? n.value : n && n.type === 'TemplateLiteral' && n.expressions.length === 0 ? n.quasis[0].value.cooked : undefined);
    return {
      ImportDeclaration: (n) => check(n, n.source.value, n.importKind === 'type' || (n.specifiers.length > 0 && n.specifiers.every((s) => s.importKind === 'type'))),
      ExportAllDeclaration: (n) => check(n, n.source.value, n.exportKind === 'type'),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value, n.exportKind === 'type' || (n.specifiers.length > 0 && n.specifiers.every((s) => s.exportKind === 'type'))),
      ImportExpression: (n) => {
        const s = literal(n.source);
        if (s === undefined) context.report({ node: n, messageId: 'boundary', data: { why: 'import() of a computed name: the house rules cannot check it; import a literal path' } });
        else check(n, s);
      },
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1) {
          const s = literal(n.arguments[0]);
          if (s !== undefined) check(n, s);
        }
      },
      TSImportEqualsDeclaration: (n) => n.moduleReference.type === 'TSExternalModuleReference' && check(n, n.moduleReference.expression.value),
      TSImportType: (n) => {
        const arg = n.argument?.type === 'TSLiteralType' ? n.argument.literal : n.argument;
        const s = literal(arg) ?? n.source?.value;
        if (typeof s === 'string') check(n, s, true);
      },
    };
  },
};

export const plugin = { meta: { name: 'house' }, rules: { boundaries: rule } };

/** The config block eslint.config.mjs and the boundary test both use. */
export const boundariesConfig = {
  files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'media/src/**/*.ts'],
  plugins: { house: plugin },
  rules: { 'house/boundaries': 'error' },
};
