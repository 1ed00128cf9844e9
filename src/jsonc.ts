import { createRequire } from 'node:module';
import type * as JsoncParser from 'jsonc-parser';

// loaded when a config file or a rush.json is read, not by every run that has none (a CommonJS package: required, in step)
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
 * The value of `text`, built as JSON.parse builds it: every key an object's own property. jsonc-parser's own
 * `parse` assigns them (`object[key] = value`), so a key `__proto__` set the object's prototype: a setting hidden
 * in it was read as if written, unseen by the check for unknown keys, and a product named so vanished.
 */
function build(visit: typeof JsoncParser.visit, text: string, errors: JsoncParser.ParseError[]): unknown {
  let root: unknown;
  let key = '';
  const open: Array<Record<string, unknown> | unknown[]> = [];
  const put = (value: unknown): void => {
    const parent = open.at(-1);
    if (parent === undefined) root = value;
    else if (Array.isArray(parent)) parent.push(value);
    else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  };
  const begin = (container: Record<string, unknown> | unknown[]): void => {
    put(container);
    open.push(container);
  };
  visit(text, {
    onObjectBegin: () => begin({}),
    onObjectProperty: (name) => {
      key = name;
    },
    onObjectEnd: () => void open.pop(),
    onArrayBegin: () => begin([]),
    onArrayEnd: () => void open.pop(),
    onLiteralValue: (value) => put(value),
    onError: (error, offset, length) => void errors.push({ error, offset, length }),
  }, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  return root;
}

/**
 * Parses JSON with `//` and `/* *\/` comments and trailing commas, as `flowaudit init` writes it (and Rush its rush.json).
 * @throws SyntaxError "expected ',' at line 3 column 3": what and where, never the text itself (a config
 *         pointed at the wrong file must not print what that file holds)
 */
export function parseJsonc(text: string): unknown {
  jsonc ??= createRequire(import.meta.url)('jsonc-parser') as typeof JsoncParser;
  const { printParseErrorCode, visit } = jsonc;
  const errors: JsoncParser.ParseError[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const value = build(visit, body, errors);
  const first = errors[0];
  if (first === undefined) return value;
  const before = body.slice(0, first.offset).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] ?? '').length + 1;
  throw new SyntaxError(`${PROBLEMS[printParseErrorCode(first.error)] ?? 'malformed JSON'} at line ${line} column ${column}`);
}
