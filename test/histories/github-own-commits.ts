import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/** When #8's two rebased copies are committed: a second where the landing copy's sha sorts before its sibling's. */
const REBASE_SECOND = '2026-03-07T09:00:00Z';
/** When #9's commits fast-forward main: a second where their shas sort in history order (no sort can mend it). */
const FAST_FORWARD_SECOND = '2026-03-08T09:00:04Z';

/**
 * A history whose pull requests GitHub mode reads from the API's commit lists (no pull refs; times UTC,
 * 2026-03). Every PR's truth, as git-only mode finds it with pull refs:
 *  #6 squash 05 09:00. Its branch, cut at 01 09:00, starts with GitHub's fork Sync merge of main
 *     ("Merge branch 'acme:main' into feat6", 03 09:00: not its work), then the work 04 09:00, a side branch's
 *     commit 04 10:00, more work 04 11:00 and a merge of that side branch the author titled
 *     "Merge branch 'main' into feat6" (04 12:00: its work, both parents are its commits): 4 own commits,
 *     T0 04 09:00, last 04 12:00.
 *  #8 rebase merge of "eight: part one" (06 09:00) and "eight: part two" (06 10:00), copied onto main in one
 *     second whose landing copy's sha sorts before its sibling's: one change, 2 commits, T0 06 09:00.
 *  #9 rebase merge that fast-forwarded main to its unchanged commits (authored 08 07:00 and 08 08:00,
 *     committed 08 09:00:04): 2 commits, T0 08 07:00.
 *  #10 squash 09 11:00 of a branch carrying "tests: fix flaky" (09 08:00), which main got as a copy pushed
 *     directly at 09 10:00 (a change of its own), and the work 09 09:00: 1 own commit, T0 09 09:00.
 */
export function githubOwnCommits(): FixtureRepo {
  return buildRepo([
    { commit: 'init', at: '2026-03-01T09:00:00Z', id: 'init' },
    { branch: 'feat6' },
    { commit: 'docs: main moves on', on: 'main', at: '2026-03-02T09:00:00Z', id: 'docs' },
    { merge: 'main', into: 'feat6', at: '2026-03-03T09:00:00Z', message: "Merge branch 'acme:main' into feat6", id: 'sync6' },
    { commit: 'six: the work', on: 'feat6', at: '2026-03-04T09:00:00Z' },
    { branch: 'side6' },
    { commit: 'six: side work', on: 'side6', at: '2026-03-04T10:00:00Z' },
    { commit: 'six: more work', on: 'feat6', at: '2026-03-04T11:00:00Z' },
    { merge: 'side6', into: 'feat6', at: '2026-03-04T12:00:00Z', message: "Merge branch 'main' into feat6", id: 'head6' },
    { commit: 'Six (#6)', on: 'main', at: '2026-03-05T09:00:00Z', id: 'sq6' },
    { branch: 'feat8' },
    { commit: 'eight: part one', on: 'feat8', at: '2026-03-06T09:00:00Z' },
    { commit: 'eight: part two', on: 'feat8', at: '2026-03-06T10:00:00Z', id: 'head8' },
    { commit: 'eight: part one', on: 'main', authorAt: '2026-03-06T09:00:00Z', at: REBASE_SECOND, id: 'copy8a' },
    { commit: 'eight: part two', on: 'main', authorAt: '2026-03-06T10:00:00Z', at: REBASE_SECOND, id: 'copy8b' },
    { commit: 'nine: part one', on: 'main', authorAt: '2026-03-08T07:00:00Z', at: FAST_FORWARD_SECOND, id: 'p9a' },
    { commit: 'nine: part two', on: 'main', authorAt: '2026-03-08T08:00:00Z', at: FAST_FORWARD_SECOND, id: 'p9b' },
    { branch: 'feat10' },
    { commit: 'tests: fix flaky', on: 'feat10', at: '2026-03-09T08:00:00Z' },
    { commit: 'tests: fix flaky', on: 'main', authorAt: '2026-03-09T08:00:00Z', at: '2026-03-09T10:00:00Z', id: 'direct10' },
    { commit: 'ten: the work', on: 'feat10', at: '2026-03-09T09:00:00Z', id: 'head10' },
    { commit: 'Ten (#10)', on: 'main', at: '2026-03-09T11:00:00Z', id: 'sq10' },
  ]);
}

/**
 * The GitHub stand-in's scenario for that history: each pull request with the commits GitHub lists for it
 * (its branch's, oldest first, with author emails and parents) and its merge commit; each opened an hour
 * before it merged.
 */
export function ownCommitsScenario(repo: FixtureRepo): unknown {
  const commits = (range: string[]): unknown[] => apiCommits(repo, range);
  const pr = (number: number, landing: string, list: unknown[], mergedAt: string): unknown => ({
    number, title: `PR ${number}`, createdAt: new Date(Date.parse(mergedAt) - 3_600_000).toISOString(), updatedAt: mergedAt, mergedAt, author: { login: 'ada' },
    mergeCommit: { oid: repo.sha(landing) }, baseRefName: 'main', headRefName: `p${number}`, commits: list,
  });
  return {
    repositories: {
      'acme/app': {
        defaultBranchRef: { name: 'main', target: { oid: repo.sha('sq10') } },
        pullRequests: [
          pr(6, 'sq6', commits([repo.sha('head6'), '--not', repo.sha('init')]), '2026-03-05T09:00:00Z'),
          pr(8, 'copy8b', commits([repo.sha('head8'), '--not', repo.sha('sq6')]), REBASE_SECOND),
          pr(9, 'p9b', commits([repo.sha('p9b'), '--not', repo.sha('copy8b')]), FAST_FORWARD_SECOND),
          pr(10, 'sq10', commits([repo.sha('head10'), '--not', repo.sha('p9b')]), '2026-03-09T11:00:00Z'),
        ],
      },
    },
  };
}

/**
 * The commits of `range` (git log's arguments) as GitHub lists a pull request's: oldest first, each with its dates,
 * author email, parents and subject.
 */
export function apiCommits(repo: FixtureRepo, range: readonly string[]): unknown[] {
  return repo.git('log', '--reverse', '--topo-order', '--format=%H%x1f%aI%x1f%cI%x1f%ae%x1f%P%x1f%s', ...range).split('\n').map((line) => {
    const [oid, authored, committed, email, parents, message] = line.split('\x1f') as [string, string, string, string, string, string];
    const utc = (iso: string): string => new Date(iso).toISOString().replace('.000Z', 'Z');
    return { commit: { oid, authoredDate: utc(authored), committedDate: utc(committed), message, author: { email }, parents: parents.split(' ').map((p) => ({ oid: p })) } };
  });
}
