import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/render/markdown.js';
import { formatDuration, inWorkingDays, workingDaySeconds } from '../src/units.js';
import { buildReport, change, H } from './render/report-builder.js';

const NINE_TO_FIVE = { timezone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

describe('durations in working days', () => {
  it('writes a day as a calendar day, and inside a report counting business hours as a working day', () => {
    // 86,400 working seconds are three 8-hour working days; 10 working hours are 1 working day and 2h
    expect([formatDuration(86400), formatDuration(10 * 3600)]).toEqual(['1d', '10h']);
    expect(inWorkingDays(NINE_TO_FIVE, () => [formatDuration(86400), formatDuration(10 * 3600), formatDuration(7 * 3600)])).toEqual(['3d', '1d 2h', '7h']);
    // and back to calendar days afterwards, even when the writer throws
    expect(() => inWorkingDays(NINE_TO_FIVE, () => { throw new Error('x'); })).toThrow('x');
    expect(formatDuration(86400)).toBe('1d');
    expect(workingDaySeconds({ start: '08:30', end: '12:00' })).toBe(3.5 * 3600);
  });

  it('says in the report that a day is a working day, and writes its durations so', () => {
    const report = buildReport([change('#1', '2026-03-03T10:00:00Z', { coding: 16 * H, deploy: 0 })], { businessHours: NINE_TO_FIVE });
    const text = renderMarkdown(report);
    expect(text).toContain('a day (d) is a working day of 8h');
    // 16 working hours of coding: two working days
    expect(text).toMatch(/^\| coding \| 1 \| 2d \|/m);
  });
});
