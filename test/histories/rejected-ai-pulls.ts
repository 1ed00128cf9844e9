import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const FOOTER = '🤖 Generated with [Claude Code](https://claude.com/claude-code)';
const day = (n: number): string => String(n).padStart(2, '0');

/**
 * AI-assisted pull requests rejected far more often than the rest (times UTC, March 2026). The truth, by hand:
 *   #1–#10  ada's, no AI, squash-merged on March 2–11                       other: 10 merged
 *   #11     ada's, no AI, closed unmerged on March 20                        other: 1 rejected
 *   #21–#24 ada's with Claude Code (its footer in the description), merged   AI-assisted: 4 merged
 *   #31–#38 ada's with Claude Code, opened 09:00, reviewed by bob 11:00 (changes requested), closed by bob 13:00
 *                                                                            AI-assisted: 8 rejected, 2 h in review each
 * So AI-assisted 4 of 12 accepted (rejected 8 of 12, 67%), the rest 10 of 11 (rejected 1 of 11, 9.1%): rejected
 * 7.3× as often (0.667 ÷ 0.0909 = 7.33), ten or more decided in each group, and the rejected AI-assisted ones took
 * 8 × 2 h = 16 hours in review over 8 reviews.
 */
export function rejectedAiPulls(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-02-20T00:00:00Z' },
    ...Array.from({ length: 10 }, (_, i) => ({ commit: `Change ${i + 1} (#${i + 1})`, at: `2026-03-${day(i + 2)}T12:00:00Z`, id: `sq${i + 1}` })),
    ...Array.from({ length: 4 }, (_, i) => ({ commit: `AI change ${i + 21} (#${i + 21})`, at: `2026-03-${day(i + 12)}T12:00:00Z`, id: `sq${i + 21}` })),
  ]);
}

const actor = (login: string): { __typename: string; login: string } => ({ __typename: 'User', login });

/** GitHub's side of rejectedAiPulls(). */
export function rejectedAiPullsScenario(repo: FixtureRepo): unknown {
  const base = (n: number, ai: boolean) => ({
    baseRefName: 'main', headRefName: `ada/change-${n}`, author: actor('ada'), labels: [], commits: [], comments: [],
    number: n, title: `change ${n}`, body: ai ? `Does it.\n\n${FOOTER}` : '', isDraft: false, additions: 5, deletions: 1, changedFiles: 1,
  });
  const merged = (n: number, on: number, ai: boolean) => ({
    ...base(n, ai), state: 'MERGED', reviews: [{ state: 'APPROVED', submittedAt: `2026-03-${day(on)}T11:00:00Z`, author: actor('bob') }], timelineItems: [],
    createdAt: `2026-03-${day(on)}T09:00:00Z`, updatedAt: `2026-03-${day(on)}T12:00:00Z`, mergedAt: `2026-03-${day(on)}T12:00:00Z`, closedAt: `2026-03-${day(on)}T12:00:00Z`,
    mergeCommit: { oid: repo.sha(`sq${n}`) },
  });
  const rejected = (n: number, on: number, ai: boolean, reviewed: boolean) => ({
    ...base(n, ai), state: 'CLOSED', mergedAt: null, mergeCommit: null,
    reviews: reviewed ? [{ state: 'CHANGES_REQUESTED', submittedAt: `2026-03-${day(on)}T11:00:00Z`, author: actor('bob') }] : [],
    timelineItems: [{ __typename: 'ClosedEvent', createdAt: `2026-03-${day(on)}T13:00:00Z`, actor: actor('bob') }],
    createdAt: `2026-03-${day(on)}T09:00:00Z`, updatedAt: `2026-03-${day(on)}T13:00:00Z`, closedAt: `2026-03-${day(on)}T13:00:00Z`,
  });
  return {
    repositories: {
      'acme/app': {
        defaultBranchRef: { name: 'main' },
        pullRequests: [
          ...Array.from({ length: 10 }, (_, i) => merged(i + 1, i + 2, false)),
          rejected(11, 20, false, false),
          ...Array.from({ length: 4 }, (_, i) => merged(i + 21, i + 12, true)),
          ...Array.from({ length: 8 }, (_, i) => rejected(i + 31, i + 16, true, true)),
        ],
        deployments: [],
        releases: [],
        issues: [],
      },
    },
  };
}
