import { buildRepo, lines, type FixtureRepo } from '../helpers/git-fixture.js';

/**
 * A repository whose CODEOWNERS (in .github/, committed before the window) gives pay/ to @acme/payments and shop/
 * to @acme/checkout, and six direct commits in March 2026, each a change whose cycle time (author date → commit
 * date) is its number of days:
 *
 *   change  files (changed lines)     payments share  owners by the one-third rule   cycle
 *   c1      pay 10                    10/10           payments                        1d
 *   c2      pay 6, shop 6             6/12            payments, checkout (50/50)      2d
 *   c3      pay 8, shop 2             8/10            payments (80/20)                3d
 *   c4      pay 4, shop 2             4/6             payments, checkout (2/6 = 1/3)  4d
 *   c5      README 5                  0               unowned                         5d
 *   c6      pay 5, shop 2             5/7             payments (2/7 < 1/3)            6d
 *
 * so payments has 5 changes (cycle 1,2,3,4,6 d: p50 3d), checkout 2 (2,4 d: p50 3d), unowned 1 (5d).
 */
export function ownedRepo(): FixtureRepo {
  const day = (d: number): string => `2026-03-${String(d).padStart(2, '0')}T12:00:00Z`;
  const change = (n: number, at: number, files: Record<string, string>) => ({ commit: `c${n}`, authorAt: day(at - n), at: day(at), files, id: `c${n}` });
  return buildRepo([
    { commit: 'owners', at: '2026-02-01T12:00:00Z', files: { '.github/CODEOWNERS': '# who owns what\n/pay/ @acme/payments\n/shop/ @acme/checkout\n' } },
    change(1, 10, { 'pay/a.txt': lines(10) }),
    change(2, 12, { 'pay/b.txt': lines(6), 'shop/b.txt': lines(6) }),
    change(3, 14, { 'pay/c.txt': lines(8), 'shop/c.txt': lines(2) }),
    change(4, 16, { 'pay/d.txt': lines(4), 'shop/d.txt': lines(2) }),
    change(5, 18, { README: lines(5) }),
    change(6, 20, { 'pay/e.txt': lines(5), 'shop/e.txt': lines(2) }),
  ]);
}

export const WINDOW = ['--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z', '--no-github'];

/**
 * A second repository sharing the team `payments` with `ownedRepo` (under another organisation's name, which a
 * slice leaves out): its root CODEOWNERS gives billing/ to @globex/payments and web/ to @globex/frontend; five
 * direct commits in March 2026, each change's cycle time its number of days:
 *
 *   change  files (changed lines)   owners           cycle
 *   b8      billing 10              payments         8d
 *   b10     billing 4, web 1        payments (4/5)   10d
 *   b7      web 3                   frontend         7d
 *   b9      README 2                unowned          9d
 *   b11     notes.md 2              unowned          11d
 *
 * Pooled with `ownedRepo`, payments has 7 changes (1,2,3,4,6,8,10 d: p50 4d, where the mean of the two
 * repositories' medians, 3d and 9d, would be 6d); unowned 3 (5,9,11 d: p50 9d), 3 of 11 changes.
 */
export function secondOwnedRepo(): FixtureRepo {
  const day = (d: number): string => `2026-03-${String(d).padStart(2, '0')}T12:00:00Z`;
  const change = (cycle: number, at: number, files: Record<string, string>) => ({ commit: `b${cycle}`, authorAt: day(at - cycle), at: day(at), files, id: `b${cycle}` });
  return buildRepo([
    { commit: 'owners', at: '2026-02-01T12:00:00Z', files: { CODEOWNERS: 'billing/ @globex/payments\nweb/ @globex/frontend\n' } },
    change(8, 15, { 'billing/a.txt': lines(10) }),
    change(10, 17, { 'billing/b.txt': lines(4), 'web/b.txt': lines(1) }),
    change(7, 19, { 'web/c.txt': lines(3) }),
    change(9, 21, { README: lines(2) }),
    change(11, 23, { 'notes.md': lines(2) }),
  ]);
}

/**
 * GitHub's answer for `repo` (served as acme/app) with the pull requests given as [number, change id, merged
 * at, labels]: each merged as its change's landing commit, one line added, no reviews; no deploys or issues.
 */
export function labelledPulls(repo: FixtureRepo, pulls: ReadonlyArray<readonly [number, string, string, readonly string[]]>): unknown {
  const pull = ([n, id, at, labels]: readonly [number, string, string, readonly string[]]): Record<string, unknown> => ({
    number: n, title: `PR ${n}`, baseRefName: 'main', headRefName: `f${n}`, author: { __typename: 'User', login: 'ada' },
    mergeCommit: { oid: repo.sha(id) }, additions: 1, deletions: 0, changedFiles: 1, labels: [...labels], commits: [], comments: [], reviews: [], timelineItems: [],
    createdAt: at, updatedAt: at, mergedAt: at, isDraft: false,
  });
  return { repositories: { 'acme/app': { defaultBranchRef: { name: 'main' }, pullRequests: pulls.map(pull), deployments: [], releases: [], issues: [] } } };
}
