// One self-contained HTML page for people without VS Code: the preview's own
// script and CSS inlined, mermaid inlined (so the Dependencies tab works
// offline), and the view model as JSON in a non-executed <script> block.
//
// Safety: the page's CSP allows only the inline scripts whose SHA-256 hashes it
// lists, so nothing a program file contains can add a script. The JSON escapes
// `<`, `>`, `&` and U+2028/2029, so a name containing `</script>` cannot close
// its block; inlined code gets `</script` and `<!--` neutralised the same way.
import { createHash } from 'node:crypto';
import type { ViewModel } from '../view-model.js';
import { escapeXml } from './xml.js';

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

export function standaloneHtml(vm: ViewModel, assets: StandaloneAssets, options: { zoom?: string } = {}): string {
  const preview = inlineScript(assets.previewJs);
  const mermaid = assets.mermaidJs === undefined ? undefined : inlineScript(assets.mermaidJs);
  const scripts = mermaid === undefined ? [preview] : [mermaid, preview];
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
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
