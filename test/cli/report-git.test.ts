import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportChange } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario, MAIN_WINDOW as WINDOW } from '../scenarios.js';

const H = 3600;
const D = 86400;

let repo: FixtureRepo;
let report: Report;
const change = (id: string): ReportChange => {
  const found = report.changes.find((c) => c.id === id || c.title === id);
  if (!found) throw new Error(`no change ${id}`);
  return found;
};

beforeAll(async () => {
  repo = mainScenario();
  const result = await runCli([repo.dir, '--format', 'json', ...WINDOW]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  report = JSON.parse(result.stdout) as Report;
});
afterAll(() => repo.cleanup());

describe('git-only report on a repository whose truth is known by construction', () => {
  it('finds every change merged in the window, of each kind', () => {
    expect(report.changes.map((c) => [c.id.startsWith('#') ? c.id : c.title, c.kind])).toEqual([
      ['#1', 'merge'],
      ['#2', 'squash'],
      ['fix typo', 'direct'],
      ['#3', 'merge'],
      ['Revert "fix typo"', 'direct'],
      ['#5', 'squash'],
    ]);
    expect(report.sources).toEqual(['git']);
    expect(report.deploySignal.kind).toBe('tags');
    expect(report.repository.branch).toBe('main');
  });

  it('says how many changes waiting have no lead time, so the two counts of changes waiting agree', async () => {
    // as of 03-07 00:00, before v1.1.0: #2 (squash, no commits in the clone: no first commit) and the typo fix (first
    // commit 06 09:00) wait; the lead time counts the typo fix as still waiting, and cannot count #2
    const asOf = ['--since', '2026-03-01T12:00:00Z', '--until', '2026-03-07T00:00:00Z'];
    const json = JSON.parse((await runCli([repo.dir, '--format', 'json', ...asOf])).stdout) as Report;
    expect(json.summary.unreleased).toMatchObject({ count: 2, noLeadTime: 1 });
    expect(json.summary.leadTime.censored).toBe(1);
    const text = (await runCli([repo.dir, ...asOf])).stdout;
    expect(text).toContain('2 changes merged in the window, not deployed at 2026-03-07');
    expect(text).toContain('with the 1 change still waiting counted as censored');
    expect(text.replace(/\s+/g, ' ')).toContain('1 of the 2 changes not deployed has no lead time, not even a bound: its first commit is unknown');
    const markdown = (await runCli([repo.dir, '--format', 'markdown', ...asOf])).stdout;
    expect(markdown).toContain('2 changes merged in the window waiting: median wait so far');
    expect(markdown).toContain('1 of the 2 changes not deployed has no lead time, not even a bound: its first commit is unknown.');
  });

  it('times a merged pull request from its side commits', () => {
    const pr1 = change('#1');
    expect(pr1.title).toBe('Add feature one');
    expect(pr1.commits).toBe(2);
    expect(pr1.firstCommitAt).toBe('2026-03-02T10:00:00Z');
    expect(pr1.mergedAt).toBe('2026-03-03T10:00:00Z');
    expect(pr1.deployedAt).toBe('2026-03-04T10:00:00Z');
    expect(pr1.stages).toEqual({ coding: 4 * H, pickup: null, review: 20 * H, merge: null, deploy: D });
    expect(pr1.cycleTime).toBe(24 * H);
    expect(pr1.leadTime).toBe(48 * H);
  });

  it('leaves lock files out of size and reads AI markers', () => {
    const pr1 = change('#1');
    expect([pr1.additions, pr1.deletions, pr1.files]).toEqual([15, 0, 3]);
    expect(pr1.aiAssisted).toBe(true);
    expect(pr1.aiEvidence).toEqual(['Co-authored-by: Claude <noreply@anthropic.com>']);
    expect(change('#3').aiAssisted).toBe(false);
  });

  it('shows null, never 0, for what a squash commit hides', () => {
    const pr2 = change('#2');
    expect(pr2.commits).toBeNull();
    expect(pr2.firstCommitAt).toBeNull();
    expect(pr2.stages).toEqual({ coding: null, pickup: null, review: null, merge: null, deploy: 2 * D });
    expect(pr2.leadTime).toBeNull();
    expect(pr2.flags).toContain('commits-unseen');
  });

  it('does not let a sync merge of main count toward a change', () => {
    const pr3 = change('#3');
    expect(pr3.commits).toBe(2);
    expect(pr3.firstCommitAt).toBe('2026-03-05T08:00:00Z');
    expect(pr3.stages).toEqual({ coding: 28 * H, pickup: null, review: D, merge: null, deploy: 0 });
    expect(pr3.flags).toEqual([]);
  });

  it('times a direct push from author to committer date, with no review stage', () => {
    const typo = change('fix typo');
    // nothing was reviewed: authored 09:00, pushed 09:30 is all coding; review is null, not 0
    expect(typo.stages).toEqual({ coding: 30 * 60, pickup: null, review: null, merge: null, deploy: D + 2 * H + 30 * 60 });
    expect(typo.reverted).toBe(true);
    expect(typo.revertedBy).toBe(repo.sha('revert'));
  });

  it('reports bots apart', () => {
    expect(change('#5').bot).toBe(true);
    expect(report.summary.changes).toBe(5);
    expect(report.summary.excluded).toEqual({ bots: 1, syncs: 0, releases: 0, syncedPulls: 0, carryingSyncs: 0 });
  });

  it('computes type-7 percentiles and the typical change\'s shares', () => {
    const s = report.summary.stages;
    // coding over [revert 0, typo 30m, #1 4h, #3 28h]: p50 (30m + 4h) / 2; p75 at rank 2.25: 4h + 0.25 × 24h
    expect(s.coding).toMatchObject({ count: 4, p50: 8100, p75: 10 * H, p90: 20.8 * H, mean: (1800 + 4 * H + 28 * H) / 4 });
    // review over #1 20h and #3 24h only: the direct pushes have none
    expect(s.review).toMatchObject({ count: 2, p50: 22 * H });
    expect(s.deploy).toMatchObject({ count: 5, p50: D, censored: 0, atLeast: null });
    expect(s.pickup).toMatchObject({ count: 0, p50: null, share: null });
    /*
     * Shares over the deployed changes with a known, positive lead time (h = hours):
     *   #1     coding 4,   review 20, deploy 24    total 48
     *   typo   coding 0.5,            deploy 26.5  total 27
     *   #3     coding 28,  review 24, deploy 0     total 52
     *   revert coding 0,              deploy 24    total 24
     * share = mean of each change's fraction:
     *   coding (4/48 + 0.5/27 + 28/52 + 0) / 4 = (0.0833333 + 0.0185185 + 0.5384615) / 4 = 0.1600783
     *   review (20/48 + 24/52) / 4 = (0.4166667 + 0.4615385) / 4 = 0.2195513
     *   deploy (24/48 + 26.5/27 + 0 + 1) / 4 = (0.5 + 0.9814815 + 1) / 4 = 0.6203704
     * shareOfTotal = Σ stage / Σ totals (151): coding 32.5/151, review 44/151, deploy 74.5/151
     */
    expect(s.coding.share).toBeCloseTo(0.1600783, 6);
    expect(s.review.share).toBeCloseTo(0.2195513, 6);
    expect(s.deploy.share).toBeCloseTo(0.6203704, 6);
    expect(s.coding.shareOfTotal).toBeCloseTo(32.5 / 151, 6);
    expect(s.review.shareOfTotal).toBeCloseTo(44 / 151, 6);
    expect(s.deploy.shareOfTotal).toBeCloseTo(74.5 / 151, 6);
    expect(report.summary.shareBasis).toEqual({ kind: 'deployed', changes: 4, zeroTotal: 0 });
    // lead over [24h, 27h, 48h, 52h]: p50 37.5h; cycle over the same four, [0, 30m, 24h, 52h]: p50 12h 15m
    expect(report.summary.leadTime).toMatchObject({ count: 4, p50: 135000, censored: 0, atLeast: null });
    expect(report.summary.leadTimeDeployed).toMatchObject({ count: 4, p50: 135000 });
    expect(report.summary.cycleTime).toMatchObject({ count: 4, p50: 44100 });
    expect(report.summary.unreleased).toEqual({ count: 0, p50Age: null, oldestAge: null, noLeadTime: 0, oldest: [], oldestChanges: [] });
  });

  it('assigns deploys from tags, finds the rollback and the failures', () => {
    expect(report.deploys.map((d) => [d.ref, d.at, d.changes, d.failed, d.rollback])).toEqual([
      ['v1.0.0', '2026-03-04T10:00:00Z', 2, false, false],
      ['v1.1.0', '2026-03-07T12:00:00Z', 3, true, false],
      ['v1.2.0', '2026-03-09T09:00:00Z', 1, true, false],
      ['v1.2.1', '2026-03-10T00:00:00Z', 0, false, true],
    ]);
    expect(report.deploys[1]?.failureReasons).toEqual([`shipped ${change('fix typo').id}, reverted by ${change('Revert "fix typo"').id} within 14 days`]);
    expect(report.deploys[1]?.restoredAfter).toBe(D + 21 * H);
    expect(report.deploys[2]?.failureReasons).toEqual(['rolled back by v1.2.1']);
    expect(report.deploys[2]?.restoredAfter).toBe(15 * H);
    const dora = report.summary.dora;
    expect(dora.changeFailureRate.value).toBe(0.5);
    expect(dora.timeToRestore.value).toBe(108000);
    expect(dora.deploymentFrequency.value).toBeCloseTo(4 / (30.5 / 7), 6);
    expect(dora.reworkRate.value).toBe(0.25);
    expect(dora.leadTime).toMatchObject({ value: 135000, band: 'high' });
  });

  it('gives byte-identical JSON for the same inputs, but for generatedAt', async () => {
    const again = await runCli([repo.dir, '--format', 'json', ...WINDOW]);
    const strip = (s: string): string => s.replace(/"generatedAt": "[^"]+"/, '');
    expect(strip(again.stdout)).toBe(strip(JSON.stringify(report, null, 2) + '\n'));
  });
});

describe('--business-hours', () => {
  it('counts only working time in every duration and says so', async () => {
    const result = await runCli([repo.dir, '--format', 'json', '--business-hours', ...WINDOW]);
    const r = JSON.parse(result.stdout) as Report;
    const pr1 = r.changes.find((c) => c.id === '#1');
    // Mon 10:00–14:00 coding; Mon 14:00 → Tue 10:00 is 3h + 1h; Tue 10:00 → Wed 10:00 is 7h + 1h
    expect(pr1?.stages).toEqual({ coding: 4 * H, pickup: null, review: 4 * H, merge: null, deploy: 8 * H });
    expect(pr1?.leadTime).toBe(16 * H);
    expect(r.businessHours).toEqual({ timezone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' });
    const text = await runCli([repo.dir, '--business-hours', '--timezone', 'Europe/Berlin', '--width', '120', ...WINDOW]);
    expect(text.stdout).toContain('business hours on: durations count only 09:00–17:00 on working days (Europe/Berlin)');
  });

  it('refuses an unknown time zone', async () => {
    const result = await runCli([repo.dir, '--business-hours', '--timezone', 'Nowhere/Land', ...WINDOW]);
    expect(result.stderr).toBe("flowaudit: --timezone 'Nowhere/Land' is not a known time zone: use an IANA name such as Europe/Berlin or America/New_York\n");
    expect(result.code).toBe(2);
  });
});
