import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/** `lines` lines of a new file: a change of that many added lines */
const lines = (n: number): string => 'x\n'.repeat(n);
const FOOTER = '🤖 Generated with [Claude Code](https://claude.com/claude-code)';

/**
 * Who reviewed which large AI-assisted pull request on which day (times UTC, 2026-03; the window is March): ada's
 * pull requests, squash-merged, reviewed by rae and sam. The truth, by hand:
 *   #1 AI-assisted (Claude Code's footer), 500 lines: rae reviews it twice on March 10 (09:00, 10:00)
 *   #2 AI-assisted, 500 lines: rae, March 10 13:00
 *   #3 AI-assisted, 500 lines: rae, March 10 16:00
 *   #4 AI-assisted, 500 lines: sam, March 10 11:00; rae, March 11 09:00
 *   #5 AI-assisted, 500 lines: sam, March 12 09:00
 *   #6 AI-assisted, 20 lines (not large): rae, March 12 11:00
 *   #7 no AI, 500 lines: sam, March 13 09:00; its author ada and a bot (coderabbitai) review it too: neither counts
 *   #8 AI-assisted, 500 lines: sam on February 27, before the window: no reviewer-day
 * Reviewer-days of the window: rae 03-10 → 3 (#1, #2, #3; #1 once), sam 03-10 → 1, rae 03-11 → 1, sam 03-12 → 1,
 * rae 03-12 → 0, sam 03-13 → 0. Sorted 0 0 1 1 1 3: p90 (type 7) at rank 4.5 → 1 + 0.5 × (3 − 1) = 2; the worst
 * day rae's 3 on 2026-03-10.
 */
export function reviewerDays(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-02-20T00:00:00Z' },
    { commit: 'Add the importer (#8)', at: '2026-03-02T10:00:00Z', files: { 'src/importer.ts': lines(500) }, id: 'sq8' },
    { commit: 'Add search (#1)', at: '2026-03-10T12:00:00Z', files: { 'src/search.ts': lines(500) }, id: 'sq1' },
    { commit: 'Add the index (#2)', at: '2026-03-10T14:00:00Z', files: { 'src/index.ts': lines(500) }, id: 'sq2' },
    { commit: 'Add ranking (#3)', at: '2026-03-10T17:00:00Z', files: { 'src/ranking.ts': lines(500) }, id: 'sq3' },
    { commit: 'Add facets (#4)', at: '2026-03-11T10:00:00Z', files: { 'src/facets.ts': lines(500) }, id: 'sq4' },
    { commit: 'Add paging (#5)', at: '2026-03-12T10:00:00Z', files: { 'src/paging.ts': lines(500) }, id: 'sq5' },
    { commit: 'Fix a typo (#6)', at: '2026-03-12T12:00:00Z', files: { 'src/typo.ts': lines(20) }, id: 'sq6' },
    { commit: 'Rewrite the loader (#7)', at: '2026-03-13T10:00:00Z', files: { 'src/loader.ts': lines(500) }, id: 'sq7' },
  ]);
}

const actor = (login: string, bot = false): { __typename: string; login: string } => ({ __typename: bot ? 'Bot' : 'User', login });
const review = (login: string, at: string, state = 'APPROVED', bot = false) => ({ state, submittedAt: at, author: actor(login, bot) });

/** GitHub's side of reviewerDays(): each pull request's description and reviews. */
export function reviewerDaysScenario(repo: FixtureRepo): unknown {
  const merged = (n: number, created: string, mergedAt: string, additions: number, reviews: unknown[], ai = true) => ({
    baseRefName: 'main', headRefName: `ada/change-${n}`, author: actor('ada'), labels: [], commits: [], comments: [], timelineItems: [],
    number: n, title: `change ${n}`, body: ai ? `Does it.\n\n${FOOTER}` : '', state: 'MERGED', isDraft: false,
    additions, deletions: 0, changedFiles: 1, reviews,
    createdAt: created, updatedAt: mergedAt, mergedAt, closedAt: mergedAt, mergeCommit: { oid: repo.sha(`sq${n}`) },
  });
  return {
    repositories: {
      'acme/app': {
        defaultBranchRef: { name: 'main' },
        pullRequests: [
          merged(8, '2026-02-26T09:00:00Z', '2026-03-02T10:00:00Z', 500, [review('sam', '2026-02-27T09:00:00Z')]),
          merged(1, '2026-03-10T08:00:00Z', '2026-03-10T12:00:00Z', 500, [review('rae', '2026-03-10T09:00:00Z', 'COMMENTED'), review('rae', '2026-03-10T10:00:00Z')]),
          merged(2, '2026-03-10T08:00:00Z', '2026-03-10T14:00:00Z', 500, [review('rae', '2026-03-10T13:00:00Z')]),
          merged(3, '2026-03-10T08:00:00Z', '2026-03-10T17:00:00Z', 500, [review('rae', '2026-03-10T16:00:00Z')]),
          merged(4, '2026-03-10T08:00:00Z', '2026-03-11T10:00:00Z', 500, [review('sam', '2026-03-10T11:00:00Z', 'COMMENTED'), review('rae', '2026-03-11T09:00:00Z')]),
          merged(5, '2026-03-12T08:00:00Z', '2026-03-12T10:00:00Z', 500, [review('sam', '2026-03-12T09:00:00Z')]),
          merged(6, '2026-03-12T08:00:00Z', '2026-03-12T12:00:00Z', 20, [review('rae', '2026-03-12T11:00:00Z')]),
          merged(7, '2026-03-13T07:00:00Z', '2026-03-13T10:00:00Z', 500, [
            review('coderabbitai', '2026-03-13T08:00:00Z', 'COMMENTED', true),
            review('ada', '2026-03-13T08:30:00Z', 'COMMENTED'),
            review('sam', '2026-03-13T09:00:00Z'),
          ], false),
        ],
        deployments: [],
        releases: [],
        issues: [],
      },
    },
  };
}
