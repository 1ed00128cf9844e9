import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from './pull-refs.js';

/**
 * Rebase-merged pull requests, with their pull refs (times UTC, 2026-03):
 *  #60 commits 02 09:00, 02 13:00, 03 09:00; #61 is stacked on it: its own commit 03 15:00;
 *  GitHub rebases both onto main: copies of #60's three commits committed 04 10:00, then #61's 04 10:05;
 *  a direct push 05 10:00 (id direct);
 *  #62, a backport of that push (a cherry-pick committed 06 09:00) never merged here.
 * Truth with pull refs: #60 kind rebase, 3 commits, first 02 09:00, merged 04 10:00 (coding 1d, review 1d 1h);
 *  #61 kind rebase, 1 commit 03 15:00, merged 04 10:05; the push stays direct. Without pull refs: five
 *  direct changes.
 */
export function rebaseMerge(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'p60' },
    { commit: 'sixty, part one', on: 'p60', at: '2026-03-02T09:00:00Z' },
    { commit: 'sixty, part two', on: 'p60', at: '2026-03-02T13:00:00Z' },
    { commit: 'sixty, part three', on: 'p60', at: '2026-03-03T09:00:00Z' },
    { branch: 'p61', from: 'p60' },
    { commit: 'sixty-one', on: 'p61', at: '2026-03-03T15:00:00Z' },
    { commit: 'sixty, part one', on: 'main', authorAt: '2026-03-02T09:00:00Z', at: '2026-03-04T10:00:00Z' },
    { commit: 'sixty, part two', on: 'main', authorAt: '2026-03-02T13:00:00Z', at: '2026-03-04T10:00:00Z' },
    { commit: 'sixty, part three', on: 'main', authorAt: '2026-03-03T09:00:00Z', at: '2026-03-04T10:00:00Z' },
    { commit: 'sixty-one', on: 'main', authorAt: '2026-03-03T15:00:00Z', at: '2026-03-04T10:05:00Z' },
    { commit: 'direct push', on: 'main', at: '2026-03-05T10:00:00Z', id: 'direct' },
    { branch: 'p62', from: 'p60' },
    { commit: 'direct push', on: 'p62', authorAt: '2026-03-05T10:00:00Z', at: '2026-03-06T09:00:00Z' },
  ]);
  toPullRefs(repo, { 60: 'p60', 61: 'p61', 62: 'p62' });
  return repo;
}
