// Entry of dist/media/mermaid.js: mermaid as a global the preview picks up
// when the Dependencies tab opens (see graph/mermaid-loader.ts).
import mermaid from 'mermaid';

(window as unknown as { pacMermaid: unknown }).pacMermaid = mermaid;
