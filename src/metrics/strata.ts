/**
 * Over several repositories the AI comparison and its defects compare within each repository (Mantel–Haenszel's
 * weights): the strata are the repositories.
 */

/**
 * The items by their repository, in the order of its name, each repository's split in two by `first`: [those it
 * holds, the rest]. Null when they are all of one repository (or none names one): then there is nothing to weigh.
 */
export function byRepository<T extends { repository?: string }>(items: readonly T[], first: (item: T) => boolean): Array<[T[], T[]]> | null {
  if (!severalRepositories(items)) return null;
  const by = new Map<string, [T[], T[]]>();
  for (const item of items) {
    const name = item.repository ?? '';
    let pair = by.get(name);
    if (pair === undefined) by.set(name, (pair = [[], []]));
    pair[first(item) ? 0 : 1].push(item);
  }
  return [...by.keys()].sort().map((name) => by.get(name) as [T[], T[]]);
}

/**
 * Whether the items of these lists name more than one repository: a look at each, nothing made, so that a report of
 * one repository (every single-repository report) pays no grouping for a comparison it does not weigh.
 */
export function severalRepositories(...lists: ReadonlyArray<ReadonlyArray<{ repository?: string }>>): boolean {
  let name: string | undefined;
  for (const list of lists) {
    for (const item of list) {
      const own = item.repository ?? '';
      if (name === undefined) name = own;
      else if (own !== name) return true;
    }
  }
  return false;
}
