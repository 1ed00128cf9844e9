import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from './pull-refs.js';

/**
 * Pull requests whose last commit is a merge of main, whatever its subject (times UTC, 2026-03):
 *  #30 commits 02 09:00 and 02 17:00, then "chore: merge main" 06 11:00 (main had moved 04 10:00), merged by
 *      a merge commit 07 10:00;
 *  #31 the same shape (commits 03 09:00 and 03 12:00, "Merge remote-tracking branch 'origin/main' into p31"
 *      08 10:00), squash-merged 09 10:00 with its pull ref.
 * Truth: #30 2 commits, last 02 17:00: coding 8h, review 4d 17h; #31 2 commits, last 03 12:00: coding 3h,
 *  review 5d 22h.
 */
export function mergeMainLast(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'p30' },
    { branch: 'p31' },
    { commit: 'thirty, part one', on: 'p30', at: '2026-03-02T09:00:00Z' },
    { commit: 'thirty, part two', on: 'p30', at: '2026-03-02T17:00:00Z' },
    { commit: 'thirty-one, part one', on: 'p31', at: '2026-03-03T09:00:00Z' },
    { commit: 'thirty-one, part two', on: 'p31', at: '2026-03-03T12:00:00Z' },
    { commit: 'main work', on: 'main', at: '2026-03-04T10:00:00Z' },
    { merge: 'main', into: 'p30', at: '2026-03-06T11:00:00Z', message: 'chore: merge main' },
    { merge: 'p30', at: '2026-03-07T10:00:00Z', message: 'Merge pull request #30 from ada/p30\n\nAdd thirty' },
    { merge: 'main', into: 'p31', at: '2026-03-08T10:00:00Z', message: "Merge remote-tracking branch 'origin/main' into p31" },
    { commit: 'Add thirty-one (#31)', on: 'main', at: '2026-03-09T10:00:00Z' },
  ]);
  toPullRefs(repo, { 31: 'p31' });
  repo.git('branch', '-D', 'p30');
  return repo;
}
