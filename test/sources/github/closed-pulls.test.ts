import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { GitHubServer, Scenario } from '../../../fixtures/github-server/server.mjs';
import { cacheFileFor } from '../../../src/sources/github/cache.js';
import { KEPT_TEXT } from '../../../src/sources/github/closed-pulls.js';
import { fetchGitHub } from '../../../src/sources/github/index.js';
import type { FetchGitHubOptions } from '../../../src/sources/github/index.js';
import { at, invalidRequests, iso, operations, optionsFor, serve, tempDir } from './helpers.js';

let srv: GitHubServer | undefined;
let cache: ReturnType<typeof tempDir> | undefined;

afterEach(async () => {
  if (srv) expect(invalidRequests(srv)).toEqual([]);
  await srv?.close();
  cache?.remove();
  srv = undefined;
  cache = undefined;
});

const user = (login: string): { __typename: string; login: string } => ({ __typename: 'User', login });
const app = (login: string): { __typename: string; login: string } => ({ __typename: 'Bot', login });
type Pull = Record<string, unknown> & { number: number };

/** A pull request into main, opened at `opened` and closed (unmerged) at `closed`: the rest by `o`. */
function closedPull(number: number, opened: string, closed: string, o: Record<string, unknown> = {}): Pull {
  return {
    number, title: `Attempt ${number}`, body: '', baseRefName: 'main', headRefName: `ada/try-${number}`, author: user('ada'), isDraft: false,
    createdAt: opened, updatedAt: closed, closedAt: closed, labels: [], commits: [], reviews: [], comments: [],
    timelineItems: [{ __typename: 'ClosedEvent', createdAt: closed, actor: user('bob') }], ...o,
  };
}

function merged(number: number, at: string): Pull {
  return {
    number, title: `Change ${number}`, baseRefName: 'main', headRefName: `ada/c-${number}`, author: user('ada'), isDraft: false,
    createdAt: at, updatedAt: at, mergedAt: at, closedAt: at, mergeCommit: { oid: String(number).padStart(40, '0') }, labels: [], commits: [], reviews: [], comments: [], timelineItems: [],
  };
}

function scenarioOf(pulls: Pull[]): Scenario {
  return { repositories: { 'acme/shop': { defaultBranchRef: { name: 'main' }, pullRequests: pulls, deployments: [], releases: [], issues: [] } } } as unknown as Scenario;
}

async function setup(pulls: Pull[], over: Partial<FetchGitHubOptions> = {}): Promise<{ srv: GitHubServer; options: FetchGitHubOptions; pulls: Pull[]; file: string }> {
  srv = await serve(scenarioOf(pulls));
  cache = tempDir();
  const options = optionsFor(srv, cache.dir, over);
  const file = cacheFileFor(cache.dir, { host: new URL(srv.url).host, owner: 'acme', name: 'shop', baseBranch: 'main' });
  return { srv, options, pulls, file };
}

// the window is March 2024 (helpers' optionsFor)
const LONG_BODY = `Session: https://example.test/agent/run-1\n${'x'.repeat(9000)}\n🤖 Generated with [Claude Code](https://claude.ai/code)`;

describe('the pull requests closed without merging', () => {
  it('reads those into the tracked branch closed in the window, with what says who made them and the effort they took', async () => {
    const pulls = [
      merged(1, '2024-03-02T10:00:00Z'),
      closedPull(2, '2024-03-03T09:00:00Z', '2024-03-05T12:00:00Z', {
        author: app('copilot-swe-agent'), headRefName: 'copilot/fix-login', isDraft: true, title: '[WIP] Fix login', labels: [{ name: 'ai' }],
        body: LONG_BODY,
        commits: [{ commit: { oid: 'a'.repeat(40), message: 'Initial plan', authoredDate: '2024-03-03T09:00:00Z', committedDate: '2024-03-03T09:00:00Z' } }],
        reviews: [
          { state: 'COMMENTED', submittedAt: '2024-03-04T10:00:00Z', author: user('bob') },
          { state: 'PENDING', submittedAt: null, author: user('carol') },
        ],
        comments: [{ createdAt: '2024-03-04T11:00:00Z', author: user('dave'), body: 'no' }],
        timelineItems: [
          { __typename: 'ReadyForReviewEvent', createdAt: '2024-03-03T10:00:00Z' },
          { __typename: 'ClosedEvent', createdAt: '2024-03-04T08:00:00Z', actor: user('bob') },
          { __typename: 'ReopenedEvent', createdAt: '2024-03-04T09:00:00Z', actor: user('bob') },
          { __typename: 'ClosedEvent', createdAt: '2024-03-05T12:00:00Z', actor: app('copilot-swe-agent') },
        ],
      }),
      // closed before the window, into another branch, still open: none of them is read
      closedPull(3, '2024-02-01T09:00:00Z', '2024-02-20T09:00:00Z'),
      closedPull(4, '2024-03-03T09:00:00Z', '2024-03-06T09:00:00Z', { baseRefName: 'release-1.x' }),
      { ...closedPull(5, '2024-03-03T09:00:00Z', '2024-03-06T09:00:00Z'), closedAt: null, timelineItems: [] },
      // a deleted account closed it
      closedPull(6, '2024-03-10T09:00:00Z', '2024-03-11T09:00:00Z', { timelineItems: [{ __typename: 'ClosedEvent', createdAt: '2024-03-11T09:00:00Z', actor: null }] }),
    ];
    const { srv: server, options } = await setup(pulls);
    const data = await fetchGitHub(options);
    expect(operations(server)).toEqual(['FlowSnapshot']);
    expect(data.closedComplete).toBe(true);
    expect(data.pulls.map((p) => p.number)).toEqual([1]);
    expect(data.closedPulls.map((p) => p.number)).toEqual([2, 6]);
    const two = data.closedPulls[0];
    expect(two).toMatchObject({
      author: 'copilot-swe-agent', authorIsBot: true, isDraft: true, headRefName: 'copilot/fix-login', labels: ['ai'], title: '[WIP] Fix login',
      commitMessages: ['Initial plan'], truncated: false, closedBy: { login: 'copilot-swe-agent', isBot: true },
    });
    expect([iso(two?.createdAt ?? null), iso(two?.closedAt ?? null)]).toEqual(['2024-03-03T09:00:00Z', '2024-03-05T12:00:00Z']);
    expect(two?.reviews.map((r) => [r.author, r.state])).toEqual([['bob', 'COMMENTED'], ['carol', 'PENDING']]);
    expect(two?.comments.map((c) => [c.author, iso(c.createdAt)])).toEqual([['dave', '2024-03-04T11:00:00Z']]);
    // a long description keeps its start and its end, where an agent's session link and footer are
    expect(two?.body.length).toBeLessThanOrEqual(KEPT_TEXT.head + KEPT_TEXT.tail + 3);
    expect(two?.body.startsWith('Session: https://example.test/agent/run-1\n')).toBe(true);
    expect(two?.body.endsWith('🤖 Generated with [Claude Code](https://claude.ai/code)')).toBe(true);
    expect(data.closedPulls[1]?.closedBy).toEqual({ login: 'ghost', isBot: false });
    expect(data.warnings).toEqual([]);
  });

  it('says when a closed pull request had more reviews or comments than the page read', async () => {
    const reviews = Array.from({ length: 21 }, (_, i) => ({ state: 'COMMENTED', submittedAt: `2024-03-04T${String(i).padStart(2, '0')}:00:00Z`, author: user('bob') }));
    const { options } = await setup([closedPull(7, '2024-03-03T09:00:00Z', '2024-03-05T12:00:00Z', { reviews })]);
    const data = await fetchGitHub(options);
    expect(data.closedPulls[0]?.reviews).toHaveLength(20);
    expect(data.closedPulls[0]?.truncated).toBe(true);
    expect(data.warnings).toEqual(['1 pull request closed without merging had more reviews or comments than the first 20 read: their review effort is counted from those (a lower bound)']);
  });

  it('pages a long list newest update first, and stops where the window starts', async () => {
    // 230 closed in the window, 50 minutes apart from March's start on; 40 in February
    const pulls = [
      ...Array.from({ length: 230 }, (_, i) => closedPull(100 + i, '2024-03-01T00:00:00Z', new Date(Date.parse('2024-03-01T00:00:00Z') + (i + 1) * 3000_000).toISOString())),
      ...Array.from({ length: 40 }, (_, i) => closedPull(400 + i, '2024-02-01T00:00:00Z', new Date(Date.parse('2024-02-01T00:00:00Z') + (i + 1) * 3600_000).toISOString())),
    ];
    const { srv: server, options } = await setup(pulls);
    const data = await fetchGitHub(options);
    expect(data.closedPulls).toHaveLength(230);
    // the first hundred come with the first request; two more pages reach past the window's start
    expect(operations(server)).toEqual(['FlowSnapshot', 'ClosedPullRequests', 'ClosedPullRequests']);
  });

  it('a closed list asked for from a later start than the merged list reads only back to it', async () => {
    const { options } = await setup([
      closedPull(8, '2024-02-01T09:00:00Z', '2024-02-10T09:00:00Z'),
      closedPull(9, '2024-03-01T09:00:00Z', '2024-03-10T09:00:00Z'),
    ], { since: at('2024-02-01T00:00:00Z'), closedSince: at('2024-03-01T00:00:00Z') });
    const data = await fetchGitHub(options);
    expect(data.closedPulls.map((p) => p.number)).toEqual([9]);
  });
});

describe('a closed list a server garbled', () => {
  it('reads wrong types as safe values, leaves out one without a close time, and caches what reads back', async () => {
    const pulls = [closedPull(2, '2024-03-03T09:00:00Z', '2024-03-05T12:00:00Z'), closedPull(3, '2024-03-06T09:00:00Z', '2024-03-07T12:00:00Z')];
    srv = await serve(scenarioOf(pulls), [{
      kind: 'rewrite', match: 'FlowSnapshot', times: -1,
      set: {
        'data.repository.closed.nodes.*.author': null, 'data.repository.closed.nodes.*.body': 7, 'data.repository.closed.nodes.*.commits': 'x',
        'data.repository.closed.nodes.*.closedEvent': { nodes: 5 }, 'data.repository.closed.nodes.*.reviews': null, 'data.repository.closed.nodes.*.labels.nodes': [{ name: 7 }],
        'data.repository.closed.nodes.*.isDraft': 'yes', 'data.repository.closed.nodes.0.closedAt': 'not a time',
      },
    }]);
    cache = tempDir();
    const warnings: string[] = [];
    const options = optionsFor(srv, cache.dir, { warn: (m) => warnings.push(m) });
    const data = await fetchGitHub(options);
    expect(data.closedPulls).toEqual([expect.objectContaining({ number: 2, author: 'ghost', body: '', commitMessages: [], labels: [], reviews: [], isDraft: false, closedBy: null })]);
    expect(warnings).toContain('a closed pull request (#3) came back without its number or its open and close times: left out');
    expect(warnings.some((w) => w.startsWith('GitHub sent null where a list belongs (closed pull request reviews ×1)'))).toBe(true);
    // what was cached reads back: the next run is warm and asks one request
    const start = srv.requests.length;
    expect((await fetchGitHub(options)).closedPulls.map((p) => p.number)).toEqual([2]);
    expect(srv.requests.length - start).toBe(1);
  });
});

describe('the closed list in the cache', () => {
  const base = (): Pull[] => [
    merged(1, '2024-03-02T10:00:00Z'),
    closedPull(2, '2024-03-03T09:00:00Z', '2024-03-05T12:00:00Z'),
    closedPull(3, '2024-03-06T09:00:00Z', '2024-03-07T12:00:00Z'),
  ];

  it('a warm re-run asks one request in all, and a newly closed one comes with it', async () => {
    const { srv: server, options, pulls } = await setup(base());
    const cold = await fetchGitHub(options);
    let start = server.requests.length;
    const warm = await fetchGitHub(options);
    expect(operations(server, start)).toEqual(['FlowSnapshot']);
    expect(server.requests[start]?.variables?.first).toBe(25);
    expect(warm.closedPulls).toEqual(cold.closedPulls);

    pulls.push(closedPull(4, '2024-03-08T09:00:00Z', '2024-03-09T12:00:00Z'));
    start = server.requests.length;
    const later = await fetchGitHub(options);
    expect(operations(server, start)).toEqual(['FlowSnapshot']);
    expect(later.closedPulls.map((p) => p.number)).toEqual([2, 3, 4]);
  });

  it('one reopened since is open again, or merged: it is closed no more', async () => {
    const { options, pulls } = await setup(base());
    await fetchGitHub(options);
    const two = pulls.find((p) => p.number === 2) as Pull;
    Object.assign(two, { closedAt: null, updatedAt: '2024-03-10T09:00:00Z' });
    const three = pulls.find((p) => p.number === 3) as Pull;
    Object.assign(three, { mergedAt: '2024-03-11T09:00:00Z', closedAt: '2024-03-11T09:00:00Z', updatedAt: '2024-03-11T09:00:00Z', mergeCommit: { oid: '3'.repeat(40) } });
    const data = await fetchGitHub(options);
    expect(data.closedPulls).toEqual([]);
    expect(data.pulls.map((p) => p.number)).toEqual([3, 1]);
    expect(data.openPulls.map((p) => p.number)).toEqual([2]);
  });

  it('a cache written before closed pull requests were read keeps its merged ones and reads the closed list whole', async () => {
    const { srv: server, options, file } = await setup([merged(10, '2024-03-01T10:00:00Z'), ...base()]);
    await fetchGitHub(options);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete written.closed;
    writeFileSync(file, JSON.stringify(written));
    const start = server.requests.length;
    const data = await fetchGitHub(options);
    expect(operations(server, start)).toEqual(['FlowSnapshot']);
    // the merged list is warm, but the closed one is read from the window's start: a full first page
    expect(server.requests[start]?.variables?.first).toBe(100);
    // #10 from the cache; #1, the newest update, is read again (a same-second update must not be missed)
    expect(data.cachedPulls).toBe(1);
    expect(data.closedPulls.map((p) => p.number)).toEqual([2, 3]);
    expect(data.warnings).toEqual([]);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { closed?: { items: unknown[] } }).closed?.items).toHaveLength(2);
  });

  it('--refresh reads the closed list again; --no-cache neither reads nor writes it', async () => {
    const { srv: server, options, pulls, file } = await setup(base());
    await fetchGitHub(options);
    // a change GitHub made without moving updatedAt is seen only by a refresh
    Object.assign(pulls.find((p) => p.number === 2) as Pull, { title: 'Renamed quietly' });
    expect((await fetchGitHub(options)).closedPulls[0]?.title).toBe('Attempt 2');
    const start = server.requests.length;
    expect((await fetchGitHub({ ...options, cache: { ...options.cache, refresh: true } })).closedPulls[0]?.title).toBe('Renamed quietly');
    expect(server.requests[start]?.variables?.first).toBe(100);
    const saved = readFileSync(file, 'utf8');
    Object.assign(pulls.find((p) => p.number === 2) as Pull, { title: 'Renamed again' });
    expect((await fetchGitHub({ ...options, cache: { ...options.cache, noCache: true } })).closedPulls[0]?.title).toBe('Renamed again');
    expect(readFileSync(file, 'utf8')).toBe(saved);
  });

  it('a rate limit while the closed list pages, with --partial, says the list is incomplete', async () => {
    const pulls = Array.from({ length: 150 }, (_, i) => closedPull(100 + i, '2024-03-01T00:00:00Z', new Date(Date.parse('2024-03-02T00:00:00Z') + i * 3600_000).toISOString()));
    srv = await serve(scenarioOf(pulls), [{ kind: 'primaryRateLimit', match: 'ClosedPullRequests', resetInSeconds: 7200, times: -1 }]);
    cache = tempDir();
    const data = await fetchGitHub(optionsFor(srv, cache.dir, { partial: true }));
    expect(data.partial).toBe(true);
    expect(data.closedComplete).toBe(false);
    expect(data.closedPulls).toHaveLength(100);
  });
});
