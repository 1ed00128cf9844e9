import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLAG_TIME, isoSeconds, parseTime, RECORD_TIME, windowFrom } from '../src/time.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (y: number, m: number): number => (m === 2 && leap(y) ? 29 : (DAYS[m - 1] as number));

describe('isoSeconds, the one time parser', () => {
  it('any time of years 0000-9999, written with Z or an offset, reads back as the second it names', () => {
    // Date.UTC counts the proleptic Gregorian calendar; a year under 100 is set after, as Date.UTC would add 1900
    const seconds = (y: number, mo: number, d: number, h: number, mi: number, s: number): number => {
      const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s));
      date.setUTCFullYear(y);
      return date.getTime() / 1000;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (y, mo, dRaw, h, mi, s, offset) => {
          const d = Math.min(dRaw, daysIn(y, mo));
          const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${zone}`;
          expect(isoSeconds(text)).toBe(seconds(y, mo, d, h, mi, s) - offset * 60);
        },
      ),
    );
  });

  it('a day its month does not have is no time, in every form and every place (never the next month\'s)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 }), (y, mo, past) => {
        const d = daysIn(y, mo) + past;
        if (d > 31 + 3) return;
        const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
        expect(isoSeconds(`${date}T00:00:00Z`)).toBeNull();
        expect(isoSeconds(`${date}T12:00:00+02:00`, RECORD_TIME)).toBeNull();
        expect(isoSeconds(date, FLAG_TIME)).toBeNull();
      }),
    );
  });

  it.each([
    ['2026-03-04T24:00:00Z'], ['2026-03-04T10:60:00Z'], ['2026-03-04T10:00:60Z'], ['2026-00-10T10:00:00Z'], ['2026-03-00T10:00:00Z'],
    ['2026-03-04T10:00:00+24:00'], ['2026-03-04T10:00:00+02:60'], ['2026-3-4T10:00:00Z'], ['March 4, 2026'], ['2026-03-04T10:00:00 GMT'], [''],
  ])('%j is no time', (text) => {
    expect(isoSeconds(text, RECORD_TIME)).toBeNull();
    expect(isoSeconds(text, FLAG_TIME)).toBeNull();
  });

  it('a record\'s time needs its zone and its time of day; a flag\'s is UTC without them', () => {
    expect(isoSeconds('2026-03-04T10:00:00', RECORD_TIME)).toBeNull();
    expect(isoSeconds('2026-03-04', RECORD_TIME)).toBeNull();
    expect(isoSeconds('2026-03-04T10:00:00', FLAG_TIME)).toBe(Date.UTC(2026, 2, 4, 10) / 1000);
    expect(isoSeconds('2026-03-04', FLAG_TIME)).toBe(Date.UTC(2026, 2, 4) / 1000);
    // a space for the T, a lower-case z, an offset without its colon, a fraction of a second (rounded down)
    expect(isoSeconds('2026-03-04 10:00:00.999z', RECORD_TIME)).toBe(Date.UTC(2026, 2, 4, 10) / 1000);
    expect(isoSeconds('2026-03-04T12:00+0200', RECORD_TIME)).toBe(Date.UTC(2026, 2, 4, 10) / 1000);
    // a person's offset is a real zone's (at most 14 hours); a record may use RFC 3339's whole range
    expect(isoSeconds('2026-03-04T10:00:00+15:00', FLAG_TIME)).toBeNull();
    expect(isoSeconds('2026-03-04T10:00:00+15:00', RECORD_TIME)).toBe(Date.UTC(2026, 2, 4, 10) / 1000 - 15 * 3600);
  });

  it('a flag\'s year under 100 is that year, not 19xx: before 1970 (Date.UTC would have read 0099 as 1999)', () => {
    expect(() => parseTime('0099-12-31', 0, '--since')).toThrow("--since '0099-12-31' is before 1970-01-01: git history has no earlier dates");
    expect(() => parseTime('0070-01-01', 0, '--since')).toThrow('is before 1970-01-01');
  });
});

describe('windowFrom, a written window read back', () => {
  it('reads each bound as the second it names, and the history bounds only when written', () => {
    // 2026-03-01T00:00:00Z is 1772323200; 2026-05-31T12:30:00+02:00 is 10:30Z, 91 days 10.5 hours later
    const written = { since: '2026-03-01T00:00:00Z', until: '2026-05-31T12:30:00+02:00', historyFrom: '2026-03-02T00:00:00Z' };
    expect(windowFrom(written)).toEqual({ since: 1772323200, until: 1772323200 + 91 * 86400 + 10.5 * 3600, historyFrom: 1772323200 + 86400 });
    expect(windowFrom({ since: '2026-03-01T00:00:00Z', until: '2026-03-08T00:00:00Z' })).toEqual({ since: 1772323200, until: 1772323200 + 7 * 86400 });
    expect(windowFrom({ since: '2026-03-01T00:00:00Z', until: '2026-03-08T00:00:00Z', historyUntil: '2026-03-05T00:00:00Z' })).toEqual({ since: 1772323200, until: 1772323200 + 7 * 86400, historyUntil: 1772323200 + 4 * 86400 });
  });
});
