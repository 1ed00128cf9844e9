import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, lines } from '../../helpers/git-fixture.js';
import { runCli } from '../../helpers/cli-run.js';

const WINDOW = ['--since', '2026-04-01', '--until', '2026-05-01', '--now', '2026-05-01T00:00:00Z', '--no-github'];
const day = (d: number): string => `2026-04-${String(d).padStart(2, '0')}T12:00:00Z`;

// Vercel Labs' Open Agents opens the pull request as its deployment's GitHub App; the squash is authored by the app
// (vercel/ai's `feat: remove CommonJS exports from all packages (#14028)`, co-authored by the person who asked for
// it), while the commits in the pull request carry the person's name. Read as a bot's, its pull requests were left
// out of every figure.
describe('vercel/ai\'s open-agents-bot: an AI agent, never a bot', () => {
  const repo = buildRepo([
    { commit: 'feat: a person\'s change (#10)', authorAt: day(9), at: day(10), files: { 'a.txt': lines(3) } },
    {
      commit: 'feat: remove CommonJS exports from all packages (#11)\n\nCloses #9\n\nCo-authored-by: Gregor Martynus <39992+gr2m@users.noreply.github.com>',
      author: 'open-agents-bot[bot] <260704009+open-agents-bot[bot]@users.noreply.github.com>',
      authorAt: day(11),
      at: day(12),
      files: { 'b.txt': lines(3) },
    },
    { commit: 'chore(deps): bump x (#13)', author: 'dependabot[bot] <support@github.com>', authorAt: day(15), at: day(16), files: { 'package.json': lines(2) } },
  ]);
  afterAll(() => repo.cleanup());

  it('counts the app\'s pull request as an agent\'s of the tool open-agents; dependabot stays a bot', async () => {
    const { code, stdout } = await runCli(['report', repo.dir, ...WINDOW, '-f', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const byNumber = (n: number) => report.changes.find((c: { number: number }) => c.number === n);
    expect(byNumber(11)).toMatchObject({ bot: false, counted: true, aiAssisted: true, aiStrength: 'agent', aiTools: ['open-agents'] });
    expect(byNumber(10)).toMatchObject({ bot: false, counted: true, aiAssisted: false });
    expect(byNumber(13)).toMatchObject({ bot: true, counted: false });
    expect(report.summary.excluded.bots).toBe(1);
    expect(report.summary.ai).toMatchObject({ assisted: 1, agent: 1, other: 1 });
    expect(report.summary.ai.tools).toContainEqual(expect.objectContaining({ tool: 'open-agents' }));
  });
});
