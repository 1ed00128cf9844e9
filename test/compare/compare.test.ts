import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { aggregateReports } from '../../src/aggregate/aggregate.js';
import { compareReports, type ComparisonRow } from '../../src/compare/compare.js';
import { comparedFigures } from '../../src/metrics/compared.js';
import { renderComparisonJson, renderComparisonMarkdown, renderComparisonText } from '../../src/compare/render.js';
import { buildReport } from '../../src/report/build.js';
import { fromReportChange, fromReportDeploy } from '../../src/report/convert.js';
import type { Report, ReportChange, ReportDeploy } from '../../src/report/schema.js';
import { change, D, deploy, H, report } from '../aggregate/report-builder.js';

// a baseline quarter and a pilot quarter of the same repository, built by the report builder from their changes
// and deploys, so each figure and its interval are over the same values
const HOURS = (...values: number[]): number[] => values.map((v) => v * H);
/** the i-th of n changes, merged across the window, its stages as given (null: not seen) */
function changes(since: string, stages: Record<'coding' | 'pickup' | 'review' | 'merge' | 'deploy', Array<number | null>>): ReportChange[] {
  return stages.coding.map((coding, i) => {
    const s = { coding, pickup: stages.pickup[i] ?? null, review: stages.review[i] ?? null, merge: stages.merge[i] ?? null, deploy: stages.deploy[i] ?? null };
    const cycle = (s.coding ?? 0) + (s.pickup ?? 0) + (s.review ?? 0) + (s.merge ?? 0);
    const mergedAt = new Date(Date.parse(since) + (i + 1) * 2 * D * 1000).toISOString().replace('.000Z', 'Z');
    return change({ mergedAt, stages: s, cycleTime: cycle, leadTime: s.deploy === null ? null : cycle + s.deploy });
  });
}
/** n deploys a day apart from the window's start, the first `failed` of them failed and restored after 4h */
function deploys(since: string, n: number, failed: number): ReportDeploy[] {
  return Array.from({ length: n }, (_, i) => deploy({
    at: new Date(Date.parse(since) + (i * 2 + 1) * D * 1000).toISOString().replace('.000Z', 'Z'),
    failed: i < failed, restoredAfter: i < failed ? 4 * H : null,
  }));
}
function side(window: Report['window'], c: ReportChange[], d: ReportDeploy[]): Report {
  return buildReport(
    { changes: c.map((x) => fromReportChange(x, undefined)), deploys: d.map((x) => fromReportDeploy(x, undefined)), openPulls: [] },
    { since: Date.parse(window.since) / 1000, until: Date.parse(window.until) / 1000 },
    Date.parse(window.until) / 1000,
    report().policy,
    { generatedAt: '2026-07-01T00:00:00Z', repository: { path: '/repos/one', remote: 'acme/one', branch: 'main' }, sources: ['git'], deploySignal: { kind: 'tags', detail: 'tags' }, businessHours: null, notes: [], warnings: [] },
  );
}
const repeat = <T,>(values: T[], times: number): T[] => Array.from({ length: times }, () => values).flat();

// before, 40 changes: coding 8–12h (p50 10h, p90 12h), pickup 10–30h (p50 20h, p90 30h), review 4h, merge 0,
// never deployed; 26 deploys in 13 weeks, 1 failed
const before = side(
  { since: '2026-01-01T00:00:00Z', until: '2026-04-01T00:00:00Z' },
  changes('2026-01-01T00:00:00Z', {
    coding: repeat(HOURS(8, 9, 10, 11, 12), 8),
    pickup: repeat(HOURS(10, 15, 20, 25, 30), 8),
    review: repeat(HOURS(4), 40),
    merge: repeat([0], 40),
    deploy: repeat<number | null>([null], 40),
  }),
  deploys('2026-01-01T00:00:00Z', 26, 1),
);
// after, 8 changes: coding 4–7h (p50 5.5h, p90 7h: every one faster), pickup spread over the same range as
// before (p50 21h, p90 28.6h), review 4h, merge 1h, deploy 2h; 30 deploys in 13 weeks, 4 failed
const after = side(
  { since: '2026-04-01T00:00:00Z', until: '2026-07-01T00:00:00Z' },
  changes('2026-04-01T00:00:00Z', {
    coding: HOURS(4, 5, 6, 7, 4, 5, 6, 7),
    pickup: HOURS(12, 18, 22, 28, 14, 26, 20, 30),
    review: repeat(HOURS(4), 8),
    merge: repeat(HOURS(1), 8),
    deploy: repeat(HOURS(2), 8),
  }),
  deploys('2026-04-01T00:00:00Z', 30, 4),
);

const byKey = (rows: ComparisonRow[], key: string): ComparisonRow => {
  const row = rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
};

describe('compareReports', () => {
  const c = compareReports(before, after);

  it('has a row per figure the catalogue compares, in its order (which they are: test/metrics/compared-coverage.test.ts)', () => {
    expect(c.schemaVersion).toBe(1);
    expect(c.rows.map((r) => r.key)).toEqual(comparedFigures().map((f) => f.key));
    expect(c.rows.slice(0, 3).map((r) => r.key)).toEqual(['stages.coding.p50', 'stages.coding.p90', 'stages.pickup.p50']);
  });

  it('durations: lower is better, and better only when every resample agrees', () => {
    const coding = byKey(c.rows, 'stages.coding.p50');
    expect(coding).toMatchObject({
      key: 'stages.coding.p50', group: 'stage', label: 'first → last p50', unit: 'seconds', lowerIsBetter: true,
      before: 10 * H, after: 5.5 * H, change: -4.5 * H, relativeChange: -0.45, direction: 'better',
      sample: { before: 40, after: 8 }, lowSample: true,
    });
    // every change after (4–7h) is faster than every change before (8–12h): any resample's medians differ by 1h to 8h
    expect(coding.interval).toMatchObject({ difference: -4.5 * H, real: true });
    expect(coding.interval.low).toBeGreaterThanOrEqual(-8 * H);
    expect(coding.interval.high).toBeLessThanOrEqual(-1 * H);
    expect(byKey(c.rows, 'stages.coding.p90')).toMatchObject({ before: 12 * H, after: 7 * H, direction: 'better' });
    expect(byKey(c.rows, 'stages.review.p50')).toMatchObject({ change: 0, relativeChange: 0, direction: 'same' });
  });

  it('calls a difference the spread of the changes could make "uncertain": the data cannot tell', () => {
    // pickup after (12–30h) spreads over the same range as before (10–30h): p50 20h → 21h, p90 30h → 28.6h
    const pickup = byKey(c.rows, 'stages.pickup.p50');
    expect(pickup).toMatchObject({ before: 20 * H, after: 21 * H, change: H, relativeChange: 0.05, direction: 'uncertain' });
    expect(pickup.interval.low).toBeLessThan(0);
    expect(pickup.interval.high).toBeGreaterThan(0);
    expect(byKey(c.rows, 'stages.pickup.p90')).toMatchObject({ before: 30 * H, direction: 'uncertain' });
    expect(byKey(c.rows, 'stages.pickup.p90').after).toBeCloseTo(28.6 * H, 6);
    // cycle time 22–46h (p50 34h) against 21–42h (p50 32h)
    expect(byKey(c.rows, 'cycleTime.p50')).toMatchObject({ before: 34 * H, after: 32 * H, change: -2 * H, direction: 'uncertain' });
  });

  it('a change from 0 has no relative change; a side not measured has no change, and an interval only as far as its bound reaches', () => {
    // every change merged at once before, an hour after approval after: certain, however few
    expect(byKey(c.rows, 'stages.merge.p50')).toMatchObject({ before: 0, after: H, change: H, relativeChange: null, direction: 'worse', interval: { low: H, high: H, real: true } });
    // before, all 40 changes still wait for a deploy, 10d … 88d so far (median ≥ 49d): no median, no change. Every
    // resample's median is unreached too, at least its own median age (10d … 88d), so after (2h) − before is at
    // most 2h − that: the interval has a high end, below 0, and none below
    const deploy = byKey(c.rows, 'stages.deploy.p50');
    expect(deploy).toMatchObject({
      before: null, after: 2 * H, change: null, relativeChange: null, direction: null, lowSample: false,
      interval: { difference: null, low: null, real: true },
    });
    expect(deploy.interval.high).toBeGreaterThan(2 * H - 49 * D);
    expect(deploy.interval.high).toBeLessThan(2 * H - 10 * D);
  });

  it('resamples lead time and the deploy wait with the changes still waiting at each report\'s now, as its medians count them', () => {
    // before: 20 changes deployed 30h after their merge (lead time 31h). After: 70 deployed in 2h, 30 in 40h and 100
    // merged 35h before the report's now, still waiting. Kaplan–Meier: Ŝ(2h) = 130/200 = 0.65, the 100 leave the
    // risk set at 35h and the 30 left all deploy at 40h: the median deploy wait is 40h (the deployed alone: 2h), lead
    // time 41h. Every resample's median is so (2h would need 100 of 200 draws deployed in 2h, 4.4 sd above the mean):
    // +10h … +10h, worse. Resampling the deployed alone gave −28h … −28h beside a rise of 10h
    const at = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * H * 1000).toISOString().replace('.000Z', 'Z');
    const shipped = (mergedAt: string, deploy: number | null): ReportChange =>
      change({ mergedAt, firstCommitAt: at(mergedAt, -1), cycleTime: H, leadTime: deploy === null ? null : H + deploy, stages: { coding: H, review: 0, deploy } });
    const many = (n: number, from: string, deploy: number | null): ReportChange[] => Array.from({ length: n }, (_, i) => shipped(at(from, i), deploy));
    const earlier = side({ since: '2026-01-01T00:00:00Z', until: '2026-04-01T00:00:00Z' }, many(20, '2026-01-05T00:00:00Z', 30 * H), []);
    const later = side(
      { since: '2026-04-01T00:00:00Z', until: '2026-07-01T00:00:00Z' },
      [...many(70, '2026-04-05T00:00:00Z', 2 * H), ...many(30, '2026-05-05T00:00:00Z', 40 * H), ...Array.from({ length: 100 }, () => shipped(at('2026-07-01T00:00:00Z', -35), null))],
      [],
    );
    const rows = compareReports(earlier, later).rows;
    const point = { difference: 10 * H, low: 10 * H, high: 10 * H, real: true };
    expect(byKey(rows, 'stages.deploy.p50')).toMatchObject({ before: 30 * H, after: 40 * H, change: 10 * H, direction: 'worse', interval: point });
    expect(byKey(rows, 'dora.leadTime')).toMatchObject({ before: 31 * H, after: 41 * H, change: 10 * H, direction: 'worse', interval: point });
  });

  it('compares a repository of several products by its releases, as each side\'s cluster is placed, not by its tags', () => {
    // a release every other day, its products tagged at one commit: 2 products a release before, 5 after. Tags rose
    // from 2 to 5 a release; releases stayed at one every other day (3.5 a week, less a window's uneven end)
    const released = (since: string, products: number): ReportDeploy[] => deploys(since, 45, 0).flatMap((d) =>
      Array.from({ length: products }, (_, k) => ({ ...d, ref: `package-${k}@${d.at}`, product: `package-${k}`, sha: `sha-${d.at}` })));
    const earlier = side({ since: '2026-01-01T00:00:00Z', until: '2026-04-01T00:00:00Z' }, [], released('2026-01-01T00:00:00Z', 2));
    const later = side({ since: '2026-04-01T00:00:00Z', until: '2026-06-30T00:00:00Z' }, [], released('2026-04-01T00:00:00Z', 5));
    expect([earlier.summary.dora.deploymentFrequency.releases, later.summary.dora.deploymentFrequency.releases]).toEqual([45, 45]);
    const frequency = byKey(compareReports(earlier, later).rows, 'dora.deploymentFrequency');
    // 45 releases over 90 days on each side: 3.5 a week, no change, and an interval of the releases' days
    expect(frequency.before).toBeCloseTo((45 * 7) / 90, 12);
    expect(frequency.after).toBeCloseTo((45 * 7) / 90, 12);
    // over the 45 releases a side, not the 90 and 225 tags
    // equal rates, the days' resamples spread either side: the data cannot tell, never "no change"
    expect(frequency).toMatchObject({ change: 0, direction: 'uncertain', sample: { before: 45, after: 45 } });
    expect(frequency.interval.difference).toBeCloseTo(0, 12);
    // the sides say so, and what n counts
    const text = renderComparisonText(compareReports(earlier, later), { color: false, width: 100 });
    expect(text).toContain('before: acme/one · 2026-01-01 → 2026-04-01 · 0 changes, 90 deploys (45 releases)');
    expect(text).toContain('n: changes (deploys; releases for deployment frequency, pull requests) before → after');
    expect(renderComparisonMarkdown(compareReports(earlier, later))).toContain('- after: acme/one · 2026-04-01 → 2026-06-30 · 0 changes, 225 deploys (45 releases)');
    // one product's sides name no releases
    expect(renderComparisonText(c, { color: false, width: 100 })).toContain('n: changes (deploys, pull requests) before → after');
  });

  it('DORA: higher deploy frequency is better, lower failure rate and restore time are; deploys are resampled', () => {
    // 26 deploys in 90 days (2.02 a week) against 30 in 91 (2.31 a week): a day's deploys vary too much to tell
    const frequency = byKey(c.rows, 'dora.deploymentFrequency');
    expect(frequency).toMatchObject({ direction: 'uncertain', lowerIsBetter: false, sample: { before: 26, after: 30 }, lowSample: false });
    expect(frequency.before).toBeCloseTo((26 * 7) / 90, 12);
    expect(frequency.after).toBeCloseTo((30 * 7) / 91, 12);
    expect(frequency.interval.difference).toBeCloseTo((30 * 7) / 91 - (26 * 7) / 90, 12);
    expect(byKey(c.rows, 'dora.leadTime')).toMatchObject({ before: null, after: 34 * H, direction: null });
    // 1 failed of 26 against 4 of 30
    const cfr = byKey(c.rows, 'dora.changeFailureRate');
    expect(cfr).toMatchObject({ direction: 'uncertain', lowSample: false });
    expect(cfr.change).toBeCloseTo(4 / 30 - 1 / 26, 12);
    expect(cfr.interval.difference).toBeCloseTo(4 / 30 - 1 / 26, 12);
    expect(byKey(c.rows, 'dora.timeToRestore')).toMatchObject({ change: 0, direction: 'same', sample: { before: 1, after: 4 }, lowSample: true });
    // no rework deploy on either side: 0% and 0%, but 0 of 26 against 0 of 30 cannot tell the rates are equal
    expect(byKey(c.rows, 'dora.reworkRate')).toMatchObject({ change: 0, direction: 'uncertain' });
  });

  it('calls a clear drop in failures better', () => {
    const calm = side(after.window, [], deploys('2026-04-01T00:00:00Z', 30, 0));
    const stormy = side(before.window, [], deploys('2026-01-01T00:00:00Z', 26, 20));
    expect(byKey(compareReports(stormy, calm).rows, 'dora.changeFailureRate')).toMatchObject({ before: 20 / 26, after: 0, direction: 'better', interval: { real: true } });
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

  it('names the stages as the report does: from git alone "coding" is the first to the last commit and "review" the wait to the merge, in every format', () => {
    const withGitHub = (r: Report): Report => ({ ...r, sources: ['git', 'github'] });
    const stageLabels = (x: ReturnType<typeof compareReports>): string[] => x.rows.filter((r) => r.key.endsWith('.p50')).map((r) => r.label);
    // both read from GitHub: coding is seen from the first commit to the pull request's review request
    const github = compareReports(withGitHub(before), withGitHub(after));
    expect(stageLabels(github)).toEqual(['coding p50', 'pickup p50', 'review p50', 'merge wait p50', 'deploy wait p50', 'cycle time p50']);
    // git alone on either side: the row never claims more than a side measured
    expect(stageLabels(c)).toEqual(['first → last p50', 'pickup p50', 'review & merge p50', 'merge wait p50', 'deploy wait p50', 'cycle time p50']);
    expect(stageLabels(compareReports(withGitHub(before), after))[0]).toBe('first → last p50');
    expect(stageLabels(compareReports(before, withGitHub(after)))[0]).toBe('first → last p50');
    for (const text of [renderComparisonText(c, { color: false }), renderComparisonText(c, { color: false, width: 120 }), renderComparisonMarkdown(c), renderComparisonJson(c)]) {
      expect(text).toContain('first → last p90');
      expect(text).not.toMatch(/coding p[59]0/);
    }
    expect(renderComparisonMarkdown(github)).toContain('| coding p90 |');
  });

  it('is its own JSON output', () => {
    const json = renderComparisonJson(c);
    expect(json.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(json) as typeof c;
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.rows.find((r) => r.key === 'dora.changeFailureRate')?.change).toBe(0.094872);
    expect(parsed.rows.find((r) => r.key === 'stages.coding.p50')).toEqual(c.rows.find((r) => r.key === 'stages.coding.p50'));
  });
});

describe('comparison renderers', () => {
  const c = compareReports(before, after);

  it('text: sides, one line per figure with value, change, interval and direction, then warnings; no colour codes when off', () => {
    const text = renderComparisonText(c, { color: false, width: 120 });
    expect(text).not.toMatch(/\u001b\[/);
    // the terminal's default 80 columns hold every line
    for (const l of renderComparisonText(c, { color: false }).split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    // at 80 columns every row is one line: the verdict in one word, the intervals left to --width 100
    const narrow = renderComparisonText(c, { color: false }).split('\n');
    const tableRows = narrow.filter((l) => l.startsWith('│ ') && !l.startsWith('│ measure'));
    expect(tableRows.map((l) => l.split('│')[1]?.trim())).toEqual(c.rows.map((r) => r.label));
    expect(narrow.find((l) => l.startsWith('│ pickup p50'))).toMatch(/│ unclear +│/);
    expect(text).toContain('before: acme/one · 2026-01-01 → 2026-04-01 · 40 changes, 26 deploys');
    expect(text).toContain('after : acme/one · 2026-04-01 → 2026-07-01 · 8 changes, 30 deploys');
    const cells = (label: string): string[] => (text.split('\n').find((l) => l.includes(` ${label} `)) ?? '').split('│').map((s) => s.trim()).filter(Boolean);
    const coding = cells('first → last p50');
    expect(coding.filter((_, i) => i !== 5)).toEqual(['first → last p50', '10h', '5h 30m', '−4h 30m', '−45%', 'better', '40 → 8 *']);
    expect(coding[5]).toMatch(/^−\d+h( \d+m)? … −\d+h( \d+m)?$/);
    expect(cells('pickup p50').filter((_, i) => i !== 5)).toEqual(['pickup p50', '20h', '21h', '+1h', '+5%', 'the data cannot tell', '40 → 8 *']);
    expect(cells('pickup p50')[5]).toMatch(/^−.* … \+/);
    expect(cells('change failure rate').filter((_, i) => i !== 5)).toEqual(['change failure rate', '3.8%', '13%', '+9.5 pp', '+247%', 'the data cannot tell', '26 → 30']);
    // before, none of the 40 changes deployed: all 40 still wait (censored), so the median is not reached yet
    // and so is every resample's: after − before is at most 2h − its median's bound, with no low end
    expect(cells('deploy wait p50').filter((_, i) => i !== 5)).toEqual(['deploy wait p50', '—', '2h', '—', '—', 'not measured', '40 → 8']);
    expect(cells('deploy wait p50')[5]).toMatch(/^≤ −\d+d \d+h$/);
    expect(text).toContain('better or worse only where the 95% interval of the change excludes 0');
    expect(text).toContain('n: changes (deploys, pull requests) before → after; * fewer than 10 on a side: too few to trust');
    expect(cells('deployment frequency')[5]).toMatch(/^−\d\.\d\d … \+\d\.\d\d\/wk$/);
    expect(text).toContain('warning: after has 8 changes, fewer than 10: too few to trust its figures');
    expect(renderComparisonText(c, { color: true })).toMatch(/\u001b\[32m−4h 30m/);
  });

  it('says "too few values to tell" where an interval leaves out 0 over fewer values than a bootstrap can vary, as the report does', () => {
    // pickup rose 1h, its interval +30m … +2h leaves out 0, but over too few values to be real: not "worse", and
    // not "the data cannot tell" beside an interval that leaves out 0
    const few = { ...c, rows: c.rows.map((r) => (r.label === 'pickup p50' ? { ...r, direction: 'uncertain' as const, interval: { difference: 3600, low: 1800, high: 7200, real: false } } : r)) };
    const wideText = renderComparisonText(few, { color: false, width: 120 }).split('\n').find((l) => l.includes(' pickup p50 '));
    expect(wideText).toMatch(/│ too few values to tell +│/);
    expect(renderComparisonText(few, { color: false }).split('\n').find((l) => l.startsWith('│ pickup p50'))).toMatch(/│ too few +│/);
    expect(renderComparisonMarkdown(few)).toMatch(/\| pickup p50 \| 20h \| 21h \| \+1h \| \+5% \| \+30m … \+2h \| too few values to tell \|/);
    // an interval that holds 0 still cannot tell
    expect(renderComparisonMarkdown(c)).toMatch(/\| pickup p50 \|[^\n]*\| the data cannot tell \|/);
  });

  it('shows no interval beside a change it does not hold: it is not of that change', () => {
    // a percentile bootstrap that left its own estimate out (aspire's deploy wait: +18d beside +7d 15h … +12d)
    const off = { ...c, rows: c.rows.map((r) => (r.label === 'pickup p50' ? { ...r, direction: 'uncertain' as const, interval: { difference: 3 * H, low: 2 * H, high: 4 * H, real: true } } : r)) };
    expect(renderComparisonMarkdown(off)).toMatch(/\| pickup p50 \| 20h \| 21h \| \+1h \| \+5% \| — \| /);
    // one that holds it is shown, whatever its direction
    expect(renderComparisonMarkdown(c)).toMatch(/\| pickup p50 \| 20h \| 21h \| \+1h \| \+5% \| −[^|]+ … \+[^|]+ \| /);
  });

  it('markdown: a table with the interval, and untrusted names escaped', () => {
    const hostile = { ...before, repository: { path: '/x', remote: 'a|b<script>', branch: 'main' } };
    const md = renderComparisonMarkdown(compareReports(hostile, after));
    expect(md).toContain('- before: a\\|b&lt;script&gt; · 2026-01-01 → 2026-04-01 · 40 changes, 26 deploys');
    expect(md).not.toContain('<script>');
    expect(md).toContain('| measure | before | after | change | % | 95% interval | direction | n before → after |');
    expect(md).toMatch(/\| first → last p50 \| 10h \| 5h 30m \| −4h 30m \| −45% \| −[^|]+ … −[^|]+ \| 🟢 better \| 40 → 8 ⚠️ \|/);
    expect(md).toMatch(/\| pickup p50 \| 20h \| 21h \| \+1h \| \+5% \| −[^|]+ … \+[^|]+ \| the data cannot tell \| 40 → 8 ⚠️ \|/);
    expect(md).toContain('| merge wait p50 | 0s | 1h | +1h | — | +1h … +1h | 🔴 worse | 40 → 8 ⚠️ |');
    expect(md).toContain('> **Warning:** after has 8 changes, fewer than 10: too few to trust its figures');
  });
});

describe('comparing two reports of several repositories', () => {
  // two repositories over a quarter each side: one deploys every other day, the other every fourth, then twice
  // as often; the whole's deploy keys are the median repository's, which their deploys pooled do not resample
  const repo = (name: string, since: string, until: string, every: number): Report =>
    side({ since, until }, changes(since, { coding: HOURS(1, 2, 3, 4, 5), pickup: [], review: HOURS(1, 2, 3, 4, 5), merge: [], deploy: HOURS(1, 1, 1, 1, 1) }), deploys(since, Math.floor(45 / every), 0).map((d, i) => ({ ...d, at: new Date(Date.parse(since) + (i * every * 2 + 1) * D * 1000).toISOString().replace('.000Z', 'Z') })))
  ;
  const named = (r: Report, name: string): Report => ({ ...r, repository: { ...r.repository, path: `/repos/${name}`, remote: `acme/${name}` } });
  const quarter = (since: string, until: string, every: [number, number], withChanges: boolean): Report =>
    aggregateReports([named(repo('a', since, until, every[0]), 'a'), named(repo('b', since, until, every[1]), 'b')], { withChanges });

  it('resamples the deploy keys by repository: two repositories are too few to tell', () => {
    const c = compareReports(quarter('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', [1, 2], true), quarter('2026-04-01T00:00:00Z', '2026-07-01T00:00:00Z', [1, 1], true));
    const frequency = byKey(c.rows, 'dora.deploymentFrequency');
    // the median of two repositories' rates, each side: its resamples' medians spread from the slower one's to the faster one's
    expect(frequency.interval.low).not.toBeNull();
    expect(frequency).toMatchObject({ direction: 'uncertain', sample: { before: 2, after: 2 }, lowSample: true });
    expect(byKey(c.rows, 'stages.review.p50').interval.low).not.toBeNull();
    expect(c.warnings.some((w) => w.includes('median repository'))).toBe(false);
    expect(c.warnings.some((w) => w.includes('--with-changes'))).toBe(false);
  });

  it('says a side that lists none of its changes leaves every figure without an interval', () => {
    const c = compareReports(quarter('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', [1, 2], false), quarter('2026-04-01T00:00:00Z', '2026-07-01T00:00:00Z', [1, 1], false));
    expect(c.warnings).toContain('before lists none of its 10 changes (written without --with-changes): no figure over its changes or deploys has an interval, so none of them is called better or worse; write its report with --with-changes');
    expect(c.rows.every((r) => r.direction !== 'better' && r.direction !== 'worse')).toBe(true);
    // its repositories' rows are written all the same: the deploy keys they measure each are still resampled
    expect(byKey(c.rows, 'dora.deploymentFrequency').interval.low).not.toBeNull();
    expect(byKey(c.rows, 'dora.reworkRate').interval.low).toBeNull();
    // the warnings wrap to the width, as every line does
    const lines = renderComparisonText(c, { color: false, width: 80 }).trimEnd().split('\n');
    expect(lines.filter((l) => stringWidth(l) > 80)).toEqual([]);
    expect(lines.filter((l) => l.startsWith('  ') && l.trimEnd().endsWith('--with-changes'))).toHaveLength(2);
  });
});

describe('comparing organisations: the median repository\'s deploy keys resampled by repository', () => {
  // twelve repositories a side over four weeks (Feb 2–Mar 2 and Mar 2–30), each with its own deploys, one every
  // other day: before 2–6 deploys each (the median repository's 4: 1 a week), one of them failed in every
  // repository (1 of 4: 25% for the median one); after 10–14 each (the median 12: 3 a week), none failed
  const BEFORE = { since: '2026-02-02T00:00:00Z', until: '2026-03-02T00:00:00Z' };
  const AFTER = { since: '2026-03-02T00:00:00Z', until: '2026-03-30T00:00:00Z' };
  const one = (window: Report['window'], name: string, n: number, failed: number): Report => ({
    ...side(window, changes(window.since, { coding: HOURS(1, 2, 3), pickup: [], review: HOURS(1, 2, 3), merge: [], deploy: HOURS(1, 1, 1) }), deploys(window.since, n, failed)),
    repository: { path: `/repos/${name}`, remote: `acme/${name}`, branch: 'main' },
  });
  const organisation = (window: Report['window'], counts: number[], failed: number): Report =>
    aggregateReports(counts.map((n, i) => one(window, `r${i}`, n, failed)), { withChanges: true });
  const before = organisation(BEFORE, [2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 6], 1);
  const after = organisation(AFTER, [10, 11, 12, 12, 12, 12, 12, 12, 12, 12, 13, 14], 0);

  it('calls deploy frequency better: every resample\'s median repository deploys 1 to 3 more a week', () => {
    const c = compareReports(before, after);
    const frequency = byKey(c.rows, 'dora.deploymentFrequency');
    expect(frequency).toMatchObject({ before: 1, after: 3, change: 2, direction: 'better', sample: { before: 12, after: 12 }, lowSample: false });
    // a resample's median lies between its side's slowest and fastest repository: (10 − 6) ÷ 4 weeks = 1 a week
    // more at the least, (14 − 2) ÷ 4 = 3 at the most
    expect(frequency.interval.low).toBeGreaterThanOrEqual(1);
    expect(frequency.interval.high).toBeLessThanOrEqual(3);
  });

  it('calls the failure rate better: from the median repository\'s 25% to none, each repository\'s own rate resampled', () => {
    const failures = byKey(compareReports(before, after).rows, 'dora.changeFailureRate');
    expect(failures).toMatchObject({ before: 0.25, after: 0, direction: 'better', sample: { before: 12, after: 12 } });
    // before, every repository's rate is 1 of its 2–6 deploys: a resample's median is 1/6 to 1/2
    expect(failures.interval.low).toBeGreaterThanOrEqual(-0.5 - 1e-9);
    expect(failures.interval.high).toBeLessThanOrEqual(-1 / 6 + 1e-9);
    // no repository failed after: there is no recovery time to compare with
    expect(byKey(compareReports(before, after).rows, 'dora.timeToRestore')).toMatchObject({ after: null, direction: null, sample: { before: 12, after: 0 } });
  });

  it('says what n counts, and how many repositories each side is', () => {
    const text = renderComparisonText(compareReports(before, after), { color: false, width: 100 });
    expect(text).toContain('before: aggregate · 2026-02-02 → 2026-03-02 · 36 changes, 48 deploys of 12 repositories');
    expect(text.replace(/\s+/g, ' ')).toContain('n: changes (deploys; repositories for deployment frequency, change failure rate and recovery time of several, pull requests) before → after');
    expect(text).not.toContain('warning');
    expect(renderComparisonMarkdown(compareReports(before, after))).toContain('\nn: changes (deploys; repositories for deployment frequency, change failure rate and recovery time of several, pull requests) before → after.\n');
  });

  it('compares one repository with an organisation\'s median repository without an interval, and says why', () => {
    // n: the organisation's 12 repositories, the one repository's 11 deploys
    const c = compareReports(before, one(AFTER, 'solo', 11, 0));
    expect(byKey(c.rows, 'dora.deploymentFrequency')).toMatchObject({ before: 1, after: 2.75, direction: 'uncertain', interval: { low: null, high: null }, sample: { before: 12, after: 11 } });
    expect(c.warnings).toContain('before is several repositories and after one: before\'s deployment frequency, change failure rate and recovery time are its median repository\'s, of which one repository\'s own deploys are no sample, so they are compared without an interval');
  });
});
