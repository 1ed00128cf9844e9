/*
 * The previous period as every format writes it (SPEC section 10): the window against the one of the same length
 * before it, a change written only where its 95% interval excludes 0 — otherwise the data cannot tell.
 */
import type { ComparedRow } from '../metrics/compared.js';
import type { Report } from '../report/schema.js';
import { andList, plural } from '../units.js';
import { comparedChange, comparedInterval, comparedValue, type DurationFormat } from './duration.js';
import { notTold } from './health.js';

export interface PreviousRow {
  label: string;
  before: string;
  now: string;
  /** `-9h (-14h … -3h), better`; `the data cannot tell`; `too few values to tell`; `no change` */
  change: string;
  direction: ComparedRow['direction'];
}

export interface PreviousView {
  /** `Against the previous period: 2025-11-23 → 2026-02-21 (62 changes, 17 deploys)` */
  title: string;
  /** the one line said, alone, when the history does not reach back over it (no figures) */
  uncovered: string | null;
  rows: PreviousRow[];
  /** said under the table: what a change written means, and the figures one of the periods could not give */
  note: string;
}

const day = (iso: string): string => iso.slice(0, 10);

/** The previous period of a report, ready to lay out; null when the report has none (several repositories). */
export function previousView(report: Report, days: DurationFormat): PreviousView | null {
  const p = report.summary.previous;
  if (p === undefined) return null;
  const span = `${day(p.since)} → ${day(p.until)}`;
  if (!p.covered) {
    // a branch cut from the default one since: its history back then is the default branch's, not its own
    const why = p.forked === undefined
      ? 'the history does not reach back to it'
      : `not compared: ${report.repository.branch} branched off ${p.forked.from} on ${day(p.forked.at)}, and until then its history is ${p.forked.from}'s`;
    return { title: 'Against the previous period', uncovered: `Previous period (${span}): ${why}`, rows: [], note: PREVIOUS_NOTE };
  }
  const rows = p.rows
    .filter((r) => r.direction !== null)
    // every row the report holds, each by the name the catalogue gives it (`metrics/compared.ts`)
    .map((r) => ({ label: r.label, before: comparedValue(r.before, r.unit, days), now: comparedValue(r.after, r.unit, days), change: changeText(r, days), direction: r.direction }));
  // a figure one period cannot give is no row, and said so: electron's three months lost their deploy wait and lead
  // time rows with no word, each a median the changes still waiting kept from being reached
  const missing = p.rows.filter((r) => r.direction === null).map((r) => r.label);
  const note = missing.length === 0 ? PREVIOUS_NOTE : `${PREVIOUS_NOTE} Not compared: ${andList(missing)}, which one of the periods does not give (a percentile not reached while changes still wait, or nothing to measure).`;
  return { title: `Against the previous period: ${span} (${plural(p.changes, 'change')}, ${plural(p.deploys, 'deploy')})`, uncovered: null, rows, note };
}

/** The change and its interval where the interval excludes 0; else what the data can say. */
function changeText(row: ComparedRow, days: DurationFormat): string {
  const { change, direction, interval } = row;
  if (direction === 'same') return 'no change';
  // a real interval that does not hold the change shown (a side still waiting) is not of that change: cannot tell
  if (direction !== 'better' && direction !== 'worse') return notTold(interval);
  const range = comparedInterval(interval.low, interval.high, row.unit, days);
  if (change === null || range === null) return 'the data cannot tell';
  return `${comparedChange(change, row.unit, days)} (${range}), ${direction}`;
}

/** Said under the table: what the interval is and why a change is not always written. */
const PREVIOUS_NOTE = 'A change is written only where its 95% interval (bootstrap) excludes 0.';
