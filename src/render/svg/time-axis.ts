import { CHART_WIDTH, el, label, textWidth } from './svg.js';

const DAY = 86400;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface TimeTick {
  /** epoch seconds */
  at: number;
  label: string;
}

/** The least room between two labels of a time axis, px. */
const LABEL_GAP = 8;

/**
 * Ticks for a time axis from `start` to `end` (epoch seconds, UTC), placed in the chart by `x`: month starts over
 * long spans — every month, or every 2nd, 3rd, 6th or 12th, the fewest skipped so that no two labels touch, always
 * the same months (quarters start in Jan, Apr, Jul, Oct) — and every Monday, or every 2nd …, over a few weeks.
 * The sequence stays regular: no tick is dropped from it to make room. Labels are measured where `drawTimeTicks`
 * draws them: one near the chart's edge runs inwards from its tick (pi-hole's "May 2025", three days into the
 * window, had been measured centred and was drawn against "Jun").
 */
export function timeTicks(start: number, end: number, x: (at: number) => number): TimeTick[] {
  if (!(end > start)) return [];
  const fits = (ticks: readonly TimeTick[]): boolean =>
    ticks.every((t, i) => {
      const before = ticks[i - 1];
      return before === undefined || labelSpan(x(before.at), before.label).to + LABEL_GAP <= labelSpan(x(t.at), t.label).from;
    });
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
 * Where a tick's label at `at` (px) lies, and how it is anchored there: centred on its tick, or, where that would
 * leave the chart, running inwards from the tick so that it stays whole.
 */
export function labelSpan(at: number, text: string): { from: number; to: number; anchor: 'start' | 'middle' | 'end' } {
  const width = textWidth(text);
  if (at + width / 2 > CHART_WIDTH) return { from: at - width, to: at, anchor: 'end' };
  if (at - width / 2 < 0) return { from: at, to: at + width, anchor: 'start' };
  return { from: at - width / 2, to: at + width / 2, anchor: 'middle' };
}

/** The ticks drawn: a short grid line from `y0` to `y1` at each and its label below `y1`, placed as `labelSpan` says. */
export function drawTimeTicks(ticks: readonly TimeTick[], x: (at: number) => number, y0: number, y1: number): string[] {
  return ticks.map((t) => {
    const at = x(t.at);
    return el('line', { x1: at, x2: at, y1: y0, y2: y1, class: 'grid' }) + label(at, y1 + 15, t.label, { 'text-anchor': labelSpan(at, t.label).anchor, class: 'muted' });
  });
}
