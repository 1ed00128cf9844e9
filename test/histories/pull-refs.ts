import type { FixtureRepo } from '../helpers/git-fixture.js';

/**
 * Turns branches into pull refs, as a mirror clone of a GitHub repository has them: `refs/pull/N/head` points
 * at each branch's head and the branch itself is gone (its commits survive only in the pull ref).
 */
export function toPullRefs(repo: FixtureRepo, pulls: Record<number, string>): void {
  for (const [number, branch] of Object.entries(pulls)) {
    repo.git('update-ref', `refs/pull/${number}/head`, branch);
    repo.git('branch', '-D', branch);
  }
}
