import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from '../histories/pull-refs.js';

/*
 * Backports as grafana/loki's bot lands them on its release lines: a pull request onto `release-1.0.x` whose own
 * commit copies main's change and says so, squash-merged with a title that names nothing of main's change
 * (`fix(queryrange): Preserve sketch in MergeLabels [release-3.6.x] (#23771)`, whose one commit on
 * refs/pull/23771/head says `(cherry picked from commit 9680cb3…)`, main's #23326). 2026, UTC:
 *  v1.0.0   tags the initial commit 05-01; the line release-1.0.x leaves from there
 *  #1       `fix: Preserve the sketch`, merged 05-02 12:00 (a squash; one commit on its pull ref)
 *  #2       `chore: Fix the flush race`, merged 05-03 12:00
 *  #3       `fix: Stop the replay hang`, merged 05-03 14:00
 *  #10      by the bot, based where the line left main: `fix: Preserve the sketch (#1)` with `(cherry picked from
 *           commit <#1's squash>)`, squashed onto the line 05-04 10:00 as `fix: Preserve the sketch [release-1.0.x] (#10)`
 *  #11      based on #10's squash: `fix(ingester): Keep the flush going` whose body says `Cherry-picked from #2`,
 *           squashed 05-05 10:00 as `fix: Keep the flush going [release-1.0.x] (#11)`
 *  #12      based on #11's squash: `Stop the replay hang on 1.0` with `(cherry picked from commit <#3's squash>)`,
 *           squashed 05-05 11:00 as `fix: Stop the replay hang [release-1.0.x] (#12)`
 *  v1.0.1   tags the line 05-06 12:00; v1.1.0 tags main 05-10 12:00
 * #1, #2 and #3 ship with v1.0.1; read from the squashes alone they waited for v1.1.0, and v1.0.1 shipped nothing.
 */
const BOT = 'loki-gh-app[bot] <loki-gh-app[bot]@users.noreply.github.com>';

function backports(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T01:00:00Z' },
    { branch: 'release-1.0.x' },
    { branch: 'sketch' },
    { commit: 'fix: Preserve the sketch', on: 'sketch', at: '2026-05-02T09:00:00Z' },
    { commit: 'fix: Preserve the sketch (#1)', on: 'main', at: '2026-05-02T12:00:00Z', id: 'sketch' },
    { branch: 'flush' },
    { commit: 'chore: Fix the flush race', on: 'flush', at: '2026-05-03T09:00:00Z' },
    { commit: 'chore: Fix the flush race (#2)', on: 'main', at: '2026-05-03T12:00:00Z' },
    { branch: 'hang' },
    { commit: 'fix: Stop the replay hang', on: 'hang', at: '2026-05-03T10:00:00Z' },
    { commit: 'fix: Stop the replay hang (#3)', on: 'main', at: '2026-05-03T14:00:00Z', id: 'hang' },
    { branch: 'bp10', from: 'release-1.0.x' },
    { commit: (sha) => `fix: Preserve the sketch (#1)\n\n(cherry picked from commit ${sha('sketch')})`, on: 'bp10', author: BOT, authorAt: '2026-05-02T12:00:00Z', at: '2026-05-04T09:00:00Z' },
    { commit: 'fix: Preserve the sketch [release-1.0.x] (#10)', on: 'release-1.0.x', author: BOT, at: '2026-05-04T10:00:00Z' },
    { branch: 'bp11', from: 'release-1.0.x' },
    { commit: 'fix(ingester): Keep the flush going\n\nCherry-picked from #2 so that release-1.0.x does not pick up the race.', on: 'bp11', at: '2026-05-05T09:00:00Z' },
    { commit: 'fix: Keep the flush going [release-1.0.x] (#11)', on: 'release-1.0.x', at: '2026-05-05T10:00:00Z' },
    { branch: 'bp12', from: 'release-1.0.x' },
    { commit: (sha) => `Stop the replay hang on 1.0\n\n(cherry picked from commit ${sha('hang')})`, on: 'bp12', at: '2026-05-05T10:30:00Z' },
    { commit: 'fix: Stop the replay hang [release-1.0.x] (#12)', on: 'release-1.0.x', author: BOT, at: '2026-05-05T11:00:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-05-06T12:00:00Z' },
    { commit: 'docs: Add the changelog', on: 'main', at: '2026-05-08T10:00:00Z' },
    { tag: 'v1.1.0', annotated: true, at: '2026-05-10T12:00:00Z' },
  ]);
  return repo;
}

const deployOf = (report: Report, number: number): string | null | undefined => report.changes.find((c) => c.number === number)?.deployRef;

describe("a release line's squash ships what its pull request's own commits copy", () => {
  let repo: FixtureRepo;
  const run = (): Promise<Report> => audit({ path: repo.dir, since: '2026-05-01', until: '2026-05-15', now: '2026-05-15T00:00:00Z', github: false });
  beforeAll(() => {
    repo = backports();
  });
  afterAll(() => repo.cleanup());

  it('reads nothing more where the clone has no pull refs: the changes wait for main\'s release', async () => {
    // the branches are deleted so that none of the pull requests' commits is read
    for (const branch of ['sketch', 'flush', 'hang', 'bp10', 'bp11', 'bp12']) repo.git('branch', '-D', branch);
    const report = await run();
    expect([1, 2, 3].map((n) => deployOf(report, n))).toEqual(['v1.1.0', 'v1.1.0', 'v1.1.0']);
    // v1.0.1 ships none of main's changes: no deploy
    expect(report.deploys.map((d) => d.ref)).toEqual(['v1.0.0', 'v1.1.0']);
  });
});

describe("a release line's squash of a pull request whose commits the clone has", () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = backports();
    toPullRefs(repo, { 1: 'sketch', 2: 'flush', 3: 'hang', 10: 'bp10', 11: 'bp11', 12: 'bp12' });
    report = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-05-15', now: '2026-05-15T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it("ships the change a cherry-pick line of the pull request's commit names, based where the line left main", () => {
    expect(deployOf(report, 1)).toBe('v1.0.1');
  });

  it("ships the change a backport phrase of the pull request's commit names", () => {
    expect(deployOf(report, 2)).toBe('v1.0.1');
  });

  it("ships the change a cherry-pick line names under another title, the pull request based on the line's own commit", () => {
    expect(deployOf(report, 3)).toBe('v1.0.1');
  });

  it('counts the line\'s release a deploy of the three', () => {
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([
      ['v1.0.0', 1],
      ['v1.0.1', 3],
      ['v1.1.0', 1],
    ]);
  });
});

/*
 * grpc-go's security fix: master's direct push `Merge commit from fork` (a GitHub security advisory's merge), copied
 * onto v1.83.x inside `Cherry-pick recent changes from master (#9240)` as a commit of the same author, author date and
 * subject, with no cherry-pick line. 2026, UTC: v1.0.0 tags the initial commit 05-01 and release-1.0.x leaves there;
 * the fix lands on main 05-02 12:00 (authored 11:00); #20, based on the line, holds its copy and is squashed 05-04
 * 10:00; v1.0.1 tags the line 05-05, v1.1.0 main 05-10. The fix ships with v1.0.1, not v1.1.0.
 */
function securityFix(): FixtureRepo {
  const EVE = 'Eve Adams <eve@example.com>';
  return buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T01:00:00Z' },
    { branch: 'release-1.0.x' },
    { commit: 'Merge commit from fork', on: 'main', author: EVE, authorAt: '2026-05-02T11:00:00Z', at: '2026-05-02T12:00:00Z' },
    { branch: 'bp20', from: 'release-1.0.x' },
    { commit: 'Merge commit from fork', on: 'bp20', author: EVE, authorAt: '2026-05-02T11:00:00Z', at: '2026-05-04T09:00:00Z' },
    { commit: 'Cherry-pick recent changes from master (#20)', on: 'release-1.0.x', at: '2026-05-04T10:00:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-05-05T12:00:00Z' },
    { commit: 'docs: Add the changelog', on: 'main', at: '2026-05-08T10:00:00Z' },
    { tag: 'v1.1.0', annotated: true, at: '2026-05-10T12:00:00Z' },
  ]);
}

describe("a release line's squash of a pull request holding a copy that says nothing", () => {
  const fixOf = async (repo: FixtureRepo): Promise<string | null | undefined> => {
    const report = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-05-15', now: '2026-05-15T00:00:00Z', github: false });
    return report.changes.find((c) => c.title === 'Merge commit from fork')?.deployRef;
  };

  it('ships the change with the line\'s release when the clone has the pull ref, with main\'s without it', async () => {
    const withRef = securityFix();
    const without = securityFix();
    try {
      toPullRefs(withRef, { 20: 'bp20' });
      without.git('branch', '-D', 'bp20');
      expect(await fixOf(withRef)).toBe('v1.0.1');
      expect(await fixOf(without)).toBe('v1.1.0');
    } finally {
      withRef.cleanup();
      without.cleanup();
    }
  });
});
