import { describe, expect, it } from 'vitest';
import { STAGES, type StageName } from '../../src/domain.js';
import { headline } from '../../src/metrics/headline.js';
import type { StageFigure, StageSummary } from '../../src/metrics/stage-summary.js';

type Shares = Partial<Record<StageName, number | null>>;

function summary(shares: Shares, basis: number, kind: 'deployed' | 'merged' = 'deployed'): Pick<StageSummary, 'stages' | 'shareBasis' | 'changes'> {
  const stages = Object.fromEntries(
    STAGES.map((s): [StageName, StageFigure] => [s, { count: 10, p50: 1, p75: 1, p90: 1, mean: 1, share: shares[s] ?? null, shareOfTotal: null }]),
  ) as Record<StageName, StageFigure>;
  return { stages, shareBasis: { kind, changes: basis }, changes: basis };
}

const GITHUB = { gitOnly: false, businessHours: false };

describe('headline', () => {
  it('calls only pickup, merge wait and deploy wait waiting, and names the stages by share', () => {
    const text = headline(summary({ coding: 0.2, pickup: 0.3, review: 0.35, merge: 0.05, deploy: 0.1 }, 12), GITHUB);
    // waiting 0.3 + 0.1 + 0.05 = 45%; review (35%) is work, however long
    expect(text).toBe('The typical change spends 45% of its lead time waiting (pickup (waiting for review) 30%, deploy wait 10%, merge wait (approved) 5%), 35% in review & rework and 20% coding.');
  });

  it('says so when nothing is waiting, and names git-only stages as git sees them', () => {
    const text = headline(summary({ coding: 0.6, review: 0.4, deploy: 0 }, 5), { gitOnly: true, businessHours: false });
    // git alone sees one stage that is only waiting: the deploy wait; "none waiting" beside "review & merge wait" would read as a contradiction
    expect(text).toBe('The typical change spends none of its lead time waiting for a deploy, 60% coding (first → last commit) and 40% in review & merge wait.');
    expect(headline(summary({ coding: 0.2, review: 0.3, deploy: 0.5 }, 5), { gitOnly: true, businessHours: false })).toBe(
      'The typical change spends 50% of its lead time waiting for a deploy, 30% in review & merge wait and 20% coding (first → last commit).',
    );
    expect(headline(summary({ coding: 0.3, pickup: 0.2, review: 0.5 }, 5), GITHUB)).toBe('The typical change spends 20% of its lead time waiting (pickup (waiting for review) 20%), 50% in review & rework and 30% coding.');
  });

  it('claims no deploy wait when every merge is taken as its deploy: the wait is 0 by construction, not measured', () => {
    const text = headline(summary({ coding: 0.6, review: 0.4, deploy: 0 }, 5), { gitOnly: true, businessHours: false, deployIsMerge: true });
    expect(text).toBe('The typical change spends 60% of its lead time coding (first → last commit) and 40% in review & merge wait.');
    expect(text).not.toContain('deploy');
  });

  it('from git alone, gives no share to coding when most changes landed as one commit, and says why', () => {
    const withOneCommit = (oneCommit: number): Pick<StageSummary, 'stages' | 'shareBasis' | 'changes'> => {
      const s = summary({ coding: 0.1, review: 0.3, deploy: 0.6 }, 10);
      return { ...s, stages: { ...s.stages, coding: { ...s.stages.coding, oneCommit, oneCommitShare: oneCommit / s.stages.coding.count } } };
    };
    // 6 of 10: most; the coding share (10%) is not named, the reason is
    expect(headline(withOneCommit(6), { gitOnly: true, businessHours: false })).toBe(
      'The typical change spends 60% of its lead time waiting for a deploy, 30% in review & merge wait. Git cannot see coding time: 60% of the changes landed from a branch as one commit (or commits of one moment).',
    );
    // exactly half is not most: the share stays
    expect(headline(withOneCommit(5), { gitOnly: true, businessHours: false })).toBe(
      'The typical change spends 60% of its lead time waiting for a deploy, 30% in review & merge wait and 10% coding (first → last commit).',
    );
    // with GitHub coding runs to the pull request's opening: one commit says nothing of it
    expect(headline(withOneCommit(9), GITHUB)).toContain('10% coding');
  });

  it('speaks of the cycle time when nothing deployed, and of working time with business hours', () => {
    const undeployed = (s: Pick<StageSummary, 'stages' | 'shareBasis' | 'changes'>): Pick<StageSummary, 'stages' | 'shareBasis' | 'changes'> => ({ ...s, stages: { ...s.stages, deploy: { ...s.stages.deploy, censored: s.stages.deploy.count } } });
    expect(headline(undeployed(summary({ coding: 0.5, review: 0.5 }, 6, 'merged')), { gitOnly: true, businessHours: true })).toBe(
      'Counting working time only, the typical change spends 50% of its cycle time (nothing deployed yet) coding (first → last commit) and 50% in review & merge wait.',
    );
  });

  it('does not say nothing deployed when changes deployed but none has a lead time (their first commits unseen)', () => {
    // 10 changes waited for a deploy, 3 still waiting: 7 deployed, none with a known first commit
    const s = summary({}, 0, 'merged');
    const unseen = { ...s, changes: 10, stages: { ...s.stages, deploy: { ...s.stages.deploy, censored: 3 } } };
    expect(headline(unseen, { gitOnly: true, businessHours: false })).toBe('No change has a known, positive cycle time: there is no time to split.');
    const none = { ...s, changes: 10, stages: { ...s.stages, deploy: { ...s.stages.deploy, censored: 10 } } };
    expect(headline(none, { gitOnly: true, businessHours: false })).toBe('No change has a known, positive cycle time (nothing deployed yet): there is no time to split.');
  });

  it('says nothing about shares with fewer than 5 changes or no positive duration behind them', () => {
    expect(headline(summary({ coding: 0, deploy: 1 }, 4), GITHUB)).toBe("Only 4 changes have a known, positive lead time: too few to say where the typical change's time goes (5 needed).");
    // this project's own history: every duration 0, so no share at all (not "100% waiting")
    expect(headline({ ...summary({}, 0), changes: 7 }, GITHUB)).toBe('No change has a known, positive lead time: there is no time to split.');
    expect(headline(summary({}, 0), GITHUB)).toBe('No change to measure.');
  });
});
