// `npm run package`: the production build, packaged as a .vsix by vsce, then
// checked. `npm test` runs it (through the e2e harness, which installs the
// result), so a packaging break cannot land unnoticed.
//
// The README: vsce rewrites relative links against the repository named in
// package.json and refuses relative images when there is none. This project
// names no public repository, and VS Code's extension page does not show
// relative images from an installed .vsix anyway. So the packaged README is
// the repository's README with its images inlined as data: URIs (which the
// extension page shows), and vsce is told to leave the links alone.
//
// Flags: --out FILE (default program-as-code-<version>.vsix in the repo root),
// --skip-build (package dist/ as it is).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const out = resolve(arg('--out') ?? join(ROOT, `${manifest.name}-${manifest.version}.vsix`));

function fail(message) {
  console.error(`npm run package: ${message}`);
  process.exit(1);
}
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) fail(`${[cmd, ...args].join(' ')} failed (exit ${r.status ?? r.signal})`);
}

const IMAGE_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/** README.md with every relative image inlined; an image that is missing or of another type is an error. */
export function readmeForPackage(markdown, baseDir) {
  return markdown.replace(/(!\[[^\]]*\]\()([^)\s]+)((?:\s+"[^"]*")?\))/g, (all, open, link, close) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return all; // https:, data:
    const file = join(baseDir, decodeURI(link));
    const type = IMAGE_TYPES[extname(file).toLowerCase()];
    if (!type) throw new Error(`README image ${link}: only ${Object.keys(IMAGE_TYPES).join(' ')} can be shown on the extension page`);
    if (!existsSync(file)) throw new Error(`README image ${link} does not exist`);
    return `${open}data:${type};base64,${readFileSync(file).toString('base64')}${close}`;
  });
}

/** The names in a zip file, from its central directory. */
export function zipEntries(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const nameLength = buffer.readUInt16LE(at + 28);
    names.push(buffer.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return names;
}

/** What the installed extension needs at run time, and what must never ship. */
export function checkVsixEntries(names) {
  const problems = [];
  const required = [
    'extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/language-configuration.json',
    'extension/dist/extension.js', 'extension/dist/server.js',
    // The server's worker threads: the forecast, its blocks of iterations on other cores, the Status tab's report.
    'extension/dist/forecast-worker.js', 'extension/dist/forecast-blocks.js', 'extension/dist/status-worker.js',
    'extension/dist/media/preview.js', 'extension/dist/media/preview.css', 'extension/dist/media/mermaid.js',
    'extension/schemas/program.schema.json', 'extension/syntaxes/program-yaml.tmLanguage.json', 'extension/snippets/program-yaml.json',
  ];
  for (const name of required) if (!names.includes(name)) problems.push(`missing ${name}`);
  for (const name of names) {
    if (/\.map$|\/node_modules\/|^extension\/(test|server\/src|client\/src|media\/src|\.cache)\//.test(name)) problems.push(`should not ship ${name}`);
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--skip-build')) run(process.execPath, ['scripts/build.mjs', '--production']);
  const stage = join(ROOT, 'out', 'vsix');
  mkdirSync(stage, { recursive: true });
  let readme;
  try {
    readme = readmeForPackage(readFileSync(join(ROOT, 'README.md'), 'utf8'), ROOT);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  writeFileSync(join(stage, 'README.md'), readme);
  mkdirSync(dirname(out), { recursive: true });
  // --allow-missing-repository: there is no public repository to name (see above).
  run(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package',
    '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository',
    '--readme-path', 'out/vsix/README.md', '--out', out]);
  const problems = checkVsixEntries(zipEntries(readFileSync(out)));
  if (problems.length) fail(`${out} is not what the extension needs:\n  ${problems.join('\n  ')}`);
  const mb = (statSync(out).size / 1e6).toFixed(2);
  console.log(`Packaged ${out} (${mb} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s; contents checked.`);
}
