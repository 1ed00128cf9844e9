/*
 * Human units for the recommendation rows. Durations come from src/units.ts, as the renderers' do; advice
 * does not depend on render (data flows metrics → advice → render).
 */

import { durationFormat, formatDuration, formatLines, formatRatio } from '../units.js';
import type { AdviceInput } from './types.js';

/**
 * `3d 4h`, `45m`, `12s`: the two largest units, the second left out when it is 0. Input seconds. A `d` is a
 * working day when `input`'s report counts business hours, as in the report's other durations.
 */
export function duration(seconds: number, input: Pick<AdviceInput, 'businessHours'>): string {
  return formatDuration(seconds, durationFormat(input.businessHours));
}

/** `15%`, `4.5%`: a ratio as every page writes it (`formatRatio`), so a row reads as the table beside it. */
export function percent(ratio: number): string {
  return formatRatio(ratio);
}

/** `12 lines`, as every page writes a size. */
export function lines(n: number): string {
  return formatLines(n);
}

/** `2.5×` */
export function times(factor: number): string {
  return `${(Math.round(factor * 10) / 10).toString()}×`;
}

/** Plain number with at most one decimal: `3.4`, `2`. */
export function num(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

// `2 repositories` as every page writes it
export { plural } from '../units.js';
