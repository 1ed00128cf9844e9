import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { apiCommits } from './github-own-commits.js';

/**
 * A GitFlow history (pi-hole's shape): pull requests land on `development`, a hotfix lands on main, and each release
 * merges `development` into main by a pull request of its own. Times UTC, 2026:
 *  February: #1 (work 02-02 09:00) merged into development 02-03 09:00; release #2 merges development into main
 *     02-10 09:00, the line's first merge (a change of main, before the window), tagged v1.0.0 at 10:00.
 *  March:
 *   #3 work 03-02 09:00, merged into development 03-03 09:00
 *   #4 work 03-04 09:00, squashed onto development as `Four (#4)` 03-05 09:00
 *   #5 hotfix from v1.0.0: work 03-06 09:00, merged into main 03-06 12:00, tagged v1.0.1 at 13:00
 *   #7 merges main back into development 03-07 09:00 by a branch cut from development that merged main (08:00)
 *   #6 release: development merged into main again 03-10 09:00 (a sync: #3 and #4 landed on development first),
 *      tagged v1.1.0 at 10:00
 */
export function gitFlow(): FixtureRepo {
  return buildRepo([
    { commit: 'init', at: '2026-02-01T09:00:00Z', id: 'init' },
    { branch: 'development' },
    { branch: 'f1' },
    { commit: 'one: the work', on: 'f1', at: '2026-02-02T09:00:00Z', id: 'head1' },
    { merge: 'f1', into: 'development', at: '2026-02-03T09:00:00Z', message: 'Merge pull request #1 from acme/f1\n\nOne', id: 'm1' },
    { merge: 'development', into: 'main', at: '2026-02-10T09:00:00Z', message: 'Merge pull request #2 from acme/development\n\nRelease 1.0.0', id: 'm2' },
    { tag: 'v1.0.0', annotated: true, at: '2026-02-10T10:00:00Z' },
    { branch: 'f3', from: 'm1' },
    { commit: 'three: the work', on: 'f3', at: '2026-03-02T09:00:00Z', id: 'head3' },
    { merge: 'f3', into: 'development', at: '2026-03-03T09:00:00Z', message: 'Merge pull request #3 from acme/f3\n\nThree', id: 'm3' },
    { branch: 'f4', from: 'm3' },
    { commit: 'four: the work', on: 'f4', at: '2026-03-04T09:00:00Z', id: 'head4' },
    { commit: 'Four (#4)', on: 'development', at: '2026-03-05T09:00:00Z', files: { 'four.txt': 'four\n' }, id: 'sq4' },
    { branch: 'hf', from: 'm2' },
    { commit: 'fix: the hotfix', on: 'hf', at: '2026-03-06T09:00:00Z', id: 'head5' },
    { merge: 'hf', into: 'main', at: '2026-03-06T12:00:00Z', message: 'Merge pull request #5 from acme/hf\n\nfix: the hotfix', id: 'm5' },
    { tag: 'v1.0.1', annotated: true, at: '2026-03-06T13:00:00Z' },
    { branch: 'sync-main', from: 'sq4' },
    { merge: 'main', into: 'sync-main', at: '2026-03-07T08:00:00Z', message: "Merge branch 'main' into sync-main", id: 'syncHelper' },
    { merge: 'sync-main', into: 'development', at: '2026-03-07T09:00:00Z', message: 'Merge pull request #7 from acme/sync-main\n\nchore: merge main into development', id: 'back' },
    { merge: 'development', into: 'main', at: '2026-03-10T09:00:00Z', message: 'Merge pull request #6 from acme/development\n\nRelease 1.1.0', id: 'm6' },
    { tag: 'v1.1.0', annotated: true, at: '2026-03-10T10:00:00Z' },
  ]);
}

/**
 * The GitHub stand-in's scenario for that history: each pull request opened an hour before its first commit's
 * next hour, with the commits GitHub lists for it and its merge commit; #1, #3, #4 and #7 into `development`.
 */
export function gitFlowScenario(repo: FixtureRepo): unknown {
  const commits = (range: string[]): unknown[] => apiCommits(repo, range);
  const pr = (number: number, base: string, head: string, landing: string, list: unknown[], openedAt: string, mergedAt: string): unknown => ({
    number, title: `PR ${number}`, createdAt: openedAt, updatedAt: mergedAt, mergedAt, author: { login: 'ada' },
    mergeCommit: { oid: repo.sha(landing) }, baseRefName: base, headRefName: head, commits: list,
  });
  return {
    repositories: {
      'acme/app': {
        defaultBranchRef: { name: 'main', target: { oid: repo.sha('m6') } },
        pullRequests: [
          pr(1, 'development', 'f1', 'm1', commits([repo.sha('head1'), '--not', repo.sha('init')]), '2026-02-02T10:00:00Z', '2026-02-03T09:00:00Z'),
          pr(2, 'main', 'development', 'm2', commits([repo.sha('m1'), '--not', repo.sha('init')]), '2026-02-09T09:00:00Z', '2026-02-10T09:00:00Z'),
          pr(3, 'development', 'f3', 'm3', commits([repo.sha('head3'), '--not', repo.sha('m1')]), '2026-03-02T10:00:00Z', '2026-03-03T09:00:00Z'),
          pr(4, 'development', 'f4', 'sq4', commits([repo.sha('head4'), '--not', repo.sha('m3')]), '2026-03-04T10:00:00Z', '2026-03-05T09:00:00Z'),
          pr(5, 'main', 'hf', 'm5', commits([repo.sha('head5'), '--not', repo.sha('m2')]), '2026-03-06T10:00:00Z', '2026-03-06T12:00:00Z'),
          pr(6, 'main', 'development', 'm6', commits([repo.sha('back'), '--not', repo.sha('m2')]), '2026-03-09T09:00:00Z', '2026-03-10T09:00:00Z'),
          pr(7, 'development', 'sync-main', 'back', commits([repo.sha('syncHelper'), '--not', repo.sha('sq4')]), '2026-03-07T08:30:00Z', '2026-03-07T09:00:00Z'),
        ],
      },
    },
  };
}
