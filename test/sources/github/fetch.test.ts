import { afterEach, describe, expect, it } from 'vitest';
import { generateScenario } from '../../../fixtures/github-server/generate.mjs';
import type { GitHubServer } from '../../../fixtures/github-server/server.mjs';
import { pullEvents } from '../../../src/model/pull-events.js';
import { fetchGitHub } from '../../../src/sources/github/index.js';
import { at, invalidRequests, iso, loadScenario, operations, optionsFor, serve, tempDir } from './helpers.js';

let srv: GitHubServer | undefined;
let cache: ReturnType<typeof tempDir> | undefined;

afterEach(async () => {
  if (srv) expect(invalidRequests(srv)).toEqual([]);
  await srv?.close();
  cache?.remove();
  srv = undefined;
  cache = undefined;
});

describe('fetchGitHub on the review-flow scenario', () => {
  it('maps every merged PR into the base branch in the window, with the known review events', async () => {
    const scenario = loadScenario('review-flow');
    srv = await serve(scenario);
    cache = tempDir();
    const data = await fetchGitHub(optionsFor(srv, cache.dir));

    expect(data.partial).toBe(false);
    expect(data.warnings).toEqual([]);
    expect(data.requests).toBe(1);
    expect(operations(srv)).toEqual(['FlowSnapshot']);
    expect(data.cost).toBeGreaterThan(0);
    // newest update first; #20 merged before the window and #21 into release-1.x are left out
    expect(data.pulls.map((p) => p.number)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);

    const expected = scenario.expected.pulls as Record<string, { readyAt: string; firstReviewAt: string | null; approvedAt: string | null; flags: string[]; wasDraft: boolean; approvedAtWithTwo?: string }>;
    for (const pull of data.pulls) {
      const truth = expected[String(pull.number)];
      const events = pullEvents(pull);
      expect({ n: pull.number, readyAt: iso(events.readyAt), firstReviewAt: iso(events.firstReviewAt), approvedAt: iso(events.approvedAt), flags: events.flags, wasDraft: pull.wasDraft })
        .toEqual({ n: pull.number, readyAt: truth?.readyAt, firstReviewAt: truth?.firstReviewAt, approvedAt: truth?.approvedAt, flags: truth?.flags, wasDraft: truth?.wasDraft });
    }
    const five = data.pulls.find((p) => p.number === 5);
    expect(five && iso(pullEvents(five, { requiredApprovals: 2 }).approvedAt)).toBe(expected['5']?.approvedAtWithTwo);
  });

  it('keeps what the model needs: commits, bots, labels, checks with re-runs, merge queue', async () => {
    srv = await serve(loadScenario('review-flow'));
    cache = tempDir();
    const data = await fetchGitHub(optionsFor(srv, cache.dir));
    const byNumber = new Map(data.pulls.map((p) => [p.number, p]));

    const two = byNumber.get(2);
    expect(two).toMatchObject({ author: 'ada', authorIsBot: false, mergeCommitSha: '2'.repeat(40), labels: ['feature'], additions: 10, deletions: 2, changedFiles: 1, headRefName: 'ada/change-2' });
    expect(two?.commits.map((c) => [c.sha.slice(0, 3), iso(c.authoredAt)])).toEqual([['c2a', '2024-03-02T20:00:00Z'], ['c2b', '2024-03-03T08:00:00Z']]);
    expect(two?.commits[1]?.message).toContain('Co-authored-by: Claude');

    expect(byNumber.get(8)).toMatchObject({ author: 'dependabot', authorIsBot: true, labels: ['dependencies'] });
    expect(byNumber.get(3)?.comments.map((c) => [c.author, c.authorIsBot])).toEqual([['ada', false], ['codecov', true], ['dave', false]]);
    expect(byNumber.get(3)?.reviews[0]).toMatchObject({ author: 'copilot-pull-request-reviewer', authorIsBot: true, state: 'COMMENTED' });

    const six = byNumber.get(6);
    expect(six?.checks.map((c) => `${c.name}:${c.conclusion}`)).toEqual(['test:FAILURE', 'test:SUCCESS']);
    expect(six?.events.map((e) => e.type)).toEqual(['forcePush', 'mergeQueue']);
    expect(byNumber.get(7)?.mergeCommitSha).toBe(`c7b${'f'.repeat(37)}`);
    expect(byNumber.get(9)).toMatchObject({ title: 'Revert "Add feature six (force-pushed after approval)"', headRefName: 'revert-6-ada/change-6' });
  });

  it('returns deployments of every environment, releases, open PRs and incidents in the lookback', async () => {
    srv = await serve(loadScenario('review-flow'));
    cache = tempDir();
    const data = await fetchGitHub(optionsFor(srv, cache.dir));

    expect(data.deployments.map((d) => [d.environment, iso(d.createdAt), d.statuses.at(-1)?.state])).toEqual([
      ['staging', '2024-03-02T16:00:00Z', 'SUCCESS'],
      ['production', '2024-03-02T17:00:00Z', 'SUCCESS'],
      ['production', '2024-03-05T17:00:00Z', 'FAILURE'],
      ['production', '2024-03-07T14:00:00Z', 'SUCCESS'],
      ['production', '2024-03-07T18:00:00Z', 'SUCCESS'],
    ]);
    expect(data.deployments[1]).toMatchObject({ sha: '1'.repeat(40), ref: 'main' });
    expect(data.deployments[1]?.statuses.map((s) => s.state)).toEqual(['IN_PROGRESS', 'SUCCESS']);
    expect(data.releases.map((r) => [r.tagName, r.isDraft, r.isPrerelease, r.sha?.slice(0, 1) ?? null, iso(r.publishedAt)])).toEqual([
      ['v1.0.0', false, false, '2', '2024-03-03T12:30:00Z'],
      ['v1.1.0-rc.1', false, true, '5', '2024-03-06T15:00:00Z'],
      ['v1.1.0', true, false, null, null],
    ]);
    expect(data.openPulls).toEqual([
      expect.objectContaining({ number: 10, isDraft: true, author: 'erin', createdAt: at('2024-03-08T09:00:00Z'), baseRefName: 'main' }),
    ]);
    expect(data.incidents).toEqual([
      { number: 40, title: 'Checkout down after deploy', url: 'https://github.com/acme/shop/issues/40', createdAt: at('2024-03-05T18:00:00Z'), closedAt: at('2024-03-06T10:00:00Z'), labels: ['incident'] },
    ]);
  });
});

describe('pagination', () => {
  it('pages merged PRs newest update first and stops at the window start', async () => {
    const scenario = generateScenario({ owner: 'acme', name: 'shop', pullRequests: 120, seed: 7 });
    srv = await serve(scenario);
    cache = tempDir();
    const data = await fetchGitHub(optionsFor(srv, cache.dir, { since: at('2023-12-01T00:00:00Z'), pageSize: 50 }));

    expect(data.pulls).toHaveLength(120);
    expect(operations(srv)).toEqual(['FlowSnapshot', 'MergedPullRequests', 'MergedPullRequests']);
    expect(srv.requests.map((r) => r.variables?.first)).toEqual([50, 50, 50]);
    const updated = data.pulls.map((p) => p.updatedAt);
    expect(updated).toEqual([...updated].sort((a, b) => b - a));

    // a later window start: paging stops at the first PR updated before it
    const start = srv.requests.length;
    const since = data.pulls[69]?.updatedAt ?? 0;
    const narrow = await fetchGitHub(optionsFor(srv, cache.dir, { since, pageSize: 50, cache: { dir: cache.dir, noCache: true, refresh: false } }));
    expect(operations(srv, start)).toEqual(['FlowSnapshot', 'MergedPullRequests']);
    expect(narrow.pulls.every((p) => p.mergedAt >= since)).toBe(true);
  });

  it('fetches overflowing commits, reviews, timeline, comments and checks for those PRs only, batched', async () => {
    const scenario = generateScenario({ owner: 'acme', name: 'shop', pullRequests: 30, seed: 3 });
    const pulls = scenario.repositories['acme/shop'].pullRequests as any[];
    const big = (n: number) => pulls.find((p) => p.number === n);
    const t = (minutes: number) => new Date(Date.parse('2024-01-01T00:00:00Z') + minutes * 60_000).toISOString().replace('.000Z', 'Z');
    const many = big(5);
    many.commits = Array.from({ length: 230 }, (_, i) => ({ commit: { oid: i.toString(16).padStart(40, 'a'), authoredDate: t(i), committedDate: t(i), message: `commit ${i}` } }));
    many.reviews = Array.from({ length: 45 }, (_, i) => ({ state: 'COMMENTED', submittedAt: t(300 + i), author: { __typename: 'User', login: `r${i}` } }));
    many.timelineItems = Array.from({ length: 33 }, (_, i) => ({ __typename: 'ReviewRequestedEvent', createdAt: t(400 + i) }));
    const chatty = big(9);
    chatty.comments = [
      ...Array.from({ length: 14 }, (_, i) => ({ createdAt: t(500 + i), author: chatty.author, body: 'note to self' })),
      { createdAt: t(600), author: { __typename: 'User', login: 'zed' }, body: 'looks good' },
    ];
    const checked = big(12);
    const head = checked.commits.at(-1).commit;
    head.checkSuites = Array.from({ length: 7 }, (_, s) => ({ checkRuns: Array.from({ length: 22 }, (_, r) => ({ name: `s${s}r${r}`, status: 'COMPLETED', conclusion: 'SUCCESS', startedAt: t(700), completedAt: t(701) })) }));
    // comments that already include a counting one: no follow-up needed for them
    const settled = big(15);
    settled.comments = Array.from({ length: 12 }, (_, i) => ({ createdAt: t(800 + i), author: { __typename: 'User', login: 'zed' }, body: 'hm' }));

    srv = await serve(scenario);
    cache = tempDir();
    const data = await fetchGitHub(optionsFor(srv, cache.dir, { since: at('2023-12-01T00:00:00Z') }));
    const byNumber = new Map(data.pulls.map((p) => [p.number, p]));

    expect(byNumber.get(5)?.commits).toHaveLength(230);
    expect(byNumber.get(5)?.reviews).toHaveLength(45);
    expect(byNumber.get(5)?.events).toHaveLength(33);
    expect(byNumber.get(9)?.comments.map((c) => c.author).at(-1)).toBe('zed');
    expect(byNumber.get(12)?.checks).toHaveLength(7 * 22);
    expect(byNumber.get(15)?.comments).toHaveLength(10);
    // one follow-up for the three PRs, one more for #5's third page of commits
    expect(operations(srv)).toEqual(['FlowSnapshot', 'PullRequestOverflow', 'PullRequestOverflow']);
    const followUp = srv.requests[1]?.variables ?? {};
    expect(Object.keys(followUp).filter((k) => /^n\d+$/.test(k)).map((k) => Number(followUp[k])).sort((a, b) => a - b)).toEqual([5, 9, 12]);
    expect(data.warnings).toEqual([]);
  });
});
