import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/**
 * The git side of fixtures/github-scenarios/agent-pulls.json (May 2026): squash merges on main, each a commit
 * `… (#N)` whose sha the scenario's `"@sqN"` names. People's #1–#4; GitHub's Copilot agent's #10 and #14 (its
 * commits' author is the agent), #11 a person's from Codex (a `codex/` branch, labelled `codex`: the config's
 * `ai.labels` names it), #12 a person's with Claude Code (its squash message carries Claude's co-author trailer and
 * footer), #13 Devin's; #36 a person's a commit queue pushed (GitHub lists it closed, not merged). The config file
 * comes with the first commit.
 */
export function agentPulls(): FixtureRepo {
  const squash = (n: number, title: string, at: string, author?: string, body = ''): { commit: string; on: string; at: string; author?: string; id: string } => ({
    commit: `${title} (#${n})${body === '' ? '' : `\n\n${body}`}`, on: 'main', at, id: `sq${n}`, ...(author !== undefined && { author }),
  });
  return buildRepo([
    { commit: 'initial commit', at: '2026-04-01T00:00:00Z', files: { '.flowaudit.json': JSON.stringify({ ai: { labels: ['codex'] } }) } },
    squash(1, 'Add search', '2026-05-04T12:00:00Z'),
    squash(10, 'Fix the flaky upload test', '2026-05-05T15:00:00Z', 'Copilot <198982749+Copilot@users.noreply.github.com>', 'Co-authored-by: ada <ada@example.com>'),
    squash(2, 'Fix the cache', '2026-05-06T12:00:00Z', 'Bob <bob@example.com>'),
    squash(11, 'Retry failed webhooks', '2026-05-07T15:00:00Z'),
    squash(3, 'Refactor auth', '2026-05-08T12:00:00Z', 'Carol <carol@example.com>'),
    squash(12, 'Split the session store', '2026-05-09T15:00:00Z', 'Bob <bob@example.com>', '🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>'),
    squash(4, 'Document the API', '2026-05-10T12:00:00Z'),
    squash(14, 'Add a health endpoint', '2026-05-11T15:00:00Z', 'Copilot <198982749+Copilot@users.noreply.github.com>'),
    squash(13, 'Add request metrics', '2026-05-12T15:00:00Z', 'devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>'),
    // pushed by a commit queue, which then closed the pull request unmerged
    squash(36, 'Land the parser fix', '2026-05-26T09:55:00Z', 'Erin <erin@example.com>'),
  ]);
}

/** fixtures/github-scenarios/agent-pulls.json with each `"@sqN"` replaced by that squash commit's sha. */
export function agentPullsScenario(repo: FixtureRepo): unknown {
  const file = fileURLToPath(new URL('../../fixtures/github-scenarios/agent-pulls.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8'), (_key, value: unknown) => (typeof value === 'string' && value.startsWith('@') ? repo.sha(value.slice(1)) : value));
}
