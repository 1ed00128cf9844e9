/*
 * Text from git, GitHub and JSON reports is untrusted: a commit message or a PR title can hold terminal escape
 * sequences (an OSC 52 clipboard write, a title change), C1 controls that some terminals read as escapes
 * (U+009B is CSI), and bidirectional overrides that make a terminal show text in another order than it is.
 */

// C0 and C1 control characters and DEL, which covers every terminal escape sequence's introducer
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b\u009c]*(\u0007|\u001b\\|\u009c)?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u001b\u009c]*(\u0007|\u001b\\|\u009c)?/g;
// embeddings, overrides and isolates (U+202A–E, U+2066–9)
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
const BREAKS = /[\t\n\r\u2028\u2029]+/g;

/** Text from git and GitHub for the terminal, on one line: escape sequences, controls and bidi overrides removed. */
export function terminalSafe(text: string): string {
  return text.replace(ANSI, '').replace(BREAKS, ' ').replace(CONTROL, '').replace(BIDI, '');
}

// a whole escape sequence, or one control character other than a newline, or a bidi override
const UNSAFE_IN_OUTPUT = new RegExp(`${ANSI.source}|[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]`, 'g');
const SGR = /^\u001b\[[0-9;]*m$/;

/**
 * The last guard of everything written to a terminal (the text report, compare, aggregate): whatever a
 * renderer missed, only newlines and, with `color`, colour sequences (SGR) are left of the control characters.
 */
export function terminalOutput(text: string, color: boolean): string {
  return text.replace(UNSAFE_IN_OUTPUT, (match) => (color && SGR.test(match) ? match : ''));
}

// JSON.stringify escapes C0 controls only: DEL, C1, the line separators JavaScript once could not hold in a
// string, and bidi overrides are escaped too (they can only stand inside strings, so the values stay the same)
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text (from JSON.stringify) with every character a terminal or a JavaScript parser could trip on escaped. */
export function jsonSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return terminalSafe(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Escapes text for a GitHub-flavoured Markdown table cell: no HTML, no table breaks, no link or emphasis syntax. */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text).replace(/[|\\`*_[\]]/g, (c) => `\\${c}`);
}
