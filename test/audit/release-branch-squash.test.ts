import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from '../histories/pull-refs.js';

/*
 * GitFlow as mermaid ran its 11.14.0 (develop tracked): a release branch cut from develop, fixed there, then
 * squash-merged into main as one pull request (`Release candidate 11.14.0 (#7526)`) and tagged. No commit of
 * develop's changes is in the tag's history (`git tag --contains` finds none); the squash carried them all, as a
 * merge of the release branch would have. 2026, UTC:
 *  v1.0.0   tags the initial commit on main 03-31
 *  #1       `Add the parser`, squashed onto develop 04-02 12:00
 *  #2       `Add the cache`, squashed onto develop 04-03 12:00
 *  #3       the release branch, cut from develop at #2, with `Fix the cache key` (04-04), squashed onto main 04-05 10:00
 *           as `Release candidate 1.1.0 (#3)`; v1.1.0 tags it 04-05 11:00
 *  #4       `Add the exporter`, squashed onto develop 04-06 12:00, after the release
 * #1 and #2 ship with v1.1.0 (lead times 3d 2h and 2d 2h); #4 waits. The squash's tree is the release branch head's:
 * it holds all the head held. One made by hand with less (the fix alone) ships none of develop's.
 */
function releaseCandidate(squashed: Record<string, string> = { 'parser.txt': 'parser\n', 'cache.txt': 'cache v2\n' }): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-31T00:00:00Z', files: { 'README.md': 'readme\n' } },
    { tag: 'v1.0.0', annotated: true, at: '2026-03-31T01:00:00Z' },
    { branch: 'develop' },
    { branch: 'parser', from: 'develop' },
    { commit: 'Add the parser', on: 'parser', at: '2026-04-02T09:00:00Z', files: { 'parser.txt': 'parser\n' } },
    { commit: 'Add the parser (#1)', on: 'develop', at: '2026-04-02T12:00:00Z', files: { 'parser.txt': 'parser\n' } },
    { branch: 'cache', from: 'develop' },
    { commit: 'Add the cache', on: 'cache', at: '2026-04-03T09:00:00Z', files: { 'cache.txt': 'cache\n' } },
    { commit: 'Add the cache (#2)', on: 'develop', at: '2026-04-03T12:00:00Z', files: { 'cache.txt': 'cache\n' } },
    { branch: 'release-1.1.0', from: 'develop' },
    { commit: 'Fix the cache key', on: 'release-1.1.0', at: '2026-04-04T09:00:00Z', files: { 'cache.txt': 'cache v2\n' } },
    // GitHub's squash: the tree of the release branch's head, main having nothing it lacks
    { commit: 'Release candidate 1.1.0 (#3)', on: 'main', at: '2026-04-05T10:00:00Z', files: squashed },
    { tag: 'v1.1.0', annotated: true, at: '2026-04-05T11:00:00Z' },
    { branch: 'exporter', from: 'develop' },
    { commit: 'Add the exporter', on: 'exporter', at: '2026-04-06T09:00:00Z', files: { 'exporter.txt': 'exporter\n' } },
    { commit: 'Add the exporter (#4)', on: 'develop', at: '2026-04-06T12:00:00Z', files: { 'exporter.txt': 'exporter\n' } },
  ]);
  toPullRefs(repo, { 1: 'parser', 2: 'cache', 3: 'release-1.1.0', 4: 'exporter' });
  return repo;
}

const run = (repo: FixtureRepo): Promise<Report> =>
  audit({ path: repo.dir, branch: 'develop', since: '2026-04-01', until: '2026-04-10', now: '2026-04-10T00:00:00Z', github: false, env: {} });

const shipped = (report: Report): Array<[string, string | null]> => report.changes.filter((c) => c.kind !== 'sync').map((c) => [c.title, c.deployRef ?? null]);

describe('a release branch cut from the tracked branch and squashed into the release line', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = releaseCandidate();
    report = await run(repo);
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('ships what the release branch held with the squash\'s tag, and not what landed after it', () => {
    expect(shipped(report)).toEqual([
      ['Add the parser', 'v1.1.0'],
      ['Add the cache', 'v1.1.0'],
      ['Add the exporter', null],
    ]);
  });

  it('times their lead from their first commit to the tag', () => {
    expect(report.changes.filter((c) => c.deployRef !== null).map((c) => c.leadTime)).toEqual([3 * 86400 + 2 * 3600, 2 * 86400 + 2 * 3600]);
  });

  it('counts the tag a deploy of two changes and one change unreleased', () => {
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([['v1.1.0', 2]]);
    expect(report.summary.unreleased.count).toBe(1);
  });
});

// a squash made by hand that took the fix alone: its tree is not the head's, and what develop held is not read as shipped
describe('a release branch squashed into the release line with less than its head held', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = releaseCandidate({ 'cache.txt': 'cache v2\n' });
    report = await run(repo);
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('ships none of the tracked branch\'s changes with the squash\'s tag', () => {
    expect(shipped(report)).toEqual([
      ['Add the parser', null],
      ['Add the cache', null],
      ['Add the exporter', null],
    ]);
  });
});

/*
 * A hotfix copied onto the release line keeps the tracked branch's number: develop's #5 (`Fix the crash`, based on
 * develop at #2) is squashed onto develop 04-04 12:00 and copied onto main 04-05 10:00 under the same title; v1.0.1
 * tags main 04-05 11:00. The copy's `(#5)` names develop's own pull request, which brought nothing of develop's into
 * main: v1.0.1 ships #5 alone, and #1 and #2 (in #5's base, not in main) wait.
 */
function hotfixCopy(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-31T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-03-31T01:00:00Z' },
    { branch: 'develop' },
    { branch: 'parser', from: 'develop' },
    { commit: 'Add the parser', on: 'parser', at: '2026-04-02T09:00:00Z' },
    { commit: 'Add the parser (#1)', on: 'develop', at: '2026-04-02T12:00:00Z' },
    { branch: 'cache', from: 'develop' },
    { commit: 'Add the cache', on: 'cache', at: '2026-04-03T09:00:00Z' },
    { commit: 'Add the cache (#2)', on: 'develop', at: '2026-04-03T12:00:00Z' },
    { branch: 'crash', from: 'develop' },
    { commit: 'Fix the crash', on: 'crash', at: '2026-04-04T09:00:00Z' },
    { commit: 'Fix the crash (#5)', on: 'develop', at: '2026-04-04T12:00:00Z' },
    { commit: 'Fix the crash (#5)', on: 'main', at: '2026-04-05T10:00:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-04-05T11:00:00Z' },
  ]);
  toPullRefs(repo, { 1: 'parser', 2: 'cache', 5: 'crash' });
  return repo;
}

describe("a release line's copy of the tracked branch's squash, under its number", () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = hotfixCopy();
    report = await run(repo);
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('ships the change it copies, and nothing its pull request was based on', () => {
    expect(shipped(report)).toEqual([
      ['Add the parser', null],
      ['Add the cache', null],
      ['Fix the crash', 'v1.0.1'],
    ]);
  });
});
