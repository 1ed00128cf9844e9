import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateReports } from '../../src/aggregate/aggregate.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { sliceReport } from '../../src/report/slices.js';
import { sharedSpan } from '../../src/report/windows.js';
import { change, D, deploy, H, report } from './report-builder.js';

/*
 * Reports of different windows, as a consultant gathers them (made months apart, or of a repository whose history
 * ended). Each repository's report lists, besides its window's changes, those merged before it that its queues
 * counted: the union of the windows may cover them, and they are still no change of the whole's.
 */
const deployed = (mergedAt: string, waitHours: number): Parameters<typeof change>[0] => ({ mergedAt, leadTime: waitHours * H, cycleTime: 0, stages: { coding: 0, review: 0, deploy: waitHours * H } });

// early: Jan–Jun 2025, three changes, each shipped a day later
const early = report({
  repository: { path: '/r/early', remote: 'acme/early' },
  window: { since: '2025-01-01T00:00:00Z', until: '2025-07-01T00:00:00Z' },
  now: '2025-07-01T00:00:00Z',
  changes: [change(deployed('2025-02-03T00:00:00Z', 24)), change(deployed('2025-03-03T00:00:00Z', 24)), change(deployed('2025-04-07T00:00:00Z', 24))],
  deploys: [deploy({ at: '2025-02-04T00:00:00Z' }), deploy({ at: '2025-03-04T00:00:00Z' }), deploy({ at: '2025-04-08T00:00:00Z' })],
});
// late: Jan–Jun 2026, two changes of its window; its queues counted two merged before it, never deployed: one in
// March 2025 (inside early's window), one in November 2025 (inside no window, but inside the union)
const late = report({
  repository: { path: '/r/late', remote: 'acme/late' },
  window: { since: '2026-01-01T00:00:00Z', until: '2026-07-01T00:00:00Z' },
  now: '2026-07-01T00:00:00Z',
  changes: [change(deployed('2026-02-02T00:00:00Z', 48)), change(deployed('2026-03-02T00:00:00Z', 48))],
  queueOnlyChanges: [change({ mergedAt: '2025-03-10T00:00:00Z', cycleTime: 0, stages: { coding: 0, review: 0 } }), change({ mergedAt: '2025-11-03T00:00:00Z', cycleTime: 0, stages: { coding: 0, review: 0 } })],
  deploys: [deploy({ at: '2026-02-04T00:00:00Z' }), deploy({ at: '2026-03-04T00:00:00Z' })],
});

describe('an aggregate of reports over different windows', () => {
  const whole = aggregateReports([early, late], { generatedAt: '2026-07-01T00:00:00Z' });

  it("counts each repository's changes over its own window: the whole is what its rows add up to", () => {
    expect(whole.repositories?.map((r) => [r.name, r.changes])).toEqual([['acme/early', 3], ['acme/late', 2]]);
    // the union, 2025-01-01 → 2026-07-01, covers late's two changes merged before its window: they are not the whole's
    expect(whole.summary.changes).toBe(5);
    expect(whole.summary.leadTime.count).toBe(5);
    // lead times 24, 24, 24, 48, 48 hours: none of them a change still waiting since 2025
    expect(whole.summary.leadTime.p50).toBe(24 * H);
    expect(whole.summary.unreleased.count).toBe(0);
    // listed, they stay what late's report made them: changes its queues counted, not the window's
    const listed = aggregateReports([early, late], { withChanges: true });
    expect(listed.changes.map((c) => [c.repository, c.mergedAt.slice(0, 10)])).toEqual([
      ['acme/early', '2025-02-03'], ['acme/early', '2025-03-03'], ['acme/early', '2025-04-07'], ['acme/late', '2026-02-02'], ['acme/late', '2026-03-02'],
    ]);
    expect(listed.queueOnlyChanges.map((c) => c.mergedAt.slice(0, 10))).toEqual(['2025-03-10', '2025-11-03']);
  });

  it('reads nothing period by period when no span is covered by every window, and says so', () => {
    // July–December 2025 no report covers: read as months of 0 deploys, 2025 against 2026 would be a trend
    expect(whole.summary.trend.span).toBeNull();
    expect(whole.summary.trend.weeks).toEqual([]);
    expect(whole.summary.trend.periods).toEqual([]);
    expect(whole.summary.queues).toEqual({});
    expect(whole.summary.repair?.weeks).toEqual([]);
    expect(whole.warnings).toContain("the reports cover different windows, 2025-01-01 → 2026-07-01 together: each repository's changes and deploys count over its own window; no whole week is covered by every one, so the trends, the queues and the weeks are left out");
  });

  it('reads period by period over the span every window covers', () => {
    // mid: Apr–Sep 2025, beside early's Jan–Jun: both cover April to June, 13 weeks, so the trend is by week
    const mid = report({
      repository: { path: '/r/mid', remote: 'acme/mid' },
      window: { since: '2025-04-01T00:00:00Z', until: '2025-10-01T00:00:00Z' },
      now: '2025-10-01T00:00:00Z',
      changes: [change(deployed('2025-05-05T00:00:00Z', 24)), change(deployed('2025-08-04T00:00:00Z', 24))],
      deploys: [deploy({ at: '2025-05-06T00:00:00Z' }), deploy({ at: '2025-08-05T00:00:00Z' })],
    });
    const both = aggregateReports([early, mid]);
    expect(both.summary.trend.span).toEqual({ since: '2025-04-01T00:00:00Z', until: '2025-07-01T00:00:00Z' });
    const periods = both.summary.trend.periods ?? [];
    expect(both.summary.trend.period).toBe('week');
    // Monday 2025-03-31 (cut: the span starts on the Tuesday) to the week of Monday 2025-06-30 (cut)
    expect([periods[0]?.start, periods.at(-1)?.start, periods.length]).toEqual(['2025-03-31', '2025-06-30', 14]);
    // the deploys of April to June, early's of 8 April and mid's of 6 May: not February's, March's or August's
    expect(periods.reduce((n, p) => n + p.deploys, 0)).toBe(2);
    expect(periods.reduce((n, p) => n + p.changes, 0)).toBe(2);
    // the figures that are no series still count every change of each window
    expect(both.summary.changes).toBe(5);
    // every page says what the periods are over
    const span = 'Over 2025-04-01 → 2025-07-01, the span every repository’s window covers (2025-01-01 → 2025-10-01 together).';
    expect(renderText(both, { color: false, width: 80 }).replace(/\n\s+/g, ' ')).toContain(span.replace('’', "'"));
    // the trends' section and the queues': both are over it
    expect(renderMarkdown(both).split(span.replace('’', "'")).length - 1).toBe(2);
    expect(renderHtml(both).split(span.replace('’', '&#39;')).length - 1).toBe(2);
  });

  it("measures a change still waiting until its own report was made, never past what that report saw", () => {
    // early's report, made 2025-07-01, saw a change merged 2025-06-01 still waiting: 30 days then. Whether it
    // shipped since is unknown; measured at late's now, a year later, it would read as waiting 395 days
    const stuck = report({ ...early, changes: [...early.changes, change({ id: '#stuck', firstCommitAt: '2025-05-31T00:00:00Z', mergedAt: '2025-06-01T00:00:00Z', cycleTime: D, stages: { coding: D, review: 0 } })] });
    const both = aggregateReports([stuck, late]);
    expect(both.summary.unreleased).toMatchObject({ count: 1, oldestAge: 30 * D, p50Age: 30 * D });
    expect(both.repositories?.find((r) => r.name === 'acme/early')?.unreleased).toMatchObject({ count: 1, oldestAge: 30 * D });
    // the slowest change is it, at its lead time so far then: 31 days from its first commit, a bound
    expect(both.summary.slowest[0]).toMatchObject({ id: '#stuck', total: 31 * D, totalIs: 'waiting' });
  });

  it('keeps, in its JSON, when each repository was seen: the whole read back measures the same waits', () => {
    const stuck = report({ ...early, changes: [...early.changes, change({ id: '#stuck', firstCommitAt: '2025-05-31T00:00:00Z', mergedAt: '2025-06-01T00:00:00Z', cycleTime: D, stages: { coding: D, review: 0 } })] });
    const both = aggregateReports([stuck, late], { withChanges: true });
    expect(both.repositories?.map((r) => [r.name, r.now])).toEqual([['acme/early', '2025-07-01T00:00:00Z'], ['acme/late', '2026-07-01T00:00:00Z']]);
    // `compare` and the slices make their figures again from the listed changes: read back without when early's
    // report was made, #stuck would wait until the whole's now, 395 days, where the whole says 30
    const again = sliceReport(both, new Set(both.changes.map((c) => c.id)));
    expect(again.summary.unreleased).toMatchObject({ count: 1, oldestAge: 30 * D });
    expect(again.summary.slowest[0]).toMatchObject({ id: '#stuck', total: 31 * D, totalIs: 'waiting' });
  });

  it('says on every page why there are no trends when no span is covered by every window', () => {
    const none = "No trends or queues: the repositories' windows (2025-01-01 → 2026-07-01 together) share no whole week that every one covers.";
    expect(renderText(whole, { color: false, width: 80 }).replace(/\n\s+/g, ' ')).toContain(none);
    expect(renderMarkdown(whole)).toContain(none);
    expect(renderHtml(whole)).toContain(none.replace("'", '&#39;'));
  });
});

describe('sharedSpan', () => {
  const w = (since: number, until: number) => ({ since: since * D, until: until * D });

  it('is the window itself when every repository covers it, windows of one repository that touch joining', () => {
    const window = { ...w(0, 20), historyFrom: 5 * D };
    expect(sharedSpan(window, undefined)).toBe(window);
    expect(sharedSpan(window, new Map([['a', [w(0, 20)]], ['b', [w(0, 20)]]]))).toBe(window);
    expect(sharedSpan(window, new Map([['a', [w(10, 20), w(0, 10)]], ['b', [w(0, 20)]]]))).toBe(window);
  });

  it('is the latest stretch all cover, or null', () => {
    expect(sharedSpan(w(0, 30), new Map([['a', [w(0, 20)]], ['b', [w(10, 30)]]]))).toEqual(w(10, 20));
    // a repository of two windows apart, beside one of the whole: the later of the two stretches
    expect(sharedSpan(w(0, 30), new Map([['a', [w(0, 5), w(20, 30)]], ['b', [w(0, 30)]]]))).toEqual(w(20, 30));
    expect(sharedSpan(w(0, 30), new Map([['a', [w(0, 10)]], ['b', [w(20, 30)]]]))).toBeNull();
    // windows that meet at an instant share no time, and six days are no week
    expect(sharedSpan(w(0, 20), new Map([['a', [w(0, 10)]], ['b', [w(10, 20)]]]))).toBeNull();
    expect(sharedSpan(w(0, 20), new Map([['a', [w(0, 10)]], ['b', [w(4, 20)]]]))).toBeNull();
    expect(sharedSpan(w(0, 20), new Map([['a', [w(0, 11)]], ['b', [w(4, 20)]]]))).toEqual(w(4, 11));
  });

  it('lies inside every repository\'s windows, on any windows (property)', () => {
    const windowArb = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 })).map(([a, n]) => w(a, a + n));
    fc.assert(
      fc.property(fc.array(fc.array(windowArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (repos) => {
        const all = repos.flat();
        const union = { since: Math.min(...all.map((x) => x.since)), until: Math.max(...all.map((x) => x.until)) };
        const span = sharedSpan(union, new Map(repos.map((ws, i) => [`r${i}`, ws])));
        if (span === null) return;
        expect(span.since).toBeLessThan(span.until);
        // a span narrower than the union is a week at least: no rate a week is taken over less
        if (span !== union) expect(span.until - span.since).toBeGreaterThanOrEqual(7 * D);
        // every instant of it is in some window of each repository (its ends and middle sampled)
        for (const t of [span.since, (span.since + span.until) / 2, span.until - 1]) {
          for (const ws of repos) expect(ws.some((x) => t >= x.since && t < x.until)).toBe(true);
        }
      }),
    );
  });
});
