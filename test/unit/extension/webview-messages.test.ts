// The host side of the preview's messages (server/src/view/webview-protocol.ts):
// what the webview posts is untrusted (it renders text from program files), so
// the panel acts only on known, well-formed messages, reveals only files of the
// previewed program, and logs a warning for everything else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWebviewMessage, isRevealAllowed, parseWebviewMessage } from '../../../server/src/view/webview-protocol.js';

const ROOT = 'file:///ws/plan.program.yaml';
const PART = 'file:///ws/parts/web.program.yaml';
const FILES = [ROOT, PART];
const loc = (uri: string, line = 3) => ({ uri, line, character: 4, endLine: line, endCharacter: 9 });

void describe('webview → host messages', () => {
  void it('accepts each known message, well formed, as it is', () => {
    const good = [
      { type: 'ready' },
      { type: 'reveal', location: loc(PART) },
      { type: 'rendered', tab: 'gantt', tasks: 12 },
      { type: 'rendered', tab: 'forecast', tasks: 12 },
      { type: 'forecastWanted' },
      { type: 'save', fileName: 'plan-gantt.svg', content: '<svg/>', encoding: 'utf8' },
      { type: 'save', fileName: 'plan.png', content: 'iVBORw0KGgo=', encoding: 'base64' },
      { type: 'exportResult', requestId: 3, content: '<svg/>' },
      { type: 'exportResult', requestId: 4, error: 'no graph' },
    ];
    for (const m of good) {
      const checked = checkWebviewMessage(m, FILES);
      assert.deepEqual(checked, { ok: true, message: m }, JSON.stringify(m));
    }
  });

  void it('drops fields it does not know', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', evil: 1 }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'forecastWanted', uri: 'file:///etc/passwd' }), { type: 'forecastWanted' });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', tab: 'risks', tasks: 0, html: '<b>' }), { type: 'rendered', tab: 'risks', tasks: 0 });
  });

  void it('ignores unknown and malformed messages, with a warning that names the type (clipped)', () => {
    const bad: unknown[] = [
      undefined, null, 0, 'ready', [], [{ type: 'ready' }], {}, { type: 7 }, { type: 'READY' }, { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'openExternal', url: 'https://evil.test' }, { type: '__proto__' }, { type: 'x'.repeat(100_000) },
      { type: 'reveal' }, { type: 'reveal', location: null }, { type: 'reveal', location: { uri: ROOT } },
      { type: 'reveal', location: { ...loc(ROOT), line: -1 } }, { type: 'reveal', location: { ...loc(ROOT), line: 1.5 } },
      { type: 'reveal', location: { ...loc(ROOT), line: Number.NaN } }, { type: 'reveal', location: { ...loc(ROOT), line: 1e300 } },
      { type: 'reveal', location: { ...loc(ROOT), character: '4' } }, { type: 'reveal', location: { ...loc(ROOT), uri: 42 } },
      { type: 'rendered', tab: 'settings', tasks: 1 }, { type: 'rendered', tab: 'gantt', tasks: -1 }, { type: 'rendered', tab: 'gantt' },
      { type: 'save', fileName: '../../.bashrc', content: 'x', encoding: 'utf8' }, { type: 'save', fileName: '/etc/passwd', content: 'x', encoding: 'utf8' },
      { type: 'save', fileName: 'a\\b.svg', content: 'x', encoding: 'utf8' }, { type: 'save', fileName: '', content: 'x', encoding: 'utf8' },
      { type: 'save', fileName: 'x'.repeat(101), content: 'x', encoding: 'utf8' }, { type: 'save', fileName: 'a.svg', content: 1, encoding: 'utf8' },
      { type: 'save', fileName: 'a.svg', content: 'x', encoding: 'hex' },
      { type: 'exportResult' }, { type: 'exportResult', requestId: '1', content: 'x' }, { type: 'exportResult', requestId: 1, content: 5 },
      { type: 'exportResult', requestId: 1, error: {} },
    ];
    for (const m of bad) {
      const checked = checkWebviewMessage(m, FILES);
      assert.equal(checked.ok, false, JSON.stringify(m)?.slice(0, 200));
      if (checked.ok) continue;
      assert.match(checked.warning, /^Preview: ignored an unknown or malformed message from the webview \(.+\)$/);
      assert.ok(checked.warning.length < 300, 'the warning is short even for a huge message');
    }
    const warning = (m: unknown) => { const c = checkWebviewMessage(m, FILES); return c.ok ? '' : c.warning; };
    assert.match(warning({ type: 'runCommand' }), /\(type "runCommand"\)/);
    assert.match(warning(null), /\(null\)/);
    assert.match(warning([]), /\(array\)/);
    assert.match(warning({ type: 'x'.repeat(100_000) }), /…/);
  });

  void it('refuses to reveal a location outside the previewed program, with a warning', () => {
    const outside = [
      'file:///etc/passwd', 'file:///ws/other.program.yaml', 'file:///ws/parts/../../etc/passwd', 'FILE:///ws/plan.program.yaml',
      'file:///ws/plan.program.yaml#x', 'file:///ws/plan.program.yaml?x', 'https://evil.test/plan.program.yaml',
      'command:workbench.action.terminal.new', 'vscode://settings', 'untitled:Untitled-1', '', `${ROOT}\u0000`,
    ];
    for (const uri of outside) {
      assert.equal(isRevealAllowed(loc(uri), FILES), false, uri);
      const checked = checkWebviewMessage({ type: 'reveal', location: loc(uri) }, FILES);
      assert.equal(checked.ok, false, uri);
      if (!checked.ok) assert.match(checked.warning, /^Preview: refused to reveal .*, which is not a file of the previewed program$/);
    }
    const long = checkWebviewMessage({ type: 'reveal', location: loc(`file:///${'a'.repeat(10_000)}`) }, FILES);
    assert.ok(!long.ok && long.warning.length < 300);
    // The program's own files, the root and its fragments, are fine.
    for (const uri of FILES) assert.equal(checkWebviewMessage({ type: 'reveal', location: loc(uri) }, FILES).ok, true);
    // With no program files known (nothing shown yet), nothing is revealed.
    assert.equal(checkWebviewMessage({ type: 'reveal', location: loc(ROOT) }, []).ok, false);
  });
});
