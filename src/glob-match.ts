/*
 * The matcher of the globs most repositories write (`packages/*`, `**\/logs`, `*.md`, `/docs/**`): names of
 * literal characters, `*` and `?`, and `**` for any number of names. It runs the glob as a set of states, one per
 * name of the glob, over the path's names (a Thompson simulation): no choice is ever tried twice, so its time is
 * at most the path's names times the glob's, each name matched by the one-star-back wildcard algorithm (at most
 * the product of the two names' lengths). Globs with character classes or braces, and very long paths, go to
 * RE2 instead (src/glob.ts); both read a glob the same way.
 */

/** Within a name: any run of characters (`*`), or any one (`?`); any other token is that character. */
export const STAR = 0;
export const ONE = 1;
export type NameToken = string | typeof STAR | typeof ONE;

/** One name of a glob: its tokens, or null for `**` (any number of names, none too). */
export type GlobName = readonly NameToken[] | null;

/**
 * Where a match may end, in names of the path: `exact` at its last; `here-or-below` at any (a folder matched
 * takes in what it holds); `below` before its last (a folder only); `child` just before its last (the files
 * directly in a folder).
 */
export type GlobEnd = 'exact' | 'here-or-below' | 'below' | 'child';

/** The names of a glob's body (`\` escapes and classes are RE2's): `**` whole between slashes is any depth. */
export function globNames(body: string): GlobName[] {
  return body.split('/').map((part) => {
    if (/^\*\*+$/.test(part)) return null;
    const tokens: NameToken[] = [];
    // by UTF-16 unit, as names are compared
    for (let i = 0; i < part.length; i++) {
      const c = part[i] as string;
      if (c === '*') {
        if (tokens.at(-1) !== STAR) tokens.push(STAR);
      } else tokens.push(c === '?' ? ONE : c);
    }
    return tokens;
  });
}

/** Whether `path` matches the glob's names, its match ending where `end` allows. */
export function matchNames(names: readonly GlobName[], end: GlobEnd, path: string): boolean {
  const parts = path.split('/');
  const last = names.length;
  const first = new Uint8Array(last + 1);
  first[0] = 1;
  let states = close(names, first);
  for (let k = 1; k <= parts.length; k++) {
    const part = parts[k - 1] as string;
    const next = new Uint8Array(last + 1);
    let any = false;
    for (let s = 0; s < last; s++) {
      if (states[s] === 0) continue;
      const name = names[s] as GlobName;
      if (name === null) {
        next[s] = 1;
        any = true;
      } else if (matchName(name, part)) {
        next[s + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    states = close(names, next);
    if (states[last] === 1) {
      if (end === 'here-or-below') return true;
      if (end === 'below' && k < parts.length) return true;
      if (end === 'child' && k === parts.length - 1) return true;
      if (end === 'exact' && k === parts.length) return true;
    }
  }
  return false;
}

/** The states with every `**` also passed over (it matches no name too). */
function close(names: readonly GlobName[], states: Uint8Array): Uint8Array {
  for (let s = 0; s < names.length; s++) if (states[s] === 1 && names[s] === null) states[s + 1] = 1;
  return states;
}

/**
 * Whether one name matches a name pattern: the wildcard algorithm that, on a mismatch, takes back only what the
 * last `*` took (never an earlier one's), so its time is at most the product of the two lengths.
 */
export function matchName(tokens: readonly NameToken[], name: string): boolean {
  let t = 0;
  let i = 0;
  let star = -1;
  let resume = 0;
  while (i < name.length) {
    const token = tokens[t];
    if (t < tokens.length && token !== STAR && (token === ONE || token === name[i])) {
      t++;
      i++;
    } else if (token === STAR) {
      star = t++;
      resume = i;
    } else if (star !== -1) {
      t = star + 1;
      i = ++resume;
    } else return false;
  }
  while (tokens[t] === STAR) t++;
  return t === tokens.length;
}
