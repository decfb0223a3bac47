// Saving exports: inside VS Code the host shows a save dialog (the webview
// cannot write files); in the standalone page the browser downloads a blob.
import type { Host } from './host.js';

export function saveFile(host: Host, fileName: string, content: string, encoding: 'utf8' | 'base64', mime: string): void {
  if (!host.standalone) {
    host.post({ type: 'save', fileName, content, encoding });
    return;
  }
  const bytes = encoding === 'base64' ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : new TextEncoder().encode(content);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Canvas limits: browsers refuse canvases much beyond this on a side. */
const MAX_PNG_SIDE = 16_000;

/** Rasterises SVG markup to a base64 PNG at up to 2× scale, on the given background. */
export async function svgToPng(svg: string, background: string): Promise<string> {
  const bytes = new TextEncoder().encode(svg);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const img = new Image();
  img.src = `data:image/svg+xml;base64,${btoa(bin)}`;
  await img.decode();
  const w = img.naturalWidth || 800;
  const hgt = img.naturalHeight || 600;
  const scale = Math.min(2, MAX_PNG_SIDE / w, MAX_PNG_SIDE / hgt);
  if (scale < 0.25) throw new Error('The chart is too large for a PNG; export it as SVG instead.');
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * scale);
  canvas.height = Math.round(hgt * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No canvas available for PNG export.');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
}
