import { describe, expect, it } from 'vitest';
import type { ComparedRow } from '../../src/metrics/compared.js';
import { renderPreviousCsv } from '../../src/render/csv-trends.js';
import { previousView } from '../../src/render/previous.js';
import type { Report } from '../../src/report/schema.js';
import { CALENDAR_DAYS } from '../../src/units.js';

const H = 3600;
const D = 24 * H;

/** A row of the previous period: a duration compared, lower is better. */
function row(label: string, before: number, after: number, interval: ComparedRow['interval'], direction: ComparedRow['direction']): ComparedRow {
  return {
    key: 'dora.timeToRestore', group: 'dora', label, unit: 'seconds', lowerIsBetter: true, before, after, change: after - before,
    relativeChange: (after - before) / before, direction, interval, sample: { before: 1, after: 2 }, lowSample: true,
  };
}

describe('the previous period as every format words it', () => {
  it('says too few values to tell where an interval leaves out 0 over too few values, else the data cannot tell', () => {
    // biome, 2024-09 → 2025-09 against 2025-09 → 2026-09: recovery time 9d 1h over one failed deploy, then 8d 10h
    // over two; the resamples' interval −1d 3h … −2h 13m leaves out 0 but rests on too few values to be real
    const report = {
      summary: {
        previous: {
          since: '2024-09-01T00:00:00Z', until: '2025-09-01T00:00:00Z', covered: true, changes: 1326, deploys: 19,
          rows: [
            row('failed deployment recovery time', 9 * D + H, 8 * D + 10 * H, { difference: -(D + 3 * H), low: -(D + 3 * H), high: -(2 * H + 13 * 60), real: false }, 'uncertain'),
            row('lead time for changes', 38 * D, 37 * D, { difference: -D, low: -3 * D, high: 2 * D, real: false }, 'uncertain'),
            // a side still waiting reports its Kaplan–Meier median: a change of +18d beside a real interval of the
            // finished changes, +7d 15h … +12d, which does not hold it (aspire's deploy wait)
            row('deploy wait p50', 10 * D, 28 * D, { difference: 10 * D, low: 7 * D + 15 * H, high: 12 * D, real: true }, 'uncertain'),
          ],
        },
      },
    } as unknown as Report;
    expect(previousView(report, CALENDAR_DAYS)?.rows.map((r) => [r.label, r.before, r.now, r.change])).toEqual([
      ['failed deployment recovery time', '9d 1h', '8d 10h', 'too few values to tell'],
      ['lead time for changes', '38d', '37d', 'the data cannot tell'],
      ['deploy wait p50', '10d', '28d', 'the data cannot tell'],
    ]);
  });

  it('writes an interval unbounded on one side by its other end', () => {
    // lead time 51d 21h → 28d 15h with changes still waiting: before's median unreached in over 2.5% of the
    // resamples, so the interval of after − before has a high end only
    const report = {
      summary: {
        previous: {
          since: '2026-01-10T00:00:00Z', until: '2026-05-01T00:00:00Z', covered: true, changes: 218, deploys: 5,
          rows: [row('lead time for changes', 51 * D + 21 * H, 28 * D + 15 * H, { difference: -(23 * D + 6 * H), low: null, high: -(5 * D + 17 * H), real: true }, 'better')],
        },
      },
    } as unknown as Report;
    expect(previousView(report, CALENDAR_DAYS)?.rows.map((r) => r.change)).toEqual(['−23d 6h (≤ −5d 17h), better']);
  });

  it('names the figures one period cannot give under the table, not only leaves their rows out', () => {
    // electron's three months to 2026-08-22: the deploy wait and lead time medians not reached now, changes still waiting
    const unreached = (label: string): ComparedRow => ({ ...row(label, 20 * D, 0, { difference: null, low: null, high: null, real: false }, null), after: null, change: null, relativeChange: null });
    const report = {
      summary: {
        previous: {
          since: '2026-02-19T00:00:00Z', until: '2026-05-22T00:00:00Z', covered: true, changes: 457, deploys: 27,
          rows: [row('cycle time p50', D, D + H, { difference: H, low: -H, high: 2 * H, real: false }, 'uncertain'), unreached('deploy wait p50'), unreached('lead time for changes')],
        },
      },
    } as unknown as Report;
    const view = previousView(report, CALENDAR_DAYS);
    expect(view?.rows.map((r) => r.label)).toEqual(['cycle time p50']);
    expect(view?.note).toBe('A change is written only where its 95% interval (bootstrap) excludes 0. Not compared: deploy wait p50 and lead time for changes, which one of the periods does not give (a percentile not reached while changes still wait, or nothing to measure).');
  });

  it('writes the CSV\'s numbers as the JSON does, to the millionth, not the float noise of an interpolated percentile', () => {
    // react-router's first → last p90 of 2700.3999999999946 s, 2700.4 in the JSON
    const noisy = { ...row('first → last p90', 2700.3999999999946, 176206.70000000013, { difference: null, low: null, high: null, real: false }, 'uncertain'), key: 'stages.coding.p90' };
    const report = { summary: { previous: { since: '2026-01-29T00:00:00Z', until: '2026-05-01T00:00:00Z', covered: true, changes: 37, deploys: 33, rows: [noisy] } } } as unknown as Report;
    expect(renderPreviousCsv(report).split('\r\n')[1]?.split(',').slice(3, 5)).toEqual(['2700.4', '176206.7']);
  });
});
