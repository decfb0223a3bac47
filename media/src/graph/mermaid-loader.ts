// Mermaid is big (~3 MB), so the webview loads it only when the Dependencies
// tab first opens: a second script element carrying the page's nonce (the CSP
// allows nothing else). The standalone export inlines it instead, so it is
// already on `window` there.
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
