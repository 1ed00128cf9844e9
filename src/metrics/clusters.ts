/*
 * A DORA key against the 2024 clusters as published (SPEC section 4), in the words the report writes in every
 * format: a range key (deployment frequency, lead time, recovery time) named with the cluster whose published
 * range holds it ("DORA 2024: high cluster, between one day and one week"), or the published ranges it falls between
 * or past; the change failure rate, published as one value per cluster and not in cluster order, with the published
 * values it lies between ("DORA 2024: between the elite cluster’s 5% and the medium cluster’s 10%"). Never a band
 * the report did not publish. The values are the catalogue's (`metrics/catalogue.ts`).
 */
import { CLUSTERS, type BandTable, type Cluster, type PublishedValue } from './catalogue.js';

// a ratio of 3/20 must meet a published 15%
const EPSILON = 1e-9;

/** Where a value stands: the cluster whose published range holds it (range keys only), and the words. */
export interface ClusterPosition {
  cluster: Cluster | null;
  words: string;
}

interface Named {
  names: Cluster[];
  value: PublishedValue;
}

/** The clusters with the same published words, named together: `high and medium clusters`. */
function named(table: BandTable, clusters: readonly Cluster[]): Named[] {
  const groups: Named[] = [];
  for (const cluster of clusters) {
    const value = table.published[CLUSTERS.indexOf(cluster)] as PublishedValue;
    const same = groups.find((g) => g.value.words === value.words && g.value.from === value.from && g.value.to === value.to);
    if (same) same.names.push(cluster);
    else groups.push({ names: [cluster], value });
  }
  return groups;
}

const and = (names: readonly string[]): string => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`);
/** `the high cluster's`, `the high and medium clusters'` */
const whose = (g: Named): string => `the ${and(g.names)} ${g.names.length > 1 ? 'clusters’' : 'cluster’s'}`;
/** a range's words quoted where the sentence runs on, a single value as it is */
const quoted = (table: BandTable, words: string): string => (table.kind === 'values' ? words : `“${words}”`);

function holds(v: PublishedValue, x: number): boolean {
  const above = v.from === null || x >= v.from - EPSILON;
  const under = v.to === null || (v.below ? x < v.to - EPSILON : x <= v.to + EPSILON);
  return above && under;
}

/** `DORA 2024: `, what every position's words start with: the year of the clusters they are placed against. */
const prefixOf = (year: number): string => `DORA ${year}: `;
const PREFIX = /^DORA (\d{4}): /;

/**
 * A position's words read back as the year of its clusters and the place it names (`the high cluster, …`), for
 * a sentence over several repositories' positions (`dora-across.ts`), which has their words only: a report's
 * rows keep none of the place apart. Null for words this module did not write. Pure.
 */
export function positionParts(words: string): { year: number; place: string } | null {
  const m = PREFIX.exec(words);
  return m === null ? null : { year: Number(m[1]), place: words.slice(m[0].length) };
}

/** Where `value` stands against the table's published clusters. Pure. */
export function clusterPosition(table: BandTable, value: number): ClusterPosition {
  const prefix = prefixOf(table.year);
  const holders = CLUSTERS.filter((c) => holds(table.published[CLUSTERS.indexOf(c)] as PublishedValue, value));
  if (table.kind === 'range' && holders.length > 0) {
    const best = named(table, holders)[0] as Named;
    return { cluster: best.names[0] ?? null, words: `${prefix}${and(best.names)} cluster${best.names.length > 1 ? 's' : ''}, ${best.value.words}` };
  }
  // the published values below the value and above it, nearest first
  const all = named(table, CLUSTERS);
  const lowEnd = (g: Named): number => g.value.from ?? -Infinity;
  const highEnd = (g: Named): number => g.value.to ?? Infinity;
  const below = all.filter((g) => !holds(g.value, value) && highEnd(g) <= value + EPSILON).sort((a, b) => highEnd(b) - highEnd(a));
  const above = all.filter((g) => !holds(g.value, value) && lowEnd(g) >= value - EPSILON).sort((a, b) => lowEnd(a) - lowEnd(b));
  const at = all.filter((g) => holds(g.value, value));
  const under = below[0];
  const over = above[0];
  if (table.kind === 'values' && at.length > 0) {
    const g = at[0] as Named;
    // the best value published, met or bettered
    const first = under === undefined && table.better === 'lower';
    return { cluster: null, words: `${prefix}${first ? 'at or under' : 'at'} ${whose(g)} ${g.value.words}` };
  }
  if (under !== undefined && over !== undefined) return { cluster: null, words: `${prefix}between ${whose(under)} ${quoted(table, under.value.words)} and ${whose(over)} ${quoted(table, over.value.words)}` };
  if (under !== undefined) return { cluster: null, words: `${prefix}over ${whose(under)} ${quoted(table, under.value.words)}` };
  if (over !== undefined) return { cluster: null, words: `${prefix}${table.kind === 'values' && table.better === 'lower' ? 'at or under' : 'under'} ${whose(over)} ${quoted(table, over.value.words)}` };
  return { cluster: null, words: '' };
}

/**
 * Where a value known only to be at least `bound` stands (a median lead time more than half of whose changes
 * still wait): the worst cluster, or past it, when no better one can hold it; null when the bound cannot tell.
 */
export function clusterAtLeast(table: BandTable, bound: number): ClusterPosition | null {
  if (table.better !== 'lower' || table.kind !== 'range') return null;
  const worst = named(table, CLUSTERS).at(-1) as Named;
  if (worst.value.from === null || bound < worst.value.from - EPSILON) return null;
  return { cluster: null, words: `${prefixOf(table.year)}${whose(worst)} ${quoted(table, worst.value.words)}, or over it` };
}

/**
 * Where a rate known only to be under `bound` stands (no deploy in a window shorter than the worst cluster's
 * slowest pace: none in 90 days may still be one every six months): the worst cluster, or under it, when the worst
 * cluster can hold a rate under the bound; null when it cannot (the position of the value itself then holds).
 */
export function clusterUnder(table: BandTable, bound: number): ClusterPosition | null {
  if (table.better !== 'higher' || table.kind !== 'range') return null;
  const worst = named(table, CLUSTERS).at(-1) as Named;
  if (worst.value.from === null || bound <= worst.value.from + EPSILON) return null;
  return { cluster: null, words: `${prefixOf(table.year)}${whose(worst)} ${quoted(table, worst.value.words)}, or under it` };
}
