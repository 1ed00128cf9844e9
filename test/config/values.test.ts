import { describe, expect, it } from 'vitest';
import { parseJsonc } from '../../src/jsonc.js';
import { formatThreshold, isTimeZone, parseDuration, parseRatio, parseThreshold } from '../../src/config/values.js';

describe('threshold values', () => {
  it('reads durations as strings with units or seconds', () => {
    expect(['24h', '3d', '1d 12h', '1d12h', '90m', '45s', '2w', '1.5h', ' 10M ', 86400, '3600', 0].map(parseDuration)).toEqual([
      86400, 3 * 86400, 36 * 3600, 36 * 3600, 5400, 45, 14 * 86400, 5400, 600, 86400, 3600, 0,
    ]);
    expect(['', 'soon', '24', '24hours', 'h', '-1h', '1h 2x', null, true, -1, Number.NaN].map(parseDuration)).toEqual([
      null, null, 24, null, null, null, null, null, null, null, null,
    ]);
  });

  it('reads months as mo and years as y, and m always as minutes (one parser for flags, config and thresholds)', () => {
    expect(['6mo', '1y', '2mo 3d', '1M', '1mo'].map(parseDuration)).toEqual([180 * 86400, 365 * 86400, 63 * 86400, 60, 30 * 86400]);
    expect(['6months', '1yr', 'mo'].map(parseDuration)).toEqual([null, null, null]);
  });

  it('reads ratios as 0–1 numbers or percentages', () => {
    expect([0.15, '15%', '15.5 %', '0.2', 0, 1, '100%'].map(parseRatio)).toEqual([0.15, 0.15, 0.155, 0.2, 0, 1, 1]);
    expect([15, '150%', '15', 'half', -0.1, null].map(parseRatio)).toEqual([null, null, null, null, null, null]);
  });

  it('checks counts and factors', () => {
    expect([parseThreshold('count', 0), parseThreshold('count', '2.5'), parseThreshold('count', -1)]).toEqual([0, 2.5, null]);
    expect([parseThreshold('factor', 1), parseThreshold('factor', 0.9)]).toEqual([1, null]);
  });

  it('writes what it reads back', () => {
    for (const seconds of [600, 3600, 8 * 3600, 86400, 2 * 86400, 90, 5400]) {
      expect(parseDuration(formatThreshold('duration', seconds))).toBe(seconds);
    }
    for (const ratio of [0.05, 0.1, 0.15, 0.2, 0.4, 0.6, 0.125]) expect(parseRatio(formatThreshold('ratio', ratio))).toBe(ratio);
    expect(formatThreshold('duration', 86400)).toBe('24h');
    expect(formatThreshold('duration', 2 * 86400)).toBe('2d');
  });
});

describe('JSON with comments', () => {
  it('reads comments and trailing commas outside strings only', () => {
    const text = '{\n  // a comment\n  "url": "http://x/*y*/", /* block\n */ "q": "say \\"//hi\\"",\n  "list": [1, 2,],\n}';
    expect(parseJsonc(text)).toEqual({ url: 'http://x/*y*/', q: 'say "//hi"', list: [1, 2] });
  });

  it('keeps commas inside strings', () => {
    expect(parseJsonc('{ "a": "x,}" , }')).toEqual({ a: 'x,}' });
  });

  it('reports a syntax error by line and column', () => {
    expect(() => parseJsonc('{\n  "a": 1\n  "b": 2\n}')).toThrow("expected ',' at line 3 column 3");
  });

  it('never quotes the text it could not read', () => {
    expect(() => parseJsonc('root:$6$secret:19000:0:99999:7:::\n')).toThrow(/^unexpected character at line 1 column 1$/);
  });
});

describe('isTimeZone', () => {
  it('knows UTC (the default, answered without Intl) and the IANA names Intl knows, nothing else', () => {
    expect(['UTC', 'Etc/UTC', 'Europe/Berlin', 'America/New_York'].map(isTimeZone)).toEqual([true, true, true, true]);
    expect(['', ' ', 'UTC ', 'Mars/Olympus_Mons', 'Europe/Berlinn'].map(isTimeZone)).toEqual([false, false, false, false, false]);
  });
});
