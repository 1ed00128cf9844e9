import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { reportWithGitHub, type GitHubRun } from '../helpers/github-run.js';
import { rejectedAiPulls, rejectedAiPullsScenario } from '../histories/rejected-ai-pulls.js';

const TOKEN = 'ghp_rejectedAiPullsToken0123456789abcdef';

let repo: FixtureRepo;
let run: GitHubRun;

beforeAll(async () => {
  repo = rejectedAiPulls();
  run = await reportWithGitHub(repo.dir, rejectedAiPullsScenario(repo), TOKEN, ['--repo', 'acme/app', '--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z']);
});
afterAll(async () => {
  await run.close();
  repo.cleanup();
});

describe('GitHub mode: the ai-acceptance recommendation (see test/histories/rejected-ai-pulls.ts)', () => {
  it('counts the groups by hand: AI-assisted 4 of 12 accepted, the rest 10 of 11, a difference the data can tell', () => {
    const a = run.report.summary.acceptance;
    expect([a?.ai.merged, a?.ai.rejected, a?.other.merged, a?.other.rejected, a?.ai.reviewTime]).toEqual([4, 8, 10, 1, 16 * 3600]);
    expect(a?.aiMinusOther.real).toBe(true);
  });

  it('fires, saying how many times as often and the hours the rejected ones took in review', () => {
    const row = run.report.recommendations.find((r) => r.id === 'ai-acceptance');
    // Wilson by hand: 4 of 12 → 0.138–0.609, 10 of 11 → 0.623–0.984; Newcombe: −0.576 − √(0.195² + 0.075²) = −0.785,
    // −0.576 + √(0.276² + 0.287²) = −0.178: lower by 18%–78%
    expect(row?.value).toBe(
      'AI-assisted pull requests were rejected 7.3× as often: 67% (8 of 12) against 9.1% for the rest (1 of 11) (threshold 1.5×); ' +
        'AI-assisted 33% accepted (4 of 12 decided; 95% 14%–61%), the rest 91% accepted (10 of 11 decided; 95% 62%–98%); ' +
        'the AI-assisted acceptance rate is lower by 18%–78% (95%), an interval that leaves out 0; ' +
        'the 8 rejected ones took 16 hours in review (first review → close, summed) and 8 reviews',
    );
    expect(row).toMatchObject({ impact: 16, figure: 'summary.acceptance.ai.rate', threshold: '1.5×' });
  });
});
