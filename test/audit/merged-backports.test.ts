import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * Backports landed on a release line by merge commits whose pull requests carry main's title under a line's tag, as
 * etcd lands them (`Merge pull request #20616 from ahrtr/20250906_lease_renew_3.5`, titled `[release-3.5] Re-check
 * that the lease still exists during the renew process`, main's #20590): the commits made again by hand, their own
 * author dates. July 2026, UTC; release-3.5 leaves main at v3.5.0 and changes line 3 of lease.go on its own (02):
 *  #10  `Re-check the lease on renew` changes line 5 (03 10:00, merged 10:30); #20 on release-3.5 (04 09:00, merged
 *       09:30) changes that line alike: v3.5.1 (05 12:00) ships it
 *  #11  `Trim the cache` changes line 8 (03 11:00, merged 11:30); #21 on release-3.5 (04 10:00, merged 10:30) changes
 *       it otherwise (adapted to its line): no copy from git alone, and the note counts it
 *  #12  `Fix the build` (03 12:00, merged 12:30); release-3.5's #22 `[release-3.5] Fix the docs` carries another
 *       title: nothing
 *  v3.6.0 tags main on 06 12:00
 */
const base = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
const lease = (changes: Record<number, string>): string => `${base.map((line, i) => changes[i + 1] ?? line).join('\n')}\n`;
function mergedBackports(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-07-01T00:00:00Z', files: { 'lease.go': lease({}) } },
    { tag: 'v3.5.0', annotated: true, at: '2026-07-01T12:00:00Z' },
    { branch: 'release-3.5' },
    { commit: 'Prepare 3.5', on: 'release-3.5', at: '2026-07-02T10:00:00Z', files: { 'lease.go': lease({ 3: 'c (3.5)' }) } },
    { branch: 'renew', from: 'main' },
    { commit: 'Re-check the lease on renew', on: 'renew', at: '2026-07-03T10:00:00Z', files: { 'lease.go': lease({ 5: 'e rechecked' }) } },
    { merge: 'renew', at: '2026-07-03T10:30:00Z', message: 'Merge pull request #10 from ada/renew\n\nRe-check the lease on renew' },
    { branch: 'cache', from: 'main' },
    { commit: 'Trim the cache', on: 'cache', at: '2026-07-03T11:00:00Z', files: { 'cache.go': 'trimmed\n' } },
    { merge: 'cache', at: '2026-07-03T11:30:00Z', message: 'Merge pull request #11 from ada/cache\n\nTrim the cache' },
    { branch: 'build', from: 'main' },
    { commit: 'Fix the build', on: 'build', at: '2026-07-03T12:00:00Z', files: { 'Makefile': 'fixed\n' } },
    { merge: 'build', at: '2026-07-03T12:30:00Z', message: 'Merge pull request #12 from ada/build\n\nFix the build' },
    { branch: 'renew-3.5', from: 'release-3.5' },
    { commit: 'Re-check the lease on renew', on: 'renew-3.5', at: '2026-07-04T09:00:00Z', files: { 'lease.go': lease({ 3: 'c (3.5)', 5: 'e rechecked' }) } },
    { merge: 'renew-3.5', into: 'release-3.5', at: '2026-07-04T09:30:00Z', message: 'Merge pull request #20 from ada/renew-3.5\n\n[release-3.5] Re-check the lease on renew' },
    { branch: 'cache-3.5', from: 'release-3.5' },
    { commit: 'Trim the cache', on: 'cache-3.5', at: '2026-07-04T10:00:00Z', files: { 'cache.go': 'trimmed for 3.5\n' } },
    { merge: 'cache-3.5', into: 'release-3.5', at: '2026-07-04T10:30:00Z', message: 'Merge pull request #21 from ada/cache-3.5\n\n[release-3.5] Trim the cache' },
    { branch: 'docs-3.5', from: 'release-3.5' },
    { commit: 'Fix the docs', on: 'docs-3.5', at: '2026-07-04T11:00:00Z', files: { 'README.md': 'fixed\n' } },
    { merge: 'docs-3.5', into: 'release-3.5', at: '2026-07-04T11:30:00Z', message: 'Merge pull request #22 from ada/docs-3.5\n\n[release-3.5] Fix the docs' },
    { tag: 'v3.5.1', ref: 'release-3.5', annotated: true, at: '2026-07-05T12:00:00Z' },
    { tag: 'v3.6.0', ref: 'main', annotated: true, at: '2026-07-06T12:00:00Z' },
  ]);
}

describe('backports merged onto a release line under main\'s title and the line\'s tag', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = mergedBackports();
    report = await audit({ path: repo.dir, since: '2026-07-02', until: '2026-07-07', now: '2026-07-07T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const deployRef = (number: number): string | null | undefined => report.changes.find((c) => c.number === number)?.deployRef;

  it('ships the change whose changed lines the backport repeats with the line\'s release', () => {
    expect([deployRef(10), deployRef(11), deployRef(12)]).toEqual(['v3.5.1', 'v3.6.0', 'v3.6.0']);
  });

  it('counts the one whose lines differ in the note, as a squash under a later number is', () => {
    expect(report.notes.filter((n) => /title on a release line/.test(n)).map((n) => n.split(' under ')[0])).toEqual(["1 of the window's 3 counted changes has its title on a release line"]);
  });
});
