// docs/diagnostics.md shows, for each code, a program and what `validate`
// prints for it. This test runs every such example through the CLI's validate
// and compares the output line for line, so the page cannot drift from the
// messages. An example is the YAML blocks since the previous output block
// (a block captioned `` `name.program.yaml`: `` is written under that name,
// the others as x.program.yaml) and the ```text block after "The tool prints:".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runValidate } from '../../server/src/cli/validate.js';
import { tempDir, writeIn } from '../helpers/cli.js';

const DOCS = join(__dirname, '../../docs/diagnostics.md');
const TODAY = Date.UTC(2026, 2, 2) / 86_400_000;

interface Example {
  readonly section: string;
  readonly files: Map<string, string>;
  readonly printed: string[];
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const lines = markdown.split('\n');
  let section = '';
  let files = new Map<string, string>();
  let lastProse = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const h = /^#{1,2} (.*)$/.exec(line);
    if (h) { section = h[1] as string; files = new Map(); continue; }
    const fence = /^```(\w*)$/.exec(line);
    if (!fence) {
      if (line.trim() !== '') lastProse = line.trim();
      continue;
    }
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i] as string);
    if (fence[1] === 'yaml') {
      const caption = /^`([\w./-]+\.program\.ya?ml)`:$/.exec(lastProse);
      files.set(caption ? caption[1] as string : 'x.program.yaml', `${body.join('\n')}\n`);
    } else if (fence[1] === 'text' && lastProse.endsWith('The tool prints:') && files.size > 0) {
      out.push({ section, files, printed: body });
      files = new Map();
    }
    lastProse = '';
  }
  return out;
}

const all = examples(readFileSync(DOCS, 'utf8'));

test('the page has an example for most codes (the parser still finds them)', () => {
  assert.ok(all.length >= 35, `only ${all.length} examples found`);
});

for (const ex of all) {
  test(`docs/diagnostics.md, ${ex.section}: validate prints what the page says`, () => {
    const dir = tempDir('pac-docs-');
    for (const [name, text] of ex.files) writeIn(dir, name, text);
    const r = runValidate({ paths: ['x.program.yaml'], format: 'text', cwd: dir, today: TODAY });
    // A path outside the example's folder is the reader's, not ours: compare from the file name on.
    const printed = r.stdout.trimEnd().split('\n').map((l) => l.replaceAll(dir, '/tmp/apollo'));
    assert.deepEqual(printed, ex.printed);
  });
}
