import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getGitHubSchema } from '../../../fixtures/github-server/server.mjs';
import {
  DEPLOYMENTS, INCIDENTS, MERGED_PULLS, OPEN_PULLS, overflowOperation, RELEASES, SNAPSHOT, type OverflowNeed,
} from '../../../src/sources/github/queries.js';

const schema = getGitHubSchema();
const errorsOf = (query: string) => validate(schema, parse(query)).map((e) => e.message);

describe('GraphQL operations', () => {
  it.each([SNAPSHOT, MERGED_PULLS, DEPLOYMENTS, RELEASES, OPEN_PULLS, INCIDENTS])('$name is valid against GitHub\'s published schema', (operation) => {
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
});
