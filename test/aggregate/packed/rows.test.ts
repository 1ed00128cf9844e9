import { describe, expect, it } from 'vitest';
import { commonPrefix, INT_NULL, packChanges, shaAt, type PackedChanges } from '../../../src/aggregate/packed/columns.js';
import { ChangeRows, mergeOrder } from '../../../src/aggregate/packed/rows.js';
import type { MeasuredChange } from '../../../src/domain.js';
import { change, H } from '../report-builder.js';

const T = Date.parse('2026-01-10T00:00:00Z') / 1000;

/** The parts' changes as an aggregate lists them, their rows held in blocks of 2^shift. */
function listed(parts: Array<{ packed: PackedChanges; repository: string; take?: number[] }>, shift?: number): MeasuredChange[] {
  const rows = new ChangeRows(shift);
  return rows.merged(parts.map((p) => ({ held: rows.hold(p.packed), repository: p.repository, ...(p.take && { take: p.take }) })));
}

describe('changes packed in columns', () => {
  it('holds whole numbers in half the memory and still reads a null as null and a zero as zero', () => {
    const packed = structuredClone(packChanges([change({ mergedAt: '2026-01-10T00:00:00Z', cycleTime: 0, leadTime: null, stages: { coding: 0, review: 2 * H } })], () => false));
    expect(packed.numbers).toBeInstanceOf(Int32Array);
    const [c] = listed([{ packed, repository: 'r' }]);
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
    // in the order of their merges: the one of 2040 last
    const [a, c, b] = listed([{ packed, repository: 'r' }]);
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
    const [a, b] = listed([{ packed, repository: 'acme/one' }]);
    // an end taken from the wrong change, or a null bit on the wrong text, shifts these
    expect([a?.id, a?.title, a?.url, a?.author, a?.revertedBy, a?.repository]).toEqual(['#1', '', 'https://x/1', 'ada', null, 'acme/one']);
    expect([b?.id, b?.title, b?.url, b?.author, b?.revertedBy]).toEqual(['#2', 'Ünïcode ✓ title', null, 'bo', '#1']);
    expect([shaAt(packed, 0), shaAt(packed, 1)]).toEqual([null, 'b'.repeat(40)]);
  });
});

describe('several reports\' changes as one list', () => {
  const at = (day: number): string => `2026-01-${String(day).padStart(2, '0')}T00:00:00Z`;

  it('orders them by merge, ties in the order the parts are given, and takes only the rows named', () => {
    const one = packChanges([change({ id: 'one-a', mergedAt: at(5) }), change({ id: 'one-b', mergedAt: at(2) }), change({ id: 'one-c', mergedAt: at(9) })], () => false);
    const two = packChanges([change({ id: 'two-a', mergedAt: at(5) }), change({ id: 'two-b', mergedAt: at(1) })], () => false);
    const queued = packChanges([change({ id: 'q-a', mergedAt: at(3) }), change({ id: 'q-b', mergedAt: at(5) }), change({ id: 'q-c', mergedAt: at(4) })], () => false);
    // two rows to a block: the parts' rows span blocks
    const changes = listed(
      [
        { packed: one, repository: 'acme/one' },
        { packed: queued, repository: 'acme/one', take: [1, 2] },
        { packed: two, repository: 'acme/two' },
      ],
      1,
    );
    // three merged on the 5th: one-a, then q-b, then two-a, as given; q-a is not taken
    expect(changes.map((c) => [c.id, c.repository])).toEqual([
      ['two-b', 'acme/two'],
      ['one-b', 'acme/one'],
      ['q-c', 'acme/one'],
      ['one-a', 'acme/one'],
      ['q-b', 'acme/one'],
      ['two-a', 'acme/two'],
      ['one-c', 'acme/one'],
    ]);
  });

  it('lists a report\'s rows held in a block fitted to their count, none and a count short of a power of two too', () => {
    const none = ChangeRows.fitting(0);
    expect(none.merged([{ held: none.hold(packChanges([], () => false)), repository: 'r' }])).toEqual([]);
    const packed = packChanges([change({ id: 'a', mergedAt: at(4) }), change({ id: 'b', mergedAt: at(2) }), change({ id: 'c', mergedAt: at(3) })], () => false);
    const queued = packChanges([change({ id: 'q', mergedAt: at(1) }), change({ id: 'r', mergedAt: at(5) })], () => false);
    const rows = ChangeRows.fitting(5);
    const changes = rows.merged([
      { held: rows.hold(packed), repository: 'r' },
      { held: rows.hold(queued), repository: 'r' },
    ]);
    // 2026-01-01 is 1,767,225,600 s after 1970; a day is 86,400 s
    expect(changes.map((c) => [c.id, c.mergedAt])).toEqual([['q', 1767225600], ['b', 1767312000], ['c', 1767398400], ['a', 1767484800], ['r', 1767571200]]);
  });

  it('reads each change\'s own numbers, bot flag and size once its row is moved into the list\'s order', () => {
    const one = packChanges(
      [change({ id: 'late', mergedAt: at(8), cycleTime: 3600, stages: { coding: 60, review: null }, bot: true, additions: 5, deletions: 1, files: 2 })],
      () => false,
    );
    const two = packChanges([change({ id: 'early', mergedAt: at(2), cycleTime: null, stages: { coding: null, review: 7 } })], () => false);
    const [early, late] = listed([
      { packed: one, repository: 'a' },
      { packed: two, repository: 'b' },
    ]);
    // a row copied to the wrong place, or bits left in the part's order, swap these
    expect([early?.id, early?.cycleTime, early?.stages.coding, early?.stages.review, early?.bot, early?.size]).toEqual(['early', null, null, 7, false, null]);
    expect([late?.id, late?.cycleTime, late?.stages.coding, late?.stages.review, late?.bot, late?.size]).toEqual(['late', 3600, 60, null, true, { additions: 5, deletions: 1, files: 2 }]);
  });

  it.each([
    [16, 'partly'],
    [0, 'wholly'],
  ])('keeps nulls null and values exact when a fractional report comes after whole-number ones (2^%i rows a block, the first %s filled)', (shift) => {
    // the first part packs in an Int32Array, its nulls the sentinel; the second, fractional, in a Float64Array:
    // the rows held before it are made wide, the sentinel a null in the first part and a value in the second
    const whole = packChanges([change({ mergedAt: at(1), cycleTime: null, leadTime: 100 })], () => false);
    const fractional = packChanges([change({ mergedAt: at(2), cycleTime: INT_NULL, leadTime: 0.5 }), change({ mergedAt: at(3), leadTime: null })], () => false);
    expect([whole.numbers, fractional.numbers].map((n) => n.constructor.name)).toEqual(['Int32Array', 'Float64Array']);
    const changes = listed(
      [
        { packed: whole, repository: 'w' },
        { packed: fractional, repository: 'f' },
      ],
      shift,
    );
    expect(changes.map((c) => [c.repository, c.cycleTime, c.leadTime])).toEqual([
      ['w', null, 100],
      ['f', INT_NULL, 0.5],
      ['f', null, null],
    ]);
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
    expect(listed([{ packed, repository: 'r' }]).map((c) => c.url)).toEqual(urls);
  });
});

describe('the order of merges', () => {
  it('orders whole times with ties in the order given, before 1970 too', () => {
    expect(Array.from(mergeOrder(Float64Array.from([30, -5, 30, 0, -5, 7])))).toEqual([1, 4, 3, 5, 0, 2]);
  });

  it('orders fractional times, and times too large to key with their index, as a comparison does', () => {
    expect(Array.from(mergeOrder(Float64Array.from([2.5, 1, 2.5, 2])))).toEqual([1, 3, 0, 2]);
    // a time near 2^52 leaves no room for the index: the comparison keeps the ties' order
    expect(Array.from(mergeOrder(Float64Array.from([2 ** 52, 3, 2 ** 52, 1])))).toEqual([3, 1, 0, 2]);
  });

  it('gives every index once over many changes', () => {
    const times = Float64Array.from({ length: 5000 }, (_, i) => 1_700_000_000 + ((i * 7919) % 1000));
    const order = Array.from(mergeOrder(times));
    expect(new Set(order).size).toBe(5000);
    // each time's indices in ascending order, the times ascending
    for (let k = 1; k < order.length; k++) {
      const [a, b] = [order[k - 1] as number, order[k] as number];
      expect(times[a] as number < (times[b] as number) || (times[a] === times[b] && a < b)).toBe(true);
    }
  });
});
