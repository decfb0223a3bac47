// The preview's HTML, set once per panel (updates arrive by postMessage, so
// mermaid does not re-run and scroll/zoom survive). No `vscode` import: the
// headless-Chromium tests build the same page with the same CSP.
export interface PreviewHtmlOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly mermaidUri: string;
  readonly defaultZoom: string;
}

export function previewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    // Our bundle, and mermaid's (loaded lazily), both carry the nonce.
    `script-src 'nonce-${nonce}'`,
    // 'unsafe-inline' only because mermaid writes <style> elements and style
    // attributes into the SVGs it renders; scripts stay nonce-only.
    `style-src ${cspSource} 'unsafe-inline'`,
    // data: for the SVG → PNG export (an <img> of the SVG drawn on a canvas).
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function previewHtml(o: PreviewHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(previewCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>Program preview</title>
</head>
<body data-mermaid-src="${attr(o.mermaidUri)}" data-default-zoom="${attr(o.defaultZoom)}">
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** 32 random alphanumerics, from a cryptographic source. */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => chars[b % chars.length]).join('');
}

/**
 * The panel's title: the program's name (the preview shows the whole program,
 * whichever of its files is active), else its id, else the file's name until
 * the first view model arrives.
 */
export function previewTitle(vm: { readonly program: { readonly name: string | null; readonly id: string | null } } | null | undefined, path: string): string {
  const name = vm?.program.name?.trim() || vm?.program.id;
  if (name) return `Preview: ${name}`;
  const file = path.split('/').pop() || 'program';
  return `Preview ${file.replace(/\.program\.ya?ml$/i, '')}`;
}
