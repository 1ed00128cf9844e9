import type { Commit } from '../domain.js';
import { landedNumber } from '../model/message.js';
import { readTrees } from '../sources/git/trees.js';

/**
 * Of the tracked line's commits (oldest first), those of one parent that name a pull request an earlier commit of
 * the line names and change nothing, their tree their parent's: a pull request squashed again, empty
 * (buildChanges' `emptyRelandings`). One `git log --no-walk` of those commits and their parents, asked only where
 * a number repeats (most histories: none). A failure reads none.
 */
export async function readEmptyRelandings(cwd: string, line: readonly Commit[], trackedBranch: string): Promise<Set<string>> {
  const named = new Set<number>();
  const again: Commit[] = [];
  for (const commit of line) {
    const number = landedNumber(commit, trackedBranch);
    if (number === null) continue;
    if (named.has(number) && commit.parents.length === 1) again.push(commit);
    named.add(number);
  }
  if (again.length === 0) return new Set();
  const trees = await readTrees(cwd, [...new Set(again.flatMap((c) => [c.sha, c.parents[0] as string]))]);
  return new Set(again.filter((c) => trees.has(c.sha) && trees.get(c.sha) === trees.get(c.parents[0] as string)).map((c) => c.sha));
}
