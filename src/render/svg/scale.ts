import type { StageName } from '../../domain.js';

const M = 60;
const H = 3600;
const D = 86400;
/** tick steps a reader can add up: minutes, hours, days, weeks */
const DURATION_STEPS = [M, 5 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 3 * D, 7 * D, 14 * D, 28 * D, 56 * D, 91 * D, 182 * D, 364 * D];

export interface Ticks {
  /** the axis end: the last tick, at or above the largest value */
  max: number;
  ticks: number[];
}

/** Axis ticks for durations in seconds: at most `most` steps of a round unit from 0 up past `max`. */
export function durationTicks(max: number, most = 5): Ticks {
  if (!(max > 0)) return { max: H, ticks: [0, H] };
  const step = DURATION_STEPS.find((s) => max / s <= most) ?? Math.ceil(max / most / D) * D;
  const count = Math.max(1, Math.ceil(max / step));
  return { max: step * count, ticks: Array.from({ length: count + 1 }, (_, i) => i * step) };
}

/** Axis ticks for counts: whole numbers, at most `most` steps. */
export function countTicks(max: number, most = 4): Ticks {
  if (!(max > 0)) return { max: 1, ticks: [0, 1] };
  const raw = max / most;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  const count = Math.ceil(max / step);
  return { max: step * count, ticks: Array.from({ length: count + 1 }, (_, i) => i * step) };
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
