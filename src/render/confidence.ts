import { STAGES, type StageName } from '../domain.js';
import type { Interval } from '../metrics/bootstrap.js';
import type { WhatIf } from '../metrics/what-if.js';
import { comparedChange, formatDuration, formatNumber, type DurationFormat } from './duration.js';
import { excludesZero, fewerRepositories, noDifference, SIZE_WORDS, withinRepositories, type WithinInterval } from './health.js';

/** A difference with its 95% interval, each end written by `write` (a signed duration: `+1d 2h (−3h … +2d 4h)`); null when not measured. */
export function differenceText(interval: Interval, write: (value: number) => string): string | null {
  const { difference, low, high } = interval;
  if (difference === null || (low === null && high === null)) return null;
  // one end open (changes still waiting): what the other end says
  const range = low === null ? `≤ ${write(high as number)}` : high === null ? `≥ ${write(low)}` : `${write(low)} … ${write(high)}`;
  return `${write(difference)} (${range})`;
}

/**
 * `review & merge wait capped at 2d: lead time p50 of deployed changes 18d 2h → 7d 12h, 212 change-hours of
 * waiting saved a week (summed over the changes)`: the hours are summed over every change that waited longer
 * than the cap (SPEC section 9), not one person's hours, and the words say so.
 */
export function whatIfText(whatIf: WhatIf, stageLabel: string, days: DurationFormat): string {
  const { now, then } = whatIf.leadTimeP50;
  return `${stageLabel} capped at ${formatDuration(whatIf.cap, days)}: lead time p50 of deployed changes ${formatDuration(now, days)} → ${formatDuration(then, days)}, ${hoursSavedText(whatIf)} (summed over the changes)`;
}

/**
 * `212 change-hours of waiting saved a week`; under one whole week of covered history, where the report gives no
 * rate, the hours and the days they are over: `40 change-hours of waiting saved in 2.7 days`.
 */
export function hoursSavedText(whatIf: WhatIf): string {
  if (whatIf.hoursSavedPerWeek !== null) return `${changeHours(whatIf.hoursSavedPerWeek)} of waiting saved a week`;
  return `${changeHours(whatIf.hoursSaved ?? 0)} of waiting saved in ${formatNumber(whatIf.coveredDays ?? 0)} days`;
}

/** `212 change-hours`, `12.5 change-hours`: a number as every page writes one (`formatNumber`) */
export function changeHours(h: number): string {
  return `${formatNumber(h)} change-hours`;
}

/**
 * The AI comparison's differences in one sentence: `p50 AI-assisted − other (95% interval): lead time +3d
 * (-14d … +20d), coding … — a real difference: coding; the data cannot tell the rest`. Null when none is measured.
 */
export function aiDifferenceLine(
  ai: { intervals: Readonly<Record<'leadTime' | 'cycleTime' | StageName, WithinInterval>>; sizeInterval?: WithinInterval; repositories?: number },
  label: (stage: StageName) => string,
  days: DurationFormat,
  tooFew = false,
): string | null {
  const duration = (v: number): string => comparedChange(v, 'seconds', days);
  const measured = [
    ...(['leadTime', 'cycleTime', ...STAGES] as const).map((k) => ({ name: k === 'leadTime' ? 'lead time' : k === 'cycleTime' ? 'cycle time' : label(k), interval: ai.intervals[k], write: duration })),
    // lines, not time: `size +120 lines (+40 lines … +200 lines)`
    ...(ai.sizeInterval ? [{ name: 'size', interval: ai.sizeInterval, write: SIZE_WORDS.signed }] : []),
  ];
  const items = measured
    .map((m) => ({ ...m, text: differenceText(m.interval, m.write) }))
    .filter((i): i is typeof i & { text: string } => i.text !== null);
  if (items.length === 0) return null;
  const real = items.filter((i) => i.interval.real).map((i) => i.name);
  // an interval that leaves out 0 over too few values (deployed changes, most often) is said so, not left to read as real
  const few = items.filter((i) => !i.interval.real && excludesZero(i.interval)).map((i) => i.name);
  const same = items.filter((i) => noDifference(i.interval)).map((i) => i.name);
  const told = real.length + few.length + same.length;
  const rest = told === items.length ? '' : told === 0 ? 'the data cannot tell any of them' : 'the data cannot tell the rest';
  const parts = [
    ...(real.length === items.length ? ['each a real difference'] : real.length > 0 ? [`a real difference: ${real.join(', ')}`] : []),
    ...(few.length > 0 ? [`too few values to tell: ${few.join(', ')}`] : []),
    ...(same.length > 0 ? [`no difference: ${same.join(', ')}`] : []),
    ...(rest ? [rest] : []),
  ];
  // a group too small to compare: one verdict for all, the one its note gives
  const verdict = tooFew ? 'too few changes in a group to tell any of them apart' : parts.join('; ');
  return `p50 AI-assisted − other${withinRepositories(ai.repositories)} (95% interval): ${items.map((i) => `${i.name}${fewerRepositories(i.interval, ai.repositories)} ${i.text}`).join(', ')} — ${verdict}`;
}
