import type { GitHubServer } from '../../fixtures/github-server/server.mjs';

export interface GqlResponse {
  status: number;
  headers: Headers;
  text: string;
   
  json: any;
}

/** POSTs a GraphQL request; `json` is undefined when the body is not JSON. */
export async function gql(
  srv: GitHubServer,
  query: string,
  variables?: Record<string, unknown>,
  init: { headers?: Record<string, string>; operationName?: string; signal?: AbortSignal } = {},
): Promise<GqlResponse> {
  const res = await fetch(srv.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
    body: JSON.stringify({ query, variables, operationName: init.operationName }),
    signal: init.signal,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const iso = (day: number, hour = 0) => new Date(Date.UTC(2024, 0, 1 + day, hour)).toISOString().replace('.000Z', 'Z');

/** A small hand-written scenario: `count` merged PRs plus one open draft, deployments, releases, issues. */
export function smallScenario(count = 3) {
  const pullRequests: Record<string, unknown>[] = [];
  for (let n = 1; n <= count; n++) {
    pullRequests.push({
      number: n,
      title: `Change ${n}`,
      createdAt: iso(n),
      updatedAt: iso(n, 5 + (n % 7)),
      mergedAt: iso(n, 4),
      isDraft: false,
      author: n % 10 === 0 ? { __typename: 'Bot', login: 'dependabot' } : { __typename: 'User', login: `dev${n % 3}` },
      mergeCommit: { oid: n.toString(16).padStart(40, 'a') },
      headRefName: `feature-${n}`,
      baseRefName: n % 50 === 0 ? 'release-1.x' : 'main',
      additions: 10 * n,
      deletions: n,
      changedFiles: 2,
      labels: n % 2 ? [{ name: 'bug' }] : ['feature'],
      commits: [{ commit: { oid: n.toString(16).padStart(40, 'c'), authoredDate: iso(n - 1), committedDate: iso(n - 1), message: `Change ${n}\n\nCo-authored-by: Claude <noreply@anthropic.com>` } }],
      reviews: [{ state: 'APPROVED', submittedAt: iso(n, 2), author: { __typename: 'User', login: 'reviewer' } }],
      timelineItems: [
        { __typename: 'ReadyForReviewEvent', createdAt: iso(n, 1), actor: { __typename: 'User', login: `dev${n % 3}` } },
        { __typename: 'IssueComment', createdAt: iso(n, 1), body: 'LGTM', author: { __typename: 'Bot', login: 'ci-bot' } },
      ],
      comments: [{ body: 'nice', createdAt: iso(n, 3), author: { __typename: 'User', login: 'reviewer' } }],
    });
  }
  pullRequests.push({
    number: count + 1,
    title: 'WIP',
    createdAt: iso(count + 1),
    updatedAt: iso(count + 1),
    isDraft: true,
    author: { __typename: 'User', login: 'dev1' },
    headRefName: 'wip',
  });
  return {
    repositories: {
      'acme/app': {
        defaultBranchRef: { name: 'main' },
        pullRequests,
        deployments: [
          { environment: 'staging', createdAt: iso(2, 6), commit: { oid: 'a'.repeat(40) }, statuses: [{ state: 'SUCCESS', createdAt: iso(2, 7) }] },
          { environment: 'production', createdAt: iso(2, 8), commit: { oid: 'a'.repeat(40) }, statuses: [{ state: 'IN_PROGRESS', createdAt: iso(2, 8) }, { state: 'SUCCESS', createdAt: iso(2, 9) }] },
        ],
        releases: [
          { tagName: 'v1.0.0', createdAt: iso(1), publishedAt: iso(1, 1), isDraft: false, isPrerelease: false, tagCommit: { oid: 'b'.repeat(40) } },
          { tagName: 'v1.1.0', createdAt: iso(3), publishedAt: iso(3, 1), isDraft: false, isPrerelease: false, tagCommit: { oid: 'd'.repeat(40) } },
        ],
        issues: [
          { number: 900, title: 'Outage', createdAt: iso(2, 10), closedAt: iso(2, 12), labels: [{ name: 'incident' }] },
          { number: 901, title: 'Typo', createdAt: iso(2, 10), labels: [{ name: 'docs' }] },
        ],
      },
    },
    viewer: { __typename: 'User', login: 'octocat' },
    rateLimit: { limit: 5000, remaining: 5000 },
  };
}
