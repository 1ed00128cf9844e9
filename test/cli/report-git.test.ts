import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportChange } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario } from '../scenarios.js';

const H = 3600;
const D = 86400;
const WINDOW = ['--since', '2026-03-01T12:00:00Z', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z'];

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

  it('times a direct push from author to committer date', () => {
    const typo = change('fix typo');
    expect(typo.stages).toEqual({ coding: 0, pickup: null, review: 30 * 60, merge: null, deploy: D + 2 * H + 30 * 60 });
    expect(typo.reverted).toBe(true);
    expect(typo.revertedBy).toBe(repo.sha('revert'));
  });

  it('reports bots apart', () => {
    expect(change('#5').bot).toBe(true);
    expect(report.summary.changes).toBe(5);
    expect(report.summary.excluded).toEqual({ bots: 1, syncs: 0 });
  });

  it('computes type-7 percentiles and shares that add up', () => {
    const s = report.summary.stages;
    // coding over [0, 0, 4h, 28h]
    expect(s.coding).toMatchObject({ count: 4, p50: 2 * H, p75: 10 * H, p90: 20.8 * H, mean: 8 * H });
    // review over [0, 30m, 20h, 24h]
    expect(s.review).toMatchObject({ count: 4, p50: 36900 });
    expect(s.deploy).toMatchObject({ count: 5, p50: D });
    expect(s.pickup).toMatchObject({ count: 0, p50: null });
    // shares over the deployed changes with a known first commit: #1, typo, #3, revert
    const total = (4 + 28) * H + (20 * H + 1800 + D) + (D + 95400 + 0 + D);
    expect(s.coding.share).toBeCloseTo((32 * H) / total, 5);
    expect(s.deploy.share).toBeCloseTo((2 * D + 95400) / total, 5);
    const sum = (['coding', 'pickup', 'review', 'merge', 'deploy'] as const).reduce((a, k) => a + (s[k].share ?? 0), 0);
    expect(sum).toBeCloseTo(1, 5);
    expect(report.summary.leadTime).toMatchObject({ count: 4, p50: 135000 });
    expect(report.summary.cycleTime).toMatchObject({ count: 4, p50: 44100 });
  });

  it('assigns deploys from tags, finds the rollback and the failures', () => {
    expect(report.deploys.map((d) => [d.ref, d.at, d.changes, d.failed, d.rollback])).toEqual([
      ['v1.0.0', '2026-03-04T10:00:00Z', 2, false, false],
      ['v1.1.0', '2026-03-07T12:00:00Z', 3, true, false],
      ['v1.2.0', '2026-03-09T09:00:00Z', 1, true, false],
      ['v1.2.1', '2026-03-10T00:00:00Z', 0, false, true],
    ]);
    expect(report.deploys[1]?.restoredAfter).toBe(D + 21 * H);
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
