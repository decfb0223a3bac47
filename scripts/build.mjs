// One build script, several bundles: the CLI and the language server (node,
// cjs, everything bundled), the VS Code client (node, cjs, `vscode` external)
// and the webview app (browser, iife). Flags: --production (minify, no
// sourcemaps), --watch.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeValidators } from './program-validators.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the shape VS Code's esbuild problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Writes esbuild's metafile (every input and its bytes in the bundle) beside a
 * bundle: test/webview/bundle-inputs.test.ts reads the webview's to prove it
 * holds no `yaml` and no core module, and `npm run bench` prints the sizes.
 * Not shipped (.vscodeignore and .npmignore leave *.meta.json out).
 */
function writeMeta(path) {
  return {
    name: 'write-meta',
    setup(build) {
      build.onEnd((result) => {
        if (!result.metafile) return;
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, JSON.stringify(result.metafile));
      });
    },
  };
}
/**
 * The Node bundles take yaml's ES module build (the one its exports map gives
 * browsers; the same source and version as its CommonJS build). Through the
 * CommonJS build, every `isScalar`/`isMap` the core calls per YAML node went
 * through esbuild's interop getter, and yaml's parser and composer read an
 * environment variable (LOG_TOKENS, LOG_STREAM: a getenv) for every token;
 * the ES build does neither (issue 14: a few % of parsing a 2 MB program).
 */
const YAML_ESM = join(process.cwd(), 'node_modules/yaml/browser/index.js');

const withMeta = (target, path) => ({ ...target, metafile: true, plugins: [...target.plugins, writeMeta(path)] });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcher] : [],
  alias: { yaml: YAML_ESM },
};

// The schema's validators, compiled now rather than at every start-up.
writeValidators();

const targets = [
  { ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The forecast's blocks of iterations on other cores (node/forecast-threads.ts), for the CLI and the server.
  { ...node, entryPoints: ['server/src/node/forecast-blocks-worker.ts'], outfile: 'dist/forecast-blocks.js' },
];
if (existsSync('server/src/server.ts')) {
  targets.push({ ...node, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } });
  // The forecast runs in a worker thread beside the server (workspace/forecast-runner.ts).
  targets.push({ ...node, entryPoints: ['server/src/workspace/forecast-worker.ts'], outfile: 'dist/forecast-worker.js' });
  // So does the Status tab's report (workspace/status-runner.ts).
  targets.push({ ...node, entryPoints: ['server/src/workspace/status-worker.ts'], outfile: 'dist/status-worker.js' });
}
if (existsSync('client/src/extension.ts')) {
  targets.push(withMeta({ ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }, 'dist/extension.meta.json'));
}
if (existsSync('media/src/main.ts')) {
  // The webview: the preview app, and mermaid as its own bundle that the
  // Dependencies tab loads on first use (it is ~3 MB; the Gantt needs none of it).
  const browser = { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: production, sourcemap: !production, logLevel: 'warning', plugins: watch ? [problemMatcher] : [] };
  targets.push(withMeta({ ...browser, entryPoints: ['media/src/main.ts'], outfile: 'dist/media/preview.js' }, 'dist/media/preview.meta.json'));
  // Always minified and without a source map: it is vendor code, and the
  // standalone HTML export inlines it.
  targets.push({ ...browser, entryPoints: ['media/src/mermaid-entry.ts'], outfile: 'dist/media/mermaid.js', minify: true, sourcemap: false, legalComments: 'none' });
}
const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
copyMedia();

/**
 * The webview's CSS is plain CSS (theme variables only): media/preview.css, then
 * every other media/*.css (a tab's own styles) in name order, as one file.
 */
function copyMedia() {
  if (!existsSync('media/preview.css')) return;
  mkdirSync('dist/media', { recursive: true });
  const more = readdirSync('media').filter((f) => f.endsWith('.css') && f !== 'preview.css').sort();
  writeFileSync('dist/media/preview.css', ['preview.css', ...more].map((f) => readFileSync(join('media', f), 'utf8')).join('\n'));
}
