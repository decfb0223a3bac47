// One self-contained HTML page for people without VS Code: the preview's own
// script and CSS inlined, mermaid inlined (so the Dependencies tab works
// offline), and the view model as JSON in a non-executed <script> block.
// Mermaid (~3 MB) sits after the preview in blocks of an unknown type, so the
// browser neither compiles nor runs it before the Gantt is drawn; the preview
// joins and runs it (same text, so its hash still passes the CSP) only when a
// tab needs it. The blocks are small (MERMAID_CHUNK) because the browser cannot
// paint in the middle of one token: a single 3 MB block held the first frame
// of the Gantt until it was all read.
//
// Safety: the page's CSP allows only the inline scripts whose SHA-256 hashes it
// lists, so nothing a program file contains can add a script. The JSON escapes
// `<`, `>`, `&` and U+2028/2029, so a name containing `</script>` cannot close
// its block; inlined code gets `</script` and `<!--` neutralised the same way.
import { createHash } from 'node:crypto';
import type { ViewModel } from '../view/view-model.js';
import { escapeXml } from '../view/xml.js';
import type { ForecastView } from '../view/forecast-types.js';
import type { StatusView } from '../view/status-types.js';

export interface StandaloneAssets {
  /** dist/media/preview.js */
  readonly previewJs: string;
  /** dist/media/preview.css */
  readonly previewCss: string;
  /** dist/media/mermaid.js; without it the Dependencies tab says it cannot draw. */
  readonly mermaidJs?: string;
}

/** JSON that is safe inside an HTML <script> element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Script source that cannot end its <script> element early: `<\/` means `</` in JS strings and regexes. */
export function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function standaloneCsp(scripts: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(sha256).join(' ')}`,
    // Inline styles: our stylesheet is inlined, and mermaid writes <style> into its SVGs.
    "style-src 'unsafe-inline'",
    // data: for the SVG → PNG export; blob: for downloads of exports.
    'img-src data: blob:',
  ].join('; ');
}

/** Characters per deferred block of mermaid. */
export const MERMAID_CHUNK = 64 * 1024;

function deferredBlocks(code: string): string {
  const blocks: string[] = [];
  for (let i = 0; i < code.length; i += MERMAID_CHUNK) {
    blocks.push(`<script type="text/x-pac-deferred" class="pac-mermaid">${code.slice(i, i + MERMAID_CHUNK)}</script>`);
  }
  return blocks.join('');
}

/** `forecast`: the page's Forecast tab and milestone P80s; `status`: its Status tab (both embedded like the view model). */
export function standaloneHtml(vm: ViewModel, assets: StandaloneAssets, options: { zoom?: string; forecast?: ForecastView; status?: StatusView } = {}): string {
  const preview = inlineScript(assets.previewJs);
  const mermaid = assets.mermaidJs === undefined ? undefined : inlineScript(assets.mermaidJs);
  const scripts = mermaid === undefined ? [preview] : [preview, mermaid];
  const title = vm.program.name ?? vm.program.id ?? 'Program';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(standaloneCsp(scripts))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="program-as-code">
<title>${escapeXml(title)}</title>
<style>
${assets.previewCss.replace(/<\/(style)/gi, '<\\/$1')}
</style>
</head>
<body class="pac-standalone" data-default-zoom="${escapeXml(options.zoom ?? 'week')}">
<script type="application/json" id="view-model">${jsonForScript(vm)}</script>
${options.forecast ? `<script type="application/json" id="forecast">${jsonForScript(options.forecast)}</script>\n` : ''}${options.status === undefined ? '' : `<script type="application/json" id="status-view">${jsonForScript(options.status)}</script>\n`}<script>${preview}</script>
${mermaid === undefined ? '' : deferredBlocks(mermaid)}
</body>
</html>
`;
}
