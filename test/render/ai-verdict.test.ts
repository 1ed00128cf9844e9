import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/domain.js';
import type { Interval } from '../../src/metrics/bootstrap.js';
import { aiDifferenceLine } from '../../src/render/confidence.js';
import { CALENDAR_DAYS } from '../../src/units.js';
import { differenceCells, durationWords, SIZE_WORDS, tooFewToCompare, verdict as verdictIn } from '../../src/render/health.js';

const verdict = (i: Interval, tooFew = false): string => verdictIn(i, tooFew, durationWords(CALENDAR_DAYS));

/* The AI comparison says one thing about its numbers: with a group under 10 changes, no difference is "real". */

const faster: Interval = { difference: -3600 * 5, low: -3600 * 9, high: -3600, real: true } as Interval;
const unclear: Interval = { difference: -3600 * 8, low: -3600 * 30, high: 3600 * 10, real: false } as Interval;
const intervals = Object.fromEntries(['leadTime', 'cycleTime', ...STAGES].map((k) => [k, k === 'leadTime' ? faster : unclear])) as Record<'leadTime' | 'cycleTime' | (typeof STAGES)[number], Interval>;

describe('the AI comparison verdict', () => {
  it('a group of 9 is too few, one of 10 is enough', () => {
    expect(tooFewToCompare({ assisted: { count: 9 }, other: { count: 400 } })).toBe(true);
    expect(tooFewToCompare({ assisted: { count: 400 }, other: { count: 9 } })).toBe(true);
    expect(tooFewToCompare({ assisted: { count: 10 }, other: { count: 10 } })).toBe(false);
  });

  it('calls an interval that leaves out 0 a difference only when both groups are big enough', () => {
    expect(verdict(faster)).toBe('AI-assisted faster');
    expect(verdict(faster, true)).toBe('too few changes to tell');
    expect(verdict(unclear)).toBe('the data cannot tell');
  });

  it('says "no difference" where both medians and every resample are equal, as the previous period says "no change"', () => {
    // aider's cycle times: 0s in both groups, 0s (0s … 0s)
    const none: Interval = { difference: 0, low: 0, high: 0, real: false } as Interval;
    expect(verdict(none)).toBe('no difference');
    // equal medians whose interval holds more than 0: the data cannot tell
    expect(verdict({ difference: 0, low: -3600, high: 7200, real: false } as Interval)).toBe('the data cannot tell');
    const line = aiDifferenceLine({ intervals: { ...intervals, cycleTime: none } }, (s) => s, CALENDAR_DAYS) ?? '';
    expect(line).toMatch(/— a real difference: lead time; no difference: cycle time; the data cannot tell the rest$/);
  });

  it('says where the differences are taken over several repositories, and nothing of them over one', () => {
    expect(aiDifferenceLine({ intervals, repositories: 3 }, (s) => s, CALENDAR_DAYS)).toMatch(/^p50 AI-assisted − other within 3 repositories \(95% interval\): lead time /);
    expect(aiDifferenceLine({ intervals, repositories: 1 }, (s) => s, CALENDAR_DAYS)).toMatch(/^p50 AI-assisted − other within 1 repository \(95% interval\)/);
    expect(aiDifferenceLine({ intervals }, (s) => s, CALENDAR_DAYS)).toMatch(/^p50 AI-assisted − other \(95% interval\)/);
  });

  it('says so where a difference stands on fewer repositories than the heading names, in the line and in the table\'s cell', () => {
    // over 3 repositories, the lead time (deployed changes only) within 2 of them; the cycle time within all 3
    const within = { ...intervals, leadTime: { ...faster, repositories: 2 }, cycleTime: { ...unclear, repositories: 3 } };
    const line = aiDifferenceLine({ intervals: within, repositories: 3 }, (s) => s, CALENDAR_DAYS) ?? '';
    expect(line).toMatch(/^p50 AI-assisted − other within 3 repositories \(95% interval\): lead time \(within 2\) −5h \(−9h … −1h\), cycle time −8h \(/);
    const words = durationWords(CALENDAR_DAYS);
    expect(differenceCells(within.leadTime, words, false, 3)).toEqual(['−5h (within 2)', '−9h to −1h', 'AI-assisted faster']);
    expect(differenceCells(within.cycleTime, words, false, 3)[0]).toBe('−8h');
    // over one repository nothing is said of repositories
    expect(differenceCells(within.leadTime, words, false)[0]).toBe('−5h');
  });

  it('the text line gives one verdict: never "a real difference" beside too few changes', () => {
    expect(aiDifferenceLine({ intervals }, (s) => s, CALENDAR_DAYS)).toMatch(/— a real difference: lead time; the data cannot tell the rest$/);
    const small = aiDifferenceLine({ intervals }, (s) => s, CALENDAR_DAYS, true) ?? '';
    expect(small).toMatch(/— too few changes in a group to tell any of them apart$/);
    expect(small).not.toContain('real difference');
  });

  it('says "too few values" where an interval leaves out 0 over fewer than five deployed changes, not "cannot tell"', () => {
    // the deploy wait's interval is below 0, but four AI-assisted changes deployed: not real, and not unclear either
    const fewDeployed: Interval = { difference: -3600 * 200, low: -3600 * 450, high: -3600 * 150, real: false } as Interval;
    expect(verdict(fewDeployed)).toBe('too few values to tell');
    const line = aiDifferenceLine({ intervals: { ...intervals, deploy: fewDeployed } }, (s) => s, CALENDAR_DAYS) ?? '';
    expect(line).toMatch(/— a real difference: lead time; too few values to tell: deploy; the data cannot tell the rest$/);
    expect(line).toContain('deploy −8d 8h (−18d 18h … −6d 6h)');
  });

  it('gives the size its own interval, in lines: larger or smaller, never faster or slower', () => {
    // AI-assisted p50 120 lines against 40: +80 lines, interval +30 … +150 lines, over enough changes
    const larger: Interval = { difference: 80, low: 30, high: 150, real: true } as Interval;
    expect(verdictIn(larger, false, SIZE_WORDS)).toBe('AI-assisted larger');
    expect(verdictIn({ ...larger, difference: -80, low: -150, high: -30 }, false, SIZE_WORDS)).toBe('AI-assisted smaller');
    const line = aiDifferenceLine({ intervals, sizeInterval: larger }, (s) => s, CALENDAR_DAYS) ?? '';
    expect(line).toContain('size +80 lines (+30 lines … +150 lines)');
    expect(line).toMatch(/— a real difference: lead time, size; the data cannot tell the rest$/);
    // a report written before the size had an interval says what it said then
    expect(aiDifferenceLine({ intervals }, (s) => s, CALENDAR_DAYS)).not.toContain('size');
  });
});
