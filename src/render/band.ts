import { catalogueEntries, type BandTable } from '../metrics/catalogue.js';
import { formatDuration } from '../units.js';

/*
 * A DORA band in the report's words: "low performer band (DORA 2024): over 30d", its range and the year of the
 * report it comes from read from the catalogue's band table, so a band's words and the band a value falls in come
 * from one table. A bare "(low)" beside a short lead time read as praise; a band without its year reads as
 * today's (the 2025 report has none).
 */

type Band = 'elite' | 'high' | 'medium' | 'low';
/** a DORA key as `summary.dora` names it; one without a band table (the rework rate) has no band words */
type Key = string;

const TABLES: ReadonlyMap<string, BandTable> = new Map(
  catalogueEntries().flatMap((e) => (e.bands === null ? [] : [[e.path.replace(/^dora\./, ''), e.bands] as const])),
);

const trim = (n: number): string => String(Number(n.toFixed(2)));

/** An edge in its key's unit: `7 a week`, `1 a month` (a rate under one a week), `1d`, `15%`. */
function edgeText(key: Key, value: number): string {
  if (key === 'deploymentFrequency') return value >= 1 ? `${trim(value)} a week` : `${trim((value * 52) / 12)} a month`;
  if (key === 'changeFailureRate') return `${trim(value * 100)}%`;
  return formatDuration(value);
}

/** The range of values a band covers, from the table's edges: `under 1d`, `1d to 7d`, `over 30d`. */
export function bandRange(key: Key, band: Band): string {
  const table = TABLES.get(key);
  if (table === undefined) return '';
  const edges = table.edges.map((e) => edgeText(key, e));
  const [best, worst] = table.better === 'lower' ? [table.inclusive ? 'at most' : 'under', table.inclusive ? 'over' : 'at least'] : [table.inclusive ? 'at least' : 'over', table.inclusive ? 'under' : 'at most'];
  if (band === 'elite') return `${best} ${edges[0] ?? ''}`;
  if (band === 'low') return `${worst} ${edges[2] ?? ''}`;
  const [from, to] = band === 'high' ? [edges[0], edges[1]] : [edges[1], edges[2]];
  return table.better === 'lower' ? `${from ?? ''} to ${to ?? ''}` : `${to ?? ''} to ${from ?? ''}`;
}

/** A band as the report writes it: `low performer band (DORA 2024): over 30d`; '' when the key has no band. */
export function bandText(key: Key, band: Band | null | undefined): string {
  const table = TABLES.get(key);
  if (!band || table === undefined) return '';
  return `${band} performer band (DORA ${table.year}): ${bandRange(key, band)}`;
}
