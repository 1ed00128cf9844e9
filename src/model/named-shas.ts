/**
 * The commits messages name by sha (`(cherry picked from commit X)`, `Cherry-picked from main (abc1234)`), whole or
 * abbreviated: which of the names a commit's full sha answers to. git's `-x` writes the whole sha, people and bots
 * often 7 to 12 of its digits.
 */
export interface NamedShas {
  /** no name at all: most histories name none */
  readonly size: number;
  /** the names `sha` (a full sha) answers to: itself, and each abbreviation of it among the names */
  namesOf(sha: string): string[];
}

const SHORTEST = 7;

export function namedShas(names: Iterable<string>): NamedShas {
  const whole = new Set<string>();
  // abbreviations by their first seven digits, so a sha looks at a handful of them, not at every one
  const short = new Map<string, string[]>();
  for (const name of names) {
    whole.add(name);
    if (name.length >= SHORTEST && name.length < 40) {
      const key = name.slice(0, SHORTEST);
      const same = short.get(key);
      if (same === undefined) short.set(key, [name]);
      else if (!same.includes(name)) same.push(name);
    }
  }
  const size = whole.size;
  return {
    size,
    namesOf(sha: string): string[] {
      if (size === 0) return [];
      const found = whole.has(sha) ? [sha] : [];
      for (const name of short.get(sha.slice(0, SHORTEST)) ?? []) if (name !== sha && sha.startsWith(name)) found.push(name);
      return found;
    },
  };
}
