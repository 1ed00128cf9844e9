import { ConfigError } from './errors.js';
import { globNames, matchNames, STAR, type GlobEnd } from './glob-match.js';
import { compilePattern, type Pattern } from './patterns.js';

/*
 * Globs from outside (a repository's CODEOWNERS, .gitattributes and workspace manifests, the config's product
 * paths, `path:` slices on the command line): each is translated here to a regular expression that runs on the
 * linear-time engine (RE2, src/patterns.ts), so no glob can make matching take more than linear time in the path,
 * however it nests `*` and `**` (a backtracking matcher takes exponential time on `**\/a/**\/a/…` against a deep
 * path). What one glob may cost is bounded: past GLOB_LIMITS it is refused, and the caller says so in a warning.
 */

/**
 * How a glob's text reads:
 * - `gitignore` (CODEOWNERS, .gitattributes, product paths, `path:` slices): a glob with a slash before its end
 *   is anchored at the root, one without matches at any depth; a trailing `/` matches folders only; a match on
 *   a folder takes in everything below it (unless `contents` is false).
 * - `folder` (workspace manifests: npm, pnpm, Cargo): a folder from the root, matched whole; braces `{a,b}`
 *   are alternatives, as npm's and pnpm's matchers read them.
 */
export type GlobSyntax = 'gitignore' | 'folder';

export interface GlobOptions {
  /** gitignore: whether a match on a folder takes in the files below it (default true) */
  contents?: boolean;
  /** RE2 for every glob with a wildcard (tests compare the two engines) */
  engine?: 're2';
}

/** A compiled glob. */
export interface Glob {
  /** as written */
  readonly source: string;
  /** whether the path (from the repository's root, `/`-separated, no leading `/`) matches */
  test(path: string): boolean;
}

/** What one glob may cost: longer, or with more wildcards, it is refused (GlobError) and the caller warns. */
export const GLOB_LIMITS = { length: 1000, wildcards: 100 } as const;

/** Why a glob was refused, in words that do not repeat it. */
export class GlobError extends Error {}

/**
 * Compiles a glob to a matcher that runs in time linear in the path. `**` as a whole name is any depth; any other
 * `*` stays within a name, as `?` and `[…]` do; `\` escapes the next character.
 * @throws GlobError when it is longer than GLOB_LIMITS.length or has more than GLOB_LIMITS.wildcards wildcards
 */
export function compileGlob(source: string, syntax: GlobSyntax, options: GlobOptions = {}): Glob {
  if (source.length > GLOB_LIMITS.length) throw new GlobError(`longer than ${GLOB_LIMITS.length} characters`);
  let body = source;
  let folderOnly = false;
  let anchored = true;
  if (syntax === 'gitignore') {
    folderOnly = /[^\\]\/$/.test(body) || body === '/';
    body = body.replace(/\/+$/, '');
    // a slash at the start or in the middle anchors the glob at the root; without, it matches at any depth
    anchored = body.includes('/');
    body = body.replace(/^\/+/, '');
  } else {
    body = body.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  }
  if (body === '') throw new GlobError('empty');
  // `**/**` is `**`: one of them, so a glob's every `**` stands between two names or at an end
  body = body.replace(/(^|\/)\*\*+(?:\/\*\*+)+(?=\/|$)/g, '$1**');
  const translated = translate(body, syntax);
  if (translated.wildcards > GLOB_LIMITS.wildcards) throw new GlobError(`more than ${GLOB_LIMITS.wildcards} wildcards`);
  const contents = options.contents ?? true;
  const literal = literalGlob(source, translated, { anchored, folderOnly, contents, syntax });
  if (literal !== null) return literal;
  const tail = syntax === 'folder' ? '' : folderOnly ? (contents ? '/.*' : '/[^/]*') : contents ? '(?:/.*)?' : '';
  const regex = regexGlob(source, `^${anchored ? '' : '(?:.*/)?'}${translated.regex}${tail}$`, anchored ? translated.prefix : '', translated.longest);
  // names of characters, `*`, `?` and `**` (most globs) run without RE2; classes, braces and escapes on it
  if (options.engine === 're2' || /[[\\]/.test(body) || (syntax === 'folder' && body.includes('{'))) return regex;
  const end: GlobEnd = syntax === 'folder' ? 'exact' : folderOnly ? (contents ? 'below' : 'child') : contents ? 'here-or-below' : 'exact';
  const names = globNames(body);
  // a trailing `**` of a gitignore glob is everything below the folder, not the folder itself
  if (syntax === 'gitignore' && names.length > 1 && names.at(-1) === null) names.splice(-1, 1, [STAR], null);
  if (!anchored) names.unshift(null);
  const prefix = anchored ? translated.prefix : '';
  return {
    source,
    test: (path) => path.startsWith(prefix) && path.includes(translated.longest) && (path.length > LONG_PATH ? regex.test(path) : matchNames(names, end, path)),
  };
}

// a path longer than this goes to RE2, linear in it, rather than to the name matcher (quadratic in a name at most)
const LONG_PATH = 4096;

/** A glob without a wildcard, matched by comparing strings: most CODEOWNERS lines and product paths are. */
function literalGlob(source: string, t: Translation, o: { anchored: boolean; folderOnly: boolean; contents: boolean; syntax: GlobSyntax }): Glob | null {
  if (t.wildcards > 0 || t.literal === null) return null;
  const name = t.literal;
  if (o.syntax === 'folder') return { source, test: (path) => path === name };
  const below = (path: string, at: number): boolean => path.length > at + name.length && path[at + name.length] === '/' && (o.contents || !path.includes('/', at + name.length + 1));
  const here = (path: string, at: number): boolean => path.startsWith(name, at) && (below(path, at) || (!o.folderOnly && path.length === at + name.length));
  if (o.anchored) return { source, test: (path) => here(path, 0) };
  return {
    source,
    test(path) {
      // at the root, or after any slash
      if (here(path, 0)) return true;
      for (let at = path.indexOf(`/${name}`); at !== -1; at = path.indexOf(`/${name}`, at + 1)) if (here(path, at + 1)) return true;
      return false;
    },
  };
}

/** A glob with wildcards: a cheap test of its literal text first, then RE2, compiled when first needed. */
function regexGlob(source: string, regex: string, prefix: string, longest: string): Glob {
  let compiled: Pattern | null | undefined;
  return {
    source,
    test(path) {
      if (!path.startsWith(prefix) || !path.includes(longest)) return false;
      if (compiled === undefined) {
        try {
          compiled = compilePattern(regex);
        } catch {
          // within GLOB_LIMITS RE2 compiles every translation; a glob it could not is one that matches nothing
          compiled = null;
        }
      }
      return compiled?.test(path) ?? false;
    },
  };
}

interface Translation {
  regex: string;
  wildcards: number;
  /** the literal text before the first wildcard (anchored globs start with it) */
  prefix: string;
  /** the longest literal run outside braces: every match holds it */
  longest: string;
  /** the whole glob as a literal, when it has no wildcard */
  literal: string | null;
}

// RE2's metacharacters, escaped when a glob means them literally
const META = /[\\.+*?()|[\]{}^$]/;

/** The regular expression of a glob's body, one pass over it (linear in its length). */
function translate(glob: string, syntax: GlobSyntax): Translation {
  let regex = '';
  let wildcards = 0;
  let prefix: string | null = null;
  let run = '';
  let longest = '';
  let literal = '';
  let depth = 0;
  const endRun = (): void => {
    if (run.length > longest.length) longest = run;
    run = '';
  };
  const wildcard = (source: string): void => {
    wildcards++;
    prefix ??= literal;
    endRun();
    regex += source;
  };
  const plain = (c: string): void => {
    regex += META.test(c) ? `\\${c}` : c;
    if (depth === 0) run += c;
    if (prefix === null) literal += c;
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '\\' && i + 1 < glob.length) {
      plain(glob[++i] as string);
    } else if (c === '*') {
      let stars = 1;
      while (glob[i + stars] === '*') stars++;
      const whole = (i === 0 || glob[i - 1] === '/') && (i + stars === glob.length || glob[i + stars] === '/');
      i += stars - 1;
      if (stars >= 2 && whole) {
        // `**/` any folders (none too), `/**` at the end: everything below (a folder glob: the folder itself too)
        if (glob[i + 1] === '/') {
          wildcard('(?:.*/)?');
          i++;
        } else if (i + 1 === glob.length && regex.endsWith('/')) {
          // the folder's own name before it is all that is literal: `packages/**` matches `packages` too
          regex = regex.slice(0, -1);
          if (run.endsWith('/')) run = run.slice(0, -1);
          if (prefix === null) literal = literal.slice(0, -1);
          wildcard(syntax === 'folder' ? '(?:/.*)?' : '/.*');
        } else wildcard('.*');
      } else wildcard('[^/]*');
    } else if (c === '?') {
      wildcard('[^/]');
    } else if (c === '[') {
      const cls = characterClass(glob, i);
      if (cls === null) plain(c);
      else {
        wildcard(cls.regex);
        i = cls.end;
      }
    } else if (syntax === 'folder' && c === '{' && closes(glob, i)) {
      depth++;
      wildcard('(?:');
    } else if (syntax === 'folder' && c === ',' && depth > 0) {
      regex += '|';
    } else if (syntax === 'folder' && c === '}' && depth > 0) {
      depth--;
      regex += ')';
    } else plain(c);
  }
  endRun();
  return { regex, wildcards, prefix: prefix ?? literal, longest, literal: wildcards === 0 ? literal : null };
}

/** Whether the brace at `at` has its closing brace (an unclosed one is a literal `{`, as in npm's matcher). */
function closes(glob: string, at: number): boolean {
  let depth = 0;
  for (let i = at; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return true;
  }
  return false;
}

/**
 * A `[…]` class at `at`, never matching `/` (`!` or `^` first negates it; `[:alpha:]` names pass through, as RE2
 * reads them); null when it is not closed, and then `[` is a literal.
 */
function characterClass(glob: string, at: number): { regex: string; end: number } | null {
  let i = at + 1;
  const negated = glob[i] === '!' || glob[i] === '^';
  if (negated) i++;
  let body = '';
  for (let first = true; i < glob.length; first = false, i++) {
    const c = glob[i] as string;
    if (c === ']' && !first) return { regex: negated ? `[^/${body}]` : body === '' ? '[^\\s\\S]' : `[${body}]`, end: i };
    if (c === '[' && glob[i + 1] === ':') {
      const close = glob.indexOf(':]', i + 2);
      if (close !== -1 && /^[a-z]+$/.test(glob.slice(i + 2, close))) {
        body += glob.slice(i, close + 2);
        i = close + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < glob.length) {
      const next = glob[++i] as string;
      if (next !== '/') body += /[\\\]^[-]/.test(next) ? `\\${next}` : next;
    } else if (c === '/') {
      // a class never matches a folder separator
    } else body += /[\\\]^[]/.test(c) ? `\\${c}` : c;
  }
  return null;
}

/** Why a glob (a leading `!` aside) cannot be used, in words that do not repeat it; null when it can. */
export function globProblem(source: string, syntax: GlobSyntax): string | null {
  try {
    compileGlob(source.replace(/^!/, ''), syntax);
    return null;
  } catch (error) {
    if (error instanceof GlobError) return error.message;
    throw error;
  }
}

/**
 * A gitignore-style list of globs, as `.gitignore` reads one: the last glob that matches a path decides, and a
 * `!` before one puts what it matches back out. A glob that cannot be used is left out, and told to `refused`
 * with the reason. Answers are not cached: callers that see paths again cache them.
 */
export function globList(patterns: readonly string[], refused: (glob: string, why: string) => void = () => undefined): (path: string) => boolean {
  const rules: Array<{ glob: Glob; negated: boolean }> = [];
  for (const written of patterns) {
    const negated = written.startsWith('!');
    try {
      rules.push({ glob: compileGlob(negated ? written.slice(1) : written, 'gitignore'), negated });
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      refused(written, error.message);
    }
  }
  return (path) => {
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i] as { glob: Glob; negated: boolean };
      if (rule.glob.test(path)) return !rule.negated;
    }
    return false;
  };
}

/**
 * The matcher of a `path:GLOB` slice written on the command line or in a gate (gitignore-style).
 * @throws ConfigError (exit 2) when the glob is past what one may cost, or empty
 */
export function pathSliceGlob(glob: string): (path: string) => boolean {
  try {
    const compiled = compileGlob(glob, 'gitignore');
    return (path) => compiled.test(path);
  } catch (error) {
    if (!(error instanceof GlobError)) throw error;
    throw new ConfigError(`path:${glob.slice(0, 40).replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}${glob.length > 40 ? '…' : ''} is not a glob flowaudit matches: ${error.message}`);
  }
}
