import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report, ReportChange } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from '../histories/pull-refs.js';

const H = 3600;
const D = 86400;

/*
 * Release lines, truth by construction (May 2026, UTC):
 *  initial   direct 01 00:00                         v1.0.0 (01 12:00)      deploy 12h
 *  #10       merge 02 12:00, commit 02 09:00         backported to 1-0-stable as a copy (same author, author
 *                                                    date, subject); v1.0.1 (03 12:00) ships it: deploy 1d
 *  #11       merge 02 16:00, commit 02 14:00         backported by `cherry-pick -x` (its own author date);
 *                                                    v1.0.1: deploy 20h
 *  v0.9.5    04 10:00 on 0-9-stable: a security fix of an old line, nothing of main: no deploy
 *  formatter direct 05 10:00                         v1.1.0-rc.1 (05 12:00, a pre-release) and v1.1.0 (06 12:00)
 *                                                    on the same commit: v1.1.0 ships it, deploy 1d 2h
 *  #20       squash 08 09:00 of a release pull request whose own commit (07 09:00) was tagged v1.2.0 (07 10:00)
 *            before it merged: deployed at its merge, deploy 0, flagged deployed-before-merge
 *  empty     direct 10 10:00, tagged parser-2.0.0 (a package tag, lightweight): deploy 0
 */
function releaseLines(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T12:00:00Z' },
    { branch: '1-0-stable' },
    { branch: '0-9-stable' },
    { branch: 'f10' },
    { commit: 'fix the parser', on: 'f10', at: '2026-05-02T09:00:00Z' },
    { merge: 'f10', at: '2026-05-02T12:00:00Z', message: 'Merge pull request #10 from ada/f10\n\nFix the parser' },
    { branch: 'f11' },
    { commit: 'speed up the lexer', on: 'f11', at: '2026-05-02T14:00:00Z', id: 'lexer' },
    { merge: 'f11', at: '2026-05-02T16:00:00Z', message: 'Merge pull request #11 from ada/f11\n\nSpeed up the lexer' },
    { commit: 'fix the parser', on: '1-0-stable', authorAt: '2026-05-02T09:00:00Z', at: '2026-05-03T10:00:00Z' },
    { commit: (sha) => `speed up the lexer\n\n(cherry picked from commit ${sha('lexer')})`, on: '1-0-stable', at: '2026-05-03T11:00:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-05-03T12:00:00Z' },
    { commit: 'security fix for 0.9', on: '0-9-stable', at: '2026-05-04T09:00:00Z' },
    { tag: 'v0.9.5', annotated: true, at: '2026-05-04T10:00:00Z' },
    { commit: 'add the formatter', on: 'main', at: '2026-05-05T10:00:00Z' },
    { tag: 'v1.1.0-rc.1', annotated: true, at: '2026-05-05T12:00:00Z' },
    { tag: 'v1.1.0', annotated: true, at: '2026-05-06T12:00:00Z' },
    { branch: 'release-1.2' },
    { commit: 'Release 1.2.0', on: 'release-1.2', at: '2026-05-07T09:00:00Z', id: 'release' },
    { tag: 'v1.2.0', annotated: true, at: '2026-05-07T10:00:00Z' },
    { commit: 'Release 1.2.0 (#20)', on: 'main', at: '2026-05-08T09:00:00Z' },
    { commit: 'handle empty input', on: 'main', at: '2026-05-10T10:00:00Z' },
    { tag: 'parser-2.0.0' },
  ]);
  repo.git('update-ref', 'refs/pull/20/head', repo.sha('release'));
  return repo;
}

/*
 * Failures, truth by construction (June–July 2026, UTC; every change a direct push):
 *  cache 02 10:00 and its revert 02 15:00, both shipped by v1.1.0 (03 10:00): no failure
 *  search 04 10:00, v1.2.0 (05 10:00); reverted 06 10:00 (within 14 days): v1.2.0 failed, restored by v1.3.0
 *    (07 10:00) 2d later; relanded (`Revert "Revert …"`) 08 10:00, v1.4.0 (09 10:00): v1.3.0 did not fail
 *  export 06-10 10:00, v1.5.0 (06-11 10:00); reverted 07-20 10:00, 39 days later: a redesign, v1.5.0 did not fail
 *  docs  authored 07-22 20:00, pushed 07-23 09:00: coding 13h, no review; v1.7.0 (07-23 12:00): deploy 3h
 *  rewrite 07-25 10:00: never released; at now (08-01 00:00) 6d 14h old
 * The history starts 06-01: a window from 05-01 is measured from there.
 */
function failures(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-06-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-06-01T01:00:00Z' },
    { commit: 'add caching', at: '2026-06-02T10:00:00Z', id: 'cache' },
    { commit: (sha) => `Revert "add caching"\n\nThis reverts commit ${sha('cache')}.`, at: '2026-06-02T15:00:00Z', id: 'uncache' },
    { tag: 'v1.1.0', annotated: true, at: '2026-06-03T10:00:00Z' },
    { commit: 'add search', at: '2026-06-04T10:00:00Z', id: 'search' },
    { tag: 'v1.2.0', annotated: true, at: '2026-06-05T10:00:00Z' },
    { commit: (sha) => `Revert "add search"\n\nThis reverts commit ${sha('search')}.`, at: '2026-06-06T10:00:00Z', id: 'unsearch' },
    { tag: 'v1.3.0', annotated: true, at: '2026-06-07T10:00:00Z' },
    { commit: (sha) => `Revert "Revert "add search""\n\nThis reverts commit ${sha('unsearch')}.`, at: '2026-06-08T10:00:00Z', id: 'reland' },
    { tag: 'v1.4.0', annotated: true, at: '2026-06-09T10:00:00Z' },
    { commit: 'new export format', at: '2026-06-10T10:00:00Z', id: 'export' },
    { tag: 'v1.5.0', annotated: true, at: '2026-06-11T10:00:00Z' },
    { commit: (sha) => `Revert "new export format"\n\nThis reverts commit ${sha('export')}.`, at: '2026-07-20T10:00:00Z', id: 'unexport' },
    { tag: 'v1.6.0', annotated: true, at: '2026-07-21T10:00:00Z' },
    { commit: 'tidy the docs', authorAt: '2026-07-22T20:00:00Z', at: '2026-07-23T09:00:00Z', id: 'docs' },
    { tag: 'v1.7.0', annotated: true, at: '2026-07-23T12:00:00Z' },
    { commit: 'start the rewrite', at: '2026-07-25T10:00:00Z', id: 'rewrite' },
  ]);
}

const find = (report: Report, idOrTitle: string): ReportChange => {
  const found = report.changes.find((c) => c.id === idOrTitle || c.title === idOrTitle);
  if (!found) throw new Error(`no change ${idOrTitle}`);
  return found;
};

describe('deploys on release lines', () => {
  let repo: FixtureRepo;
  let report: Report;
  const run = (extra: object = {}): Promise<Report> => audit({ path: repo.dir, since: '2026-05-01', until: '2026-06-01', now: '2026-06-01T00:00:00Z', github: false, ...extra });
  beforeAll(async () => {
    repo = releaseLines();
    report = await run();
  });
  afterAll(() => repo.cleanup());

  it('counts final release tags on every line, a package tag too, and leaves out tags that ship nothing of main', () => {
    expect(report.deploys.map((d) => [d.ref, d.at, d.changes])).toEqual([
      ['v1.0.0', '2026-05-01T12:00:00Z', 1],
      ['v1.0.1', '2026-05-03T12:00:00Z', 2],
      ['v1.1.0', '2026-05-06T12:00:00Z', 1],
      ['v1.2.0', '2026-05-07T10:00:00Z', 1],
      ['parser-2.0.0', '2026-05-10T10:00:00Z', 1],
    ]);
    expect(report.policy).toMatchObject({ includePrereleases: false, revertWindow: 14 * D });
    expect(report.warnings).toEqual([]);
  });

  it('ships a backport with the stable release that carried it, before main\'s next release', () => {
    expect([find(report, '#10').deployedAt, find(report, '#10').stages.deploy]).toEqual(['2026-05-03T12:00:00Z', D]);
    expect([find(report, '#11').deployedAt, find(report, '#11').stages.deploy]).toEqual(['2026-05-03T12:00:00Z', 20 * H]);
  });

  it('leaves a pre-release on the same commit as the final release out, unless asked', async () => {
    expect([find(report, 'add the formatter').deployedAt, find(report, 'add the formatter').stages.deploy]).toEqual(['2026-05-06T12:00:00Z', D + 2 * H]);
    const withPre = await run({ includePrereleases: true });
    // the release candidate shipped it; the final release on the same commit then shipped nothing new
    expect(withPre.deploys.map((d) => d.ref)).toEqual(['v1.0.0', 'v1.0.1', 'v1.1.0-rc.1', 'v1.2.0', 'parser-2.0.0']);
    expect(find(withPre, 'add the formatter').stages.deploy).toBe(2 * H);
    expect(withPre.policy.includePrereleases).toBe(true);
  });

  it('dates a release pull request tagged before it merged at its merge, with a deploy stage of 0', () => {
    const release = find(report, '#20');
    expect([release.kind, release.mergedAt, release.deployedAt, release.stages.deploy]).toEqual(['squash', '2026-05-08T09:00:00Z', '2026-05-08T09:00:00Z', 0]);
    expect(release.flags).toContain('deployed-before-merge');
    // first commit 07 09:00 → merged 08 09:00: its lead time is its cycle time
    expect([release.cycleTime, release.leadTime]).toEqual([D, D]);
  });

  it('says so when the repository has tags and none matches, naming the newest', async () => {
    const none = await run({ tagPattern: '^release-' });
    expect(none.deploySignal.kind).toBe('merge');
    // no deploy to measure: no band, and the report says why
    expect(none.summary.dora.deploymentFrequency).toMatchObject({ band: null, note: 'every merge counted as a deploy (no deploy signal found): there is no deploy to measure, so no band' });
    expect(none.summary.dora.leadTime.band).toBeNull();
    expect(none.notes).toContain('No deploy signal (tags) was found: every merge counts as a deploy, so the deploy stage is 0 and deploy frequency and lead time get no DORA band. Use --tag-pattern to match your release tags.');
    expect(none.warnings).toContain(
      "none of the repository's 7 tags (parser-2.0.0, v1.2.0, v1.1.0, v1.1.0-rc.1, v0.9.5, …) matches --tag-pattern ^release-: give a pattern that matches its release tags; until then every merge counts as a deploy",
    );
  });
});

describe('failures, reverts and the unreleased backlog', () => {
  let repo: FixtureRepo;
  let report: Report;
  const id = (name: string): string => repo.sha(name).slice(0, 10);
  beforeAll(async () => {
    repo = failures();
    report = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-08-01', now: '2026-08-01T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('fails only the deploy whose change was reverted within the window, and names the revert', () => {
    expect(report.deploys.map((d) => [d.ref, d.changes, d.failed, d.rework])).toEqual([
      ['v1.0.0', 1, false, false],
      // the change and its revert shipped together: production never had it
      ['v1.1.0', 2, false, false],
      ['v1.2.0', 1, true, false],
      // the reland reverts this deploy's revert: no failure
      ['v1.3.0', 1, false, true],
      ['v1.4.0', 1, false, false],
      // reverted 39 days later: a redesign
      ['v1.5.0', 1, false, false],
      ['v1.6.0', 1, false, true],
      ['v1.7.0', 1, false, false],
    ]);
    expect(report.deploys[2]?.failureReasons).toEqual([`shipped ${id('search')}, reverted by ${id('unsearch')} within 14 days`]);
    expect(report.deploys[2]?.restoredAfter).toBe(2 * D);
    expect(find(report, 'new export format').revertedBy).toBe(repo.sha('unexport'));
    expect(find(report, 'Revert "add search"').reverted).toBe(false);
    expect(report.summary.flow.reverted).toBe(3);
    const dora = report.summary.dora;
    // 12.5%: between the medium cluster's published 10% and the high cluster's 20%; restored in 2 days, which no
    // cluster's published recovery holds (high and medium "less than one day", low "one week to one month")
    expect(dora.changeFailureRate).toMatchObject({ value: 1 / 8, band: null, position: 'DORA 2024: between the medium cluster’s 10% and the high cluster’s 20%', count: 8 });
    expect(dora.timeToRestore).toMatchObject({ value: 2 * D, band: null, position: 'DORA 2024: between the high and medium clusters’ “less than one day” and the low cluster’s “between one week and one month”' });
    expect(dora.reworkRate.value).toBe(2 / 8);
  });

  it('takes --revert-window', async () => {
    const wide = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-08-01', now: '2026-08-01T00:00:00Z', github: false, revertWindow: 60 * D });
    expect(wide.deploys.filter((d) => d.failed).map((d) => [d.ref, d.failureReasons])).toEqual([
      ['v1.2.0', [`shipped ${id('search')}, reverted by ${id('unsearch')} within 60 days`]],
      ['v1.5.0', [`shipped ${id('export')}, reverted by ${id('unexport')} within 60 days`]],
    ]);
    expect(wide.policy.revertWindow).toBe(60 * D);
  });

  it('times a direct push authored the evening before it was pushed as coding, with no review', () => {
    const docs = find(report, 'tidy the docs');
    expect(docs.stages).toEqual({ coding: 13 * H, pickup: null, review: null, merge: null, deploy: 3 * H });
    expect(docs.leadTime).toBe(16 * H);
  });

  it('lists a change never released and counts it in lead time as still waiting', () => {
    expect(report.summary.unreleased).toEqual({
      count: 1, p50Age: 6 * D + 14 * H, oldestAge: 6 * D + 14 * H, noLeadTime: 0, oldest: [id('rewrite')],
      oldestChanges: [{ id: id('rewrite'), title: 'start the rewrite', url: null, mergedAt: '2026-07-25T10:00:00Z', age: 6 * D + 14 * H }],
    });
    /*
     * Lead times (h): initial 1, docs 16, uncache 19, and six of 24; the rewrite at least 158 (6d 14h), still
     * waiting. Kaplan–Meier: Ŝ(1) = 9/10, Ŝ(16) = 8/10, Ŝ(19) = 7/10, Ŝ(24) = 7/10 × 1/7 = 1/10: p50 = p75 = p90 = 24h.
     */
    expect(report.summary.leadTime).toEqual({ count: 10, p50: 24 * H, p75: 24 * H, p90: 24 * H, mean: null, censored: 1, atLeast: null });
    expect(report.summary.leadTimeDeployed).toMatchObject({ count: 9, p50: 24 * H });
    expect(report.summary.stages.deploy).toMatchObject({ count: 10, censored: 1 });
  });

  it('measures deploy frequency over the part of the window the history covers', () => {
    // 8 deploys over June 1 → August 1 (61 days), not over the 92 days since May 1
    expect(report.summary.dora.deploymentFrequency.value).toBeCloseTo(8 / (61 / 7), 9);
    expect(report.window).toEqual({ since: '2026-05-01T00:00:00Z', until: '2026-08-01T00:00:00Z', historyFrom: '2026-06-01T00:00:00Z' });
  });

  it('shows the backlog and the lead time with and without the changes still waiting, in the terminal', async () => {
    const { stdout } = await runCli([repo.dir, '--since', '2026-05-01', '--until', '2026-08-01', '--now', '2026-08-01T00:00:00Z', '--revert-window', '3w']);
    // the window starts before the history: the header says where the history begins (deploy frequency is over that part)
    expect(stdout.replace(/\n {2}/g, ' ')).toContain('2026-05-01 → 2026-08-01 UTC (history from 2026-06-01 00:00), as of 2026-08-01 · sources: git');
    expect(stdout).toContain('Unreleased\n1 change merged in the window, not deployed at 2026-08-01 · p50 age 6d 14h ·\n  oldest 6d 14h\n');
    expect(stdout).toMatch(new RegExp(`│ ${id('rewrite')} +│ start the rewrite +│ 2026-07-25 10:00 +│ +6d 14h │`));
    expect(stdout).toContain('lead time p50 1d with the 1 change still waiting counted as censored\nlead time p50 1d over the 9 deployed changes only');
    const markdown = await runCli([repo.dir, '--since', '2026-05-01', '--until', '2026-08-01', '--now', '2026-08-01T00:00:00Z', '--format', 'markdown']);
    expect(markdown.stdout).toContain('**window** 2026-05-01 → 2026-08-01 (history from 2026-06-01), as of 2026-08-01 · **sources**');
    const bad = await runCli([repo.dir, '--revert-window', 'soon']);
    expect([bad.code, bad.stderr]).toEqual([2, "flowaudit: --revert-window 'soon' is not a duration: use one like 14d, 36h or 2w\n"]);
  });
});

/*
 * A version bump tagged off the tracked branch, and pull requests based on it (as claude-mpm cut v6.5.12),
 * truth by construction (September 2026, UTC):
 *  v2.0.0   01 01:00 on the initial commit
 *  bump     01 10:00 on a side branch, tagged v2.1.0 (01 10:30); main never gets this commit
 *  #40      branch from the bump: its own commit 01 12:00, squash-merged 01 14:00
 *  v2.2.0   02 10:00 on main: ships #40 (deploy 20h). v2.1.0 holds the bump only, nothing of main: no deploy.
 * #40's pull ref carries the bump, which is behind a release tag: not its work, and not a copy v2.1.0 ships.
 */
describe('pull requests based on a tagged commit off the tracked branch', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-09-01T00:00:00Z' },
      { tag: 'v2.0.0', annotated: true, at: '2026-09-01T01:00:00Z' },
      { branch: 'bump' },
      { commit: 'bump: version 2.0.0 → 2.1.0', on: 'bump', at: '2026-09-01T10:00:00Z' },
      { tag: 'v2.1.0', annotated: true, at: '2026-09-01T10:30:00Z' },
      { branch: 'p40', from: 'bump' },
      { commit: 'fix the cache key', on: 'p40', at: '2026-09-01T12:00:00Z' },
      { commit: 'Fix the cache key (#40)', on: 'main', at: '2026-09-01T14:00:00Z' },
      { tag: 'v2.2.0', annotated: true, at: '2026-09-02T10:00:00Z' },
    ]);
    toPullRefs(repo, { 40: 'p40' });
    repo.git('branch', '-D', 'bump');
    report = await audit({ path: repo.dir, since: '2026-09-01', until: '2026-09-03', now: '2026-09-03T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('ships the pull request with the release that holds its merge, not with the tag its branch started from', () => {
    const pr = find(report, '#40');
    expect([pr.deployedAt, pr.stages.deploy, pr.flags.includes('deployed-before-merge')]).toEqual(['2026-09-02T10:00:00Z', 20 * H, false]);
    expect(report.deploys.map((d) => d.ref)).toEqual(['v2.0.0', 'v2.2.0']);
  });

  it('counts only its own commit: its first commit is 12:00, not the bump at 10:00', () => {
    const pr = find(report, '#40');
    expect([pr.commits, pr.firstCommitAt, pr.stages.coding]).toEqual([1, '2026-09-01T12:00:00Z', 0]);
  });
});
