// 100 incremental changes within one second, to the root and a fragment: the
// diagnostics the server ends with are for the last version of each file (the
// publishDiagnostics `version`), no older version is published after it, and
// they equal what a fresh server gives for the final texts opened directly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { positionOf } from '../helpers/caret.js';
import { LspSession } from './harness.js';
import { FIXTURE_DIR, FRAGMENT, FRAGMENT_TEXT, ROOT, ROOT_TEXT } from './fixture.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Edited { text: string; version: number }

/** Replaces `from` (its first occurrence) by `to`, as one incremental change. */
async function replace(s: LspSession, rel: string, doc: Edited, from: string, to: string): Promise<void> {
  const start = positionOf(doc.text, from);
  const end = { line: start.line, character: start.character + from.length };
  assert.ok(!from.includes('\n'));
  doc.text = doc.text.replace(from, to);
  doc.version++;
  await s.notify('textDocument/didChange', { textDocument: { uri: s.uri(rel), version: doc.version }, contentChanges: [{ range: { start, end }, text: to }] });
}

/** Diagnostics with the session's folder replaced, so two sessions compare. */
function normalized(s: LspSession, d: Diagnostic[] | undefined): unknown {
  return JSON.parse(JSON.stringify(d ?? []).split(s.folderUri).join('<ws>'));
}

async function quiet(s: LspSession, ms: number): Promise<void> {
  // Until no notification arrived for `ms` (the debounced checks have all run).
  let count = -1;
  while (count !== s.published.length) {
    count = s.published.length;
    await sleep(ms);
  }
}

for (const delay of [null, 0] as const) {
  void describe(`lsp: 100 changes in a second (diagnostics delay ${delay === null ? 'automatic' : `${delay} ms`})`, () => {
    void it('ends with the diagnostics of the last version, equal to a fresh open of the final text', { timeout: 60_000 }, async () => {
      const init = { initializationOptions: { programAsCode: { diagnostics: { delay } } } };
      const s = await LspSession.start({ copyFrom: FIXTURE_DIR, ...init });
      let fresh: LspSession | undefined;
      try {
        const root: Edited = { text: ROOT_TEXT, version: 1 };
        const frag: Edited = { text: FRAGMENT_TEXT, version: 1 };
        await s.open(ROOT, root.text);
        await s.open(FRAGMENT, frag.text);
        await s.waitForDiagnostics(ROOT);

        // Every change leaves a different unknown reference (an error naming it),
        // so a stale publish is visible in the messages as well as the version.
        let rootRef = 'design';
        let fragDuration = '2d';
        const t0 = Date.now();
        for (let i = 0; i < 100; i++) {
          if (i % 5 === 4) {
            const next = `${i + 1}d`;
            await replace(s, FRAGMENT, frag, `duration: ${fragDuration}`, `duration: ${next}`);
            fragDuration = next;
          } else {
            const next = `ref${i}`;
            await replace(s, ROOT, root, `depends_on: [${rootRef}]`, `depends_on: [${next}]`);
            rootRef = next;
          }
          // Spread over the second: the server sees a stream, not one batch.
          const due = t0 + (i + 1) * 9;
          if (Date.now() < due) await sleep(due - Date.now());
        }
        const sentIn = Date.now() - t0;
        assert.ok(sentIn < 1000, `100 changes sent in ${sentIn} ms`);
        assert.equal(root.version, 81);
        assert.equal(frag.version, 21);

        const rootUri = s.uri(ROOT);
        const fragUri = s.uri(FRAGMENT);
        await s.until(() => s.published.some((p) => p.uri === rootUri && p.version === root.version)
          && s.published.some((p) => p.uri === fragUri && p.version === frag.version), 'diagnostics of the last versions');
        await quiet(s, 600);

        for (const [uri, last] of [[rootUri, root.version], [fragUri, frag.version]] as const) {
          const mine = s.published.filter((p) => p.uri === uri);
          const firstFinal = mine.findIndex((p) => p.version === last);
          const after: PublishDiagnosticsParams[] = mine.slice(firstFinal);
          assert.deepEqual(after.map((p) => p.version).filter((v) => v !== last), [], `${uri}: nothing older is published after version ${last}`);
          // Versions never go back, intermediate ones may be skipped (debounce).
          const versions = mine.map((p) => p.version ?? 0);
          assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `${uri}: versions in order: ${versions.join(',')}`);
        }
        const finalRoot = s.diagnostics.get(rootUri) ?? [];
        const refs = finalRoot.filter((d) => d.code === 'unknown-reference').map((d) => d.message);
        assert.equal(refs.length, 1, JSON.stringify(refs));
        assert.match(refs[0]!, /`ref98`/, "the last root change (i = 98; i = 99 went to the fragment)");
        assert.equal(s.alive, true);

        // A fresh server, the final texts opened directly.
        fresh = await LspSession.start({ copyFrom: FIXTURE_DIR, ...init });
        await fresh.open(ROOT, root.text);
        await fresh.open(FRAGMENT, frag.text);
        await fresh.until(() => fresh!.published.some((p) => p.uri === fresh!.uri(ROOT) && p.version === 1)
          && fresh!.published.some((p) => p.uri === fresh!.uri(FRAGMENT) && p.version === 1), 'diagnostics of the fresh open');
        await quiet(fresh, 300);
        assert.deepEqual(normalized(s, finalRoot), normalized(fresh, fresh.diagnostics.get(fresh.uri(ROOT))));
        assert.deepEqual(normalized(s, s.diagnostics.get(fragUri)), normalized(fresh, fresh.diagnostics.get(fresh.uri(FRAGMENT))));
      } finally {
        await s.stop();
        await fresh?.stop();
      }
    });
  });
}
