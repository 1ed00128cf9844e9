import { describe, expect, it } from 'vitest';
import { epoch } from '../../src/report/convert.js';

describe('epoch', () => {
  it('reads the form reports write as Date.parse does, and every other form by Date.parse', () => {
    expect(epoch('2026-03-04T10:00:00Z')).toBe(1772618400);
    expect(epoch('1970-01-01T00:00:00Z')).toBe(0);
    expect(epoch('1969-12-31T23:59:59Z')).toBe(-1);
    // Date.UTC would read a two-digit year as 19xx: such years go to Date.parse
    expect(epoch('0099-12-31T23:59:59Z')).toBe(Math.floor(Date.parse('0099-12-31T23:59:59Z') / 1000));
    // Date.parse rolls 30 February over to 2 March; so does the fast path
    expect(epoch('2026-02-30T00:00:00Z')).toBe(epoch('2026-03-02T00:00:00Z'));
    expect(epoch('2026-03-04T10:00:00.500Z')).toBe(1772618400);
    expect(epoch('2026-03-04T11:00:00+01:00')).toBe(1772618400);
    expect(epoch('2026-13-04T10:00:00Z')).toBeNull();
    expect(epoch('not a time')).toBeNull();
    expect(epoch(null)).toBeNull();
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
