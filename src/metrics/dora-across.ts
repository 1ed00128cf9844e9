/*
 * The DORA keys of a report over several repositories (SPEC section 4). Pooled percentiles stay (lead time is over
 * every change at once), but deployment frequency, change failure rate and recovery time are each repository's
 * own: summed across repositories, three placed high, low and medium once read "2.05 per week … high" — a place
 * none of them holds. The whole is their distribution: the median repository's value, and how many repositories
 * stand at each position against the 2024 clusters, in words (each repository's own is in its row). Lead time keeps
 * its pooled value and is placed the same way: by its repositories, never as a whole.
 */
import type { Dora, DoraFigure } from './schema.js';
import { median } from './percentile.js';
import { catalogueEntries, CLUSTERS } from './catalogue.js';
import { positionParts } from './clusters.js';

/** The keys a repository measures on its own deploys: the catalogue's `perRepository` DORA keys. */
const OWN = catalogueEntries().flatMap((e) => (e.perRepository && e.segments[0] === 'dora' ? [e.segments[1] as Exclude<keyof Dora, 'leadTime'>] : []));

/**
 * `whole`'s DORA keys with deployment frequency, change failure rate and recovery time replaced by the
 * repositories' distribution (`each`: every repository's own keys, as its row has them). Pure.
 */
export function doraAcross(whole: Dora, each: readonly Dora[]): Dora {
  const out: Dora = { ...whole };
  for (const key of OWN) {
    const figures = each.map((d) => d[key]);
    const measured = figures.filter((f) => f.value !== null);
    const value = median(measured.map((f) => f.value));
    // the whole's own note was of its pooled figure: the position says what this one is
    // how each repository stands is in its row: the whole says how many lie where, in words
    const across: Pick<DoraFigure, 'value' | 'band' | 'position'> & { repositories: number } = {
      value,
      band: null,
      position: positionsText(measured, each.length),
      repositories: measured.length,
    };
    if (key === 'deploymentFrequency') {
      const { note: _n, repositories: _r, ...rest } = whole.deploymentFrequency;
      const days = median(each.map((d) => d.deploymentFrequency.deployDaysPerWeek));
      // the pooled releases of several repositories are no repository's
      out.deploymentFrequency = { ...rest, ...across, deployDaysPerWeek: days, releases: null, releasesPerWeek: null };
    } else {
      const { note: _n, repositories: _r, ...rest } = whole[key];
      out[key] = { ...rest, ...across };
    }
  }
  // lead time stays the percentile over every change of every repository (section 6), but its place is each
  // repository's own: an elite repository's 12h beside a medium one's 10d pool to a median of days, the high
  // cluster, which neither holds. A repository whose median is not reached (most changes still waiting) is placed
  // by its bound, as its row is
  const leads = each.map((d) => d.leadTime).filter((f) => f.value !== null || (f.position ?? null) !== null);
  out.leadTime = { ...whole.leadTime, band: null, position: positionsText(leads, each.length) };
  return out;
}

/** How many repositories stand at each position, best cluster first (those no cluster holds after). */
function positionsOf(figures: readonly DoraFigure[]): Array<{ position: string; band: DoraFigure['band']; repositories: number }> {
  const groups = new Map<string, { position: string; band: DoraFigure['band']; repositories: number; value: number }>();
  for (const f of figures) {
    const position = f.position ?? '';
    const group = groups.get(position);
    if (group) group.repositories++;
    else groups.set(position, { position, band: f.band, repositories: 1, value: f.value ?? 0 });
  }
  // best cluster first, then the positions no cluster holds, those with no band at all last
  const rank = (g: { band: DoraFigure['band']; position: string }): number => (g.band !== null ? CLUSTERS.indexOf(g.band) : g.position === '' ? CLUSTERS.length + 1 : CLUSTERS.length);
  return [...groups.values()]
    .sort((a, b) => rank(a) - rank(b) || a.value - b.value)
    .map(({ position, band, repositories }) => ({ position, band, repositories }));
}

/**
 * `3 of 3 repositories, each on its own (DORA 2024): 1 high · 1 medium · 1 low`; a position no cluster holds (a
 * change failure rate's) in its words: `2 at or under the elite cluster’s 5%`; a figure given no band (every merge
 * a deploy: there is no deploy to measure; business hours) `1 with no band`, its reason in the repository's row.
 * Said where one position was.
 */
function positionsText(figures: readonly DoraFigure[], of: number): string | null {
  if (figures.length === 0) return null;
  // a figure placed by a bound (a lead time whose median is not reached; no deploy in a short window): "the low
  // cluster's “…”, or over it" (or "under it") reads "in …"
  const words = (g: { position: string; band: DoraFigure['band'] }): string => g.band ?? (g.position === '' ? 'with no band' : (positionParts(g.position)?.place ?? g.position).replace(/^the /, 'in the '));
  const groups = positionsOf(figures).map((g) => `${g.repositories} ${words(g)}`);
  const year = positionParts(figures.find((f) => f.position)?.position ?? '')?.year;
  return `${figures.length} of ${of} repositories, each on its own${year === undefined ? '' : ` (DORA ${year})`}: ${groups.join(' · ')}`;
}
