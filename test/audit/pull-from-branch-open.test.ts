import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * eslint's #16089: a pull request from main into 1.x, open since 2022. Its refs/pull/16089/head moves with main, so it
 * is main's tip, and its test merge (refs/pull/16089/merge) was made of an earlier tip, April's `docs: Update
 * README`. Jenkins pushed `Build: changelog update for 10.9.0` and `10.9.0` in one go, and the pair read as #16089
 * landed by a rebase (in a later window, a counted change with a lead time of 4 seconds).
 *  #1     squash on main, 03-02; `readme` a direct push, 03-03: the head #9's test merge was made of
 *  #2     squash on main, 03-04
 *  notes  `Build: changelog update for 1.1.0`, 03-05 10:00:00, and `1.1.0`, 10:00:04, tagged v1.1.0: main's tip
 *         and #9's head
 *  #7     (the control) a pull request pushed as it was, two commits on 03-06, its test merge made of the first
 */
describe('a pull request open from the tracked branch into another, its head the branch itself', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-02-01T00:00:00Z' },
      { branch: 'old' },
      { commit: 'Release 0.9', on: 'old', at: '2026-02-02T00:00:00Z', id: 'old' },
      { commit: 'Add the parser (#1)', on: 'main', at: '2026-03-02T10:00:00Z' },
      { commit: 'docs: Update README', at: '2026-03-03T10:00:00Z', id: 'readme' },
      { commit: 'Add the cache (#2)', at: '2026-03-04T10:00:00Z' },
      { commit: 'Build: changelog update for 1.1.0', at: '2026-03-05T10:00:00Z', id: 'notes' },
      { commit: '1.1.0', at: '2026-03-05T10:00:04Z', id: 'release' },
      { tag: 'v1.1.0', annotated: true, at: '2026-03-05T10:00:05Z' },
    ]);
    repo.git('update-ref', 'refs/pull/9/head', repo.sha('release'));
    // GitHub's test merge of #9 into `old`, made when its head was `readme`
    const tree = repo.git('rev-parse', `${repo.sha('readme')}^{tree}`);
    const merge = repo.git('commit-tree', tree, '-p', repo.sha('old'), '-p', repo.sha('readme'), '-m', 'Merge readme into old');
    repo.git('update-ref', 'refs/pull/9/merge', merge);
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-03-10', now: '2026-03-10T00:00:00Z', github: false, env: {} });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('reads main\'s tip as the direct pushes it is, not as that pull request landed by a rebase', () => {
    const tip = report.changes.filter((c) => [repo.sha('notes'), repo.sha('release')].includes(c.sha));
    expect(tip.map((c) => [c.kind, c.number])).toEqual([['direct', null], ['direct', null]]);
    expect(report.changes.some((c) => c.number === 9)).toBe(false);
  });
});

describe('a pull request pushed to the branch as it was, its test merge made of an earlier head', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-02-01T00:00:00Z' },
      { commit: 'Add the parser (#1)', at: '2026-03-02T10:00:00Z' },
      { commit: 'Split the reader', at: '2026-03-06T10:00:00Z', id: 'first' },
      { commit: 'Use the reader', at: '2026-03-06T10:00:20Z', id: 'second' },
    ]);
    repo.git('update-ref', 'refs/pull/7/head', repo.sha('second'));
    const tree = repo.git('rev-parse', `${repo.sha('first')}^{tree}`);
    const merge = repo.git('commit-tree', tree, '-p', repo.sha('first') + '~1', '-p', repo.sha('first'), '-m', 'Merge first into main');
    repo.git('update-ref', 'refs/pull/7/merge', merge);
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-03-10', now: '2026-03-10T00:00:00Z', github: false, env: {} });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('still reads its two commits as that pull request, landed by a rebase', () => {
    const pushed = report.changes.find((c) => c.number === 7);
    expect([pushed?.kind, pushed?.commits, pushed?.sha]).toEqual(['rebase', 2, repo.sha('second')]);
  });
});
