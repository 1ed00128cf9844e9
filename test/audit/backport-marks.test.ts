import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * Backports squashed onto a release line with a bracket that says so, as vitest's v4 takes them (`fix(pool): prevent
 * test run hang on worker crash (#10543) [backport to v4] (#10564)`) and aiohttp's 3.x (`[Backport 3.13] Tokenize
 * … (#12249) (#12256)`). May 2026, UTC, every change on main a squash; v1.0.1 tags 1.x on 03 12:00:
 *  #10  on 1.x as `… (#10) [backport to v1] (#20)`: v1.0.1 ships it
 *  #11  on 1.x as `docs: add a sponsor [backport] (#21)`, its title without its number (13 of vitest's year): the
 *       bracket is the backport phrase and the title names the change, so v1.0.1 ships it
 *  #12  `[docs] Fix the table (#12)`, on 1.x as `[docs] Fix the table (#12) (#22)`: a bracket that says no backport
 *       is the title's own, and v1.0.1 ships it
 *  #13  on 1.x as `[Backport 1.x] Tokenize the header (#13) (#23)`: v1.0.1 ships it
 *  #14  never on 1.x: nothing ships it
 *  #15  on 1.x as `Bump the parser (#24)`, its title alone under a later number and no bracket: git alone links
 *       nothing, and the note counts it
 *  #16  `Cache the index (#16)` merged on 04, after its marked namesake `Cache the index [backport] (#25)` landed on
 *       1.x: a backport made before the change merged copies nothing of it
 *  #17  on 1.x as `Trim the cache (#26)`, its title alone, the one commit of v1.0.2 on 05: the note that v1.0.2 shipped
 *       none of main's changes says so only as far as git links them
 */
function markedBackports(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T12:00:00Z' },
    { branch: '1.x' },
    { commit: 'fix(pool): prevent test run hang on worker crash (#10)', on: 'main', at: '2026-05-02T10:00:00Z' },
    { commit: 'docs: add a sponsor (#11)', on: 'main', at: '2026-05-02T11:00:00Z' },
    { commit: '[docs] Fix the table (#12)', on: 'main', at: '2026-05-02T12:00:00Z' },
    { commit: 'Tokenize the header (#13)', on: 'main', at: '2026-05-02T13:00:00Z' },
    { commit: 'Speed up the lexer (#14)', on: 'main', at: '2026-05-02T14:00:00Z' },
    { commit: 'Bump the parser (#15)', on: 'main', at: '2026-05-02T15:00:00Z' },
    { commit: 'fix(pool): prevent test run hang on worker crash (#10) [backport to v1] (#20)', on: '1.x', at: '2026-05-03T08:00:00Z' },
    { commit: 'docs: add a sponsor [backport] (#21)', on: '1.x', at: '2026-05-03T09:00:00Z' },
    { commit: '[docs] Fix the table (#12) (#22)', on: '1.x', at: '2026-05-03T10:00:00Z' },
    { commit: '[Backport 1.x] Tokenize the header (#13) (#23)', on: '1.x', at: '2026-05-03T11:00:00Z' },
    { commit: 'Bump the parser (#24)', on: '1.x', at: '2026-05-03T11:10:00Z' },
    { commit: 'Cache the index [backport] (#25)', on: '1.x', at: '2026-05-03T11:20:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-05-03T12:00:00Z' },
    { commit: 'Cache the index (#16)', on: 'main', at: '2026-05-04T10:00:00Z' },
    { commit: 'Trim the cache (#17)', on: 'main', at: '2026-05-04T11:00:00Z' },
    { commit: 'Trim the cache (#26)', on: '1.x', at: '2026-05-05T09:00:00Z' },
    { tag: 'v1.0.2', annotated: true, at: '2026-05-05T10:00:00Z' },
  ]);
}

describe('backports whose titles say so in a bracket', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = markedBackports();
    report = await audit({ path: repo.dir, since: '2026-05-02', until: '2026-05-06', now: '2026-05-06T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const deployedAt = (number: number): string | null | undefined => report.changes.find((c) => c.number === number)?.deployedAt;

  it('ships the change a backport names under its bracket and its own number, the bracket first or last', () => {
    expect(deployedAt(10)).toBe('2026-05-03T12:00:00Z');
    expect(deployedAt(13)).toBe('2026-05-03T12:00:00Z');
    expect(report.deploys.map((d) => d.ref)).toEqual(['v1.0.1']);
  });

  it('keeps a bracket that says no backport as the title\'s own', () => {
    expect(deployedAt(12)).toBe('2026-05-03T12:00:00Z');
  });

  it('ships the change a bracket marks as backported by its title alone, once the change had merged', () => {
    expect(deployedAt(11)).toBe('2026-05-03T12:00:00Z');
    expect(deployedAt(16)).toBeNull();
  });

  it('ships nothing by a title alone without a bracket, and counts it in the note', () => {
    expect(deployedAt(14)).toBeNull();
    expect(deployedAt(15)).toBeNull();
    expect(deployedAt(17)).toBeNull();
    expect(report.notes.filter((n) => /title on a release line/.test(n)).map((n) => n.split(' under ')[0])).toEqual(["2 of the window's 8 counted changes have their title on a release line"]);
    expect(report.notes.find((n) => n.includes('`v1.0.2`'))).toMatch(/shipped none of main's changes that an earlier one had not, as far as git can link them/);
  });
});
