import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/domain.js';
import { evaluateGates } from '../../src/gates/check.js';
import { lookupFigure } from '../../src/gates/figures.js';
import { computeAiDefects } from '../../src/metrics/ai-defects.js';
import { catalogueEntries } from '../../src/metrics/catalogue.js';
import { report } from '../aggregate/report-builder.js';

describe('lookupFigure', () => {
  it('resolves every figure of the catalogue to its place in a report (a number or null)', () => {
    // every stage's queue trend, as GitHub mode has them
    const trend = { arrivalsPerWeek: 3, departuresPerWeek: 1, growthPerWeek: 2, meanQueue: 4.9, meanTimeInStage: null, littleQueue: null, arrivals: 12, departures: 4, queueStart: 1, queueEnd: 9, aiShare: 0.25 };
    const r = report({ summary: { queueTrend: Object.fromEntries(STAGES.map((s) => [s, trend])) } });
    // the lower bounds are there only while changes still wait: as a report with waiting changes has them
    const bounds = { p50: null, p75: 172800, p90: 259200 };
    r.summary.leadTime.bounds = bounds;
    r.summary.stages.deploy.bounds = bounds;
    // as are the days a rate per week rests on, in reports since they were added
    Object.assign(r.summary.dora.deploymentFrequency, { deployDays: 3, coveredDays: 30 });
    // and the releases of a repository of several products (null for one), in reports since they were given
    Object.assign(r.summary.dora.deploymentFrequency, { releases: null, releasesPerWeek: null });
    // the one-commit changes of the coding stage, in reports since they were counted
    r.summary.stages.coding.oneCommit = 3;
    r.summary.stages.coding.oneCommitShare = 0.25;
    // and the changes of a total of 0, left out of the shares
    r.summary.shareBasis.zeroTotal = 0;
    // the AI-assisted changes an agent made and those only a weak sign marks, in reports since tools were read
    Object.assign(r.summary.ai, { agent: 0, weak: 0 });
    // and the repair share, in reports since it was measured
    const some = { changes: 10, repairs: 2, share: 0.2, cycleTimeShare: 0.1 };
    // (with the repairs under several reasons, in reports since they were counted)
    r.summary.repair = { ...some, reasons: { revert: 1, failedDeployFix: 0, hotfixBranch: 0, fixTitle: 1, bugLabel: null, several: 0 }, ai: some, other: some };
    // and the release commits left out, in reports since they were told apart
    r.summary.excluded.releases = 0;
    // and the syncs' pull requests, in reports since they were counted
    r.summary.excluded.syncedPulls = 0;
    // and the syncs that brought some, in reports since they were counted
    r.summary.excluded.carryingSyncs = 0;
    // and the changes waiting with no lead time, in reports since they were counted
    r.summary.unreleased.noLeadTime = 0;
    // and the AI defects, in reports since they were measured
    r.summary.aiDefects = computeAiDefects({ changes: [], later: [], deploys: [] });
    const paths = catalogueEntries().filter((e) => e.modes.includes('git')).map((e) => e.path);
    expect(paths).toContain('stages.review.p75');
    expect(paths).toContain('aiDefects.ai.revertRate');
    expect(paths).toContain('dora.changeFailureRate');
    for (const path of paths) {
      const found = lookupFigure(path);
      if (!found.ok) throw new Error(found.problem);
      const value = found.segments.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], r.summary);
      expect(value === null || typeof value === 'number', path).toBe(true);
    }
    const { results } = evaluateGates(r, paths.map((p) => `${p}>=0${lookupFigure(p).ok && (lookupFigure(p) as { kind: string }).kind === 'duration' ? 's' : ''}`));
    expect(results.every((x) => x.passed !== false)).toBe(true);
  });

  it('lets a threshold name a queue\'s growth, and calls a stage git cannot see not measured', () => {
    const growing = report({ summary: { queueTrend: { review: { arrivalsPerWeek: 3, departuresPerWeek: 1, growthPerWeek: 2, meanQueue: 4.9, meanTimeInStage: 90000, littleQueue: 8.1, arrivals: 12, departures: 4, queueStart: 1, queueEnd: 9 } } } });
    const { results, breached } = evaluateGates(growing, ['queueTrend.review.growthPerWeek<=0.5', 'queueTrend.pickup.growthPerWeek<=0.5', 'queueTrend.review.meanTimeInStage<=2d']);
    expect(results.map((x) => x.display)).toEqual([
      'queueTrend.review.growthPerWeek = 2 a week (wanted <= 0.5 a week)',
      'queueTrend.pickup.growthPerWeek not measured: git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`) (wanted <= 0.5 a week)',
      'queueTrend.review.meanTimeInStage = 1d 1h (wanted <= 2d)',
    ]);
    expect(breached).toBe(1);
  });
});
