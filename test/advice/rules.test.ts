import { describe, expect, it } from 'vitest';
import { advise, RULES } from '../../src/advice/index.js';
import type { AdviceInput, Thresholds } from '../../src/advice/types.js';
import { DEFAULT_THRESHOLDS } from '../../src/config/defaults.js';
import { at, get, gitOnly, healthy, patch } from './build.js';

const t = DEFAULT_THRESHOLDS;
const H = 3600;

interface Case {
  id: string;
  /** the figure the rule reads, as a JSON path */
  figure: string;
  /** the figure's value exactly at the threshold */
  limit: (t: Thresholds) => number;
  /** a step small enough to stay near the threshold */
  step: number;
  base: () => AdviceInput;
  threshold: string;
  /** a lower value is the worse one (an acceptance rate): "below the threshold" is then above the value */
  lowerIsWorse?: true;
}

const CASES: Case[] = [
  { id: 'pickup-wait', figure: 'summary.stages.pickup.p50', limit: (t) => t.pickupP50, step: 1, base: healthy, threshold: '1d' },
  { id: 'review-wait', figure: 'summary.stages.review.p50', limit: (t) => t.reviewWaitP50, step: 1, base: gitOnly, threshold: '2d' },
  { id: 'merge-wait', figure: 'summary.stages.merge.p50', limit: (t) => t.mergeWaitP50, step: 1, base: healthy, threshold: '8h' },
  { id: 'deploy-wait', figure: 'summary.stages.deploy.p50', limit: (t) => t.deployWaitP50, step: 1, base: gitOnly, threshold: '1d' },
  { id: 'review-concentration', figure: 'summary.review.topTwoShare', limit: (t) => t.reviewTopTwoShare, step: 0.01, base: healthy, threshold: '60%' },
  { id: 'large-changes', figure: 'summary.flow.size.over400', limit: (t) => t.largeChangeShare, step: 0.01, base: gitOnly, threshold: '20%' },
  { id: 'slow-checks', figure: 'summary.ci.p50', limit: (t) => t.checksP50, step: 1, base: healthy, threshold: '10m' },
  { id: 'flaky-checks', figure: 'summary.ci.flakyRate', limit: (t) => t.flakyRate, step: 0.001, base: healthy, threshold: '5%' },
  { id: 'change-failure-rate', figure: 'summary.dora.changeFailureRate.value', limit: (t) => t.changeFailureRate, step: 0.01, base: gitOnly, threshold: '15%' },
  { id: 'rework', figure: 'summary.rework.share', limit: (t) => t.reworkShare, step: 0.01, base: healthy, threshold: '40%' },
  { id: 'repair-share', figure: 'summary.repair.share', limit: (t) => t.repairShare, step: 0.01, base: gitOnly, threshold: '30%' },
  { id: 'wip', figure: 'summary.wip.perAuthor', limit: (t) => t.wipPerAuthor, step: 0.1, base: healthy, threshold: '2' },
  { id: 'unreviewed-merges', figure: 'summary.review.unreviewedShare', limit: (t) => t.unreviewedShare, step: 0.01, base: healthy, threshold: '10%' },
  // other p50 size is 80 lines: the threshold ratio 1.5× puts the limit at 120
  { id: 'ai-assisted', figure: 'summary.aiComparison.assisted.p50Size', limit: (t) => 80 * t.aiRatio, step: 1, base: gitOnly, threshold: '1.5×' },
  // the rest's revert rate is 4%, and the difference is real: the threshold ratio 1.5× puts the limit at 6%
  { id: 'ai-defects', figure: 'summary.aiDefects.ai.revertRate', limit: (t) => 0.04 * t.aiRatio, step: 0.001, base: gitOnly, threshold: '1.5×' },
  // the rest's rejection rate is 25% (acceptance 75%), the difference real: 1.5× puts the AI-assisted limit at 37.5% rejected, 62.5% accepted
  { id: 'ai-acceptance', figure: 'summary.acceptance.ai.rate', limit: (t) => 1 - 0.25 * t.aiRatio, step: 0.001, base: healthy, threshold: '1.5×', lowerIsWorse: true },
];

const rule = (id: string) => {
  const found = RULES.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe('each rule at its threshold', () => {
  it('covers every rule in the registry', () => {
    expect(CASES.map((c) => c.id).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('the base inputs fire nothing', () => {
    expect(advise(healthy(), t).map((r) => r.id)).toEqual(['healthy']);
    expect(advise(gitOnly(), t).map((r) => r.id)).toEqual(['healthy']);
  });

  for (const c of CASES) {
    describe(c.id, () => {
      const withValue = (v: number) => patch(c.base(), at(c.figure, v));
      // a step towards the worse side of the threshold
      const worse = c.lowerIsWorse ? -c.step : c.step;
      it('stays quiet just below the threshold', () => {
        expect(rule(c.id).evaluate(withValue(c.limit(t) - worse), t)).toBeNull();
      });
      it('stays quiet at the threshold (it is the largest healthy value)', () => {
        expect(rule(c.id).evaluate(withValue(c.limit(t)), t)).toBeNull();
        expect(advise(withValue(c.limit(t)), t).map((r) => r.id)).toEqual(['healthy']);
      });
      it('fires just above it, naming the figure and the threshold', () => {
        const input = withValue(c.limit(t) + worse);
        const row = rule(c.id).evaluate(input, t);
        expect(row).not.toBeNull();
        expect(row?.id).toBe(c.id);
        expect(row?.figure).toBe(c.figure);
        expect(get(input, row?.figure ?? '')).toBe(c.limit(t) + worse);
        expect(row?.threshold).toBe(c.threshold);
        expect(row?.value).toContain(`(threshold ${c.threshold}`);
        for (const part of [row?.measure, row?.value, row?.tellsYou, row?.doNext]) expect(part?.length).toBeGreaterThan(10);
        expect(advise(input, t).map((r) => r.id)).toEqual([c.id]);
      });
      it('follows a configured threshold', () => {
        const looser: Thresholds = { ...t, [Object.keys(t).find((k) => c.limit({ ...t, [k]: 1e9 }) !== c.limit(t)) ?? '']: 1e9 };
        expect(rule(c.id).evaluate(withValue(c.limit(t) + worse), looser)).toBeNull();
      });
      it('does not fire when its figure is null', () => {
        expect(rule(c.id).evaluate(patch(c.base(), at(c.figure, null)), t)).toBeNull();
        // the AI comparison still has its other figures to state
        if (c.id !== 'ai-assisted') expect(rule(c.id).check(patch(c.base(), at(c.figure, null)), t)).toBeNull();
      });
    });
  }
});

describe('rule specifics', () => {
  it('ai-defects fires only when the interval says the difference is real, naming both rates and their intervals', () => {
    const doubled = patch(healthy(), { summary: { aiDefects: { ai: { revertRate: 0.1, revertRateLow: 0.06, revertRateHigh: 0.15 } } } });
    const row = rule('ai-defects').evaluate(doubled, t);
    expect(row?.value).toBe('AI-assisted changes were reverted 2.5× as often: 10% (10 of 200 changes; 95% 6%–15%) against 4% for the rest (40 of 1000 changes; 3%–5%); the difference 0.1%–4% leaves out 0 (threshold 1.5×)');
    // the same rates, but the interval holds 0 (or a group is under ten): the data cannot tell, nothing fires
    expect(rule('ai-defects').evaluate(patch(doubled, { summary: { aiDefects: { revertDifference: { real: false } } } }), t)).toBeNull();
    expect(rule('ai-defects').check(patch(doubled, { summary: { aiDefects: { revertDifference: { real: false } } } }), t)).toBe('AI-assisted revert rate 10% vs 4% (the data cannot tell) (threshold 1.5×)');
    // a real difference in the deploys' failure rate comes first, over its deploys
    const failing = patch(doubled, { summary: { aiDefects: {
      ai: { deploys: 40, failed: 12, failureRate: 0.3, failureRateLow: 0.18, failureRateHigh: 0.45 },
      other: { deploys: 60, failed: 6, failureRate: 0.1, failureRateLow: 0.05, failureRateHigh: 0.2 },
      failureDifference: { value: 0.2, low: 0.04, high: 0.36, real: true },
    } } });
    expect(rule('ai-defects').evaluate(failing, t)).toMatchObject({ figure: 'summary.aiDefects.ai.failureRate' });
    expect(rule('ai-defects').evaluate(failing, t)?.value).toMatch(/^deploys that shipped an AI-assisted change failed 3× as often: 30% \(12 of 40 deploys/);
    // a revert may come before any deploy held the change: only the deploys' failure speaks of production
    expect(row?.tellsYou).toMatch(/^AI-assisted changes are undone more often than the rest \(a revert counts whether or not its change had shipped\), and the interval/);
    expect(row?.tellsYou).not.toContain('production');
    expect(rule('ai-defects').evaluate(failing, t)?.tellsYou).toMatch(/^The AI-assisted work that reaches production breaks it more often/);
    // reports made before it was measured have none
    expect(rule('ai-defects').evaluate(patch(healthy(), { summary: { aiDefects: null } }), t)).toBeNull();
  });

  it('ai-acceptance fires only when the Newcombe interval says AI-assisted pull requests are accepted less, naming the rejected ones\' review time', () => {
    // 20 of 40 AI-assisted rejected against 100 of 400 others: twice as often; 40 hours in review
    const doubled = patch(healthy(), { summary: { acceptance: {
      ai: { merged: 20, rejected: 20, rate: 0.5, rateLow: 0.35, rateHigh: 0.65, reviews: 31, reviewTime: 40 * H },
      aiMinusOther: { value: -0.25, low: -0.4, high: -0.1, real: true },
    } } });
    const row = rule('ai-acceptance').evaluate(doubled, t);
    expect(row?.value).toBe(
      'AI-assisted pull requests were rejected 2× as often: 50% (20 of 40) against 25% for the rest (100 of 400) (threshold 1.5×); ' +
        'AI-assisted 50% accepted (20 of 40 decided; 95% 35%–65%), the rest 75% accepted (300 of 400 decided; 95% 71%–79%); ' +
        'the AI-assisted acceptance rate is lower by 10%–40% (95%), an interval that leaves out 0; the 20 rejected ones took 40 hours in review (first review → close, summed) and 31 reviews',
    );
    expect(row?.impact).toBe(40);
    // the same rates, but the interval spans 0: the data cannot tell, nothing fires
    const spans = patch(doubled, { summary: { acceptance: { aiMinusOther: { low: -0.45, high: 0.02, real: false } } } });
    expect(rule('ai-acceptance').evaluate(spans, t)).toBeNull();
    expect(rule('ai-acceptance').check(spans, t)).toBe('AI-assisted acceptance 50% vs 75% (the data cannot tell) (rejection threshold 1.5×)');
    // AI-assisted ones accepted more often, the difference real: no finding
    const better = patch(doubled, { summary: { acceptance: { ai: { rate: 0.9 }, aiMinusOther: { value: 0.15, low: 0.05, high: 0.2 } } } });
    expect(rule('ai-acceptance').evaluate(better, t)).toBeNull();
    // git alone, and reports made before it was measured, have none
    expect(rule('ai-acceptance').evaluate(patch(healthy(), { summary: { acceptance: null } }), t)).toBeNull();
  });

  it('words a pickup row with units, count and share', () => {
    const row = rule('pickup-wait').evaluate(patch(healthy(), at('summary.stages.pickup', { count: 50, p50: 52 * H, share: 0.35 })), t);
    expect(row?.measure).toBe('Pickup: time from a pull request being ready for review to its first review');
    expect(row?.value).toBe('p50 pickup 2d 4h (threshold 1d) over 50 changes, 35% of the typical change\'s time');
    expect(row?.impact).toBe(2600);
  });

  it('review-wait is for git-only reports: with GitHub the review stage means review & rework', () => {
    const input = patch(gitOnly(), { sources: ['git', 'github'], summary: { stages: { review: { p50: 5 * 86400 } } } });
    expect(rule('review-wait').evaluate(input, t)).toBeNull();
  });

  it('review-wait sends a project on GitHub, or one nothing places, to a token, and one reviewed elsewhere to where it is', () => {
    const slow = { summary: { stages: { review: { p50: 5 * 86400 } } } };
    const doNext = (reviewHost: 'github' | 'gitlab' | 'gerrit' | 'other' | null): string | undefined =>
      rule('review-wait').evaluate(patch(gitOnly(), { ...slow, reviewHost }), t)?.doNext;
    expect(doNext(null)).toMatch(/^Run again with a GitHub token \(GH_TOKEN\) to split this wait/);
    expect(doNext('github')).toBe(doNext(null));
    expect(doNext('gitlab')).toBe('GitLab shows when each merge request was opened, first reviewed and approved (flowaudit does not read it): find there which of the three parts is largest and work on it. Meanwhile, agree how soon a review request gets an answer.');
    expect(doNext('gerrit')).toMatch(/^Gerrit shows when each change was opened/);
    expect(doNext('other')).toMatch(/^This project's host shows when each pull request was opened/);
    for (const host of ['gitlab', 'gerrit', 'other'] as const) expect(doNext(host)).not.toMatch(/token|GH_TOKEN/);
  });

  it('deploy-wait stays quiet with the merge signal (every merge is a deploy)', () => {
    const input = patch(gitOnly(), { deploySignal: { kind: 'merge' }, summary: { stages: { deploy: { p50: 5 * 86400 } } } });
    expect(rule('deploy-wait').evaluate(input, t)).toBeNull();
  });

  it('review-concentration needs three reviewers: with two, the top two always do everything', () => {
    const two = patch(healthy(), { summary: { review: { topTwoShare: 1, reviewers: 2 } } });
    const three = patch(healthy(), { summary: { review: { topTwoShare: 0.9, reviewers: 3 } } });
    expect(rule('review-concentration').evaluate(two, t)).toBeNull();
    expect(rule('review-concentration').evaluate(three, t)?.value).toBe('top two reviewers did 90% of reviews (threshold 60%) among 3 reviewers');
  });

  it('ai-assisted compares only groups of 10 or more', () => {
    const small = patch(gitOnly(), { summary: { aiComparison: { assisted: { count: 9, p50Size: 900 } } } });
    expect(rule('ai-assisted').evaluate(small, t)).toBeNull();
    expect(rule('ai-assisted').check(small, t)).toBeNull();
    const otherSmall = patch(gitOnly(), { summary: { aiComparison: { assisted: { p50Size: 900 }, other: { count: 9 } } } });
    expect(rule('ai-assisted').evaluate(otherSmall, t)).toBeNull();
    expect(rule('ai-assisted').check(patch(gitOnly(), { summary: { aiComparison: null } }), t)).toBeNull();
  });

  it('ai-assisted floors a tiny share reverted at 5%, names it for what it counts (not the DORA change failure rate, per deploy) and lists every comparison', () => {
    const quiet = patch(gitOnly(), { summary: { aiComparison: { assisted: { failureRate: 0.07 }, other: { failureRate: 0 } } } });
    expect(rule('ai-assisted').evaluate(quiet, t)).toBeNull();
    const input = patch(gitOnly(), {
      summary: { aiComparison: { assisted: { failureRate: 0.2, leadTimeP50: 60 * H }, other: { failureRate: 0.04, leadTimeP50: 20 * H }, intervals: { leadTime: { real: true } } } },
    });
    const row = rule('ai-assisted').evaluate(input, t);
    expect(row?.figure).toBe('summary.aiComparison.assisted.leadTimeP50');
    expect(row?.value).toBe(
      'AI-assisted 12 vs other 40: p50 size 90 lines vs 80 lines; p50 lead time 2d 12h vs 20h (3×); share reverted 20% vs 4% (4× against the 5% floor) (threshold 1.5×)',
    );
    expect(row?.tellsYou).toContain('slower to reach production and reverted more often than the rest');
    // (60h − 20h) × 12 assisted changes
    expect(row?.impact).toBe(480);
    // continuedev/continue: 1.8% against 0.8% is 2.4× by hand, under the threshold against the floor: said so
    const small = patch(input, { summary: { aiComparison: { assisted: { failureRate: 0.0183 }, other: { failureRate: 0.0077 } } } });
    expect(rule('ai-assisted').evaluate(small, t)?.value).toContain('share reverted 1.8% vs 0.8% (0.4× against the 5% floor)');
  });

  it('ai-assisted calls no difference one whose 95% interval holds 0, however large its ratio', () => {
    // sveltejs/kit's kind of window: 7 of 10 AI-assisted changes deployed, their lead time 3.2× the rest's, the
    // interval −12h … +20d; reverted 0 of 10 against 8 of 691, Newcombe's interval holding 0
    const input = patch(gitOnly(), {
      summary: {
        aiComparison: { assisted: { p50Size: 48, leadTimeP50: 243 * H, failureRate: 0.2 }, other: { p50Size: 29, leadTimeP50: 77 * H, failureRate: 0.04 }, intervals: { leadTime: { real: false } } },
        aiDefects: { revertDifference: { value: 0.16, low: -0.02, high: 0.4, real: false } },
      },
    });
    const row = rule('ai-assisted').evaluate(input, t);
    expect(row?.figure).toBe('summary.aiComparison.assisted.p50Size');
    expect(row?.value).toBe(
      'AI-assisted 12 vs other 40: p50 size 48 lines vs 29 lines (1.7×); p50 lead time 10d 3h vs 3d 5h (the data cannot tell); share reverted 20% vs 4% (the data cannot tell) (threshold 1.5×)',
    );
    expect(row?.tellsYou).toContain('Changes with an AI marker are larger than the rest.');
    // no lead time the data can tell: the row accounts for no hours of waiting
    expect(row?.impact).toBe(0);
    // nothing but the unsettled differences over the threshold: no row at all
    const unsettledOnly = patch(input, { summary: { aiComparison: { assisted: { p50Size: 30 } } } });
    expect(rule('ai-assisted').evaluate(unsettledOnly, t)).toBeNull();
    // what it checked says why: 30 vs 29 lines is 1×, the other two ratios the data cannot tell
    expect(rule('ai-assisted').check(unsettledOnly, t)).toBe(
      'AI-assisted vs other, worst ratio 1× (threshold 1.5×); p50 lead time 3.2×: the data cannot tell; share reverted 4×: the data cannot tell',
    );
  });

  it('ai-assisted calls the sizes larger only where their 95% interval leaves out 0', () => {
    // p50 48 lines against 29 (1.7×) over 12 AI-assisted changes: an interval that holds 0 makes it no finding
    const sizes = (real: boolean) =>
      patch(gitOnly(), { summary: { aiComparison: { assisted: { p50Size: 48 }, other: { p50Size: 29 }, sizeInterval: { real } } } });
    expect(rule('ai-assisted').evaluate(sizes(false), t)).toBeNull();
    expect(rule('ai-assisted').check(sizes(false), t)).toBe('AI-assisted vs other, worst ratio 1.1× (threshold 1.5×); p50 size 1.7×: the data cannot tell');
    expect(rule('ai-assisted').evaluate(sizes(true), t)?.value).toBe(
      'AI-assisted 12 vs other 40: p50 size 48 lines vs 29 lines (1.7×); p50 lead time 20h vs 18h; share reverted 5% vs 4% (1× against the 5% floor) (threshold 1.5×)',
    );
  });

  it('change-failure-rate counts the failed deploys and their time to restore', () => {
    const input = patch(gitOnly(), { summary: { dora: { changeFailureRate: { value: 0.25, count: 40 }, timeToRestore: { value: 3 * H }, reworkRate: { value: 0 } } } });
    const row = rule('change-failure-rate').evaluate(input, t);
    expect(row?.value).toBe('25% of deploys failed (threshold 15%; 10 of 40); p50 failed deployment recovery time 3h');
    expect(row?.impact).toBe(30);
  });

  it('repair-share counts the repairs, their cycle time and the AI split, from ten changes up', () => {
    const ai = { changes: 12, repairs: 6, share: 0.5, cycleTimeShare: 0.4 };
    const other = { changes: 28, repairs: 8, share: 8 / 28, cycleTimeShare: 0.2 };
    const input = patch(gitOnly(), { summary: { cycleTime: { count: 40, p50: 10 * H }, repair: { changes: 40, repairs: 14, share: 0.35, cycleTimeShare: 0.25, ai, other } } });
    const row = rule('repair-share').evaluate(input, t);
    expect(row?.value).toBe('35% of changes were repairs (threshold 30%; 14 of 40), 25% of the cycle time; AI-assisted 50% of 12, the rest 29% of 28');
    // 14 repairs × the p50 cycle time of 10h
    expect(row?.impact).toBe(140);
    // the AI split needs ten changes a side; the share, ten changes in all
    const fewAi = patch(input, { summary: { repair: { ai: { ...ai, changes: 9 } } } });
    expect(rule('repair-share').evaluate(fewAi, t)?.value).toBe('35% of changes were repairs (threshold 30%; 14 of 40), 25% of the cycle time');
    const few = patch(gitOnly(), { summary: { repair: { changes: 9, repairs: 5, share: 5 / 9, cycleTimeShare: 0.5 } } });
    expect(rule('repair-share').evaluate(few, t)).toBeNull();
    expect(rule('repair-share').evaluate(patch(few, { summary: { repair: { changes: 10, repairs: 5, share: 0.5 } } }), t)?.id).toBe('repair-share');
  });

  it('repair-share points at the reverts and failed-deploy fixes only when there are some', () => {
    const withReasons = (revert: number, failedDeployFix: number) => rule('repair-share').evaluate(patch(gitOnly(), {
      summary: { repair: { changes: 40, repairs: 14, share: 0.35, cycleTimeShare: 0.25, reasons: { revert, failedDeployFix } } },
    }), t)?.doNext;
    // release-please's year: 21 repairs, each a fix: title
    expect(withReasons(0, 0)).toMatch(/^Read this report's repairs: none reverts a change or fixes a failed deploy; each is a hotfix, a fix: title or a bug label/);
    expect(withReasons(1, 0)).toMatch(/^Read this report's repairs by reason: for reverts and failed-deploy fixes, find what the original changes share/);
    expect(withReasons(0, 1)).toMatch(/^Read this report's repairs by reason: for reverts/);
  });

  it('deploy-wait says how often deploys happen', () => {
    const slow = (perWeek: number) =>
      rule('deploy-wait').evaluate(patch(gitOnly(), { summary: { stages: { deploy: { count: 40, p50: 3 * 86400, share: 0.6 } }, dora: { deploymentFrequency: { value: perWeek } } } }), t)?.value;
    expect(slow(2)).toBe('p50 deploy wait 3d (threshold 1d) over 40 changes, 60% of the typical change\'s time; 2.00 deploys a week');
    expect(slow(0.25)).toBe('p50 deploy wait 3d (threshold 1d) over 40 changes, 60% of the typical change\'s time; 1 deploy every 4 weeks');
    // biome's 0.98 a week is one every 1.02 weeks: written as the figures round, never "every 1 weeks"
    const rate = (perWeek: number) => slow(perWeek)?.split('; ').at(-1);
    // a rate is written as the deploys' section writes it (1.32 per week, not 1.3)
    expect([0.98, 1, 1.04, 1.32, 0.94, 0.15].map(rate)).toEqual(['0.98 deploys a week', '1.00 deploys a week', '1.04 deploys a week', '1.32 deploys a week', '1 deploy every 1.1 weeks', '1 deploy every 6.7 weeks']);
    // several products tagged together: the batches are its releases, as its DORA cluster is placed (react-router:
    // 196 product tags, 3.76 a week, in 29 releases, 0.56 a week)
    const products = patch(gitOnly(), { summary: { stages: { deploy: { count: 40, p50: 3 * 86400, share: 0.6 } }, dora: { deploymentFrequency: { value: 3.76, releases: 29, releasesPerWeek: 0.56 } } } });
    expect(rule('deploy-wait').evaluate(products, t)?.value.split('; ').at(-1)).toBe('1 release every 1.8 weeks');
    const weekly = patch(products, { summary: { dora: { deploymentFrequency: { releasesPerWeek: 1.5 } } } });
    expect(rule('deploy-wait').evaluate(weekly, t)?.value.split('; ').at(-1)).toBe('1.50 releases a week');
  });

  it('a stage\'s row names no share of the typical change\'s time when fewer than five changes stand behind the shares', () => {
    // a clone without the pull requests' commits: 537 changes deployed, 4 with a known lead time (langgraph's)
    const value = (basis: number) =>
      rule('deploy-wait').evaluate(patch(gitOnly(), { summary: { stages: { deploy: { count: 537, p50: 3 * 86400, share: 1 } }, shareBasis: { changes: basis }, dora: { deploymentFrequency: { value: 2 } } } }), t)?.value;
    expect(value(4)).toBe('p50 deploy wait 3d (threshold 1d) over 537 changes; 2.00 deploys a week');
    expect(value(5)).toBe('p50 deploy wait 3d (threshold 1d) over 537 changes, 100% of the typical change\'s time; 2.00 deploys a week');
  });

  it('flaky-checks names the worst offenders', () => {
    const input = patch(healthy(), { summary: { ci: { flakyRate: 0.08, worstFlaky: [{ name: 'e2e', rate: 0.2 }, { name: 'lint', rate: 0.04 }] } } });
    expect(rule('flaky-checks').evaluate(input, t)?.value).toBe('flaky rate 8% (threshold 5%); worst: e2e 20%, lint 4%');
  });
});
