import { describe, expect, it } from 'vitest';
import { changesOf, commonPrefix, INT_NULL, packChanges, shaAt } from '../../src/aggregate/packed-changes.js';
import { change, H } from './report-builder.js';

const T = Date.parse('2026-01-10T00:00:00Z') / 1000;

describe('changes packed in columns', () => {
  it('holds whole numbers in half the memory and still reads a null as null and a zero as zero', () => {
    const packed = structuredClone(packChanges([change({ mergedAt: '2026-01-10T00:00:00Z', cycleTime: 0, leadTime: null, stages: { coding: 0, review: 2 * H } })], () => false));
    expect(packed.numbers).toBeInstanceOf(Int32Array);
    const [c] = changesOf(packed, 'r');
    // a sentinel mixed up with 0, or a null read as the sentinel, would show here
    expect([c?.mergedAt, c?.cycleTime, c?.leadTime, c?.stages.coding, c?.stages.review, c?.stages.pickup, c?.lastCommitAt]).toEqual([T, 0, null, 0, 2 * H, null, null]);
  });

  it('keeps every number of a report exact when one is not a whole number that fits 32 bits', () => {
    // business hours can make a fractional duration; a time past 2038 does not fit; the sentinel itself is a value
    const packed = packChanges(
      [change({ stages: { coding: 1.5 } }), change({ mergedAt: '2040-01-01T00:00:00Z', cycleTime: INT_NULL }), change({ leadTime: null })],
      () => false,
    );
    expect(packed.numbers).toBeInstanceOf(Float64Array);
    const [a, b, c] = changesOf(packed, 'r');
    expect(a?.stages.coding).toBe(1.5);
    expect(b?.mergedAt).toBe(Date.parse('2040-01-01T00:00:00Z') / 1000);
    expect(b?.cycleTime).toBe(INT_NULL);
    expect(c?.leadTime).toBeNull();
    // alone, the sentinel as a value is enough to keep the numbers wide
    expect(packChanges([change({ cycleTime: INT_NULL })], () => false).numbers).toBeInstanceOf(Float64Array);
  });

  it('reads each change\'s texts back from the one string, an empty text apart from a missing one', () => {
    const packed = structuredClone(
      packChanges(
        [
          change({ id: '#1', title: '', url: 'https://x/1', author: 'ada', sha: 'a'.repeat(40) }),
          change({ id: '#2', title: 'Ünïcode ✓ title', url: null, author: 'bo', revertedBy: '#1', sha: 'b'.repeat(40) }),
        ],
        (c) => c.id === '#2',
      ),
    );
    const [a, b] = changesOf(packed, 'acme/one');
    // an end taken from the wrong change, or a null bit on the wrong text, shifts these
    expect([a?.id, a?.title, a?.url, a?.author, a?.revertedBy, a?.repository]).toEqual(['#1', '', 'https://x/1', 'ada', null, 'acme/one']);
    expect([b?.id, b?.title, b?.url, b?.author, b?.revertedBy]).toEqual(['#2', 'Ünïcode ✓ title', null, 'bo', '#1']);
    expect([shaAt(packed, 0), shaAt(packed, 1)]).toEqual([null, 'b'.repeat(40)]);
  });
});

describe('the URLs\' common start, held once', () => {
  it('is the longest start every URL shares, nulls left out', () => {
    expect(commonPrefix(['https://github.com/acme/one/pull/12', null, 'https://github.com/acme/one/pull/7'])).toBe('https://github.com/acme/one/pull/');
    // one URL the start of another: the whole of it
    expect(commonPrefix(['https://x/pull/1', 'https://x/pull/12'])).toBe('https://x/pull/1');
    expect(commonPrefix([null, null])).toBe('');
    expect(commonPrefix(['a', 'b'])).toBe('');
  });

  it('gives each URL back whole, one equal to the common start too, and a missing one as null', () => {
    const urls = ['https://x/pull/1', 'https://x/pull/12', null, 'https://x/pull/1'];
    const packed = structuredClone(packChanges(urls.map((url) => change({ url })), () => false));
    expect(packed.urlPrefix).toBe('https://x/pull/1');
    expect(changesOf(packed, 'r').map((c) => c.url)).toEqual(urls);
  });
});
