import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/**
 * Pull requests of AI agents and of people who used one, squash-merged (times UTC, 2026-03), and GitHub's side of
 * them: each pull request's author (an agent's app is a Bot), head branch, labels and description, as the tools
 * leave them. The truth, by hand:
 *   #1 Copilot's coding agent opened it (Bot `Copilot`; the squash is authored so)        agent, copilot
 *   #2 ada's, Codex wrote it: branch codex/…, label `codex`, the task link in the body    assisted, codex (+ its weak branch)
 *   #3 ada's, a branch claude/… and nothing else                                          weak only, claude-code: not AI-assisted
 *   #4 ada's, Claude Code's footer in the description only                                assisted, claude-code
 *   #5 Devin opened it (Bot `devin-ai-integration`; the squash is authored so)            agent, devin
 *   #6 Renovate's                                                                          a bot: left out
 *   #7 ada's, nothing                                                                      other
 *   #8 ada's, Claude co-authored it (the squash's trailer)                                  assisted, claude-code
 * and four pull requests open at now: #20 Copilot's and #21 Jules' (agents: never bots), #22 ada's, #23
 * Dependabot's (a bot).
 * So: 7 counted; AI-assisted 5 (#1, #2, #4, #5, #8), other 2; by an agent 2; weak only 1 (#3); per tool
 * claude-code 2 (+1 weak), codex 1, copilot 1, devin 1.
 */
export function agentPulls(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-02-20T00:00:00Z' },
    { commit: 'Fix the parser (#1)', author: 'Copilot <198982749+Copilot@users.noreply.github.com>', authorAt: '2026-03-02T09:00:00Z', at: '2026-03-02T12:00:00Z', id: 'sq1' },
    { commit: 'Add retries (#2)', authorAt: '2026-03-03T09:00:00Z', at: '2026-03-03T12:00:00Z', id: 'sq2' },
    { commit: 'Tidy the docs (#3)', authorAt: '2026-03-04T09:00:00Z', at: '2026-03-04T12:00:00Z', id: 'sq3' },
    { commit: 'Speed up the cache (#4)', authorAt: '2026-03-05T09:00:00Z', at: '2026-03-05T12:00:00Z', id: 'sq4' },
    { commit: 'Add parser tests (#5)', author: 'devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>', authorAt: '2026-03-06T09:00:00Z', at: '2026-03-06T12:00:00Z', id: 'sq5' },
    { commit: 'Update dependency vite to v7 (#6)', author: 'renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>', authorAt: '2026-03-07T09:00:00Z', at: '2026-03-07T12:00:00Z', id: 'sq6' },
    { commit: 'Refactor the loader (#7)', authorAt: '2026-03-08T09:00:00Z', at: '2026-03-08T12:00:00Z', id: 'sq7' },
    { commit: 'Split the lexer (#8)\n\nCo-authored-by: Claude <noreply@anthropic.com>', authorAt: '2026-03-09T09:00:00Z', at: '2026-03-09T12:00:00Z', id: 'sq8' },
  ]);
}

const actor = (login: string, bot = false): { __typename: string; login: string } => ({ __typename: bot ? 'Bot' : 'User', login });

/** GitHub's side of agentPulls(): the merged pull requests and the open ones. */
export function agentPullsScenario(repo: FixtureRepo): unknown {
  const base = { baseRefName: 'main', additions: 5, deletions: 1, changedFiles: 1, labels: [], body: '', commits: [], comments: [], reviews: [], timelineItems: [] };
  const merged = (n: number, day: number, o: Record<string, unknown>) => ({
    ...base, author: actor('ada'), headRefName: `ada/change-${n}`, ...o, number: n, title: `change ${n}`, state: 'MERGED', isDraft: false,
    createdAt: `2026-03-0${day}T10:00:00Z`, updatedAt: `2026-03-0${day}T12:00:00Z`, mergedAt: `2026-03-0${day}T12:00:00Z`, mergeCommit: { oid: repo.sha(`sq${n}`) },
  });
  const open = (n: number, o: Record<string, unknown>) => ({
    ...base, author: actor('ada'), headRefName: `ada/open-${n}`, ...o, number: n, title: `open ${n}`, state: 'OPEN', isDraft: false,
    createdAt: '2026-03-20T10:00:00Z', updatedAt: '2026-03-20T10:00:00Z', mergedAt: null, mergeCommit: null,
  });
  return {
    repositories: {
      'acme/app': {
        defaultBranchRef: { name: 'main' },
        pullRequests: [
          merged(1, 2, { author: actor('Copilot', true), headRefName: 'copilot/fix-the-parser', body: 'Fixes #41.\n\n<!-- START COPILOT CODING AGENT TIPS -->' }),
          merged(2, 3, { headRefName: 'codex/add-retries', labels: [{ name: 'codex' }], body: '## Summary\n- retry on 502\n\nhttps://chatgpt.com/codex/tasks/task_e_687a53ba646c8331baa4140c5b2bec70' }),
          merged(3, 4, { headRefName: 'claude/tidy-the-docs' }),
          merged(4, 5, { body: 'Halves the misses.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)' }),
          merged(5, 6, { author: actor('devin-ai-integration', true), headRefName: 'devin/1738948675-add-parser-tests', body: 'Link to Devin run: https://app.devin.ai/sessions/0123' }),
          merged(6, 7, { author: actor('renovate', true), headRefName: 'renovate/vite-7.x' }),
          merged(7, 8, {}),
          merged(8, 9, {}),
          open(20, { author: actor('Copilot', true), headRefName: 'copilot/add-a-flag' }),
          open(21, { author: actor('google-labs-jules', true), headRefName: 'jules-add-docs-3411842256230391376' }),
          open(22, {}),
          open(23, { author: actor('dependabot', true), headRefName: 'dependabot/npm_and_yarn/vite-7.0.1' }),
        ],
        deployments: [],
        releases: [],
        issues: [],
      },
    },
  };
}
