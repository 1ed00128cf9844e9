import { describe, expect, it } from 'vitest';
import { epoch, iso } from '../../src/report/convert.js';

describe('epoch', () => {
  it('reads the form reports write as Date.parse does, and other ISO forms with their zone; a day its month lacks is no time', () => {
    expect(epoch('2026-03-04T10:00:00Z')).toBe(1772618400);
    expect(epoch('1970-01-01T00:00:00Z')).toBe(0);
    expect(epoch('1969-12-31T23:59:59Z')).toBe(-1);
    // a year before 1000 is read as written
    expect(epoch('0099-12-31T23:59:59Z')).toBe(Math.floor(Date.parse('0099-12-31T23:59:59Z') / 1000));
    // Date.parse rolls 30 February over to 2 March; a report's time never does (issue 41)
    expect(epoch('2026-02-30T00:00:00Z')).toBeNull();
    expect(epoch('2026-04-31T10:00:00+02:00')).toBeNull();
    // a time without its zone would be read in this machine's zone
    expect(epoch('2026-03-04T10:00:00')).toBeNull();
    expect(epoch('2026-03-04T10:00:00.500Z')).toBe(1772618400);
    expect(epoch('2026-03-04T11:00:00+01:00')).toBe(1772618400);
    expect(epoch('2026-13-04T10:00:00Z')).toBeNull();
    expect(epoch('not a time')).toBeNull();
    expect(epoch(null)).toBeNull();
  });

  it('agrees with Date.parse on every day from 1900 to 2300 and on the leap days of four centuries', () => {
    const differ: string[] = [];
    for (let day = -25567; day < 120000; day++) {
      const iso = new Date(day * 86_400_000 + 45_296_000).toISOString().replace('.000Z', 'Z');
      if (epoch(iso) !== Math.floor(Date.parse(iso) / 1000)) differ.push(iso);
    }
    expect(differ).toEqual([]);
    // 1600 and 2000 have a 29 February; 1700 and 2100 have none
    const day = (iso: string): number | null => {
      const t = epoch(`${iso}T00:00:00Z`);
      return t === null ? null : t / 86400;
    };
    expect([day('1600-02-29'), day('1600-03-01')]).toEqual([-135081, -135080]);
    expect([day('2000-02-29'), day('2000-03-01')]).toEqual([11016, 11017]);
    expect([day('1700-02-29'), day('1700-03-01')]).toEqual([null, -98556]);
    expect([day('2100-02-29'), day('2100-03-01')]).toEqual([null, 47541]);
  });

  it('agrees with Date.parse over a century of times', () => {
    const differ: string[] = [];
    for (let t = -2e9; t < 4e9; t += 7_777_777) {
      const iso = new Date(t * 1000).toISOString().replace('.000Z', 'Z');
      if (epoch(iso) !== Math.floor(Date.parse(iso) / 1000)) differ.push(iso);
    }
    expect(differ).toEqual([]);
  });
});

describe('iso', () => {
  it('writes epoch seconds as UTC with whole seconds, across leap days, centuries and the ends of its range', () => {
    expect(iso(1772618400)).toBe('2026-03-04T10:00:00Z');
    expect(iso(0)).toBe('1970-01-01T00:00:00Z');
    expect(iso(946684799)).toBe('1999-12-31T23:59:59Z');
    // 2000 is a leap year (divisible by 400), 2100 is not (by 100)
    expect(iso(951825600)).toBe('2000-02-29T12:00:00Z');
    expect(iso(951868800)).toBe('2000-03-01T00:00:00Z');
    expect(iso(4107456000)).toBe('2100-02-28T00:00:00Z');
    expect(iso(4107542400)).toBe('2100-03-01T00:00:00Z');
    expect(iso(1709251199)).toBe('2024-02-29T23:59:59Z');
    expect(iso(253402300799)).toBe('9999-12-31T23:59:59Z');
    // outside whole seconds from 1970 to 9999: as Date writes it
    expect(iso(-1)).toBe('1969-12-31T23:59:59Z');
    expect(iso(1.5)).toBe('1970-01-01T00:00:01.500Z');
    expect(iso(253402300800)).toBe('+010000-01-01T00:00:00Z');
    expect(iso(null)).toBeNull();
  });

  it('agrees with Date over two centuries of times', () => {
    const differ: number[] = [];
    for (let t = 0; t < 7e9; t += 7_777_777 + (t % 86_399)) if (iso(t) !== new Date(t * 1000).toISOString().replace('.000Z', 'Z')) differ.push(t);
    expect(differ).toEqual([]);
  });
});
