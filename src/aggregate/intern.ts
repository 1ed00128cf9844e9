
/** Keeps repeated strings and string lists once (authors, reviewers, check names, flags): many changes share them. */
export interface Interner {
  string(text: string): string;
  /** a shared, frozen list equal to `list`: never mutate it */
  list(list: readonly string[]): string[];
}

const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/**
 * An interner for one aggregate: across an organisation's changes the same authors, reviewers, check names
 * and flag lists repeat thousands of times, and each is then held once.
 */
export function createInterner(): Interner {
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const string = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  return {
    string,
    list: (list) => {
      if (list.length === 0) return EMPTY;
      // JSON, not a join: no separator is safe in untrusted text
      const key = JSON.stringify(list);
      let known = lists.get(key);
      if (!known) lists.set(key, (known = Object.freeze(list.map(string)) as unknown as string[]));
      return known;
    },
  };
}
