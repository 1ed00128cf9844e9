/**
 * JSON with comments, as `flowaudit init` writes it: `//` and `/* … *\/` comments and trailing commas are
 * blanked out (never inside strings), keeping every other character where it was so JSON.parse's error
 * positions still point at the right place. Returns plain JSON text.
 */
export function stripJsonComments(text: string): string {
  const out = text.split('');
  let i = 0;
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      // an unclosed comment is left for JSON.parse to report
      if (end === -1) break;
      blank(i, end + 2);
      i = end + 2;
    } else {
      i++;
    }
  }
  return blankTrailingCommas(out.join(''));
}

/** `[1, 2,]` → `[1, 2 ]`: a comma followed (past whitespace) by a closing bracket, outside strings. */
function blankTrailingCommas(text: string): string {
  const out = text.split('');
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === ',') {
      let k = i + 1;
      while (k < text.length && /\s/.test(text[k] ?? '')) k++;
      if (text[k] === '}' || text[k] === ']') out[i] = ' ';
    }
    i++;
  }
  return out.join('');
}

/** Parses JSON-with-comments. @throws SyntaxError with "at line L column C" in place of a bare position */
export function parseJsonc(text: string): unknown {
  const json = stripJsonComments(text.replace(/^\uFEFF/, ''));
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    if (!at || /\bline \d+/.test(message)) throw error;
    const position = Number(at[1]);
    const before = json.slice(0, position).split('\n');
    const line = before.length;
    const column = (before[before.length - 1] ?? '').length + 1;
    throw new SyntaxError(message.replace(/at position \d+/, `at line ${line} column ${column}`), { cause: error });
  }
}
