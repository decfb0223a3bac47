// Every relative link and image in the README and docs/ must resolve to a file
// inside this repository (a user of the repository has nothing beside it), and
// a link to a heading of a Markdown file must name a heading that exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const REPO = resolve(__dirname, '../..');

function markdownFiles(): string[] {
  const files = ['README.md', 'examples/README.md'].map((f) => join(REPO, f)).filter((f) => existsSync(f));
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) files.push(p);
    }
  };
  walk(join(REPO, 'docs'));
  return files;
}

/** Markdown with fenced code blocks and inline code removed (links in code are examples, not links). */
function prose(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, '');
}
function withoutFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** The link targets of a Markdown file: [text](target), ![alt](target), src="…" and href="…". */
export function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const targets: string[] = [];
  for (const m of text.matchAll(/!?\[(?:[^\]\n]|\][^(])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]!);
  for (const m of text.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)) targets.push(m[1]!);
  return targets;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = m[1]!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const m of markdown.matchAll(/<a\s+(?:id|name)=["']([^"']+)["']/g)) anchors.add(m[1]!);
  return anchors;
}

test('the link checker finds links and anchors the way GitHub renders them', () => {
  assert.deepEqual(linkTargets('See [a](docs/a.md#x-y), ![i](img/p.png "t"), <img src="b.png"> and `[no](c.md)`.\n```\n[no](d.md)\n```\n'),
    ['docs/a.md#x-y', 'img/p.png', 'b.png']);
  assert.deepEqual([...headingAnchors('# The format in brief\n## `include:` and globs\n## Same\n## Same\n')],
    ['the-format-in-brief', 'include-and-globs', 'same', 'same-1']);
});

test('README and docs link only to files inside the repository, and to headings that exist', () => {
  const broken: string[] = [];
  for (const file of markdownFiles()) {
    const markdown = readFileSync(file, 'utf8');
    for (const target of linkTargets(markdown)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, data:
      const [path, anchor] = target.split('#', 2) as [string, string | undefined];
      const where = `${relative(REPO, file)}: ${target}`;
      const resolved = path ? resolve(dirname(file), decodeURI(path)) : file;
      if (resolved !== REPO && !resolved.startsWith(REPO + sep)) { broken.push(`${where} (outside the repository)`); continue; }
      if (!existsSync(resolved)) { broken.push(`${where} (no such file)`); continue; }
      if (anchor && resolved.endsWith('.md') && !headingAnchors(readFileSync(resolved, 'utf8')).has(anchor)) broken.push(`${where} (no such heading)`);
    }
  }
  assert.deepEqual(broken, []);
});

test('the README points at the format reference inside the repository', () => {
  assert.match(readFileSync(join(REPO, 'README.md'), 'utf8'), /\]\(docs\/format\.md\)/);
  assert.match(readFileSync(join(REPO, 'docs/format.md'), 'utf8'), /^# Program definition format, version 1$/m);
});
