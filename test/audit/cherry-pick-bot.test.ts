import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A cherry-pick bot's squashes on a release line, as argo-cd's take main's fixes into release-3.4: `<title>
 * (cherry-pick #N for 3.4) (#M)`, the patch often adapted, so no copy of main's commit and no diff of it. June 2026,
 * UTC, every change on main a squash; v3.4.1 tags release-3.4 on 03 12:00, v3.5.0 tags main on 10 12:00:
 *  #10  on the line as `fix: honor the depth (cherry-pick #10 for 3.4) (#20)`: v3.4.1 ships it, not v3.5.0
 *  #11  on the line as `… (cherry pick #11 to release-3.4) (#21)`, the bot's other wording: v3.4.1
 *  #12  on the line as `… (cherry-pick #12 for… (#22)`, the title cut short by GitHub: v3.4.1
 *  #13  titled `fix(rbac): resolve the regression (#5)`, squashed as `… (#5) (#13)`, on the line as `… (#5) (#13)
 *       (#23)`: its title ends in another number of its own, and the line's commit names it by that title: v3.4.1
 *  #14  never on the line: v3.5.0
 */
function cherryPicked(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-06-01T00:00:00Z' },
    { tag: 'v3.4.0', annotated: true, at: '2026-06-01T12:00:00Z' },
    { branch: 'release-3.4' },
    { commit: 'fix: honor the depth (#10)', on: 'main', at: '2026-06-02T10:00:00Z' },
    { commit: 'chore(deps): bump the scanner (#11)', on: 'main', at: '2026-06-02T11:00:00Z' },
    { commit: 'chore(deps): bump go-jose from 4.1.3 to 4.1.4 (#12)', on: 'main', at: '2026-06-02T12:00:00Z' },
    { commit: 'fix(rbac): resolve the regression (#5) (#13)', on: 'main', at: '2026-06-02T13:00:00Z' },
    { commit: 'feat: add the hydrator (#14)', on: 'main', at: '2026-06-02T14:00:00Z' },
    { commit: 'fix: honor the depth (cherry-pick #10 for 3.4) (#20)', on: 'release-3.4', at: '2026-06-03T08:00:00Z' },
    { commit: 'chore(deps): bump the scanner (cherry pick #11 to release-3.4) (#21)', on: 'release-3.4', at: '2026-06-03T09:00:00Z' },
    { commit: 'chore(deps): bump go-jose from 4.1.3 to 4.1.4 (cherry-pick #12 for… (#22)', on: 'release-3.4', at: '2026-06-03T10:00:00Z' },
    { commit: 'fix(rbac): resolve the regression (#5) (#13) (#23)', on: 'release-3.4', at: '2026-06-03T11:00:00Z' },
    { tag: 'v3.4.1', annotated: true, at: '2026-06-03T12:00:00Z' },
    { commit: 'docs: the release notes (#15)', on: 'main', at: '2026-06-10T10:00:00Z' },
    { tag: 'v3.5.0', annotated: true, at: '2026-06-10T12:00:00Z' },
  ]);
}

describe("a cherry-pick bot's backports", () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = cherryPicked();
    report = await audit({ path: repo.dir, since: '2026-06-02', until: '2026-06-11', now: '2026-06-11T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const deployRef = (number: number): string | null | undefined => report.changes.find((c) => c.number === number)?.deployRef;

  it('ships the change its `(cherry-pick #N for 3.4)` names with the line\'s patch release, in either wording', () => {
    expect(deployRef(10)).toBe('v3.4.1');
    expect(deployRef(11)).toBe('v3.4.1');
    expect(deployRef(12)).toBe('v3.4.1');
    expect(deployRef(14)).toBe('v3.5.0');
  });

  it('names a change whose title ends in a number of its own by that title', () => {
    expect(report.changes.find((c) => c.number === 13)?.title).toBe('fix(rbac): resolve the regression (#5)');
    expect(deployRef(13)).toBe('v3.4.1');
  });

  it('counts the line\'s release as a deploy of main\'s changes', () => {
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([['v3.4.1', 4], ['v3.5.0', 2]]);
  });
});
