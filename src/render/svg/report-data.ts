import { STAGES, type StageName } from '../../domain.js';
import { percentile } from '../../metrics/percentile.js';
import type { Report, ReportChange } from '../../report.js';

/*
 * Pure figures the Markdown and HTML reports derive from a Report for their charts and tables. Anything the
 * report itself carries (summary.trend) wins over what is computed here.
 */

const HOUR = 3600;
const DAY = 86400;
const WEEK = 7 * DAY;

/** Type-7 p50 of the non-null values; null when there are none. */
export function p50(values: ReadonlyArray<number | null | undefined>): number | null {
  return percentile(values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b), 0.5);
}

/**
 * The changes behind the stage figures: syncs never count; bots count only when the report put them back
 * (`--include-bots`, seen as bot changes present with none left out).
 */
export function countedChanges(report: Report): ReportChange[] {
  const botsIn = report.summary.excluded.bots === 0;
  return report.changes.filter((ch) => ch.kind !== 'sync' && (botsIn || !ch.bot));
}

/** `url` when it is an absolute http(s) URL, normalised and safe inside Markdown link parentheses; else null. */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[()|<>"'`\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** One week of the trend: medians of the changes merged that week (Monday 00:00 UTC onwards). */
export interface TrendWeek {
  weekStart: string;
  leadTimeP50: number | null;
  /** cycle-time median, when known: stands in for lead time before anything deploys */
  cycleTimeP50?: number | null;
  stages: Partial<Record<StageName, number | null>>;
  changes?: number;
}

/** The shape of `summary.trend` this renderer reads (added by the audit; optional). */
interface SummaryTrend {
  weeks: TrendWeek[];
}

function isTrend(value: unknown): value is SummaryTrend {
  if (typeof value !== 'object' || value === null) return false;
  const weeks = (value as { weeks?: unknown }).weeks;
  return Array.isArray(weeks) && weeks.every((w) => typeof w === 'object' && w !== null && typeof (w as TrendWeek).weekStart === 'string');
}

/** Monday 00:00 UTC of the week holding `at` (epoch seconds). */
export function weekStartOf(at: number): number {
  const day = Math.floor(at / DAY);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday
  return (day - ((day + 3) % 7)) * DAY;
}

/**
 * Weekly medians (type 7) of lead time, cycle time and each stage over the changes merged in each week of
 * the window, empty weeks included (their figures null). Pure.
 */
export function weeklyTrend(changes: readonly ReportChange[], window: Report['window']): TrendWeek[] {
  const since = Date.parse(window.since) / 1000;
  const until = Date.parse(window.until) / 1000;
  if (!(until > since)) return [];
  const byWeek = new Map<number, ReportChange[]>();
  for (let w = weekStartOf(since); w < until; w += WEEK) byWeek.set(w, []);
  for (const ch of changes) byWeek.get(weekStartOf(Date.parse(ch.mergedAt) / 1000))?.push(ch);
  return [...byWeek].map(([w, list]) => ({
    weekStart: new Date(w * 1000).toISOString().slice(0, 10),
    leadTimeP50: p50(list.map((c) => c.leadTime)),
    cycleTimeP50: p50(list.map((c) => c.cycleTime)),
    stages: Object.fromEntries(STAGES.map((s) => [s, p50(list.map((c) => c.stages[s]))])),
    changes: list.length,
  }));
}

/** The report's own weekly series when it has one, else the one computed from its changes. */
export function trendOf(report: Report): { weeks: TrendWeek[]; computed: boolean } {
  const given = (report.summary as { trend?: unknown }).trend;
  // an empty series from a report that has changes is a report from before the trend was added
  if (isTrend(given) && (given.weeks.length > 0 || report.changes.length === 0)) return { weeks: given.weeks, computed: false };
  return { weeks: weeklyTrend(countedChanges(report), report.window), computed: true };
}

export interface Bucket {
  label: string;
  /** lower bound, seconds, inclusive */
  from: number;
  /** upper bound, seconds, exclusive; Infinity for the last */
  to: number;
  count: number;
}

// roughly doubling widths: delivery times spread over orders of magnitude
const EDGES: Array<[number, string]> = [
  [0, '< 1h'], [HOUR, '1–4h'], [4 * HOUR, '4–12h'], [12 * HOUR, '12h–1d'], [DAY, '1–2d'], [2 * DAY, '2–4d'],
  [4 * DAY, '4–7d'], [WEEK, '1–2w'], [2 * WEEK, '2–4w'], [4 * WEEK, '≥ 4w'],
];

/** Counts of durations (seconds) in log-ish buckets from under an hour to over four weeks; nulls left out. */
export function histogram(values: ReadonlyArray<number | null>): Bucket[] {
  const buckets = EDGES.map(([from, text], i) => ({ label: text, from, to: EDGES[i + 1]?.[0] ?? Infinity, count: 0 }));
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    const bucket = buckets.find((b) => v < b.to) ?? buckets[buckets.length - 1];
    if (bucket) bucket.count += 1;
  }
  return buckets;
}

export interface GroupStages {
  count: number;
  stages: Record<StageName, number | null>;
}

/** p50 of every stage for AI-assisted changes and for the rest (SPEC section 5: AI-assisted is a lower bound). */
export function aiByStage(changes: readonly ReportChange[]): { assisted: GroupStages; other: GroupStages } {
  const group = (list: ReportChange[]): GroupStages => ({
    count: list.length,
    stages: Object.fromEntries(STAGES.map((s) => [s, p50(list.map((c) => c.stages[s]))])) as Record<StageName, number | null>,
  });
  return { assisted: group(changes.filter((c) => c.aiAssisted)), other: group(changes.filter((c) => !c.aiAssisted)) };
}

/** The slowest counted changes by lead time (cycle time when not deployed), ties by id. */
export function slowestChanges(report: Report, limit = 5): ReportChange[] {
  const total = (ch: ReportChange): number => ch.leadTime ?? ch.cycleTime ?? -1;
  return countedChanges(report)
    .filter((ch) => total(ch) >= 0)
    .sort((a, b) => total(b) - total(a) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** The stage holding most of a change's time, or null when none is known. */
export function dominantStage(ch: ReportChange): StageName | null {
  let best: StageName | null = null;
  for (const s of STAGES) if ((ch.stages[s] ?? -1) > (best === null ? -1 : (ch.stages[best] ?? -1))) best = s;
  return best;
}

/** `09:00–17:00 on working days (Europe/Berlin)` when the report counts only business hours, else null. */
export function businessHours(report: Report): string | null {
  const b = (report as { businessHours?: { start?: unknown; end?: unknown; timezone?: unknown; days?: unknown } | null }).businessHours;
  if (!b || typeof b !== 'object') return null;
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const days = Array.isArray(b.days) ? b.days.map((d) => names[Number(d)] ?? String(d)).join(' ') : 'working days';
  return `${String(b.start ?? '')}–${String(b.end ?? '')}, ${days} (${String(b.timezone ?? 'UTC')})`;
}

/** The DORA figures' notes, each once, naming the keys it applies to: `Change failure rate: no deploy …`. */
export function doraNotes(figures: ReadonlyArray<readonly [string, { note?: string | undefined }]>): string[] {
  const byNote = new Map<string, string[]>();
  for (const [name, figure] of figures) if (figure.note) byNote.set(figure.note, [...(byNote.get(figure.note) ?? []), name]);
  return [...byNote].map(([note, names]) => `${names.join(', ')}: ${note}`);
}
