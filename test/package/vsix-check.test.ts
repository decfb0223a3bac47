// scripts/package.mjs guards every .vsix that `npm run package` writes: the
// README's images are inlined (the extension page shows no relative images),
// and a package that lacks a run-time file or ships source maps, sources or
// node_modules is refused. This checks the guard itself; the e2e harness
// packages and installs the real thing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = resolve(__dirname, '../..');
interface PackageScript {
  readmeForPackage(markdown: string, baseDir: string): string;
  checkVsixEntries(names: string[]): string[];
}
const load = async () => (await import(pathToFileURL(join(REPO, 'scripts/package.mjs')).href)) as PackageScript;

const GOOD = [
  'extension.vsixmanifest', '[Content_Types].xml',
  'extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/language-configuration.json',
  'extension/dist/extension.js', 'extension/dist/server.js',
  'extension/dist/forecast-worker.js', 'extension/dist/forecast-blocks.js', 'extension/dist/status-worker.js',
  'extension/dist/media/preview.js', 'extension/dist/media/preview.css', 'extension/dist/media/mermaid.js',
  'extension/schemas/program.schema.json', 'extension/syntaxes/program-yaml.tmLanguage.json', 'extension/snippets/program-yaml.json',
];

test('a complete .vsix passes; a missing server, a source map or node_modules is named', async () => {
  const { checkVsixEntries } = await load();
  assert.deepEqual(checkVsixEntries(GOOD), []);
  // The forecast's threads on other cores once shipped without their script: a big forecast failed in the installed extension.
  assert.deepEqual(checkVsixEntries(GOOD.filter((n) => n !== 'extension/dist/forecast-blocks.js')), ['missing extension/dist/forecast-blocks.js']);
  assert.deepEqual(checkVsixEntries([...GOOD.filter((n) => n !== 'extension/dist/server.js'), 'extension/dist/server.js.map', 'extension/node_modules/yaml/index.js']), [
    'missing extension/dist/server.js',
    'should not ship extension/dist/server.js.map',
    'should not ship extension/node_modules/yaml/index.js',
  ]);
});

test('the packaged README carries the screenshot as a data: image and keeps web images as they are', async () => {
  const { readmeForPackage } = await load();
  const png = readFileSync(join(REPO, 'docs/images/gantt.png')).toString('base64');
  assert.equal(readmeForPackage('![Gantt](docs/images/gantt.png "The chart") and ![b](https://example.com/b.png)', REPO),
    `![Gantt](data:image/png;base64,${png} "The chart") and ![b](https://example.com/b.png)`);
  assert.throws(() => readmeForPackage('![x](docs/images/nope.png)', REPO), /README image docs\/images\/nope\.png does not exist/);
  assert.throws(() => readmeForPackage('![x](docs/images/a.svg)', REPO), /only \.png \.jpg \.jpeg \.gif can be shown/);
  const readme = readmeForPackage(readFileSync(join(REPO, 'README.md'), 'utf8'), REPO);
  assert.doesNotMatch(readme, /!\[[^\]]*\]\((?!data:|https:)/, 'a relative image is left in the packaged README');
});
