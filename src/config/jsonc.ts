import { createRequire } from 'node:module';
import type * as JsoncParser from 'jsonc-parser';

// loaded when a config file is read, not by every run that has none (a CommonJS package: required, in step)
let jsonc: typeof JsoncParser | undefined;

/** What each parse error means, in words that never quote the text. */
const PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'malformed comment',
  UnexpectedEndOfComment: 'unclosed comment',
  UnexpectedEndOfString: 'unclosed string',
  UnexpectedEndOfNumber: 'unfinished number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'malformed escape',
  InvalidCharacter: 'control character in a string',
};

/**
 * Parses JSON with `//` and `/* *\/` comments and trailing commas, as `flowaudit init` writes it.
 * @throws SyntaxError "expected ',' at line 3 column 3": what and where, never the text itself (a config
 *         pointed at the wrong file must not print what that file holds)
 */
export function parseJsonc(text: string): unknown {
  jsonc ??= createRequire(import.meta.url)('jsonc-parser') as typeof JsoncParser;
  const { parse, printParseErrorCode } = jsonc;
  const errors: JsoncParser.ParseError[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const value: unknown = parse(body, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return value;
  const before = body.slice(0, first.offset).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] ?? '').length + 1;
  throw new SyntaxError(`${PROBLEMS[printParseErrorCode(first.error)] ?? 'malformed JSON'} at line ${line} column ${column}`);
}
