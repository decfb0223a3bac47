// Mermaid is big (~3 MB), so the webview loads it only when the Dependencies
// tab first opens: a second script element carrying the page's nonce (the CSP
// allows nothing else). The standalone export inlines it in blocks the
// browser does not run (script.pac-mermaid); they are joined and run here, on
// first use, as one inline script whose text the page's CSP lists by hash.
export interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  parse(text: string, options?: { suppressErrors?: boolean }): Promise<unknown>;
  render(id: string, text: string): Promise<{ svg: string }>;
}

declare global {
  interface Window { pacMermaid?: MermaidApi }
}

let loading: Promise<MermaidApi> | undefined;

export function loadMermaid(nonce: string | undefined): Promise<MermaidApi> {
  if (window.pacMermaid) return Promise.resolve(window.pacMermaid);
  const blocks = Array.from(document.querySelectorAll('script.pac-mermaid'));
  if (blocks.length > 0 && !loading) {
    const script = document.createElement('script');
    script.textContent = blocks.map((b) => b.textContent).join('');
    document.head.appendChild(script); // runs now (inline), if the CSP hash matches
    for (const b of blocks) b.remove();
    return window.pacMermaid ? Promise.resolve(window.pacMermaid) : Promise.reject(new Error('The graph renderer did not start.'));
  }
  loading ??= new Promise<MermaidApi>((resolve, reject) => {
    const src = document.body.dataset.mermaidSrc;
    if (!src) { reject(new Error('The graph renderer is not available in this page.')); return; }
    const script = document.createElement('script');
    if (nonce) script.nonce = nonce;
    script.src = src;
    script.onload = () => (window.pacMermaid ? resolve(window.pacMermaid) : reject(new Error('The graph renderer did not start.')));
    script.onerror = () => reject(new Error('The graph renderer could not be loaded.'));
    document.head.appendChild(script);
  });
  loading.catch(() => { loading = undefined; });
  return loading;
}

/** Mermaid's theme for the VS Code theme, read from the classes VS Code puts on <body>. */
export function mermaidTheme(): 'dark' | 'neutral' {
  const c = document.body.classList;
  // 'neutral' (greys) sits better in light editor themes than mermaid's default pastel.
  if (c.contains('vscode-high-contrast-light')) return 'neutral';
  return c.contains('vscode-dark') || c.contains('vscode-high-contrast') ? 'dark' : 'neutral';
}
