import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { releaseCommits } from '../histories/release-commits.js';

const WINDOW = ['--since', '2026-03-01T12:00:00Z', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z', '--no-github'];

let repo: FixtureRepo;
beforeAll(() => {
  repo = releaseCommits();
});
afterAll(() => repo.cleanup());

async function json(...flags: string[]): Promise<Report> {
  const { stdout, code } = await runCli([repo.dir, '--format', 'json', ...WINDOW, ...flags]);
  expect(code).toBe(0);
  return JSON.parse(stdout) as Report;
}

describe('release commits (the truth is in the history\'s comment)', () => {
  it('leaves out a direct push that sets the version its tag names, and counts what only looks like one', async () => {
    const r = await json();
    const released = r.changes.filter((c) => c.flags.includes('release-commit')).map((c) => [c.title, c.bot, c.counted]);
    expect(released).toEqual([
      ['v1.1.0', false, false],
      ['v1.2.1', true, false],
      ['release: v1.3.0-beta.0', false, false],
      // the copy on main of the commit tagged v1.3.0 on its own branch
      ['chore(release): 1.3.0', false, false],
    ]);
    expect(r.changes.find((c) => c.author === 'renovate[bot]')).toMatchObject({ bot: true, counted: false, flags: [] });
    expect(r.changes.filter((c) => c.counted).map((c) => c.title)).toEqual([
      'Add feature one',
      'chore: bump deps',
      'bump react to 19.0.0',
      'v2 API',
      'chore(release): 1.2.0',
      'Bump version to 1.4.0',
      'fix: parser',
    ]);
    // the bot's release commit is a release commit, not one of the bots' changes left out
    expect(r.summary.changes).toBe(7);
    expect(r.summary.excluded).toEqual({ bots: 1, syncs: 0, releases: 4, syncedPulls: 0, carryingSyncs: 0 });
    // over the counted changes alone: the two squashes' commits are not in the clone (no pull refs), so 5 of 7
    expect(r.summary.leadTime.count).toBe(5);
    expect(r.summary.stages.deploy.count).toBe(7);
  });

  it('does not put a bot\'s release commit back with --include-bots', async () => {
    const r = await json('--include-bots');
    expect(r.summary.changes).toBe(8);
    expect(r.summary.excluded).toEqual({ bots: 0, syncs: 0, releases: 4, syncedPulls: 0, carryingSyncs: 0 });
  });

  it('says how many it left out in every format', async () => {
    const text = (await runCli([repo.dir, ...WINDOW])).stdout;
    expect(text).toContain('7 changes counted (left out: 1 by bots, 4 release commits)');
    const markdown = (await runCli([repo.dir, '--format', 'markdown', ...WINDOW])).stdout;
    expect(markdown).toContain('**7** changes counted (left out: 1 by bots, 4 release commits)');
    expect(markdown).toContain('7 changes counted (left out: 1 by bots, 4 release commits); shares over');
    const html = (await runCli([repo.dir, '--format', 'html', ...WINDOW])).stdout;
    expect(html).toContain('left out: 1 by bots, 4 release commits');
  });
});
