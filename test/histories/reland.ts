import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/**
 * A reland after a revert (times UTC, 2026-03):
 *  #40 commits 02 09:00 and 02 12:00, merged 03 10:00 (id pr40);
 *  revert: `Revert "Add forty"` 04 10:00, naming #40's merge commit (id revert40);
 *  #41 relands #40: cherry-picks of its two commits (same author, author date and subject, committed
 *      08 09:00), merged 09 10:00.
 * Truth: #40 reverted by revert40; #41 is all copies, so all of them count: 2 commits, first 02 09:00, last
 *  02 12:00 (coding 3h, review 6d 22h).
 */
export function reland(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'p40' },
    { commit: 'forty, part one', on: 'p40', at: '2026-03-02T09:00:00Z' },
    { commit: 'forty, part two', on: 'p40', at: '2026-03-02T12:00:00Z' },
    { merge: 'p40', at: '2026-03-03T10:00:00Z', message: 'Merge pull request #40 from ada/p40\n\nAdd forty', id: 'pr40' },
    { commit: (sha) => `Revert "Add forty"\n\nThis reverts commit ${sha('pr40')}.`, on: 'main', at: '2026-03-04T10:00:00Z', id: 'revert40' },
    { branch: 'p41' },
    { commit: 'forty, part one', on: 'p41', authorAt: '2026-03-02T09:00:00Z', at: '2026-03-08T09:00:00Z' },
    { commit: 'forty, part two', on: 'p41', authorAt: '2026-03-02T12:00:00Z', at: '2026-03-08T09:00:00Z' },
    { merge: 'p41', at: '2026-03-09T10:00:00Z', message: 'Merge pull request #41 from ada/p41\n\nReland forty' },
  ]);
}
