import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from './pull-refs.js';

/**
 * A stacked pull request squash-merged after its base (times UTC, 2026-03):
 *  #20 (base) commits 02 10:00 and 03 10:00, squash-merged 05 12:00;
 *  #21 stacked on #20: its own commit 04 10:00; after #20's squash it is rebased onto main (copies of #20's
 *      two commits: same author, author date and subject, new commit dates 06 09:00) and squash-merged 06 12:00;
 *  #22 stacked on #21's first version and retargeted without a rebase (the very same commits of #20 and #21
 *      below its own commit 07 09:00), squash-merged 08 12:00.
 * Truth: #20 first commit 02 10:00 (2 commits); #21 first commit 04 10:00 (1 own commit); #22 first commit
 *  07 09:00 (1 own commit).
 */
export function stackedSquash(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'p20' },
    { commit: 'base, part one', on: 'p20', at: '2026-03-02T10:00:00Z' },
    { commit: 'base, part two', on: 'p20', at: '2026-03-03T10:00:00Z' },
    { branch: 'p21old', from: 'p20' },
    { commit: 'stacked work', on: 'p21old', at: '2026-03-04T10:00:00Z' },
    { branch: 'p22', from: 'p21old' },
    { commit: 'Add base (#20)', on: 'main', at: '2026-03-05T12:00:00Z' },
    { branch: 'p21', from: 'main' },
    { commit: 'base, part one', on: 'p21', authorAt: '2026-03-02T10:00:00Z', at: '2026-03-06T09:00:00Z' },
    { commit: 'base, part two', on: 'p21', authorAt: '2026-03-03T10:00:00Z', at: '2026-03-06T09:00:00Z' },
    { commit: 'stacked work', on: 'p21', authorAt: '2026-03-04T10:00:00Z', at: '2026-03-06T09:00:00Z' },
    { commit: 'Add stacked (#21)', on: 'main', at: '2026-03-06T12:00:00Z' },
    { commit: 'second stacked work', on: 'p22', at: '2026-03-07T09:00:00Z' },
    { commit: 'Add second stacked (#22)', on: 'main', at: '2026-03-08T12:00:00Z' },
  ]);
  toPullRefs(repo, { 20: 'p20', 21: 'p21', 22: 'p22' });
  repo.git('branch', '-D', 'p21old');
  return repo;
}
