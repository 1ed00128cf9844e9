import type { StageName } from '../../domain.js';
import { largest, smallest } from '../../lists.js';

const M = 60;
const H = 3600;
const D = 86400;

/** An axis: where each value falls (0 at the start, 1 at the end, clamped) and the ticks to draw. */
export interface Scale {
  ticks: number[];
  at(value: number): number;
}

/** Axis ticks for counts: whole numbers, at most `most` steps from 0 to at or above `max`. */
function countTicks(max: number, most = 4): { max: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, ticks: [0, 1] };
  const raw = max / most;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  const count = Math.ceil(max / step);
  return { max: step * count, ticks: Array.from({ length: count + 1 }, (_, i) => i * step) };
}

/** A linear count axis from 0 to a round number at or above `max`. */
export function countScale(max: number, most = 4): Scale {
  const { max: end, ticks } = countTicks(max, most);
  return { ticks, at: (v) => clamp(v / end) };
}

/**
 * A linear ratio axis (0–1) from 0 to a round percentage at or above `max`, its ticks at whole percentages (10%,
 * 20%): a ratio is drawn as the report holds it and its ticks written by the ratio writer, never scaled to 100.
 */
export function ratioScale(max: number, most = 4): Scale {
  const { max: end, ticks } = countTicks(Math.min(1, max) * 100, most);
  return { ticks: ticks.map((t) => t / 100), at: (v) => clamp((v * 100) / end) };
}

// durations a reader adds up without thinking: a minute, an hour, a day, a week, a month, a year
const LOG_TICKS = [1, 10, M, 10 * M, H, 6 * H, D, 7 * D, 30 * D, 365 * D, 3650 * D];
const MINOR = new Set([10, 10 * M, 6 * H]);

/**
 * A logarithmic duration axis (seconds) from a round duration at or below the smallest positive value to one at
 * or above the largest: medians of minutes and p90s of months stay readable side by side. 0 falls at the start.
 */
export function logDurationScale(values: readonly number[]): Scale {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const max = Math.max(M, largest(positive));
  const min = Math.min(max, smallest(positive));
  const lo = [...LOG_TICKS].reverse().find((t) => t <= min) ?? 1;
  const hi = LOG_TICKS.find((t) => t >= max) ?? max;
  let ticks = LOG_TICKS.filter((t) => t >= lo && t <= hi);
  if (ticks.length > 6) ticks = ticks.filter((t, i) => i === 0 || i === ticks.length - 1 || !MINOR.has(t));
  const span = Math.log(hi / lo);
  // a log axis has no 0: where a value is 0 the axis starts with a step of its own for it, marked 0
  const floor = values.some((v) => v === 0) ? ZERO_STEP : 0;
  return { ticks: floor > 0 ? [0, ...ticks] : ticks, at: (v) => (v <= 0 ? 0 : floor + (1 - floor) * (v <= lo ? 0 : clamp(Math.log(v / lo) / span))) };
}

/** the share of a log axis given to 0, below its smallest round duration */
const ZERO_STEP = 0.1;

/**
 * Counts that run from 0 to thousands (changes per deploy): log10(1 + n) from 0 up to `max`, ticks at the round
 * counts (0, 1, 2, 5, 10, 20, 50 …) up to it; thin them with `thinTicks`.
 */
export function logCountScale(max: number): Scale {
  const top = Math.max(1, max);
  const ticks = [0];
  for (let magnitude = 1; magnitude <= top; magnitude *= 10) for (const m of [1, 2, 5]) if (m * magnitude <= top) ticks.push(m * magnitude);
  const span = Math.log10(1 + top);
  return { ticks, at: (v) => clamp(Math.log10(1 + Math.max(0, v)) / span) };
}

/** Ticks thinned, ends kept, until neighbours are at least `gap` px apart on an axis `length` px long. */
export function thinTicks(scale: Scale, length: number, gap: number): number[] {
  const close = (a: number, b: number): boolean => Math.abs(scale.at(b) - scale.at(a)) * length < gap;
  let ticks = [...scale.ticks];
  while (ticks.length > 2 && ticks.some((t, i) => i > 0 && close(ticks[i - 1] as number, t))) {
    const last = ticks.at(-1) as number;
    const kept = ticks.filter((_, i) => i % 2 === 0);
    if (kept.at(-1) !== last) {
      if (kept.length > 1 && close(kept.at(-1) as number, last)) kept.pop();
      kept.push(last);
    }
    ticks = kept;
  }
  return ticks;
}

function clamp(v: number): number {
  return Math.min(1, Math.max(0, v));
}

/**
 * Stage colours (Okabe–Ito, safe for the common colour-vision deficiencies), legible on light and dark
 * backgrounds and in greyscale print by their order of lightness.
 */
export const STAGE_COLOURS: Record<StageName, string> = {
  coding: '#0072b2',
  pickup: '#e69f00',
  review: '#cc79a7',
  merge: '#009e73',
  deploy: '#56b4e9',
};

// the text colour, so the headline series reads on any background
export const LEAD_COLOUR = 'currentColor';
export const AI_COLOUR = '#d55e00';
export const OTHER_COLOUR = '#7f7f7f';
/** a failed deploy, a growing queue: the one alarm colour */
export const FAIL_COLOUR = '#cf222e';
export const ACCENT_COLOUR = '#0072b2';

/** Black or white, whichever reads better on a `#rrggbb` fill (WCAG relative luminance). */
export function inkOn(fill: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return '#000';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.2 ? '#000' : '#fff';
}
