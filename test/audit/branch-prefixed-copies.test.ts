import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A release line's copy whose subject starts with its branch, as Gerrit's cherry-pick writes it (golang/tools'
 * `[gopls-release-branch.0.22] gopls: deprecate importsSource …`), without a line naming the original. 2026, UTC:
 *  v1.0.0  tags the initial commit 01-01; release-1.0 leaves from there
 *  #1      `Fix the parser`, authored 01-09 10:00, lands on main 01-10
 *  copy    `[release-1.0] Fix the parser` on release-1.0, the same author and author date, committed 01-12
 *  v1.0.1  tags the copy 01-13; v1.1.0 tags main 02-01
 * #1 ships first with v1.0.1.
 */
function prefixed(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-01-01T01:00:00Z' },
    { branch: 'release-1.0' },
    { branch: 'fix' },
    { commit: 'Fix the parser', on: 'fix', at: '2026-01-09T10:00:00Z' },
    { merge: 'fix', at: '2026-01-10T10:00:00Z', message: 'Merge pull request #1 from acme/fix\n\nFix the parser' },
    { commit: '[release-1.0] Fix the parser', on: 'release-1.0', at: '2026-01-12T10:00:00Z', authorAt: '2026-01-09T10:00:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-01-13T10:00:00Z' },
    { commit: 'Add the formatter', on: 'main', at: '2026-01-20T10:00:00Z' },
    { tag: 'v1.1.0', annotated: true, at: '2026-02-01T10:00:00Z' },
  ]);
}

describe('a copy on a release line whose subject starts with its branch', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = prefixed();
    report = await audit({ path: repo.dir, since: '2026-01-05', until: '2026-02-15', now: '2026-02-15T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('ships its change with the line\'s release, not the branch\'s later one', () => {
    const fix = report.changes.find((c) => c.number === 1);
    expect(fix?.deployedAt).toBe('2026-01-13T10:00:00Z');
  });
});
