// Escaping for the exporters that build markup as strings.

/** Text or attribute value safe inside XML/HTML: & < > " ' escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
