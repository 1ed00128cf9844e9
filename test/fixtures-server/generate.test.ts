import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../fixtures/github-server/generate.mjs';
import { startGitHubServer } from '../../fixtures/github-server/server.mjs';
import { gql } from './helpers.js';

describe('generateScenario', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = JSON.stringify(generateScenario({ owner: 'o', name: 'n', pullRequests: 300, seed: 42 }));
    const b = JSON.stringify(generateScenario({ owner: 'o', name: 'n', pullRequests: 300, seed: 42 }));
    const c = JSON.stringify(generateScenario({ owner: 'o', name: 'n', pullRequests: 300, seed: 43 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('builds merged PRs with commits, reviews, timeline items, check runs, deployments and releases', () => {
    const s = generateScenario({ pullRequests: 5000, seed: 7 });
    const repo = s.repositories['acme/app'];
    expect(repo.pullRequests).toHaveLength(5000);
    for (const pr of repo.pullRequests.slice(0, 200)) {
      expect(pr.mergedAt >= pr.createdAt).toBe(true);
      expect(pr.commits.length).toBeGreaterThan(0);
      expect(pr.timelineItems.length).toBeGreaterThan(0);
      for (const c of pr.commits) expect(c.commit.authoredDate <= pr.mergedAt).toBe(true);
      expect(pr.commits.at(-1).commit.checkSuites[0].checkRuns.length).toBeGreaterThanOrEqual(3);
    }
    expect(repo.pullRequests.some((p: { reviews: unknown[] }) => p.reviews.length > 0)).toBe(true);
    expect(repo.pullRequests.some((p: { author: { __typename: string } }) => p.author.__typename === 'Bot')).toBe(true);
    expect(repo.deployments.filter((d: { environment: string }) => d.environment === 'production').length).toBeGreaterThan(100);
    expect(repo.releases.length).toBeGreaterThan(10);
  });

  it('serves the generated data: all 5000 PRs in 50 pages of a nested query', async () => {
    const srv = await startGitHubServer({ scenario: generateScenario({ pullRequests: 5000, seed: 3 }) });
    try {
      const query = `query Page($after: String) { repository(owner: "acme", name: "app") {
        pullRequests(first: 100, after: $after, states: [MERGED]) { pageInfo { hasNextPage endCursor } nodes {
          number mergedAt author { __typename login } mergeCommit { oid }
          commits(first: 10) { nodes { commit { oid authoredDate checkSuites(first: 2) { nodes { checkRuns(first: 10) { nodes { name conclusion completedAt } } } } } } }
          reviews(first: 50) { nodes { state submittedAt author { login } } }
          timelineItems(first: 50, itemTypes: [READY_FOR_REVIEW_EVENT, REVIEW_REQUESTED_EVENT]) { nodes { __typename ... on ReadyForReviewEvent { createdAt } } }
        } } } }`;
      let after: string | null = null;
      let count = 0;
      do {
        const r = await gql(srv, query, { after });
        expect(r.json.errors).toBeUndefined();
        const conn = r.json.data.repository.pullRequests;
        count += conn.nodes.length;
        after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
      } while (after);
      expect(count).toBe(5000);
      expect(srv.requests).toHaveLength(50);
      // 1 + 100×3 + 100×10 + 100×10×2 = 3301 connection requests per page -> cost 33, as GitHub would charge
      expect(srv.requests.every((r) => r.cost === 33)).toBe(true);
    } finally {
      await srv.close();
    }
  }, 20_000);
});
