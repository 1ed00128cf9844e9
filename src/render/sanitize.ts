// C0 and C1 control characters and DEL, which covers every terminal escape sequence's introducer
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]/g;

/** Text from git and GitHub is untrusted: strip escape sequences and control characters for the terminal. */
export function terminalSafe(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '').replace(/[\t\n\r]+/g, ' ');
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return terminalSafe(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Escapes text for a GitHub-flavoured Markdown table cell: no HTML, no table breaks, no link or emphasis syntax. */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text).replace(/[|\\`*_[\]]/g, (c) => `\\${c}`);
}
