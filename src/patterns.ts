import { createRequire } from 'node:module';
import type * as Re2js from 're2js';

/*
 * Regular expressions from configuration (bots, ai.markers, --tag-pattern, --environment…) are written by
 * whoever wrote the config, which may be the audited repository's own .flowaudit.json: they run on RE2
 * (re2js), whose matching time is linear in the text, so `(a+)+$` cannot hang a run. RE2 has no lookaround
 * and no backreferences: such patterns are refused with a message saying so. The built-in patterns are
 * flowaudit's own and stay native.
 */

// required when a pattern from configuration is compiled (its CommonJS build, in step): a run with the
// defaults never loads its 260 kB
let re2js: typeof Re2js | undefined;
const engine = (): typeof Re2js => (re2js ??= createRequire(import.meta.url)('re2js') as typeof Re2js);

/** A compiled pattern, whichever engine runs it. */
export interface Pattern {
  /** as written */
  readonly source: string;
  /** true when it matches anywhere in `text` */
  test(text: string): boolean;
  /** the text of every match, left to right, not overlapping */
  matches(text: string): string[];
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a caller that only asks "does it match?" needs: a Pattern, or a built-in RegExp. */
export type Tester = Pick<Pattern, 'test'>;

export interface PatternFlags {
  ignoreCase?: boolean;
  /** `^` and `$` match at each line's start and end */
  multiline?: boolean;
}

/** Why `source` cannot run on the linear-time engine, in words that do not repeat it; null when it can. */
export function patternProblem(source: string, flags: PatternFlags = {}): string | null {
  try {
    engine().RE2JS.compile(source, flagBits(flags));
    return null;
  } catch (error) {
    return describe(error);
  }
}

/**
 * Compiles a pattern from configuration on the linear-time engine.
 * @throws PatternError saying why it cannot run (bad syntax, or lookaround and backreferences RE2 lacks)
 */
export function compilePattern(source: string, flags: PatternFlags = {}): Pattern {
  let compiled: Re2js.RE2JS;
  try {
    compiled = engine().RE2JS.compile(source, flagBits(flags));
  } catch (error) {
    throw new PatternError(describe(error));
  }
  return {
    source,
    test: (text) => compiled.test(text),
    matches: (text) => {
      const found: string[] = [];
      const matcher = compiled.matcher(text);
      while (matcher.find()) found.push(matcher.group() ?? '');
      return found;
    },
  };
}

/** A built-in pattern behind the same interface. */
export function nativePattern(regex: RegExp): Pattern {
  const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  const single = new RegExp(regex.source, regex.flags.replace('g', ''));
  return {
    source: regex.source,
    test: (text) => single.test(text),
    matches: (text) => Array.from(text.matchAll(global), (m) => m[0]),
  };
}

export class PatternError extends Error {}

function flagBits(flags: PatternFlags): number {
  const { RE2JS } = engine();
  return (flags.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) | (flags.multiline ? RE2JS.MULTILINE : 0);
}

function describe(error: unknown): string {
  const { RE2JSException, RE2JSSyntaxException } = engine();
  if (error instanceof RE2JSSyntaxException) {
    const what = error.getDescription();
    if (/perl syntax|escape sequence/i.test(what)) return `${what} (configured patterns run on a linear-time engine, RE2: no lookaround or backreferences)`;
    return what;
  }
  if (error instanceof RE2JSException) return 'too large or complex for the linear-time engine (RE2)';
  return 'not a regular expression';
}
