/** What a deploy says of the release it is part of: when (epoch seconds), of which product, at which commit, of which repository. */
export interface ReleasedBy {
  at: number;
  product?: string | undefined;
  sha?: string | undefined;
  repository?: string | undefined;
}

/**
 * The releases among the deploys of several products, each at the time of its first deploy: the products' deploys
 * at one commit are one release (react-router tags its 11 packages together: 75 deploys in 12 releases, whose sum
 * read "high, between once per day and once per week" beside 0.63 deploy-days a week and products each medium).
 * Null for the deploys of one product, whose deploys are its releases (a deploy of a commit deployed before is one
 * more), or when a deploy's commit is not known (reports aggregated).
 */
export function releaseTimes(deploys: readonly ReleasedBy[]): number[] | null {
  const products = new Set(deploys.map((d) => d.product));
  if (products.size < 2 || deploys.some((d) => d.sha === undefined)) return null;
  const first = new Map<string, number>();
  for (const d of deploys) {
    const key = `${d.repository ?? ''}\u0000${d.sha ?? ''}`;
    const known = first.get(key);
    if (known === undefined || d.at < known) first.set(key, d.at);
  }
  return [...first.values()];
}

/**
 * The times deployment frequency is counted at, as its DORA cluster is placed (SPEC section 4): the releases of a
 * repository of several products, every deploy of one. What its comparisons (the previous period, `compare`, the
 * AI shift) and its trend resample, so that a row never compares tags where the cluster counts releases.
 */
export function placingTimes(deploys: readonly ReleasedBy[]): number[] {
  return releaseTimes(deploys) ?? deploys.map((d) => d.at);
}
