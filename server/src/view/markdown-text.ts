// Text for a Markdown table cell or heading: one line, no control
// characters, and nothing that would end a cell or turn into markup (pipes,
// backslashes, emphasis and link characters, HTML: GitHub renders inline HTML).
export function markdownCell(text: string | number | null): string {
  if (text === null) return '';
  return String(text)
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#!~])/g, '\\$1')
    .trim();
}
