import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../fixtures/github-server/cost.mjs';
import { getGitHubSchema } from '../../../fixtures/github-server/server.mjs';
import {
  CLOSED_PULLS, commitParentsOperation, DEPLOYMENTS, INCIDENTS, MERGED_PULLS, OPEN_PULLS, overflowOperation, RELEASES, SNAPSHOT, type OverflowNeed,
} from '../../../src/sources/github/queries.js';

const schema = getGitHubSchema();
const errorsOf = (query: string) => validate(schema, parse(query)).map((e) => e.message);

describe('GraphQL operations', () => {
  it.each([SNAPSHOT, MERGED_PULLS, DEPLOYMENTS, RELEASES, OPEN_PULLS, INCIDENTS, CLOSED_PULLS])('$name is valid against GitHub\'s published schema', (operation) => {
    expect(errorsOf(operation.query)).toEqual([]);
    // named, one operation per document, and it asks for its cost
    const doc = parse(operation.query);
    const ops = doc.definitions.filter((d) => d.kind === 'OperationDefinition');
    expect(ops.map((o) => o.name?.value)).toEqual([operation.name]);
    expect(operation.query).toContain('rateLimit { cost remaining resetAt }');
  });

  it('every shape of the overflow follow-up is valid, and asks only for what overflowed', () => {
    const needs: OverflowNeed[][] = [
      [{ number: 1, commits: 'a' }],
      [{ number: 1, reviews: 'a' }, { number: 2, timeline: 'b' }, { number: 3, comments: 'c' }, { number: 4, checks: true }],
      [{ number: 5, commits: 'a', reviews: 'b', timeline: 'c', comments: 'd', checks: true }],
    ];
    for (const batch of needs) {
      const { operation, variables } = overflowOperation(batch);
      expect(operation.name).toBe('PullRequestOverflow');
      expect(errorsOf(operation.query)).toEqual([]);
      expect(Object.keys(variables).filter((k) => k.startsWith('n'))).toHaveLength(batch.length);
    }
    const only = overflowOperation([{ number: 7, reviews: 'cur' }]);
    expect(only.operation.query).not.toMatch(/commits|timelineItems|comments\(/);
    expect(only.variables).toEqual({ n0: 7, reviews0: 'cur' });
  });

  it('asks a page of a hundred closed pull requests for a few points: each nested list once per pull request', () => {
    const page = analyzeQuery(schema, parse(CLOSED_PULLS.query), 'ClosedPullRequests', { owner: 'o', name: 'n', base: 'main', first: 100 });
    expect(page.errors).toEqual([]);
    // the list, then labels, commits, reviews, comments and the closing event of each of the hundred: 501 connections
    expect(page.cost).toBe(5);
  });

  it('asks a merged-PR page for no parents (a connection per listed commit), and a hundred commits\' parents for a point', () => {
    const page = analyzeQuery(schema, parse(MERGED_PULLS.query), 'MergedPullRequests', { owner: 'o', name: 'n', base: 'main', first: 100 });
    expect(page.errors).toEqual([]);
    expect(page.cost).toBeLessThanOrEqual(15);
    const oids = Array.from({ length: 100 }, (_, i) => i.toString(16).padStart(40, '0'));
    const { operation, variables } = commitParentsOperation(oids);
    expect(operation.name).toBe('CommitParents');
    expect(errorsOf(operation.query)).toEqual([]);
    const parents = analyzeQuery(schema, parse(operation.query), 'CommitParents', { owner: 'o', name: 'n', ...variables });
    expect(parents.errors).toEqual([]);
    expect(parents.cost).toBe(1);
  });
});
