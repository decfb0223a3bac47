// The e2e harness's hands inside the preview's webview. The in-extension-host
// suite cannot reach a webview's DOM (it lives in the workbench page, in
// nested iframes), so it asks the harness: it logs
//   E2E_WEBVIEW <name> <JSON list of steps>
// and the harness runs the steps through playwright in the frame that holds
// the first step's selector, then writes <name>.json into the signal folder:
// { "ok": true, "results": [...] } (one entry per step: the matched elements'
// texts) or { "ok": false, "error": "..." }. Steps, each with a CSS selector:
//   { "wait": sel, "count"?: n, "text"?: regex }  at least n (default 1) matches, one whose text matches
//   { "click": sel }                              clicks the first match, as a user would
// The clicks are real pointer events, so what they trigger (a message to the
// extension, an editor revealed) is what a user's click triggers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STEP_TIMEOUT_MS = Number(process.env.PAC_E2E_STEP_TIMEOUT_MS ?? 60_000);

/** Texts of the elements matching `selector` in `frame`, or null when the frame is gone. */
async function textsIn(frame, selector) {
  try {
    return await frame.locator(selector).allTextContents();
  } catch {
    return null; // detached or navigating
  }
}

/** Polls every frame of the page (the one found before first) until `ok(texts)` holds. */
async function findFrame(page, selector, ok, pinned, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let seen = [];
  while (Date.now() < deadline) {
    const frames = pinned && !pinned.isDetached() ? [pinned, ...page.frames().filter((f) => f !== pinned)] : page.frames();
    for (const frame of frames) {
      const texts = await textsIn(frame, selector);
      if (texts && texts.length > 0) seen = texts;
      if (texts && ok(texts)) return { frame, texts };
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const last = seen.length ? `; last matches: ${JSON.stringify(seen.slice(0, 8))}` : '; nothing matched';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${selector}${last}`);
}

export async function runWebviewSteps(page, steps) {
  let pinned;
  const results = [];
  for (const step of steps) {
    if (step.wait) {
      const count = step.count ?? 1;
      const re = step.text ? new RegExp(step.text) : undefined;
      const found = await findFrame(page, step.wait, (t) => t.length >= count && (!re || t.some((x) => re.test(x))), pinned, STEP_TIMEOUT_MS);
      pinned = found.frame;
      results.push(found.texts);
    } else if (step.click) {
      const found = await findFrame(page, step.click, (t) => t.length > 0, pinned, STEP_TIMEOUT_MS);
      pinned = found.frame;
      await found.frame.locator(step.click).first().click({ timeout: STEP_TIMEOUT_MS });
      results.push(found.texts.slice(0, 1));
    } else {
      throw new Error(`unknown webview step ${JSON.stringify(step)}`);
    }
  }
  return results;
}

/** Runs a request from the suite's log line and answers it in the signal folder (never throws). */
export async function answerWebviewRequest(page, signalDir, name, json, say) {
  let answer;
  try {
    answer = { ok: true, results: await runWebviewSteps(page, JSON.parse(json)) };
  } catch (e) {
    answer = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  writeFileSync(join(signalDir, `${name}.json`), JSON.stringify(answer));
  say(`webview steps ${name}: ${answer.ok ? 'done' : `failed: ${answer.error}`}`);
}
