import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_HOURS, validateBusinessHours, workingSeconds } from '../../src/metrics/business-hours.js';

const at = (iso: string): number => Date.parse(iso) / 1000;
const H = 3600;

describe('business hours', () => {
  it('counts only working hours, skipping the weekend', () => {
    // Friday 16:00 → Monday 10:00 UTC: one hour on Friday, one on Monday
    expect(workingSeconds(at('2026-03-06T16:00:00Z'), at('2026-03-09T10:00:00Z'), DEFAULT_BUSINESS_HOURS)).toBe(2 * H);
    // a whole working week
    expect(workingSeconds(at('2026-03-09T00:00:00Z'), at('2026-03-16T00:00:00Z'), DEFAULT_BUSINESS_HOURS)).toBe(40 * H);
    // inside one evening
    expect(workingSeconds(at('2026-03-09T18:00:00Z'), at('2026-03-09T23:00:00Z'), DEFAULT_BUSINESS_HOURS)).toBe(0);
  });

  it('uses the working day of the time zone, across a daylight saving change', () => {
    const berlin = { ...DEFAULT_BUSINESS_HOURS, timezone: 'Europe/Berlin' };
    // 09:00–17:00 Berlin is 08:00–16:00 UTC in winter: 07:00–12:00 UTC overlaps 4 hours
    expect(workingSeconds(at('2026-03-09T07:00:00Z'), at('2026-03-09T12:00:00Z'), berlin)).toBe(4 * H);
    // Friday 27 March (CET) to Monday 30 March (CEST, clocks went forward on Sunday): full days both
    expect(workingSeconds(at('2026-03-27T00:00:00Z'), at('2026-03-31T00:00:00Z'), berlin)).toBe(16 * H);
    const tokyo = { ...DEFAULT_BUSINESS_HOURS, timezone: 'Asia/Tokyo' };
    // Monday 09:00 Tokyo is Monday 00:00 UTC
    expect(workingSeconds(at('2026-03-09T00:00:00Z'), at('2026-03-09T01:00:00Z'), tokyo)).toBe(H);
  });

  it('refuses an unknown zone or an upside-down day', () => {
    expect(() => validateBusinessHours({ ...DEFAULT_BUSINESS_HOURS, timezone: 'Mars/Olympus' })).toThrow("--timezone 'Mars/Olympus' is not a known time zone: use an IANA name such as Europe/Berlin or America/New_York");
    expect(() => validateBusinessHours({ ...DEFAULT_BUSINESS_HOURS, start: '18:00' })).toThrow('business hours 18:00–17:00 are not a working day: use HH:MM with start before end');
  });
});
