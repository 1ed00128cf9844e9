import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A commit whose subject wraps over two lines, copied to a release line by `git format-patch` and `git am` (Kubernetes'
 * cherry-pick bot), which write git's subject, the first paragraph, as one line: cluster-api's #12685, `Always use
 * latest apiVersion when getting owner of KubeadmConfig in` then `CABPK`, shipped in v1.11.1 by such a copy and read as
 * shipped by v1.12.0 three months later. 2026, UTC:
 *  v1.0.0  tags the initial commit 01-01; release-1.0 leaves from there
 *  #1      its one commit authored 01-09 10:00, its subject wrapped; lands on main 01-10
 *  #2      `Fix the lexer`, authored 01-09 10:00 by the same author; on the line at that author date, `Fix the lexers`
 *          (committed 01-12 11:00) goes on from it without a space: another subject, no copy of it
 *  copy    on release-1.0, the same author and author date, the subject joined, committed 01-12
 *  v1.0.1  tags the copy 01-13; v1.1.0 tags main 02-01
 */
function wrapped(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-01-01T01:00:00Z' },
    { branch: 'release-1.0' },
    { branch: 'fix' },
    { commit: 'Always use the latest apiVersion when getting the owner of a config in\nthe bootstrap provider\n\nSigned-off-by: Ada', on: 'fix', at: '2026-01-09T10:00:00Z' },
    { merge: 'fix', at: '2026-01-10T10:00:00Z', message: 'Merge pull request #1 from ada/fix\n\nAlways use the latest apiVersion' },
    { branch: 'lexer', from: 'main' },
    { commit: 'Fix the lexer', on: 'lexer', at: '2026-01-09T10:00:00Z' },
    { merge: 'lexer', at: '2026-01-10T11:00:00Z', message: 'Merge pull request #2 from ada/lexer\n\nFix the lexer' },
    { commit: 'Always use the latest apiVersion when getting the owner of a config in the bootstrap provider\n\nSigned-off-by: Ada', on: 'release-1.0', at: '2026-01-12T10:00:00Z', authorAt: '2026-01-09T10:00:00Z' },
    { commit: 'Fix the lexers', on: 'release-1.0', at: '2026-01-12T11:00:00Z', authorAt: '2026-01-09T10:00:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-01-13T10:00:00Z' },
    { commit: 'Add the formatter', on: 'main', at: '2026-01-20T10:00:00Z' },
    { tag: 'v1.1.0', annotated: true, at: '2026-02-01T10:00:00Z' },
  ]);
}

describe('a release line\'s copy that joins a wrapped subject into one line', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = wrapped();
    report = await audit({ path: repo.dir, since: '2026-01-05', until: '2026-02-15', now: '2026-02-15T00:00:00Z', github: false });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('ships its change with the line\'s release, not the branch\'s later one', () => {
    expect(report.changes.find((c) => c.number === 1)?.deployRef).toBe('v1.0.1');
  });

  it('takes a subject that only starts with the change\'s, not at a space, for no copy of it', () => {
    expect(report.changes.find((c) => c.number === 2)?.deployRef).toBe('v1.1.0');
  });
});
