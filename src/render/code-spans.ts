/**
 * flowaudit's own notes and warnings mark a name, a flag or a command with backticks (`` `development` ``,
 * `` `gh auth login` ``), as Markdown does. The terminal shows them as written; HTML and Markdown show them as code.
 * A backtick without its pair stays a backtick (a note may quote a branch name that holds one), and so do two
 * with nothing between them.
 */
export function withCodeSpans(text: string, plain: (part: string) => string, code: (part: string) => string): string {
  const parts = text.split('`');
  // an even count of parts means an odd count of backticks: the last one has no pair and is text
  const paired = parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), `${parts.at(-2) ?? ''}\`${parts.at(-1) ?? ''}`];
  return paired.map((part, i) => (i % 2 === 0 ? plain(part) : part === '' ? plain('``') : code(part))).join('');
}
