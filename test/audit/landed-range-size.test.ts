import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, lines, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * keepassxc's #11321 landed as four commits in a row (a rebase merge); two of them touched the same files, and its
 * size was the sum of the four diffs: 19 files where the change touched 17. A change landed as several commits in a
 * row is one diff, from before its first commit to its last.
 */
const FIRST = { 'a.txt': lines(4), 'b.txt': lines(2) };
const SECOND = { 'a.txt': `one\n${lines(4).split('\n').slice(1).join('\n')}` };

describe('a change landed as two commits in a row that touch the same file', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-03-01T00:00:00Z', files: { 'README.md': 'hello\n' } },
      // #7: a.txt gets 4 lines and b.txt 2, then a.txt's first line is rewritten: one diff of +6 −0 in 2 files, where
      // the two commits' diffs sum to +7 −1 in 3. Rebased onto main as two commits saying `Closes #7` (as curl lands)
      { branch: 'p7' },
      { commit: 'parser: read the header', on: 'p7', at: '2026-03-02T09:00:00Z', files: FIRST },
      { commit: 'parser: name the first line', on: 'p7', at: '2026-03-02T09:30:00Z', files: SECOND, id: 'p7' },
      { commit: 'parser: read the header\n\nCloses #7', on: 'main', authorAt: '2026-03-02T09:00:00Z', at: '2026-03-02T10:00:00Z', files: FIRST },
      { commit: 'parser: name the first line\n\nCloses #7', on: 'main', authorAt: '2026-03-02T09:30:00Z', at: '2026-03-02T10:00:20Z', files: SECOND },
      // a change of one commit keeps its own diff
      { commit: 'docs: say so', on: 'main', at: '2026-03-03T10:00:00Z', files: { 'README.md': 'hello\nworld\n' } },
    ]);
    repo.git('update-ref', 'refs/pull/7/head', repo.sha('p7'));
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-04-01', github: false });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('sizes it as one diff of both: each file once, a line rewritten by the second commit counted once', () => {
    const seven = report.changes.find((c) => c.number === 7);
    expect(seven).toMatchObject({ commits: 2, additions: 6, deletions: 0, files: 2 });
    expect(report.changes.find((c) => c.title === 'docs: say so')).toMatchObject({ commits: 1, additions: 1, deletions: 0, files: 1 });
  });
});
