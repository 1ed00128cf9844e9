import fc from 'fast-check';
import { DEFAULT_THRESHOLDS } from '../../src/config/index.js';
import { STAGES, type Deploy, type StageName } from '../../src/domain.js';
import { buildReport } from '../../src/report/build.js';
import { fromReportChange } from '../../src/report/convert.js';
import type { Policy, Report } from '../../src/report/schema.js';
import { change, D, H } from './report-builder.js';

/*
 * Generated histories for the tests that read the page: a four-week window of changes with random stages (some
 * unseen: null, git alone or a direct push), merged at random, most deployed, some still waiting; and deploys at
 * random, a few failed. Built by the real report builder, as every renderer reads it.
 */

const SINCE = Date.parse('2026-03-02T00:00:00Z') / 1000;
const UNTIL = Date.parse('2026-03-30T00:00:00Z') / 1000;
const NOW = Date.parse('2026-04-01T00:00:00Z') / 1000;
const LATE = Date.parse('2026-10-01T00:00:00Z') / 1000;
/** a path no page may show: the machine's folder the repository was read from */
export const MACHINE_PATH = '/home/ada-lovelace/secret-client/shop-service';

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const POLICY: Policy = { includeBots: false, requiredApprovals: 1, revertWindow: 14 * D, includePrereleases: false, thresholds: { ...DEFAULT_THRESHOLDS } };

/** A stage's seconds, or unseen: from a minute to three weeks on a rough log scale, sometimes 0. */
const seconds = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 40 }).map((i) => Math.round(60 * 1.3 ** i)).map((s) => Math.min(s, 21 * D)) },
);
const stage = fc.option(seconds, { freq: 5 });

const changeArb = fc.record({
  mergedAt: fc.integer({ min: SINCE + H, max: UNTIL - H }),
  coding: stage,
  pickup: stage,
  review: stage,
  merge: stage,
  // null: still waiting for a deploy
  deploy: fc.option(seconds, { freq: 4 }),
  oneCommit: fc.boolean(),
  ai: fc.boolean(),
  fix: fc.boolean(),
});

export interface PageCase {
  report: Report;
  /** how many of the window's deploys failed */
  failed: number;
}

/** A report of a generated history, in git-only or GitHub mode, with 1–40 changes and 0–250 deploys. */
export const pageCases: fc.Arbitrary<PageCase> = fc
  .record({
    github: fc.boolean(),
    changes: fc.array(changeArb, { minLength: 1, maxLength: 40 }),
    deploys: fc.array(fc.record({ at: fc.integer({ min: SINCE, max: UNTIL - 1 }), failed: fc.boolean() }), { maxLength: 250 }),
    failedShare: fc.constantFrom(0, 0.005, 0.05, 0.3),
    // read soon after the window, or half a year later: the changes still waiting then have bounds as wide as
    // bat's `≥ 148d 14h`, which the terminal's tables must fit
    late: fc.boolean(),
    // the share of the changes never deployed: most of them, and the percentiles of deploy wait and lead time are
    // bounds (`≥ 190d 2h`), the widest figures
    unshipped: fc.constantFrom(0, 0, 0.7),
  })
  .map(({ github, changes, deploys, failedShare, late, unshipped }) => {
    const made = changes.map((c, i) => {
      const stages: Partial<Record<StageName, number>> = {};
      for (const s of STAGES) {
        const value = s === 'deploy' && i < changes.length * unshipped ? null : c[s];
        // git alone sees no pickup or merge wait
        if (value !== null && (github || (s !== 'pickup' && s !== 'merge'))) stages[s] = value;
      }
      // from git alone a change of one commit has a first → last commit span of 0 (git cannot see its coding)
      const one = c.oneCommit && !github && stages.coding !== undefined;
      if (one) stages.coding = 0;
      const number = 100 + i;
      const made = change(`#${number}`, iso(c.mergedAt), stages, { title: c.fix ? `fix: change ${number}` : `Change ${number}`, aiAssisted: c.ai });
      return one ? { ...made, lastCommitAt: made.firstCommitAt } : made;
    });
    // a share of the deploys failed, so a rate as low as 1 in 200 is among the cases
    const sorted = [...deploys].sort((a, b) => a.at - b.at);
    const failing = Math.round(sorted.length * failedShare) || (failedShare > 0 && sorted.length > 0 ? 1 : 0);
    const list: Deploy[] = sorted.map((d, i) => ({
      ref: `v1.${i}.0`, sha: `${i}`.padStart(7, 'a'), at: d.at, changeShas: [], rollback: false, rework: false,
      failed: i < failing, failureReasons: i < failing ? ['shipped a change later reverted'] : [], restoredAfter: i < failing ? 5 * H : null,
    }));
    const report = buildReport(
      { changes: made.map((c) => fromReportChange(c, undefined)), deploys: list, openPulls: [] },
      { since: SINCE, until: UNTIL },
      late ? LATE : NOW,
      POLICY,
      {
        generatedAt: iso(late ? LATE : NOW),
        repository: { path: MACHINE_PATH, remote: null, branch: 'main' },
        sources: github ? ['git', 'github'] : ['git'],
        deploySignal: { kind: 'releases', detail: 'GitHub Releases' },
        businessHours: null,
        notes: [],
        warnings: [],
      },
    );
    return { report, failed: failing };
  });
