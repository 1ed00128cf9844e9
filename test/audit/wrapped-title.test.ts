import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A squash whose title was wrapped before its number: uv's a70ee58ae1 reads
 * "Move test support files out of `scripts/` into `test/`\n (#17032)\n\nIt's been bothering me…". Git's subject
 * (%s, the first paragraph) ends in (#17032) and refs/pull/17032/head holds its three commits; read by its first
 * line alone it was a direct push, its first commit the squash's own date and no review wait.
 */
describe('a squash whose title wraps before its number', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
      { tag: 'v1.0.0', annotated: true, at: '2026-01-01T01:00:00Z' },
      { branch: 'move' },
      { commit: 'Move test support files out of `scripts/` into `test/`', on: 'move', at: '2026-02-01T10:00:00Z', id: 'head' },
      { commit: "Move test support files out of `scripts/` into `test/`\n (#2)\n\nIt's been bothering me.", on: 'main', at: '2026-02-03T10:00:00Z' },
      { tag: 'v1.1.0', annotated: true, at: '2026-02-05T10:00:00Z' },
    ]);
    repo.git('update-ref', 'refs/pull/2/head', repo.sha('head'));
    report = await audit({ path: repo.dir, since: '2026-02-01', until: '2026-03-01', github: false });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('is the squash of its pull request, its first commit the pull request\'s', () => {
    const [change] = report.changes;
    expect(report.changes).toHaveLength(1);
    expect([change?.kind, change?.number, change?.title]).toEqual(['squash', 2, 'Move test support files out of `scripts/` into `test/`']);
    expect(change?.firstCommitAt).toBe('2026-02-01T10:00:00Z');
    expect(change?.stages.review).toBe(2 * 86400);
  });
});
