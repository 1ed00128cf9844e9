import { describe, expect, it } from 'vitest';
import { barChart } from '../../../src/render/svg/bars.js';
import { weeklyChart } from '../../../src/render/svg/trend.js';
import { countScale, logCountScale, logDurationScale, thinTicks } from '../../../src/render/svg/scale.js';
import { fitText, textWidth } from '../../../src/render/svg/svg.js';
import fc from 'fast-check';
import { labelSpan, timeTicks } from '../../../src/render/svg/time-axis.js';

const M = 60;
const H = 3600;
const D = 86400;
const at = (iso: string): number => Date.parse(iso) / 1000;

describe('chart scales', () => {
  it('a log duration axis runs between round durations around the values, 0 on a step of its own', () => {
    const scale = logDurationScale([30 * M, 3 * D]);
    // smallest 30m → from 10m; largest 3d → to 7d
    expect(scale.ticks).toEqual([10 * M, H, 6 * H, D, 7 * D]);
    expect(scale.at(10 * M)).toBe(0);
    expect(scale.at(7 * D)).toBe(1);
    expect(scale.at(H)).toBeCloseTo(Math.log(6) / Math.log(1008), 12);
    const withZero = logDurationScale([0, 30 * M, 3 * D]);
    expect(withZero.ticks).toEqual([0, 10 * M, H, 6 * H, D, 7 * D]);
    expect(withZero.at(0)).toBe(0);
    expect(withZero.at(10 * M)).toBeCloseTo(0.1, 12);
    expect(withZero.at(7 * D)).toBe(1);
  });

  it('a log duration axis over minutes to a year keeps at most six ticks, the minor ones dropped first', () => {
    expect(logDurationScale([90, 200 * D]).ticks).toEqual([M, H, D, 7 * D, 30 * D, 365 * D]);
  });

  it('a log count axis reaches the largest count and ticks the round counts below it', () => {
    const scale = logCountScale(1243);
    expect(scale.ticks).toEqual([0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(scale.at(1243)).toBe(1);
    expect(scale.at(0)).toBe(0);
    expect(scale.at(9)).toBeCloseTo(1 / Math.log10(1244), 12);
  });

  it('thins ticks to keep them apart, both ends kept', () => {
    const scale = logCountScale(1243);
    const ticks = thinTicks(scale, 130, 22);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(1000);
    for (let i = 1; i < ticks.length; i++) expect((scale.at(ticks[i] as number) - scale.at(ticks[i - 1] as number)) * 130).toBeGreaterThanOrEqual(22);
    expect(thinTicks(countScale(20), 300, 20)).toEqual([0, 5, 10, 15, 20]);
  });
});

describe('time axis', () => {
  /** A plot `width` px wide from `left` in the chart, as the charts place their time axis. */
  const along = (start: string, end: string, width: number, left = 35): [number, number, (t: number) => number] => [at(start), at(end), (t) => left + ((t - at(start)) / (at(end) - at(start))) * width];

  it('over two years at a chart’s width: every sixth month, the first and each January with its year', () => {
    const ticks = timeTicks(...along('2024-08-22T00:00:00Z', '2026-08-22T00:00:00Z', 330));
    expect(ticks.map((t) => t.label)).toEqual(['Jan 2025', 'Jul', 'Jan 2026', 'Jul']);
    expect(ticks[0]?.at).toBe(at('2025-01-01T00:00:00Z'));
  });

  it('over a year: quarters when every second month would crowd, never one skipped in the sequence', () => {
    // every second month (May … Jan 2026, Mar) would put "Jan 2026" and "Mar" 0.01 px too close
    const ticks = timeTicks(...along('2025-03-10T00:00:00Z', '2026-03-09T00:00:00Z', 330));
    expect(ticks.map((t) => t.label)).toEqual(['Apr 2025', 'Jul', 'Oct', 'Jan 2026']);
    // across the whole chart every second month would end "Mar" at the chart's edge, 6 px from "Jan 2026": quarters
    expect(timeTicks(...along('2025-03-10T00:00:00Z', '2026-03-09T00:00:00Z', 400, 0)).map((t) => t.label)).toEqual(['Apr 2025', 'Jul', 'Oct', 'Jan 2026']);
    expect(timeTicks(...along('2025-03-10T00:00:00Z', '2026-03-09T00:00:00Z', 370, 0)).map((t) => t.label)).toEqual(['May 2025', 'Jul', 'Sep', 'Nov', 'Jan 2026', 'Mar']);
  });

  it('measures a label near the left edge where it is drawn, running right from its tick', () => {
    // pi-hole's Deploys chart: its plot starts 20 px in, and "May 2025", three days into the window, is drawn from
    // its tick rightwards; every month would put "Jun" 3 px after it
    const ticks = timeTicks(...along('2025-04-28T00:00:00Z', '2025-10-29T00:00:00Z', 370, 20));
    expect(ticks.map((t) => t.label)).toEqual(['May 2025', 'Jul', 'Sep']);
    expect(labelSpan(20 + (3 / 184) * 370, 'May 2025').anchor).toBe('start');
  });

  it('never draws two labels closer than 8 px, wherever the plot sits and however long the span', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 3650 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 200, max: 380 }), fc.integer({ min: 0, max: 364 }), (days, left, width, offset) => {
        const start = at('2020-01-01T00:00:00Z') + offset * D;
        const end = start + days * D;
        const x = (t: number): number => left + ((t - start) / (end - start)) * Math.min(width, 400 - left);
        const spans = timeTicks(start, end, x).map((t) => labelSpan(x(t.at), t.label));
        for (let i = 1; i < spans.length; i++) expect((spans[i]?.from ?? 0) - (spans[i - 1]?.to ?? 0)).toBeGreaterThanOrEqual(8);
        for (const s of spans) expect(s.from >= 0 && s.to <= 400).toBe(true);
      }),
    );
  });

  it('over a few weeks: Mondays', () => {
    expect(timeTicks(...along('2026-03-02T00:00:00Z', '2026-03-30T00:00:00Z', 340)).map((t) => t.label)).toEqual(['Mar 2', 'Mar 9', 'Mar 16', 'Mar 23', 'Mar 30']);
    // on 200 px every second Monday would crowd "Feb 2" and "Feb 16": every third
    expect(timeTicks(...along('2026-02-02T00:00:00Z', '2026-03-30T00:00:00Z', 200)).map((t) => t.label)).toEqual(['Feb 2', 'Feb 23', 'Mar 16']);
  });
});

describe('bar chart', () => {
  const format = (v: number | null): string => (v === null ? '—' : `${v}d`);

  it('keeps every value label inside the chart, the longest one ending at its edge at most', () => {
    const svg = barChart({ id: 'x', title: 'x', description: 'x' }, [{ label: 'a', values: [1000, 10] }, { label: 'b', values: [null, 5] }], {
      series: [{ name: 'one', colour: '#000' }, { name: 'two', colour: '#555' }], scale: 'count', format, empty: 'none',
    });
    const labels = [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" class="value">([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), text: m[2] ?? '' }));
    expect(labels.map((l) => l.text)).toEqual(['1000d', '10d', '—', '5d']);
    for (const l of labels) expect(l.x + textWidth(l.text)).toBeLessThanOrEqual(400);
    expect(svg).toContain('<title>b, one: —</title>');
  });

  it('shortens a row label too long for its column, the whole of it in a tooltip', () => {
    const long = 'a-reviewer-with-a-very-long-login-name';
    const svg = barChart({ id: 'x', title: 'x', description: 'x' }, [{ label: long, values: [3], text: '3' }], {
      series: [{ name: 'reviews', colour: '#000' }], scale: 'count', layout: 'stacked', format, empty: 'none',
    });
    const shown = fitText(long, 400 * 0.36 - 8);
    expect(shown.endsWith('…')).toBe(true);
    expect(svg).toContain(`>${shown}<title>${long}</title></text>`);
  });

  it('says why when there is nothing to draw', () => {
    expect(barChart({ id: 'x', title: 'x', description: 'x' }, [{ label: 'a', values: [0] }], { series: [{ name: 's', colour: '#000' }], scale: 'count', format, empty: 'no review' })).toContain('>no review</text>');
    // durations known to be 0 are not missing (aider's cycle times by size, 0s in every range)
    const zero = { series: [{ name: 'cycle time p50', colour: '#000' }], scale: 'duration', format: () => '0s', empty: 'no change with a known size' } as const;
    expect(barChart({ id: 'x', title: 'x', description: 'x' }, [{ label: '0–50 lines', values: [0] }, { label: '51–200 lines', values: [0] }], zero)).toContain('>every cycle time p50 is 0s: nothing to draw</text>');
    expect(barChart({ id: 'x', title: 'x', description: 'x' }, [{ label: '0–50 lines', values: [null] }], zero)).toContain('>no change with a known size</text>');
  });
});

describe('bounds in charts', () => {
  it('draws a percentile beyond the data as a hollow bar to its bound, written as its table writes it', () => {
    const svg = barChart({ id: 'b', title: 't', description: 'd' }, [{ label: 'deploy wait', values: [D, null], bounds: [null, 66 * D] }], {
      series: [{ name: 'p50', colour: '#111' }, { name: 'p90', colour: '#111' }], scale: 'duration', format: (v) => (v === null ? '—' : `${Math.round(v / D)}d`), empty: 'none',
    });
    expect(svg).toContain('>≥ 66d</text>');
    expect(svg).not.toContain('>—</text>');
    expect(svg).toMatch(/<rect [^>]*fill="none"[^>]*class="bound"/);
  });

  it('draws a week whose figure is a bound as a hollow dot, off the line', () => {
    const svg = weeklyChart({ id: 'w', title: 't', description: 'd' }, {
      weeks: ['2026-03-02', '2026-03-09', '2026-03-16'],
      lines: [{ name: 'lead time p50', colour: '#111', values: [2 * D, 3 * D, null], bounds: [null, null, H] }],
      scale: 'duration', format: (v) => `${v}`, empty: 'none',
    });
    expect(svg).toMatch(/<circle [^>]*fill="none"[^>]*class="bound"/);
    expect(svg).toContain(`≥ ${H}, changes not yet deployed`);
    // the line joins the two complete weeks only: one segment, two points
    expect(svg.match(/<path d="M[^"]*"/g)?.map((d) => d.split('L').length)).toEqual([2]);
  });
});
