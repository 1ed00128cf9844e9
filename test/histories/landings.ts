import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from './pull-refs.js';

/**
 * How pull requests landed, in a clone with pull refs (times UTC, 2026-03):
 *  #90 commit 02 09:00 (id q90) went through a merge queue: squash `Add ninety (#90)` 03 10:00; a revert made
 *      before the queue names the PR's own commit: `Back out ninety` 04 10:00 (id revert90);
 *  #92 commit 02 11:00 (id q92) went through a queue that rebased it (a copy committed 03 11:50) and merged it
 *      03 12:00; `Back out ninety-two` 04 12:00 names the PR's original commit (id revert92);
 *  #100 squash with a PR-URL trailer 05 10:00; its pull ref holds commits 02 09:00 and 02 15:00;
 *  `Fix crash (#101)` 06 10:00: an issue number, no pull ref behind it;
 *  #102 squash `Add hundred-two (#102)` 07 10:00, reverted 08 10:00 by `Revert "Add hundred-two (#102)" (#103)`
 *      (GitHub's revert button: the title names the squash's subject, no sha);
 *  #104's pull ref moved after its squash 09 10:00: a commit 09 08:00 before it and one 10 09:00 after.
 * Truth: #90 reverted by revert90; #92 reverted by revert92 (1 commit, first 02 11:00); #100 kind squash, 2 commits from 02 09:00, url from the trailer; #101 a
 *  squash whose commits are unseen; #102 reverted by #103; #104 1 commit, first and last 09 08:00.
 */
export function landings(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'p90' },
    { branch: 'p92' },
    { branch: 'p100' },
    { branch: 'p104' },
    { commit: 'ninety', on: 'p90', at: '2026-03-02T09:00:00Z', id: 'q90' },
    { commit: 'ninety-two', on: 'p92', at: '2026-03-02T11:00:00Z', id: 'q92' },
    { commit: 'hundred, part one', on: 'p100', at: '2026-03-02T09:00:00Z' },
    { commit: 'hundred, part two', on: 'p100', at: '2026-03-02T15:00:00Z' },
    { commit: 'Add ninety (#90)', on: 'main', at: '2026-03-03T10:00:00Z' },
    { branch: 'queue92', from: 'main' },
    { commit: 'ninety-two', on: 'queue92', authorAt: '2026-03-02T11:00:00Z', at: '2026-03-03T11:50:00Z' },
    { merge: 'queue92', at: '2026-03-03T12:00:00Z', message: 'Merge pull request #92 from ada/p92\n\nAdd ninety-two' },
    { commit: (sha) => `Back out ninety\n\nThis reverts commit ${sha('q90')}.`, on: 'main', at: '2026-03-04T10:00:00Z', id: 'revert90' },
    { commit: (sha) => `Back out ninety-two\n\nThis reverts commit ${sha('q92')}.`, on: 'main', at: '2026-03-04T12:00:00Z', id: 'revert92' },
    { commit: 'Add hundred (#100)\n\nPR-URL: https://github.com/acme/app/pull/100\nReviewed-By: Bob <bob@example.com>', on: 'main', at: '2026-03-05T10:00:00Z' },
    { commit: 'Fix crash (#101)', on: 'main', at: '2026-03-06T10:00:00Z' },
    { commit: 'Add hundred-two (#102)', on: 'main', at: '2026-03-07T10:00:00Z' },
    { commit: 'Revert "Add hundred-two (#102)" (#103)', on: 'main', at: '2026-03-08T10:00:00Z', id: 'revert102' },
    { commit: 'hundred-four', on: 'p104', at: '2026-03-09T08:00:00Z' },
    { commit: 'Add hundred-four (#104)', on: 'main', at: '2026-03-09T10:00:00Z' },
    { commit: 'hundred-four, after the merge', on: 'p104', at: '2026-03-10T09:00:00Z' },
  ]);
  toPullRefs(repo, { 90: 'p90', 92: 'p92', 100: 'p100', 104: 'p104' });
  repo.git('branch', '-D', 'queue92');
  return repo;
}
