import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * Histories shorter than a week, as a fresh project has: no rate per week, only how many deploys in how many
 * days (SPEC section 4). A two-day history with 4 release tags once read "14 deploys per week · 7 deploy-days".
 */
let twoDays: FixtureRepo;
let oneCommit: FixtureRepo;
beforeAll(() => {
  twoDays = buildRepo([
    { commit: 'start', at: '2026-05-01T00:00:00Z' },
    { tag: 'v0.1.0', at: '2026-05-01T01:00:00Z' },
    { commit: 'two', at: '2026-05-01T06:00:00Z' },
    { tag: 'v0.2.0', at: '2026-05-01T07:00:00Z' },
    { commit: 'three', at: '2026-05-02T06:00:00Z' },
    { tag: 'v0.3.0', at: '2026-05-02T07:00:00Z' },
    { commit: 'four', at: '2026-05-02T20:00:00Z' },
    { tag: 'v0.4.0', at: '2026-05-02T21:00:00Z' },
  ]);
  oneCommit = buildRepo([{ commit: 'only', at: '2026-05-01T00:00:00Z' }, { tag: 'v1.0.0', at: '2026-05-01T00:00:00Z' }]);
});
afterAll(() => {
  twoDays.cleanup();
  oneCommit.cleanup();
});

const NOW = ['--now', '2026-05-03T00:00:00Z', '--no-github'];

describe('a history shorter than a week', () => {
  it('says how many deploys in how many days, and gives no rate or band, in every format', async () => {
    const json = await runCli(['report', twoDays.dir, '--format', 'json', ...NOW]);
    expect(json.code).toBe(0);
    const f = (JSON.parse(json.stdout) as Report).summary.dora.deploymentFrequency;
    // history from 2026-05-01 00:00 to now, 2026-05-03 00:00: two days, deploys on both
    expect(f).toMatchObject({ value: null, deployDaysPerWeek: null, band: null, count: 4, deployDays: 2, coveredDays: 2 });
    const text = await runCli(['report', twoDays.dir, '--width', '80', '--no-color', ...NOW]);
    expect(text.stdout).toContain('4 deploys in 2 days');
    expect(text.stdout).not.toMatch(/per week/);
    const markdown = await runCli(['report', twoDays.dir, '--format', 'markdown', ...NOW]);
    expect(markdown.stdout).toContain('| Deployment frequency | 4 deploys in 2 days |');
    const html = await runCli(['report', twoDays.dir, '--format', 'html', ...NOW]);
    expect(html.stdout).toContain('<td>4 deploys in 2 days</td>');
    // and the repository is named by its folder, not by where the test made it
    expect(text.stdout.split('\n')[0]).toMatch(/^flowaudit · flowaudit-fixture-\w+$/);
  });

  it('draws no trend when no week is whole, and says so in one line', async () => {
    // history from Friday 2026-05-01 to now, Monday 2026-05-04 12:00: two weeks, both cut
    const text = await runCli(['report', twoDays.dir, '--width', '80', '--no-color', '--now', '2026-05-04T12:00:00Z', '--no-github']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Trends by week: no complete week yet.');
    // no sparkline rows of marks only
    expect(text.stdout).not.toMatch(/^(lead time|deploy wait|change failure rate)[^\n]*··/m);
  });

  it('gives the queues no rate either: their counts in the days, and no verdict from Little\'s law', async () => {
    const json = await runCli(['report', twoDays.dir, '--format', 'json', ...NOW]);
    const deploy = (JSON.parse(json.stdout) as Report).summary.queueTrend.deploy;
    // four changes, each tagged as it landed: four in, four out, over two days of history (not 90 days of window)
    expect(deploy).toMatchObject({ arrivals: 4, departures: 4, queueStart: 0, queueEnd: 0, arrivalsPerWeek: null, departuresPerWeek: null, growthPerWeek: null, littleQueue: null });
    const text = await runCli(['report', twoDays.dir, '--width', '80', '--no-color', ...NOW]);
    const joined = text.stdout.replace(/\n +/g, ' ');
    expect(joined).toContain('No rate a week from 2 days of history (under one whole week); in those days: first → last 4 in, 4 out, queue 0 → 0; review & merge 0 in, 0 out, queue 0 → 0; deploy wait 4 in, 4 out, queue 0 → 0.');
    expect(joined).toMatch(/Little's law .*; (first → last|deploy wait): no rate from 2 days of history \(under one whole week\)\./);
    expect(joined).not.toContain('the flow was steady');
  });

  it('gives a one-commit repository no rate either', async () => {
    const result = await runCli(['report', oneCommit.dir, '--format', 'json', '--now', '2026-05-01T02:00:00Z', '--no-github']);
    expect(result.code).toBe(0);
    const f = (JSON.parse(result.stdout) as Report).summary.dora.deploymentFrequency;
    expect(f).toMatchObject({ value: null, deployDaysPerWeek: null, count: 1, coveredDays: 0.08 });
    const text = await runCli(['report', oneCommit.dir, '--width', '80', '--no-color', '--now', '2026-05-01T02:00:00Z', '--no-github']);
    expect(text.stdout).toContain('1 deploy in 2h');
  });
});
