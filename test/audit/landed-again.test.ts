import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, lines, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * uv's #17944 (`Revert "Warn on unexpected ZIP compression methods"`) landed as two squashes 28 seconds apart,
 * d185d14b94 empty on top of 3876553531, and was counted as two changes of one pull request. A pull request merges
 * once: the second landing is the same change. A reland after a revert (the same title and number again, the revert
 * between them) is new work, and stays a change of its own.
 */
describe('a squash that lands again right after itself', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
      { tag: 'v1.0.0', annotated: true, at: '2026-01-01T01:00:00Z' },
      { commit: 'feat: parse zip methods (#1)', at: '2026-02-02T10:00:00Z', files: { 'a.txt': lines(4) } },
      { commit: 'Revert "Warn on unexpected ZIP compression methods" (#2)', authorAt: '2026-02-03T09:00:00Z', at: '2026-02-03T10:00:00Z', files: { 'b.txt': lines(3) } },
      // the same squash again, 28 s later, empty
      { commit: 'Revert "Warn on unexpected ZIP compression methods" (#2)', authorAt: '2026-02-03T09:00:00Z', at: '2026-02-03T10:00:28Z', files: {} },
      { commit: 'feat: retry downloads (#3)', at: '2026-02-04T10:00:00Z', files: { 'c.txt': lines(2) } },
      { commit: 'Revert "feat: retry downloads (#3)"', at: '2026-02-05T10:00:00Z', files: { 'c.txt': null } },
      // the reland: the same title and number, after its revert
      { commit: 'feat: retry downloads (#3)', at: '2026-02-06T10:00:00Z', files: { 'c.txt': lines(2) } },
      { tag: 'v1.1.0', annotated: true, at: '2026-02-07T10:00:00Z' },
    ]);
    report = await audit({ path: repo.dir, since: '2026-02-01', until: '2026-03-01', github: false });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('is one change, merged when it last landed, its size both landings\'', () => {
    const twos = report.changes.filter((c) => c.number === 2);
    expect(twos).toHaveLength(1);
    expect(twos[0]).toMatchObject({ mergedAt: '2026-02-03T10:00:28Z', additions: 3, deletions: 0, files: 1, deployedAt: '2026-02-07T10:00:00Z' });
    // the deploy wait runs from the second landing, the change's merge
    expect(twos[0]?.stages.deploy).toBe(4 * 86400 - 28);
  });

  it('leaves a reland after its revert a change of its own', () => {
    expect(report.changes.filter((c) => c.number === 3).map((c) => c.mergedAt)).toEqual(['2026-02-04T10:00:00Z', '2026-02-06T10:00:00Z']);
    expect(report.changes).toHaveLength(5);
  });
});

/*
 * opentelemetry-collector's #14633 landed as a squash, then again 2 h 20 min later, empty, with another pull request
 * between them; deno's #33823 as `fix: …` then, 6 minutes later and empty, as `feat: …`. Each was listed twice under
 * one number. The empty landing lands nothing: the pull request is its first landing. One that changes files again is
 * not judged here: it stays a change of its own.
 */
describe('a squash that lands again later, or retitled, and empty', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
      { tag: 'v1.0.0', annotated: true, at: '2026-01-01T01:00:00Z' },
      { commit: 'fix attributes in profiles testdata (#4)', authorAt: '2026-02-10T08:00:00Z', at: '2026-02-10T10:00:00Z', files: { 'a.txt': lines(4) } },
      { commit: 'add Windows arm64 (#5)', at: '2026-02-10T11:00:00Z', files: { 'b.txt': lines(2) } },
      { commit: 'fix attributes in profiles testdata (#4)', authorAt: '2026-02-10T08:00:00Z', at: '2026-02-10T12:20:00Z', files: {} },
      { commit: 'fix: include node lib by default (#6)', at: '2026-02-11T10:00:00Z', files: { 'c.txt': lines(5) } },
      { commit: 'feat: include node lib by default (#6)', at: '2026-02-11T10:06:00Z', files: {} },
      { commit: 'docs: typo (#7)', at: '2026-02-12T10:00:00Z', files: { 'd.txt': lines(1) } },
      { commit: 'add arm64 runners (#8)', at: '2026-02-12T11:00:00Z', files: { 'e.txt': lines(1) } },
      { commit: 'docs: typo (#7)', at: '2026-02-13T10:00:00Z', files: { 'd.txt': lines(2) } },
      { tag: 'v1.1.0', annotated: true, at: '2026-02-14T10:00:00Z' },
    ]);
    report = await audit({ path: repo.dir, since: '2026-02-01', until: '2026-03-01', github: false });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('is one change, landed and sized when it first landed', () => {
    const fours = report.changes.filter((c) => c.number === 4);
    expect(fours).toHaveLength(1);
    expect(fours[0]).toMatchObject({ mergedAt: '2026-02-10T10:00:00Z', additions: 4, files: 1, deployedAt: '2026-02-14T10:00:00Z' });
    const sixes = report.changes.filter((c) => c.number === 6);
    expect(sixes.map((c) => [c.title, c.mergedAt, c.additions])).toEqual([['fix: include node lib by default', '2026-02-11T10:00:00Z', 5]]);
  });

  it('leaves a landing that changes files again a change of its own', () => {
    expect(report.changes.filter((c) => c.number === 7).map((c) => c.mergedAt)).toEqual(['2026-02-12T10:00:00Z', '2026-02-13T10:00:00Z']);
    expect(report.changes.map((c) => c.number)).toEqual([4, 5, 6, 7, 8, 7]);
  });
});
