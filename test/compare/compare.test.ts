import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { compareReports, type ComparisonRow } from '../../src/compare/compare.js';
import { renderComparisonJson, renderComparisonMarkdown, renderComparisonText } from '../../src/compare/render.js';
import { D, H, report } from '../aggregate/report-builder.js';

// a baseline quarter and a pilot quarter of the same repository, with every figure set by hand
const before = report({
  window: { since: '2026-01-01T00:00:00Z', until: '2026-04-01T00:00:00Z' },
  summary: {
    changes: 40,
    stages: {
      coding: { count: 40, p50: 10 * H, p90: 30 * H },
      pickup: { count: 40, p50: 20 * H, p90: 2 * D },
      review: { count: 40, p50: 4 * H, p90: 12 * H },
      merge: { count: 40, p50: 0, p90: 2 * H },
      deploy: { count: 40, p50: null, p90: null },
    },
    cycleTime: { count: 40, p50: 2 * D, p90: 5 * D },
    dora: {
      deploymentFrequency: { value: 2, count: 26 },
      leadTime: { value: 3 * D, count: 40 },
      changeFailureRate: { value: 0.1, count: 26 },
      timeToRestore: { value: 4 * H, count: 3 },
      reworkRate: { value: 0.05, count: 26 },
    },
  },
});
const after = report({
  window: { since: '2026-04-01T00:00:00Z', until: '2026-07-01T00:00:00Z' },
  summary: {
    changes: 8,
    stages: {
      coding: { count: 8, p50: 6 * H, p90: 30 * H },
      pickup: { count: 8, p50: 25 * H, p90: 1 * D },
      review: { count: 8, p50: 4 * H, p90: 6 * H },
      merge: { count: 8, p50: 1 * H, p90: 2 * H },
      deploy: { count: 8, p50: 2 * H, p90: 5 * H },
    },
    cycleTime: { count: 8, p50: 1.5 * D, p90: 4 * D },
    dora: {
      deploymentFrequency: { value: 3, count: 39 },
      leadTime: { value: 2 * D, count: 8 },
      changeFailureRate: { value: 0.15, count: 39 },
      timeToRestore: { value: 4 * H, count: 6 },
      reworkRate: { value: 0.05, count: 39 },
    },
  },
});

const byKey = (rows: ComparisonRow[], key: string): ComparisonRow => {
  const row = rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
};

describe('compareReports', () => {
  const c = compareReports(before, after);

  it('has a row per stage and cycle time (p50, p90) and per DORA key, in order', () => {
    expect(c.schemaVersion).toBe(1);
    expect(c.rows.map((r) => r.key)).toEqual([
      'stages.coding.p50', 'stages.coding.p90', 'stages.pickup.p50', 'stages.pickup.p90', 'stages.review.p50', 'stages.review.p90',
      'stages.merge.p50', 'stages.merge.p90', 'stages.deploy.p50', 'stages.deploy.p90', 'cycleTime.p50', 'cycleTime.p90',
      'dora.deploymentFrequency', 'dora.leadTime', 'dora.changeFailureRate', 'dora.timeToRestore', 'dora.reworkRate',
    ]);
  });

  it('durations: lower is better', () => {
    expect(byKey(c.rows, 'stages.coding.p50')).toEqual({
      key: 'stages.coding.p50', group: 'stage', label: 'coding p50', unit: 'seconds', lowerIsBetter: true,
      before: 10 * H, after: 6 * H, change: -4 * H, relativeChange: -0.4, direction: 'better',
      sample: { before: 40, after: 8 }, lowSample: true,
    });
    expect(byKey(c.rows, 'stages.pickup.p50')).toMatchObject({ change: 5 * H, relativeChange: 0.25, direction: 'worse' });
    expect(byKey(c.rows, 'stages.pickup.p90')).toMatchObject({ change: -1 * D, relativeChange: -0.5, direction: 'better' });
    expect(byKey(c.rows, 'stages.review.p50')).toMatchObject({ change: 0, relativeChange: 0, direction: 'same' });
    expect(byKey(c.rows, 'cycleTime.p50')).toMatchObject({ change: -0.5 * D, relativeChange: -0.25, direction: 'better' });
  });

  it('a change from 0 has no relative change; a side not measured has no change', () => {
    expect(byKey(c.rows, 'stages.merge.p50')).toMatchObject({ before: 0, after: H, change: H, relativeChange: null, direction: 'worse' });
    expect(byKey(c.rows, 'stages.deploy.p50')).toMatchObject({ before: null, after: 2 * H, change: null, relativeChange: null, direction: null, lowSample: false });
  });

  it('DORA: higher deploy frequency is better, lower failure rate and restore time are', () => {
    expect(byKey(c.rows, 'dora.deploymentFrequency')).toMatchObject({ before: 2, after: 3, change: 1, relativeChange: 0.5, direction: 'better', lowerIsBetter: false, sample: { before: 26, after: 39 }, lowSample: false });
    expect(byKey(c.rows, 'dora.leadTime')).toMatchObject({ change: -D, direction: 'better', sample: { before: 40, after: 8 }, lowSample: true });
    const cfr = byKey(c.rows, 'dora.changeFailureRate');
    expect(cfr).toMatchObject({ before: 0.1, after: 0.15, direction: 'worse', lowSample: false });
    expect(cfr.change).toBeCloseTo(0.05, 12);
    expect(cfr.relativeChange).toBeCloseTo(0.5, 12);
    expect(byKey(c.rows, 'dora.timeToRestore')).toMatchObject({ change: 0, direction: 'same', sample: { before: 3, after: 6 }, lowSample: true });
    expect(byKey(c.rows, 'dora.reworkRate')).toMatchObject({ change: 0, direction: 'same' });
  });

  it('warns about a side with fewer changes than minSample', () => {
    expect(c.minSample).toBe(10);
    expect(c.warnings).toEqual(['after has 8 changes, fewer than 10: too few to trust its figures']);
    expect(c.before).toEqual({ repository: 'acme/one', window: before.window, changes: 40, deploys: 26, sources: ['git'], deploySignal: 'tags', businessHours: null });
  });

  it('takes minSample as an option', () => {
    const loose = compareReports(before, after, { minSample: 5 });
    expect(loose.warnings).toEqual([]);
    expect(byKey(loose.rows, 'stages.coding.p50').lowSample).toBe(false);
    expect(byKey(loose.rows, 'dora.timeToRestore').lowSample).toBe(true);
    const strict = compareReports(before, after, { minSample: 50 });
    expect(strict.warnings).toEqual([
      'before has 40 changes, fewer than 50: too few to trust its figures',
      'after has 8 changes, fewer than 50: too few to trust its figures',
    ]);
  });

  it('warns when the sides are not comparable or overlap', () => {
    const github = report({ ...after, sources: ['git', 'github'], deploySignal: { kind: 'merge', detail: '' }, summary: { changes: 40 }, window: { since: '2026-03-01T00:00:00Z', until: '2026-05-01T00:00:00Z' } });
    expect(compareReports(before, github).warnings).toEqual([
      'the sides read different sources (before: git, after: git + github): stage figures are not comparable',
      'the sides count deploys differently (before: tags, after: merge): deploy figures are not comparable',
      'the two windows overlap: some changes are on both sides',
    ]);
    const other = report({ repository: { remote: 'acme/two' }, summary: { changes: 40 }, window: before.window });
    expect(compareReports(before, other).warnings).toEqual([]);
    const working = report({ ...after, summary: { changes: 40 }, businessHours: { timezone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
    expect(compareReports(before, working).warnings).toEqual(['the sides count time differently (business hours on one side, or different hours): durations are not comparable']);
  });

  it('is its own JSON output', () => {
    const json = renderComparisonJson(c);
    expect(json.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(json) as typeof c;
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.rows.find((r) => r.key === 'dora.changeFailureRate')?.change).toBe(0.05);
    expect(parsed.rows.find((r) => r.key === 'stages.coding.p50')).toEqual(c.rows.find((r) => r.key === 'stages.coding.p50'));
  });
});

describe('comparison renderers', () => {
  const c = compareReports(before, after);

  it('text: sides, one line per figure with value, change and direction, then warnings; no colour codes when off', () => {
    const text = renderComparisonText(c, { color: false, width: 100 });
    expect(text).not.toMatch(/\u001b\[/);
    for (const l of renderComparisonText(c, { color: false }).split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    expect(text).toContain('before: acme/one · 2026-01-01 → 2026-04-01 · 40 changes, 26 deploys');
    expect(text).toContain('after : acme/one · 2026-04-01 → 2026-07-01 · 8 changes, 39 deploys');
    const line = (label: string): string => text.split('\n').find((l) => l.includes(` ${label} `)) ?? '';
    expect(line('coding p50').split('│').map((s) => s.trim()).filter(Boolean)).toEqual(['coding p50', '10h', '6h', '-4h', '-40%', 'better', '40 → 8 *']);
    expect(line('deployment frequency').split('│').map((s) => s.trim()).filter(Boolean)).toEqual(['deployment frequency', '2.00/week', '3.00/week', '+1.00/week', '+50%', 'better', '26 → 39']);
    expect(line('change failure rate').split('│').map((s) => s.trim()).filter(Boolean)).toEqual(['change failure rate', '10.0%', '15.0%', '+5.0 pp', '+50%', 'worse', '26 → 39']);
    expect(line('deploy wait p50').split('│').map((s) => s.trim()).filter(Boolean)).toEqual(['deploy wait p50', '—', '2h', '—', '—', '—', '40 → 8']);
    expect(text).toContain('* fewer than 10 on a side: too few to trust');
    expect(text).toContain('warning: after has 8 changes, fewer than 10: too few to trust its figures');
    expect(renderComparisonText(c, { color: true })).toMatch(/\u001b\[32m-4h/);
  });

  it('markdown: a table, and untrusted names escaped', () => {
    const hostile = report({ ...before, repository: { path: '/x', remote: 'a|b<script>', branch: 'main' } });
    const md = renderComparisonMarkdown(compareReports(hostile, after));
    expect(md).toContain('- before: a\\|b&lt;script&gt; · 2026-01-01 → 2026-04-01 · 40 changes, 26 deploys');
    expect(md).not.toContain('<script>');
    expect(md).toContain('| measure | before | after | change | % | direction | n before → after |');
    expect(md).toContain('| coding p50 | 10h | 6h | -4h | -40% | 🟢 better | 40 → 8 ⚠️ |');
    expect(md).toContain('| change failure rate | 10.0% | 15.0% | +5.0 pp | +50% | 🔴 worse | 26 → 39 |');
    expect(md).toContain('> **Warning:** after has 8 changes, fewer than 10: too few to trust its figures');
  });
});
