import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderText } from '../src/render/text.js';
import { asWritten, CALENDAR_DAYS, durationFormat, firstFew, formatDuration, formatLines, formatNumber, formatPerWeek, formatRatio, workingDaySeconds } from '../src/units.js';
import { buildReport, change, H } from './render/report-builder.js';

const NINE_TO_FIVE = { timezone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

describe('durations in working days', () => {
  it('writes a day as a calendar day, and in the format of a report counting business hours as a working day', () => {
    // 86,400 working seconds are three 8-hour working days; 10 working hours are 1 working day and 2h
    expect([formatDuration(86400), formatDuration(10 * 3600)]).toEqual(['1d', '10h']);
    const working = durationFormat(NINE_TO_FIVE);
    expect([formatDuration(86400, working), formatDuration(10 * 3600, working), formatDuration(7 * 3600, working)]).toEqual(['3d', '1d 2h', '7h']);
    // the format is a value, not a switch: a calendar duration written after a working one is still calendar
    expect(formatDuration(86400)).toBe('1d');
    expect(durationFormat(null)).toBe(CALENDAR_DAYS);
    expect(workingDaySeconds({ start: '08:30', end: '12:00' })).toBe(3.5 * 3600);
  });

  it('says in the report that a day is a working day, and writes its durations so', () => {
    const report = buildReport([change('#1', '2026-03-03T10:00:00Z', { coding: 16 * H, deploy: 0 })], { businessHours: NINE_TO_FIVE });
    const text = renderMarkdown(report);
    expect(text).toContain('a day (d) is a working day of 8h');
    // 16 working hours of coding: two working days
    expect(text).toMatch(/^\| coding \| 1 \| 2d \|/m);
  });

  it('writes each report in its own units when reports of both kinds are written side by side', () => {
    const changes = [change('#1', '2026-03-03T10:00:00Z', { coding: 16 * H, deploy: 0 })];
    const working = buildReport(changes, { businessHours: NINE_TO_FIVE });
    const calendar = buildReport(changes);
    // interleaved: nothing one writer sets may leak into the next
    const outputs = [renderText(working, { color: false }), renderText(calendar, { color: false }), renderMarkdown(calendar), renderHtml(working)];
    expect(outputs[0]).toContain(' 2d coding ');
    expect(outputs[1]).toContain(' 16h coding ');
    expect(outputs[2]).toMatch(/^\| coding \| 1 \| 16h \|/m);
    expect(outputs[3]).toContain('>2d<');
  });
});

describe('one writer per kind of figure', () => {
  it('writes a ratio in whole percent from 10%, one decimal under it, never 0% unless 0 nor 100% unless 1', () => {
    const cases: Array<[number | null, string]> = [
      [null, '—'], [0, '0%'], [0.0004, '< 0.1%'], [1 / 200, '0.5%'], [0.05, '5%'], [4 / 75, '5.3%'], [0.0996, '10%'],
      [0.44, '44%'], [0.994, '99%'], [0.996, '> 99%'], [1, '100%'],
    ];
    for (const [ratio, text] of cases) expect(formatRatio(ratio), String(ratio)).toBe(text);
  });

  it('writes a rate per week with two decimals, any other number with one under 100, lines whole', () => {
    expect([formatPerWeek(8 / (92 / 7)), formatPerWeek(null), formatNumber(17.48), formatNumber(1104.4), formatLines(12.4), formatLines(1)]).toEqual(['0.61', '—', '17.5', '1104', '12 lines', '1 line']);
  });

  it('rounds from the value the JSON writes, so a page and the JSON never round one figure apart', () => {
    // 121.5 s, as an interpolated percentile holds it in floating point; the JSON writes it 121.5
    const noisy = 121.49999999999997;
    expect(asWritten(noisy)).toBe(121.5);
    expect(formatDuration(noisy)).toBe(formatDuration(asWritten(noisy)));
    expect(formatDuration(noisy)).toBe('2m 2s');
  });
});

describe('a warning\'s few examples', () => {
  it('lists the first ones, with an ellipsis only when some are left out', () => {
    expect(firstFew(['a', 'b', 'c'], 3)).toBe('a, b, c');
    expect(firstFew(['a', 'b', 'c', 'd'], 3)).toBe('a, b, c, …');
    expect(firstFew([12, 40], 5)).toBe('12, 40');
    expect(firstFew([], 5)).toBe('');
  });
});
