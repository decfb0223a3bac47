// Text from a program file, made safe for a terminal or a CI log: control
// characters (C0, DEL, C1: newlines, ANSI and OSC escapes), line and paragraph
// separators and the bidirectional overrides are written as visible `\u{…}`
// escapes, so a name or a unit can neither start a line of its own (forging
// `file:line:col: error` lines or GitHub `::error::` commands) nor drive the
// terminal (window titles, clearing the screen, hyperlinks).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function visibleText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${(c.codePointAt(0) as number).toString(16).padStart(2, '0')}}`);
}
