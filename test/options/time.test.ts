import { describe, expect, it } from 'vitest';
import { parseTime, resolveWindow } from '../../src/options.js';

const NOW = Date.parse('2026-11-22T12:00:00Z') / 1000;
const D = 86400;

describe('parseTime', () => {
  it('reads spans back from now with the one duration parser: m is minutes, mo months, y years', () => {
    expect(parseTime('90d', NOW, '--since')).toBe(NOW - 90 * D);
    expect(parseTime('6mo', NOW, '--since')).toBe(NOW - 180 * D);
    expect(parseTime('1y', NOW, '--since')).toBe(NOW - 365 * D);
    expect(parseTime('12w', NOW, '--since')).toBe(NOW - 84 * D);
    expect(parseTime('30m', NOW, '--since')).toBe(NOW - 1800);
    expect(parseTime('1d 12h', NOW, '--since')).toBe(NOW - 1.5 * D);
  });

  it('reads ISO dates as UTC midnight and times as given', () => {
    expect(parseTime('2026-01-31', NOW, '--since')).toBe(Date.parse('2026-01-31T00:00:00Z') / 1000);
    expect(parseTime('2026-01-31T12:30:00+02:00', NOW, '--until')).toBe(Date.parse('2026-01-31T10:30:00Z') / 1000);
  });

  it('says what it expected when it cannot read a time', () => {
    expect(() => parseTime('yesterday', NOW, '--since')).toThrow("--since 'yesterday' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w, 6mo");
    expect(() => parseTime('6months', NOW, '--since')).toThrow('is not a date');
  });

  it('defaults to the 90 days before until', () => {
    expect(resolveWindow({}, NOW)).toEqual({ since: NOW - 90 * D, until: NOW });
  });
});
