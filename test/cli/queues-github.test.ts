import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../../fixtures/github-server/server.mjs';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario } from '../scenarios.js';

const TOKEN = 'ghp_queueTestToken0123456789abcdefABCD';
const user = (login: string): { __typename: string; login: string } => ({ __typename: 'User', login });

let repo: FixtureRepo;
let srv: GitHubServer;
let cache: string;
let report: Report;

/**
 * The main git scenario seen from GitHub (as in report-github.test.ts), over two weeks W1 [03-02, 03-09) and
 * W2 [03-09, 03-16), now 03-16:
 *   #1 ready 02 15:00, reviewed and approved 03 08:00, merged 03 10:00
 *   #3 ready 06 13:00, changes requested 06 16:00, approved 07 10:00, merged 07 12:00
 * and four pull requests still open at now:
 *   #20 opened 10 09:00, nobody has looked                            → in pickup
 *   #21 opened 11 09:00, bob commented 12 09:00                        → in review
 *   #22 opened 12 09:00, bob approved 13 09:00                         → in merge wait
 *   #23 a draft, bob commented 12 10:00                                → in no queue (its review is work done)
 * The direct pushes (typo, revert) have no pull request: git's "review & merge wait" of 30m and 0.
 */
function scenario(r: FixtureRepo): unknown {
  const base = { baseRefName: 'main', author: user('ada'), additions: 1, deletions: 0, changedFiles: 1, labels: [], commits: [], comments: [], reviews: [], timelineItems: [] };
  const merged = (n: number, sha: string, o: Record<string, unknown>) => ({ ...base, number: n, title: `PR ${n}`, headRefName: `f${n}`, state: 'MERGED', mergeCommit: { oid: sha }, ...o });
  const open = (n: number, createdAt: string, o: Record<string, unknown> = {}) => ({
    ...base, number: n, title: `open ${n}`, headRefName: `o${n}`, state: 'OPEN', isDraft: false, createdAt, updatedAt: createdAt, mergedAt: null, mergeCommit: null, ...o,
  });
  return {
    repositories: {
      'acme/app': {
        defaultBranchRef: { name: 'main' },
        pullRequests: [
          merged(1, r.sha('pr1'), {
            createdAt: '2026-03-02T15:00:00Z', updatedAt: '2026-03-03T10:00:00Z', mergedAt: '2026-03-03T10:00:00Z', isDraft: false,
            reviews: [{ state: 'APPROVED', submittedAt: '2026-03-03T08:00:00Z', author: user('bob') }],
          }),
          merged(3, r.sha('pr3'), {
            createdAt: '2026-03-05T09:00:00Z', updatedAt: '2026-03-07T12:00:00Z', mergedAt: '2026-03-07T12:00:00Z', isDraft: false,
            timelineItems: [{ __typename: 'ReadyForReviewEvent', createdAt: '2026-03-06T13:00:00Z' }],
            reviews: [
              { state: 'CHANGES_REQUESTED', submittedAt: '2026-03-06T16:00:00Z', author: user('bob') },
              { state: 'APPROVED', submittedAt: '2026-03-07T10:00:00Z', author: user('bob') },
            ],
          }),
          open(20, '2026-03-10T09:00:00Z'),
          open(21, '2026-03-11T09:00:00Z', { reviews: [{ state: 'COMMENTED', submittedAt: '2026-03-12T09:00:00Z', author: user('bob') }] }),
          open(22, '2026-03-12T09:00:00Z', { reviews: [{ state: 'APPROVED', submittedAt: '2026-03-13T09:00:00Z', author: user('bob') }] }),
          open(23, '2026-03-12T09:00:00Z', { isDraft: true, reviews: [{ state: 'COMMENTED', submittedAt: '2026-03-12T10:00:00Z', author: user('bob') }] }),
        ],
        deployments: [],
        releases: [],
        issues: [],
      },
    },
  };
}

beforeAll(async () => {
  repo = mainScenario();
  srv = await startGitHubServer({ scenario: scenario(repo) as never, token: TOKEN });
  cache = mkdtempSync(join(tmpdir(), 'flowaudit-cache-'));
  const result = await runCli(
    [repo.dir, '--repo', 'acme/app', '--api-url', srv.url, '--format', 'json', '--since', '2026-03-02', '--until', '2026-03-16', '--now', '2026-03-16T00:00:00Z'],
    { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache },
  );
  expect(result.stderr).toBe('');
  report = JSON.parse(result.stdout) as Report;
});
afterAll(async () => {
  await srv.close();
  repo.cleanup();
  rmSync(cache, { recursive: true, force: true });
});

const weeks = (...rows: Array<[number, number, number, number | null]>) =>
  rows.map(([arrivals, departures, queue, aiShare], i) => ({ weekStart: ['2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z'][i], arrivals, departures, queue, aiShare }));

describe('queues in GitHub mode', () => {
  it('asks GitHub only what its schema allows', () => {
    expect(srv.requests.length).toBeGreaterThan(0);
    expect(srv.requests.every((r) => !r.invalid)).toBe(true);
  });

  it('sees every stage', () => {
    expect(Object.keys(report.summary.queues)).toEqual(['coding', 'pickup', 'review', 'merge', 'deploy']);
  });

  it('places open pull requests in pickup, review or merge wait by where their review stands', () => {
    // W1: #1 and #3 wait for and get their first review; W2: #20, #21, #22 arrive, #21 and #22 get reviewed.
    // #1 carries an AI marker; an open pull request's is unknown, so W2 has no AI share
    expect(report.summary.queues.pickup).toEqual(weeks([2, 2, 0, 1 / 2], [3, 2, 1, null]));
    // W1: #1 (approved at its first review) and #3 (a direct push has no review stage); W2: #21, #22 (approved at once)
    expect(report.summary.queues.review).toEqual(weeks([2, 2, 0, 1 / 2], [2, 1, 1, null]));
    expect(report.summary.queues.merge).toEqual(weeks([2, 2, 0, 1 / 2], [1, 0, 1, null]));
    expect(report.openPulls.find((p) => p.number === 21)?.events).toEqual({
      readyAt: '2026-03-11T09:00:00Z', firstReviewAt: '2026-03-12T09:00:00Z', approvedAt: null, reviewedAt: ['2026-03-12T09:00:00Z'],
    });
  });

  it('counts reviews done against pull requests becoming ready', () => {
    // W1: bob's reviews of #1 (1) and #3 (2); ready #1, #3. W2: reviews on #21, #22 and the draft #23; ready #20–#22
    expect(report.summary.reviewCapacity).toEqual([
      { weekStart: '2026-03-02T00:00:00Z', reviews: 3, readyPulls: 2 },
      { weekStart: '2026-03-09T00:00:00Z', reviews: 3, readyPulls: 3 },
    ]);
    // the window's: 6 reviews and 5 ready over its two weeks
    expect(report.summary.capacity).toEqual({ reviewsPerWeek: 3, readyPullsPerWeek: 2.5 });
  });

  it('writes under the weekly lines the window\'s rates a week, not the first week\'s count against the last\'s', async () => {
    const { stdout, code } = await runCli(
      [repo.dir, '--repo', 'acme/app', '--api-url', srv.url, '--since', '2026-03-02', '--until', '2026-03-16', '--now', '2026-03-16T00:00:00Z'],
      { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache },
    );
    expect(code).toBe(0);
    // reviews 3 and 3, ready 2 and 3 ("2 → 3 a week" before)
    expect(stdout).toMatch(/^ {2}reviews +\S+ 3\.00 a week$/m);
    expect(stdout).toMatch(/^ {2}PRs ready +\S+ 2\.50 a week$/m);
    // the pickup queue's AI share: #1 of the two known arrivals (W2's are open pull requests, unknown)
    expect(stdout).toMatch(/^ {2}pickup .*\n {4}AI share +▅ +50% of arrivals$/m);
    expect(stdout.replace(/\n +/g, ' ')).toContain("; under it, the AI-assisted share of each week's arrivals, then of the window's; reviews done and pull requests ready for review each week, then a week on average:");
  });

  it('says the same rates and shares in Markdown and HTML', async () => {
    const run = (format: string) => runCli(
      [repo.dir, '--repo', 'acme/app', '--api-url', srv.url, '--format', format, '--since', '2026-03-02', '--until', '2026-03-16', '--now', '2026-03-16T00:00:00Z'],
      { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache },
    );
    const rates = 'Over the window, 3.00 reviews a week against 2.50 pull requests ready for review a week.';
    const markdown = (await run('markdown')).stdout;
    expect(markdown).toContain(rates);
    // pickup: #1 of the two known arrivals; W2's open pull requests are unknown
    expect(markdown).toMatch(/^- \*\*pickup \(waiting for review\)\*\*: .* 50% of its arrivals AI-assisted\.$/m);
    const html = (await run('html')).stdout;
    expect(html).toContain(rates);
    expect(html).toContain('50% of its arrivals AI-assisted.');
  });
});

describe('queues of an aggregate, from the JSON reports of two weeks', () => {
  const write = (name: string, text: string): string => {
    const path = join(cache, name);
    writeFileSync(path, text);
    return path;
  };
  const week = async (since: string, until: string): Promise<string> => {
    const result = await runCli(
      [repo.dir, '--repo', 'acme/app', '--api-url', srv.url, '--format', 'json', '--since', since, '--until', until, '--now', '2026-03-16T00:00:00Z'],
      { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache },
    );
    expect(result.stderr).toBe('');
    return write(`week-${since}.json`, result.stdout);
  };
  /** The summary with its lists' repository labels left out: an aggregate names whose change or pull request each is. */
  const unlabelled = ({ summary: s }: Report): Report['summary'] => ({
    ...s,
    slowest: s.slowest.map(({ repository: _, ...rest }) => rest),
    unreleased: { ...s.unreleased, oldestChanges: s.unreleased.oldestChanges.map(({ repository: _, ...rest }) => rest) },
    wip: s.wip && { ...s.wip, oldest: s.wip.oldest.map(({ repository: _, ...rest }) => rest) },
  });

  it('reproduce the fortnight: queues, review capacity, WIP and the unreleased, each change and open pull request once', async () => {
    const [w1, w2] = [await week('2026-03-02', '2026-03-09'), await week('2026-03-09', '2026-03-16')];
    // W1's report carries the changes merged in W2 that were in W1's queues, W2's those of W1 still in its own
    const queueOnly = [w1, w2].map((p) => (JSON.parse(readFileSync(p, 'utf8')) as Report).queueOnlyChanges.length);
    expect(queueOnly.every((n) => n > 0)).toBe(true);
    const result = await runCli(['aggregate', w1, w2, '--format', 'json']);
    expect(result.code).toBe(0);
    const combined = JSON.parse(result.stdout) as Report;
    // an aggregate of reports has no history to read a previous period from
    expect(unlabelled(combined)).toEqual({ ...report.summary, previous: undefined, aiShift: undefined });
    expect(combined.summary.wip?.open).toBe(3);
    // listed, each change once: the window's among the changes, the rest its queues counted among the queue-only
    const listed = JSON.parse((await runCli(['aggregate', w1, w2, '--format', 'json', '--with-changes'])).stdout) as Report;
    const shas = (list: Report['changes']): string[] => list.map((c) => c.sha).sort();
    expect(shas(listed.changes)).toEqual(shas(report.changes));
    expect(shas(listed.queueOnlyChanges)).toEqual(shas(report.queueOnlyChanges));
    expect(listed.openPulls.map((p) => p.number).sort()).toEqual([20, 21, 22, 23]);
    expect(listed.summary).toEqual(combined.summary);
  });

  it('reproduce one report\'s own summary', async () => {
    const result = await runCli(['aggregate', write('fortnight.json', JSON.stringify(report)), '--format', 'json']);
    expect(unlabelled(JSON.parse(result.stdout) as Report)).toEqual({ ...report.summary, previous: undefined, aiShift: undefined });
  });
});
