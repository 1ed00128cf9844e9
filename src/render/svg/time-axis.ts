import { CHART_WIDTH, el, label, textWidth } from './svg.js';

const DAY = 86400;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface TimeTick {
  /** epoch seconds */
  at: number;
  label: string;
}

/**
 * Ticks for a time axis from `start` to `end` (epoch seconds, UTC) `width` px long: month starts over long
 * spans — every month, or every 2nd, 3rd, 6th or 12th, the fewest skipped so that no two labels touch, always
 * the same months (quarters start in Jan, Apr, Jul, Oct) — and every Monday, or every 2nd …, over a few weeks.
 * The sequence stays regular: no tick is dropped from it to make room.
 */
export function timeTicks(start: number, end: number, width: number): TimeTick[] {
  if (!(end > start)) return [];
  const fits = (ticks: readonly TimeTick[]): boolean =>
    ticks.every((t, i) => i === 0 || ((t.at - (ticks[i - 1] as TimeTick).at) / (end - start)) * width >= (textWidth(t.label) + textWidth((ticks[i - 1] as TimeTick).label)) / 2 + 8);
  if (end - start <= 70 * DAY) {
    const firstMonday = Math.ceil((start / DAY - 4) / 7) * 7 + 4;
    const mondays: number[] = [];
    for (let day = firstMonday; day * DAY <= end; day += 7) mondays.push(day * DAY);
    return pick([1, 2, 3, 4, 6, 8], (every) => mondays.filter((_, i) => i % every === 0).map((at) => ({ at, label: dayLabel(at) })), fits);
  }
  const first = new Date(start * 1000);
  const months: Array<{ at: number; index: number }> = [];
  for (let index = first.getUTCFullYear() * 12 + first.getUTCMonth() + 1; ; index++) {
    const at = Date.UTC(Math.floor(index / 12), index % 12, 1) / 1000;
    if (at > end) break;
    months.push({ at, index });
  }
  return pick([1, 2, 3, 6, 12, 24, 60], (step) => {
    const kept = months.filter((m) => m.index % step === 0);
    // the first label and each January carry the year
    return kept.map((m, i) => ({ at: m.at, label: i === 0 || m.index % 12 === 0 ? `${MONTHS[m.index % 12] ?? ''} ${Math.floor(m.index / 12)}` : (MONTHS[m.index % 12] ?? '') }));
  }, fits);
}

function pick(steps: readonly number[], ticksFor: (step: number) => TimeTick[], fits: (ticks: readonly TimeTick[]) => boolean): TimeTick[] {
  for (const step of steps) {
    const ticks = ticksFor(step);
    if (fits(ticks)) return ticks;
  }
  return ticksFor(steps.at(-1) ?? 1);
}

/** `Mar 2` from epoch seconds (UTC). */
export function dayLabel(at: number): string {
  const d = new Date(at * 1000);
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCDate()}`;
}

/**
 * The ticks drawn: a short grid line from `y0` to `y1` at each and its label below `y1`, kept inside the chart
 * (a label near an edge is anchored to that edge rather than cut off).
 */
export function drawTimeTicks(ticks: readonly TimeTick[], x: (at: number) => number, y0: number, y1: number): string[] {
  return ticks.map((t) => {
    const at = x(t.at);
    const half = textWidth(t.label) / 2;
    const anchor = at + half > CHART_WIDTH ? 'end' : at - half < 0 ? 'start' : 'middle';
    return el('line', { x1: at, x2: at, y1: y0, y2: y1, class: 'grid' }) + label(at, y1 + 15, t.label, { 'text-anchor': anchor, class: 'muted' });
  });
}
