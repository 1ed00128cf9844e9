import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, lines } from '../../helpers/git-fixture.js';
import { runCli } from '../../helpers/cli-run.js';

const WINDOW = ['--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z', '--no-github'];
const day = (d: number): string => `2026-03-${String(d).padStart(2, '0')}T12:00:00Z`;

// vercel/ai's AI SDK Factory: agents reproduce an issue, write the failing tests and the fix, and open the pull
// request as the `ai-sdk-factory` app (its squash authored `ai-sdk-factory[bot]`); its 105 pull requests of June–August
// 2026 were read as a bot's and left out of every figure, its co-authored commits on people's pull requests unseen
describe('vercel/ai\'s ai-sdk-factory: an AI agent, never a bot', () => {
  const repo = buildRepo([
    { commit: 'feat: a person\'s change (#10)', authorAt: day(9), at: day(10), files: { 'a.txt': lines(3) } },
    {
      commit: 'fix: preserve approved builtin tool outcomes in continued harness streams (#11)',
      author: 'ai-sdk-factory[bot] <305873210+ai-sdk-factory[bot]@users.noreply.github.com>',
      authorAt: day(11),
      at: day(12),
      files: { 'b.txt': lines(3) },
    },
    {
      commit: 'fix: a person\'s fix the factory reproduced (#12)\n\nCo-authored-by: ai-sdk-factory <308175966+ai-sdk-factory@users.noreply.github.com>',
      authorAt: day(13),
      at: day(14),
      files: { 'c.txt': lines(3) },
    },
    { commit: 'chore(deps): bump x (#13)', author: 'dependabot[bot] <support@github.com>', authorAt: day(15), at: day(16), files: { 'package.json': lines(2) } },
  ]);
  afterAll(() => repo.cleanup());

  it('counts the factory\'s pull request as an agent\'s and a co-authored one as assisted; dependabot stays a bot', async () => {
    const { code, stdout } = await runCli(['report', repo.dir, ...WINDOW, '-f', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const byNumber = (n: number) => report.changes.find((c: { number: number }) => c.number === n);
    expect(byNumber(11)).toMatchObject({ bot: false, counted: true, aiAssisted: true, aiStrength: 'agent', aiTools: ['ai-sdk-factory'] });
    expect(byNumber(12)).toMatchObject({ bot: false, aiAssisted: true, aiStrength: 'assisted', aiTools: ['ai-sdk-factory'] });
    expect(byNumber(13)).toMatchObject({ bot: true, counted: false });
    expect(report.summary.excluded.bots).toBe(1);
    expect(report.summary.ai).toMatchObject({ assisted: 2, agent: 1 });
  });
});
