import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../../fixtures/github-server/server.mjs';
import { gql, smallScenario } from './helpers.js';

const PR_PAGE = /* GraphQL */ `
  query ListPullRequests($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      pullRequests(first: 100, after: $after, states: [MERGED], orderBy: { field: CREATED_AT, direction: ASC }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { number }
      }
    }
  }
`;

describe('schema validation and execution', () => {
  let srv: GitHubServer;
  beforeAll(async () => {
    srv = await startGitHubServer({ scenario: smallScenario(250) });
  });
  afterAll(() => srv.close());

  it('rejects a query with an unknown field the way GitHub does (HTTP 200, errors only)', async () => {
    const r = await gql(srv, 'query Bad { repository(owner: "acme", name: "app") { pullRequests(first: 1) { nodes { numbr } } } }');
    expect(r.status).toBe(200);
    expect(r.json.data).toBeUndefined();
    expect(r.json.errors).toHaveLength(1);
    expect(r.json.errors[0].message).toMatch(/Cannot query field "numbr" on type "PullRequest"/);
    expect(r.json.errors[0].locations[0]).toEqual({ line: 1, column: expect.any(Number) });
    expect(srv.requests.at(-1)).toMatchObject({ operationName: 'Bad', status: 200, invalid: true, cost: 0 });
  });

  it('rejects syntax errors, wrong argument types and unused variables', async () => {
    const syntax = await gql(srv, '{ viewer { login }');
    expect(syntax.json.errors[0].message).toMatch(/Syntax Error/);
    const badArg = await gql(srv, '{ repository(owner: "acme", name: "app") { pullRequests(first: 1, states: [DONE]) { totalCount } } }');
    expect(badArg.json.errors[0].message).toMatch(/DONE/);
    const unused = await gql(srv, 'query Q($x: Int) { viewer { login } }');
    expect(unused.json.errors[0].message).toMatch(/never used/);
    expect(srv.requests.slice(-3).every((r) => r.invalid)).toBe(true);
  });

  it('enforces GitHub pagination rules before executing', async () => {
    const missing = await gql(srv, '{ repository(owner: "acme", name: "app") { pullRequests { totalCount } } }');
    expect(missing.json.errors[0]).toMatchObject({ type: 'MISSING_PAGINATION_BOUNDARIES', path: ['repository', 'pullRequests'] });
    const tooMany = await gql(srv, '{ repository(owner: "acme", name: "app") { pullRequests(first: 101) { totalCount } } }');
    expect(tooMany.json.errors[0].message).toBe('Requesting 101 records on the `pullRequests` connection exceeds the `first` limit of 100 records.');
  });

  it('returns the scenario data with derived and default fields', async () => {
    const r = await gql(
      srv,
      `query One { repository(owner: "acme", name: "app") {
          nameWithOwner defaultBranchRef { name }
          pullRequest(number: 7) {
            id number title state merged isDraft createdAt mergedAt url additions deletions changedFiles baseRefName headRefName
            author { login } mergeCommit { oid abbreviatedOid }
            labels(first: 10) { nodes { name } }
            commits(first: 10) { totalCount nodes { commit { oid authoredDate messageHeadline messageBody } } }
            reviews(first: 10) { nodes { state submittedAt author { login } } }
            comments(first: 10) { nodes { body author { login } } }
          }
        } }`,
    );
    expect(r.json.errors).toBeUndefined();
    const repo = r.json.data.repository;
    expect(repo.nameWithOwner).toBe('acme/app');
    expect(repo.defaultBranchRef.name).toBe('main');
    const pr = repo.pullRequest;
    expect(pr).toMatchObject({
      number: 7,
      title: 'Change 7',
      state: 'MERGED',
      merged: true,
      isDraft: false,
      createdAt: '2024-01-08T00:00:00Z',
      mergedAt: '2024-01-08T04:00:00Z',
      url: 'https://github.com/acme/app/pull/7',
      additions: 70,
      author: { login: 'dev1' },
      labels: { nodes: [{ name: 'bug' }] },
      reviews: { nodes: [{ state: 'APPROVED', author: { login: 'reviewer' } }] },
      comments: { nodes: [{ body: 'nice', author: { login: 'reviewer' } }] },
    });
    expect(typeof pr.id).toBe('string');
    expect(pr.mergeCommit.abbreviatedOid).toBe(pr.mergeCommit.oid.slice(0, 7));
    expect(pr.commits.totalCount).toBe(1);
    expect(pr.commits.nodes[0].commit.messageHeadline).toBe('Change 7');
    expect(pr.commits.nodes[0].commit.messageBody).toBe('Co-authored-by: Claude <noreply@anthropic.com>');
  });

  it('pages through 250 PRs in 3 requests, each PR exactly once', async () => {
    const before = srv.requests.length;
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const r = await gql(srv, PR_PAGE, { owner: 'acme', name: 'app', after });
      expect(r.json.errors).toBeUndefined();
      const conn = r.json.data.repository.pullRequests;
      expect(conn.totalCount).toBe(250);
      seen.push(...conn.nodes.map((n: { number: number }) => n.number));
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
      if (after) expect(after).not.toMatch(/^\d+$/);
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const mine = srv.requests.slice(before);
    expect(mine).toHaveLength(3);
    expect(mine.map((r) => r.operationName)).toEqual(['ListPullRequests', 'ListPullRequests', 'ListPullRequests']);
    expect(mine[1]?.variables).toMatchObject({ owner: 'acme', after: expect.any(String) });
  });

  it('supports last/before, edges and an invalid cursor error', async () => {
    const r = await gql(srv, `{ repository(owner: "acme", name: "app") {
      pullRequests(last: 2) { edges { cursor node { number } } pageInfo { hasPreviousPage hasNextPage startCursor } } } }`);
    const conn = r.json.data.repository.pullRequests;
    expect(conn.edges.map((e: { node: { number: number } }) => e.node.number)).toEqual([250, 251]);
    expect(conn.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const back = await gql(srv, `query($b: String) { repository(owner: "acme", name: "app") { pullRequests(last: 3, before: $b) { nodes { number } } } }`, { b: conn.pageInfo.startCursor });
    expect(back.json.data.repository.pullRequests.nodes.map((n: { number: number }) => n.number)).toEqual([247, 248, 249]);
    const bad = await gql(srv, '{ repository(owner: "acme", name: "app") { pullRequests(first: 1, after: "bogus") { totalCount } } }');
    expect(bad.json.errors[0]).toMatchObject({ type: 'INVALID_CURSOR_ARGUMENTS', path: ['repository', 'pullRequests'] });
  });

  it('applies the filters flowaudit uses', async () => {
    const r = await gql(srv, `{ repository(owner: "acme", name: "app") {
      open: pullRequests(first: 5, states: [OPEN]) { totalCount nodes { number isDraft state } }
      release: pullRequests(first: 10, baseRefName: "release-1.x") { totalCount }
      recent: pullRequests(first: 2, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { number updatedAt } }
      incidents: issues(first: 10, labels: ["incident"], states: [CLOSED]) { nodes { number closedAt } }
      prod: deployments(first: 10, environments: ["production"]) { nodes { environment state latestStatus { state } commit { oid } } }
      releases(first: 1, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { tagName name publishedAt tagCommit { oid } } }
      pullRequest(number: 3) { timelineItems(first: 10, itemTypes: [READY_FOR_REVIEW_EVENT]) { nodes { __typename } } }
    } }`);
    expect(r.json.errors).toBeUndefined();
    const d = r.json.data.repository;
    expect(d.open).toEqual({ totalCount: 1, nodes: [{ number: 251, isDraft: true, state: 'OPEN' }] });
    expect(d.release.totalCount).toBe(5);
    expect(d.recent.nodes[0].updatedAt >= d.recent.nodes[1].updatedAt).toBe(true);
    expect(d.incidents.nodes).toEqual([{ number: 900, closedAt: '2024-01-03T12:00:00Z' }]);
    expect(d.prod.nodes).toEqual([{ environment: 'production', state: 'ACTIVE', latestStatus: { state: 'SUCCESS' }, commit: { oid: 'a'.repeat(40) } }]);
    expect(d.releases.nodes[0]).toMatchObject({ tagName: 'v1.1.0', name: 'v1.1.0' });
    expect(d.pullRequest.timelineItems.nodes).toEqual([{ __typename: 'ReadyForReviewEvent' }]);
  });

  it('resolves unions and interfaces from __typename', async () => {
    const r = await gql(srv, `{ repository(owner: "acme", name: "app") {
      bot: pullRequest(number: 10) { author { __typename login ... on Bot { id } } }
      human: pullRequest(number: 11) { author { __typename login ... on User { id } }
        timelineItems(first: 10) { nodes { __typename ... on ReadyForReviewEvent { createdAt actor { login } } ... on IssueComment { body author { __typename login } } } } }
      object(expression: "${'a'.repeat(33)}0000000") { __typename ... on Commit { oid } }
    } }`);
    expect(r.json.errors).toBeUndefined();
    const d = r.json.data.repository;
    expect(d.bot.author.__typename).toBe('Bot');
    expect(d.human.author.__typename).toBe('User');
    expect(d.human.timelineItems.nodes).toEqual([
      { __typename: 'ReadyForReviewEvent', createdAt: '2024-01-12T01:00:00Z', actor: { login: 'dev2' } },
      { __typename: 'IssueComment', body: 'LGTM', author: { __typename: 'Bot', login: 'ci-bot' } },
    ]);
    expect(d.object).toBeNull(); // an oid that is not in the scenario
    const hit = await gql(srv, `{ repository(owner: "acme", name: "app") { object(expression: "${(7).toString(16).padStart(40, 'a')}") { __typename ... on Commit { oid } } } }`);
    expect(hit.json.data.repository.object).toEqual({ __typename: 'Commit', oid: (7).toString(16).padStart(40, 'a') });
  });

  it('answers an unknown repository with null and a NOT_FOUND error', async () => {
    const r = await gql(srv, '{ repository(owner: "nope", name: "missing") { id } }');
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({ repository: null });
    expect(r.json.errors).toEqual([
      { type: 'NOT_FOUND', path: ['repository'], locations: [{ line: 1, column: 3 }], message: "Could not resolve to a Repository with the name 'nope/missing'." },
    ]);
  });

  it('computes cost from first arguments and decreases remaining across requests', async () => {
    const q = `query Cost { repository(owner: "acme", name: "app") {
      pullRequests(first: 100) { nodes { commits(first: 100) { nodes { commit { oid } } } reviews(first: 50) { totalCount } } } }
      rateLimit { cost limit remaining used nodeCount resetAt } }`;
    const a = await gql(srv, q);
    const b = await gql(srv, q);
    // requests = 1 (pullRequests) + 100 (commits) + 100 (reviews) = 201 -> round(2.01) = 2
    expect(a.json.data.rateLimit).toMatchObject({ cost: 2, limit: 5000, nodeCount: 100 + 100 * 100 + 100 * 50 });
    expect(b.json.data.rateLimit.remaining).toBe(a.json.data.rateLimit.remaining - 2);
    expect(b.json.data.rateLimit.used).toBe(5000 - b.json.data.rateLimit.remaining);
    expect(b.headers.get('x-ratelimit-remaining')).toBe(String(b.json.data.rateLimit.remaining));
    expect(srv.requests.at(-1)?.cost).toBe(2);
    const simple = await gql(srv, '{ viewer { login } rateLimit { cost } }');
    expect(simple.json.data).toEqual({ viewer: { login: 'octocat' }, rateLimit: { cost: 1 } });
  });

  it('supports a small search subset and node lookups', async () => {
    const r = await gql(srv, `{ search(query: "repo:acme/app is:pr is:merged merged:2024-01-05..2024-01-07 sort:created-asc", type: ISSUE, first: 10) {
      issueCount nodes { __typename ... on PullRequest { id number } } } }`);
    expect(r.json.data.search.issueCount).toBe(3);
    const nodes = r.json.data.search.nodes;
    expect(nodes.map((n: { number: number }) => n.number)).toEqual([4, 5, 6]);
    const byId = await gql(srv, `query($id: ID!) { node(id: $id) { __typename ... on PullRequest { number } } }`, { id: nodes[0].id });
    expect(byId.json.data.node).toEqual({ __typename: 'PullRequest', number: 4 });
  });

  it('answers a non-JSON body with 400 and a JSON message, and survives odd bodies', async () => {
    for (const body of ['{not json', '', 'null', '[1,2]']) {
      const res = await fetch(srv.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' });
    }
    const noQuery = await fetch(srv.url, { method: 'POST', body: JSON.stringify({ query: 42 }) });
    expect(noQuery.status).toBe(200);
    expect(((await noQuery.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/query attribute must be specified/);
    const multi = await gql(srv, 'query A { viewer { login } } query B { viewer { login } }');
    expect(multi.json.errors[0].message).toBe('Must provide operation name if query contains multiple operations.');
    const badVar = await gql(srv, 'query V($n: Int!) { repository(owner: "acme", name: "app") { pullRequests(first: $n) { totalCount } } }', { n: 'x' });
    expect(badVar.json.errors[0].message).toMatch(/Variable "\$n" got invalid value/);
    expect(srv.requests.slice(-2)).toMatchObject([{ invalid: true, cost: 0 }, { operationName: 'V', invalid: true, cost: 0 }]);
    const get = await fetch(srv.url);
    expect(get.status).toBe(404);
    const ok = await gql(srv, '{ viewer { login } }');
    expect(ok.json.data.viewer.login).toBe('octocat');
  });
});

describe('auth', () => {
  let srv: GitHubServer;
  beforeAll(async () => {
    srv = await startGitHubServer({ scenario: smallScenario(2), token: 'ghp_test123' });
  });
  afterAll(() => srv.close());

  it('requires the bearer token when one is configured', async () => {
    const q = 'query Me { viewer { login } }';
    const none = await gql(srv, q);
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' });
    expect((await gql(srv, q, {}, { headers: { authorization: 'bearer wrong' } })).status).toBe(401);
    expect((await gql(srv, q, {}, { headers: { authorization: 'Bearer ghp_test123' } })).status).toBe(200);
    expect((await gql(srv, q, {}, { headers: { authorization: 'token ghp_test123' } })).status).toBe(200);
    expect(srv.requests.map((r) => r.status)).toEqual([401, 401, 200, 200]);
    expect(JSON.stringify(srv.requests)).not.toContain('ghp_test123');
  });
});

describe('faults', () => {
  let srv: GitHubServer;
  const q = 'query Probe { viewer { login } }';
  beforeAll(async () => {
    srv = await startGitHubServer({ scenario: smallScenario(2) });
  });
  afterEach(() => srv.setFaults([]));
  afterAll(() => srv.close());

  it.each([
    ['status502', 502],
    ['status503', 503],
    ['status504', 504],
  ] as const)('%s answers %i once, then the query succeeds', async (kind, status) => {
    srv.setFaults([{ kind }]);
    const r = await gql(srv, q);
    expect(r.status).toBe(status);
    expect(r.json.message).toEqual(expect.any(String));
    expect(r.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(srv.requests.at(-1)).toMatchObject({ status, fault: kind });
    expect((await gql(srv, q)).status).toBe(200);
  });

  it('times counts requests', async () => {
    srv.setFaults([{ kind: 'status502', times: 2 }]);
    expect([(await gql(srv, q)).status, (await gql(srv, q)).status, (await gql(srv, q)).status]).toEqual([502, 502, 200]);
  });

  it('primaryRateLimit: 403 with exhausted x-ratelimit headers', async () => {
    srv.setFaults([{ kind: 'primaryRateLimit', resetInSeconds: 30 }]);
    const now = Math.floor(Date.now() / 1000);
    const r = await gql(srv, q);
    expect(r.status).toBe(403);
    expect(r.json.message).toMatch(/^API rate limit exceeded/);
    expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(r.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(r.headers.get('x-ratelimit-used')).toBe('5000');
    const reset = Number(r.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(now + 29);
    expect(reset).toBeLessThanOrEqual(now + 31);
    srv.setFaults([{ kind: 'primaryRateLimit', status: 429 }]);
    expect((await gql(srv, q)).status).toBe(429);
  });

  it('graphqlRateLimited: 200 with a RATE_LIMITED error', async () => {
    srv.setFaults([{ kind: 'graphqlRateLimited', resetInSeconds: 5 }]);
    const r = await gql(srv, q);
    expect(r.status).toBe(200);
    expect(r.json.data).toBeUndefined();
    expect(r.json.errors[0]).toMatchObject({ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' });
    expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(r.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
  });

  it('secondaryRateLimit: 403 with retry-after', async () => {
    srv.setFaults([{ kind: 'secondaryRateLimit', retryAfter: 7 }]);
    const r = await gql(srv, q);
    expect(r.status).toBe(403);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.json.message).toMatch(/^You have exceeded a secondary rate limit/);
    expect(r.headers.get('x-ratelimit-remaining')).not.toBe('0');
  });

  it('unauthorized: 401 Bad credentials', async () => {
    srv.setFaults([{ kind: 'unauthorized' }]);
    const r = await gql(srv, q);
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' });
  });

  it('forbidden: 403 with scope headers and no rate-limit headers', async () => {
    srv.setFaults([{ kind: 'forbidden', scopes: 'read:org', acceptedScopes: 'repo' }]);
    const r = await gql(srv, q);
    expect(r.status).toBe(403);
    expect(r.json.message).toMatch(/not accessible/);
    expect(r.headers.get('x-oauth-scopes')).toBe('read:org');
    expect(r.headers.get('x-accepted-oauth-scopes')).toBe('repo');
    expect(r.headers.get('x-ratelimit-remaining')).toBeNull();
    expect(r.headers.get('retry-after')).toBeNull();
  });

  it('malformed: 200 with truncated JSON', async () => {
    srv.setFaults([{ kind: 'malformed' }]);
    const r = await gql(srv, '{ repository(owner: "acme", name: "app") { pullRequests(first: 2) { nodes { number title } } } }');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(r.json).toBeUndefined();
    expect(r.text.startsWith('{"data":{"repository"')).toBe(true);
  });

  it('partialErrors: data with a nulled field and a matching error path', async () => {
    srv.setFaults([{ kind: 'partialErrors' }]);
    const r = await gql(srv, '{ repository(owner: "acme", name: "app") { pullRequests(first: 2) { nodes { number author { login } } } } }');
    expect(r.status).toBe(200);
    expect(r.json.data.repository.pullRequests.nodes).toEqual([{ number: 1, author: null }, { number: 2, author: { login: 'dev2' } }]);
    expect(r.json.errors).toHaveLength(1);
    expect(r.json.errors[0]).toMatchObject({ type: 'NOT_FOUND', path: ['repository', 'pullRequests', 'nodes', 0, 'author'] });

    srv.setFaults([{ kind: 'partialErrors', path: ['repository', 'pullRequests', 'nodes', '*', 'mergeCommit'], type: 'SERVICE_UNAVAILABLE', message: 'boom' }]);
    const r2 = await gql(srv, '{ repository(owner: "acme", name: "app") { pullRequests(first: 2) { nodes { number mergeCommit { oid } } } } }');
    expect(r2.json.data.repository.pullRequests.nodes).toEqual([{ number: 1, mergeCommit: null }, { number: 2, mergeCommit: null }]);
    expect(r2.json.errors.map((e: { path: unknown[] }) => e.path[3])).toEqual([0, 1]);
    expect(r2.json.errors[0]).toMatchObject({ type: 'SERVICE_UNAVAILABLE', message: 'boom' });
  });

  it('timeout: holds the request without answering', async () => {
    srv.setFaults([{ kind: 'timeout' }]);
    const started = Date.now();
    await expect(gql(srv, q, {}, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(srv.requests.at(-1)).toMatchObject({ operationName: 'Probe', status: null, fault: 'timeout' });
    expect((await gql(srv, q)).status).toBe(200);
  });

  it('timeout with ms: the socket is dropped after ms', async () => {
    srv.setFaults([{ kind: 'timeout', ms: 100 }]);
    await expect(gql(srv, q)).rejects.toThrow();
  });

  it('match: targets one operation only, leaving the fault queued for it', async () => {
    srv.setFaults([{ kind: 'status503', match: 'ListPullRequests' }]);
    expect((await gql(srv, q)).status).toBe(200);
    expect((await gql(srv, 'query ListPullRequests { viewer { login } }')).status).toBe(503);
    expect((await gql(srv, 'query ListPullRequests { viewer { login } }')).status).toBe(200);
    // operationName in the body takes precedence over the document
    srv.setFaults([{ kind: 'status502', match: 'B' }]);
    const doc = 'query A { viewer { login } } query B { viewer { login } }';
    expect((await gql(srv, doc, {}, { operationName: 'A' })).status).toBe(200);
    expect((await gql(srv, doc, {}, { operationName: 'B' })).status).toBe(502);
  });

  it('skip lets matching requests through first; scenario-level faults apply too', async () => {
    srv.setFaults([{ kind: 'status502', match: 'Probe', skip: 1 }]);
    expect([(await gql(srv, q)).status, (await gql(srv, q)).status]).toEqual([200, 502]);
    const other = await startGitHubServer({ scenario: { ...smallScenario(1), faults: [{ kind: 'status504' }] } });
    try {
      expect((await gql(other, q)).status).toBe(504);
      expect((await gql(other, q)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('rejects unknown fault kinds', () => {
    // @ts-expect-error deliberately wrong kind
    expect(() => srv.setFaults([{ kind: 'explode' }])).toThrow(/unknown fault kind/);
  });
});

describe('rate-limit exhaustion', () => {
  it('answers RATE_LIMITED once remaining is below the cost', async () => {
    const srv = await startGitHubServer({ scenario: { ...smallScenario(1), rateLimit: { limit: 5000, remaining: 1, resetAt: '2099-01-01T00:00:00Z' } } });
    try {
      const q = '{ viewer { login } }';
      expect((await gql(srv, q)).json.data.viewer.login).toBe('octocat');
      const r = await gql(srv, q);
      expect(r.json.errors[0].type).toBe('RATE_LIMITED');
      expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    } finally {
      await srv.close();
    }
  });
});

describe('close', () => {
  it('closes promptly with a held request and idle keep-alive sockets', async () => {
    const srv = await startGitHubServer({ scenario: smallScenario(1), faults: [{ kind: 'timeout' }] });
    const pending = gql(srv, '{ viewer { login } }').catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await srv.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
    await srv.close(); // idempotent
  });
});
