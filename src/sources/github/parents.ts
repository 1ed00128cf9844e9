/**
 * Follow-ups for the parents of pull-request commits that may be merges: whether a merge brings the tracked
 * branch in is known by its parents (SPEC section 1), but a parents connection in every listed commit would
 * cost a hundred requests per pull request. A merge's subject is git's or GitHub's ("Merge branch 'main' into
 * x", the fork Sync button's "Merge branch 'acme:main' into x") or the author's own words for one ("sync with
 * main", "resolve conflicts"): those commits are asked for, a hundred per request (a point of the rate limit).
 */
import { present } from './map.js';
import { commitParentsOperation, type CommitParentsData } from './queries.js';
import type { GitHubClient } from './request.js';
import type { GitHubPull, GitHubPullCommit } from './types.js';
import { append } from '../../lists.js';

const MAYBE_MERGE = /merg|sync|conflict|upstream/i;
const PER_REQUEST = 100;

/**
 * Sets `parents` on the commits of `pulls` whose subject may be a merge's; the others keep none (unknown).
 * @returns warnings (GraphQL errors that came with the data)
 * @throws what GitHubClient.request throws
 */
export async function fetchParents(client: GitHubClient, repo: { owner: string; name: string }, pulls: Iterable<GitHubPull>): Promise<string[]> {
  const wanted = new Map<string, GitHubPullCommit[]>();
  for (const pull of pulls) {
    for (const c of pull.commits) {
      if (c.parents.length > 0 || !MAYBE_MERGE.test(c.message.split('\n', 1)[0] ?? '')) continue;
      const same = wanted.get(c.sha);
      if (same) same.push(c);
      else wanted.set(c.sha, [c]);
    }
  }
  const oids = [...wanted.keys()];
  const warnings: string[] = [];
  for (let start = 0; start < oids.length; start += PER_REQUEST) {
    const batch = oids.slice(start, start + PER_REQUEST);
    const { operation, variables } = commitParentsOperation(batch);
    const result = await client.request<CommitParentsData>(operation, { owner: repo.owner, name: repo.name, ...variables });
    append(warnings, result.warnings);
    batch.forEach((oid, i) => {
      const raw = result.data?.repository?.[`c${i}`];
      const parents = present(raw?.parents?.nodes).map((p) => p.oid).filter((p): p is string => typeof p === 'string');
      for (const c of wanted.get(oid) ?? []) c.parents = parents;
    });
  }
  return warnings;
}
