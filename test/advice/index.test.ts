import { describe, expect, expectTypeOf, it } from 'vitest';
import { advise, applicableRules, RULES } from '../../src/advice/index.js';
import { duration, percent } from '../../src/advice/format.js';
import type { AdviceInput } from '../../src/advice/types.js';
import { DEFAULT_THRESHOLDS } from '../../src/config/defaults.js';
import type { Report } from '../../src/report/schema.js';
import { deepFreeze, gitOnly, healthy, patch } from './build.js';

const t = DEFAULT_THRESHOLDS;
const H = 3600;
const D = 86400;

describe('advise', () => {
  it('takes the report object itself', () => {
    expectTypeOf<Report>().toExtend<AdviceInput>();
  });

  it('ranks by hours of waiting, the longest first, ties by id', () => {
    const input = patch(healthy(), {
      summary: {
        stages: {
          pickup: { count: 50, p50: 2 * D }, // 50 × 48h = 2400h
          deploy: { count: 40, p50: 3 * D }, // 40 × 72h = 2880h
          review: { count: 50, p50: 4 * H }, // 200h of review-stage waiting
        },
        flow: { size: { over400: 0.3 } }, // 0.3 × 200h = 60h
        review: { unreviewedShare: 0.2 }, // a risk: 0h
        dora: { changeFailureRate: { value: 0.3, count: 40 }, timeToRestore: { value: null } }, // restore unknown: 0h
      },
    });
    const rows = advise(input, t);
    expect(rows.map((r) => [r.id, r.impact])).toEqual([
      ['deploy-wait', 2880],
      ['pickup-wait', 2400],
      ['large-changes', 60],
      ['change-failure-rate', 0],
      ['unreviewed-merges', 0],
    ]);
  });

  it('computes each impact as p50 × count, scaled by the share concerned', () => {
    const input = patch(healthy(), {
      summary: {
        changes: 50,
        stages: { pickup: { count: 50, p50: 30 * H }, review: { count: 50, p50: 4 * H } },
        review: { topTwoShare: 0.8 }, // 0.8 × 1500h
        rework: { share: 0.5 }, // 0.5 × 200h
        ci: { p50: 20 * 60, flakyRate: 0.1 }, // 20m × 50 = 16.7h; 0.1 × 50 × 20m = 1.7h
        wip: { open: 10, p50Age: 3 * D, perAuthor: 2.5 }, // 10 × 72h
      },
    });
    const impact = Object.fromEntries(advise(input, t).map((r) => [r.id, r.impact]));
    expect(impact).toEqual({
      'pickup-wait': 1500,
      'review-concentration': 1200,
      wip: 720,
      rework: 100,
      'slow-checks': 16.7,
      'flaky-checks': 1.7,
    });
  });

  it('is pure: same rows twice, input untouched', () => {
    const input = deepFreeze(patch(healthy(), { summary: { stages: { pickup: { p50: 2 * D } }, ci: { p50: 30 * 60 } } }));
    const first = advise(input, t);
    expect(advise(input, t)).toEqual(first);
    expect(first.map((r) => r.id)).toEqual(['pickup-wait', 'slow-checks']);
  });

  it('says what is healthy when nothing fires, naming each figure checked', () => {
    const rows = advise(healthy(), t);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row?.id).toBe('healthy');
    expect(row?.impact).toBe(0);
    expect(row?.figure).toBe('summary');
    // one sentence a reader takes in at a glance: coding holds half the typical change (10h at the median)
    expect(`${row?.measure}; ${row?.value}.`).toBe("Nothing is over its threshold; the slowest stage is coding: 50% of the typical change's time, p50 10h.");
    // each rule's figure against its threshold, apart, for a page to fold away
    expect(row?.checked).toEqual([
      'pickup p50 2h (threshold 1d)',
      'top-two review share 40% (threshold 60%)',
      'rework after review 20% (threshold 40%)',
      'unreviewed merges 2% (threshold 10%)',
      'changes over 400 lines 5% (threshold 20%)',
      'checks p50 6m (threshold 10m)',
      'flaky check rate 1% (threshold 5%)',
      'merge wait p50 1h (threshold 8h)',
      'deploy wait p50 3h (threshold 1d)',
      'change failure rate 5% (threshold 15%)',
      'repair share 20% (threshold 30%)',
      'open pull requests per author 1.2 (threshold 2)',
      'AI-assisted vs other, worst ratio 1.1× (threshold 1.5×)',
      'AI-assisted revert rate 5% vs 4% (threshold 1.5×)',
      'AI-assisted acceptance 70% vs 75% (rejection threshold 1.5×)',
    ]);
    expect(row?.tellsYou).not.toContain('GitHub');
  });

  it('in git-only mode checks what git measures and says the GitHub figures were not checked', () => {
    const row = advise(gitOnly(), t)[0];
    expect(row?.id).toBe('healthy');
    expect(row?.value).toBe("the slowest stage is first → last commit: 50% of the typical change's time, p50 10h");
    expect(row?.checked).toEqual([
      'review & merge wait p50 20h (threshold 2d)',
      'changes over 400 lines 5% (threshold 20%)',
      'deploy wait p50 3h (threshold 1d)',
      'change failure rate 5% (threshold 15%)',
      'repair share 20% (threshold 30%)',
      'AI-assisted vs other, worst ratio 1.1× (threshold 1.5×)',
      'AI-assisted revert rate 5% vs 4% (threshold 1.5×)',
    ]);
    expect(row?.tellsYou).toContain('need GitHub data and were not checked');
  });

  it('names no stage git cannot see as the slowest: with most changes one commit, coding has no share', () => {
    const row = advise(patch(gitOnly(), { summary: { stages: { coding: { count: 50, p50: 0, share: 0.5, oneCommit: 30 } } } }), t)[0];
    // review & merge wait (30%) is the slowest stage the page gives a share
    expect(row?.value).toBe("the slowest stage is review & merge wait: 30% of the typical change's time, p50 20h");
  });

  it('names no slowest stage by its share when fewer than five changes stand behind the shares, as the headline names none', () => {
    const row = advise(patch(gitOnly(), { summary: { shareBasis: { changes: 4 } } }), t)[0];
    expect(row?.value).toBe("too few changes (4) to give a stage a share of the typical change's time");
  });

  it('says plainly when there was nothing to measure', () => {
    const empty = patch(gitOnly(), {
      summary: {
        changes: 0,
        stages: { coding: { count: 0, p50: null }, review: { count: 0, p50: null }, deploy: { count: 0, p50: null } },
        flow: { size: { count: 0, p50: null, p90: null, over200: null, over400: null } },
        dora: { deploymentFrequency: { value: null }, changeFailureRate: { value: null, count: 0 }, timeToRestore: { value: null }, reworkRate: { value: null } },
        aiComparison: null,
        aiDefects: null,
        repair: { changes: 0, repairs: 0, share: null, cycleTimeShare: null },
      },
    });
    expect(advise(empty, t)).toEqual([expect.objectContaining({ id: 'healthy', value: 'no figure could be measured', impact: 0 })]);
  });

  it('never runs a GitHub rule on a git-only report, even if such figures are present', () => {
    const input = patch(gitOnly(), {
      summary: { review: { topTwoShare: 1, reviewers: 5, unreviewedShare: 0.9 }, ci: { p50: 3 * H, flakyRate: 0.5 }, wip: { perAuthor: 9 }, rework: { share: 0.9 } },
    });
    expect(applicableRules(input).every((r) => r.needs === 'git')).toBe(true);
    expect(advise(input, t).map((r) => r.id)).toEqual(['healthy']);
  });

  it('does not fire GitHub rules whose figures are absent or null', () => {
    const absent = patch(healthy(), { summary: { review: null, rework: null, ci: null, wip: null, aiComparison: null } });
    for (const key of ['review', 'rework', 'ci', 'wip', 'aiComparison'] as const) delete (absent.summary as unknown as Record<string, unknown>)[key];
    expect(advise(absent, t).map((r) => r.id)).toEqual(['healthy']);
    const nulls = patch(healthy(), {
      summary: { review: { topTwoShare: null, unreviewedShare: null }, rework: { share: null }, ci: { p50: null, flakyRate: null }, wip: { perAuthor: null } },
    });
    expect(advise(nulls, t).map((r) => r.id)).toEqual(['healthy']);
    expect(advise(nulls, t)[0]?.value).not.toContain('review share');
  });

  it('has unique rule ids', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});

describe('units', () => {
  it('writes durations and shares as the report does', () => {
    const calendar = {};
    expect([duration(0, calendar), duration(45, calendar), duration(600, calendar), duration(3600, calendar), duration(86400, calendar), duration(187200, calendar), duration(90061, calendar)]).toEqual([
      '0s', '45s', '10m', '1h', '1d', '2d 4h', '1d 1h',
    ]);
    // a report counting 09:00–17:00: 86,400 working seconds are three working days
    expect(duration(86400, { businessHours: { start: '09:00', end: '17:00' } })).toBe('3d');
    expect([percent(0.15), percent(0.045), percent(0.05), percent(1)]).toEqual(['15%', '4.5%', '5%', '100%']);
  });
});
