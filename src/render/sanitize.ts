/*
 * Text from git, GitHub and JSON reports is untrusted: a commit message or a PR title can hold terminal escape
 * sequences (an OSC 52 clipboard write, a title change), C1 controls that some terminals read as escapes
 * (U+009B is CSI), bidirectional controls that make a terminal or a page show text in another order than it
 * is, and invisible characters that make two different names look the same.
 */

// C0 and C1 control characters and DEL, which covers every terminal escape sequence's introducer
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b\u009c]*(\u0007|\u001b\\|\u009c)?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u001b\u009c]*(\u0007|\u001b\\|\u009c)?/g;
/*
 * Every bidi and zero-width control, removed from untrusted text in every format: the marks (U+200E LRM, U+200F
 * RLM, U+061C ALM), embeddings and overrides (U+202A–E), isolates (U+2066–9), the zero-width space, non-joiner
 * and joiner (U+200B–D), the word joiner and invisible operators (U+2060–4), the deprecated format controls
 * (U+206A–F), the Mongolian vowel separator (U+180E) and the byte-order mark / zero-width no-break space
 * (U+FEFF). A joined emoji (👩‍💻) falls apart into its pieces: the cost of never hiding anything.
 */
const INVISIBLE = '\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff';
const HIDDEN = new RegExp(`[${INVISIBLE}]`, 'g');
const BREAKS = /[\t\n\r\u2028\u2029]+/g;

/** Text from git and GitHub for the terminal, on one line: escape sequences, controls, bidi and zero-width controls removed. */
export function terminalSafe(text: string): string {
  return text.replace(ANSI, '').replace(BREAKS, ' ').replace(CONTROL, '').replace(HIDDEN, '');
}

// a whole escape sequence, or one control character other than a newline, or a bidi or zero-width control
const UNSAFE_IN_OUTPUT = new RegExp(`${ANSI.source}|[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'g');
const SGR = /^\u001b\[[0-9;]*m$/;

/**
 * The last guard of everything written to a terminal (the text report, compare, aggregate): whatever a
 * renderer missed, only newlines and, with `color`, colour sequences (SGR) are left of the control characters.
 */
export function terminalOutput(text: string, color: boolean): string {
  return text.replace(UNSAFE_IN_OUTPUT, (match) => (color && SGR.test(match) ? match : ''));
}

// JSON.stringify escapes C0 controls only: DEL, C1, the line separators JavaScript once could not hold in a
// string, and bidi and zero-width controls are escaped too: JSON is data, so the values stay as they came (a
// reader decodes them), but nothing invisible reaches a terminal that shows the file
const JSON_UNSAFE = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029${INVISIBLE}]`, 'g');

/** JSON text (from JSON.stringify) with every character a terminal or a JavaScript parser could trip on escaped. */
export function jsonSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return terminalSafe(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * Escapes text for a GitHub-flavoured Markdown table cell: no HTML, no table breaks, no link or emphasis syntax. What
 * starts HTML becomes its entity; quotes stay as written: Markdown's text is never an attribute's value, and `&#39;`
 * in the raw text of a PR comment or a wiki page read as noise in some sentences and not others.
 */
export function escapeMarkdown(text: string): string {
  return terminalSafe(text).replace(/[&<>|\\`*_[\]]/g, (c) => HTML_ENTITIES[c] ?? `\\${c}`);
}
