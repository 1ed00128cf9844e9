import { STAGES } from '../domain.js';
import type { Report } from '../report/schema.js';
import { cell } from './csv.js';

const TREND_COLUMNS = [
  'period', 'start', 'end', 'partial', 'complete', 'changes', 'waiting', 'deploys', 'failedDeploys', 'deploymentFrequency',
  'changeFailureRate', 'timeToRestoreP50', 'leadTimeP50', 'leadTimeAtLeast', 'cycleTimeP50', ...STAGES, 'deployAtLeast',
] as const;

/**
 * One row per period of the trend (week, or month past 26 weeks): every key, durations in seconds, rates per week,
 * ratios 0–1; a bound in its own column (`leadTimeAtLeast`), never in the value's. `partial` or not `complete`:
 * an incomplete period, which no comparison reads.
 */
export function renderTrendsCsv(report: Report): string {
  const period = report.summary.trend.period ?? 'week';
  const rows = (report.summary.trend.periods ?? []).map((p) => {
    const values: Record<string, unknown> = { ...p, ...p.stages, period };
    return TREND_COLUMNS.map((col) => cell(values[col])).join(',');
  });
  return [TREND_COLUMNS.join(','), ...rows].map((r) => `${r}\r\n`).join('');
}

const PREVIOUS_COLUMNS = ['figure', 'key', 'unit', 'before', 'now', 'change', 'low', 'high', 'verdict', 'sampleBefore', 'sampleNow', 'previousSince', 'previousUntil'] as const;

/**
 * The window against the previous one, one row per figure: the change and its 95% interval only where the
 * interval excludes 0 (`verdict` better or worse), else empty with `the data cannot tell`. No row when the history
 * does not reach back over the previous window (the JSON's `covered` says so).
 */
export function renderPreviousCsv(report: Report): string {
  const p = report.summary.previous;
  const rows = (p?.covered ? p.rows : []).map((r) => {
    const real = r.direction === 'better' || r.direction === 'worse';
    const verdict = r.direction === null ? 'not measured' : r.direction === 'uncertain' ? 'the data cannot tell' : r.direction;
    return [r.label, r.key, r.unit, r.before, r.after, real ? r.change : null, real ? r.interval.low : null, real ? r.interval.high : null, verdict, r.sample.before, r.sample.after, p?.since, p?.until].map(cell).join(',');
  });
  return [PREVIOUS_COLUMNS.join(','), ...rows].map((r) => `${r}\r\n`).join('');
}
