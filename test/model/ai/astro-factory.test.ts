import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, lines } from '../../helpers/git-fixture.js';
import { runCli } from '../../helpers/cli-run.js';

const WINDOW = ['--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z', '--no-github'];
const day = (d: number, h = 12): string => `2026-03-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`;
const HOUSTON = 'Houston (Bot) <108291165+astrobot-houston@users.noreply.github.com>';
const AGENT = 'astrobot-houston <fred+astrobot@astro.build>';

// withastro/astro's Factory: its triage agent commits a fix and the Houston app, which also opens astro's release pull
// requests, opens the pull request and authors its squash; later the agent commits as factory[bot] and the
// astro-factory app opens them. 105 of astro's 481 changes of the three months to 2026-08-23 were its, one read as AI-assisted
describe('withastro/astro\'s Factory: an AI agent, never a bot, whichever app opened its pull request', () => {
  const repo = buildRepo([
    { commit: 'initial commit', at: day(1), files: { 'a.txt': lines(3) } },
    // #11: the agent's fix, then a person's commit on its branch; the squash is Houston's
    { branch: 'p11' },
    { commit: 'fix(css): restore deleted CSS assets', on: 'p11', author: AGENT, authorAt: day(2), at: day(2), files: { 'b.txt': lines(3) } },
    { commit: 'Simplify changeset', on: 'p11', authorAt: day(3), at: day(3), files: { 'b.txt': lines(4) } },
    { commit: 'Fix missing CSS for conditionally rendered components (#11)\n\nCo-authored-by: Ada Lovelace <ada@example.com>', on: 'main', author: HOUSTON, authorAt: day(4), at: day(4), files: { 'b.txt': lines(4) } },
    // #12: astro's release pull request, Houston's own commit
    { branch: 'p12' },
    { commit: '[ci] release', on: 'p12', author: HOUSTON, authorAt: day(5), at: day(5), files: { 'CHANGELOG.md': lines(2) } },
    { commit: '[ci] release (#12)', on: 'main', author: HOUSTON, authorAt: day(6), at: day(6), files: { 'CHANGELOG.md': lines(2) } },
    // Houston's formatting push
    { commit: '[ci] format', author: HOUSTON, authorAt: day(7), at: day(7), files: { 'a.txt': lines(4) } },
    // #13: the astro-factory app's squash
    {
      commit: 'Fix glob loader dropping content files with colons (#13)\n\nCo-authored-by: factory[bot] <factory[bot]@users.noreply.github.com>',
      author: 'astro-factory[bot] <316791938+astro-factory[bot]@users.noreply.github.com>',
      authorAt: day(8),
      at: day(8),
      files: { 'c.txt': lines(3) },
    },
    // #14: Renovate's bump, then the agent's fix on its branch: an agent that only added to it leaves it the bot's
    { branch: 'p14' },
    { commit: 'chore(deps): update hono', on: 'p14', author: 'renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>', authorAt: day(9), at: day(9), files: { 'package.json': lines(2) } },
    { commit: 'fix: adapt to hono', on: 'p14', author: 'factory[bot] <factory[bot]@users.noreply.github.com>', authorAt: day(10), at: day(10), files: { 'd.txt': lines(2) } },
    { commit: 'chore(deps): update hono (#14)', on: 'main', author: 'renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>', authorAt: day(11), at: day(11), files: { 'package.json': lines(2), 'd.txt': lines(2) } },
  ]);
  // the pull requests' commits survive only in their pull refs, as in a mirror of a squash-merging project
  for (const n of [11, 12, 14]) {
    repo.git('update-ref', `refs/pull/${n}/head`, `p${n}`);
    repo.git('branch', '-D', `p${n}`);
  }
  afterAll(() => repo.cleanup());

  it('counts the agent\'s pull requests as its work; Houston\'s release and formatting, and a bot\'s bump an agent added to, stay bots\'', async () => {
    const { code, stdout } = await runCli(['report', repo.dir, ...WINDOW, '-f', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const byTitle = (start: string) => report.changes.find((c: { title: string }) => c.title.startsWith(start));
    // the squash's author is the app that opened it; the work began with the agent's commit
    expect(byTitle('Fix missing CSS')).toMatchObject({ number: 11, bot: false, counted: true, author: 'astrobot-houston', commits: 2, firstCommitAt: day(2), aiAssisted: true, aiStrength: 'agent', aiTools: ['astro-factory'] });
    expect(byTitle('Fix glob loader')).toMatchObject({ number: 13, bot: false, counted: true, aiStrength: 'agent', aiTools: ['astro-factory'] });
    expect(byTitle('[ci] release')).toMatchObject({ number: 12, bot: true, counted: false, aiAssisted: false });
    expect(byTitle('[ci] format')).toMatchObject({ bot: true, counted: false });
    expect(byTitle('chore(deps): update hono')).toMatchObject({ number: 14, bot: true, counted: false, author: 'renovate[bot]' });
    expect(report.summary.excluded.bots).toBe(3);
    // #11 and #13, both the agent's
    expect(report.summary.ai).toMatchObject({ assisted: 2, agent: 2 });
  });
});
