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

/** Each deploy's ref and its changes column, as the JSON lists them. */
async function columns(...flags: string[]): Promise<Array<[string, number]>> {
  const { stdout, code } = await runCli([repo.dir, '--format', 'json', ...WINDOW, ...flags]);
  expect(code).toBe(0);
  return (JSON.parse(stdout) as Report).deploys.map((d) => [d.ref, d.changes]);
}

describe('a deploy\'s changes (the truth is in the history\'s comment)', () => {
  it('counts the changes each deploy shipped first as the summary counts them: no bot\'s, sync or release commit', async () => {
    expect(await columns()).toEqual([['v1.1.0', 2], ['v1.1.1', 2], ['v1.2.0', 2], ['v1.2.1', 0], ['v1.4.0.77', 2], ['v1.3.0', 0]]);
  });

  it('counts the bots\' changes with --include-bots, as the summary does, and still no release commit', async () => {
    expect(await columns('--include-bots')).toEqual([['v1.1.0', 2], ['v1.1.1', 3], ['v1.2.0', 2], ['v1.2.1', 0], ['v1.4.0.77', 2], ['v1.3.0', 0]]);
  });

  it('shows those numbers in every format, and says what the column counts', async () => {
    const text = (await runCli([repo.dir, ...WINDOW])).stdout;
    expect(text).toMatch(/│ v1\.1\.1 +│ 2026-03-05 10:00 │ +2 │/);
    expect(text).toMatch(/│ v1\.2\.1 +│ 2026-03-08 10:00 │ +0 │/);
    // (wrapped to the terminal's width)
    expect(text.replace(/\s+/g, ' ')).toContain('changes: those each deploy shipped first, merged in the window or before it, counted as the other figures count them');
    const markdown = (await runCli([repo.dir, '--format', 'markdown', ...WINDOW])).stdout;
    expect(markdown).toContain('| v1.1.1 | 2026-03-05 10:00 | 2 | ok |');
    expect(markdown).toContain('Changes: those each deploy shipped first, merged in the window or before it, counted as the other figures count them');
    const html = (await runCli([repo.dir, '--format', 'html', ...WINDOW])).stdout;
    expect(html).toContain('<td class="ext">v1.1.1</td><td class="date">2026-03-05 10:00</td><td class="num">2</td>');
    expect(html).toContain('<title>v1.2.1 · 2026-03-08 10:00 UTC · 0 changes shipped</title>');
    expect(html).toContain('Changes: those each deploy shipped first, merged in the window or before it, counted as the other figures count them');
  });
});
