import { GitError } from '../errors.js';
import { readLine } from '../sources/git/deploy-branch.js';
import { forkAfter } from '../sources/git/fork.js';
import { resolveBranch, type RepoInfo } from '../sources/git/repo.js';

/** The tracked branch left the default branch's line: that branch's name and when. */
export interface BranchFork {
  from: string;
  /** the committer date of the last commit the two first-parent lines share, epoch seconds */
  at: number;
}

/**
 * Where a branch other than the default one left the default branch's first-parent line, when that was after
 * `since`; null for the default branch itself, a repository with none, or a fork no later than `since`. Before the
 * fork the branch's history is the default branch's: a window reaching back past it holds that branch's changes
 * (electron's `43-x-y`, cut from main on 2026-05-06: its previous period compared main's 395 changes, released
 * months later in v43.0.0, with the line's 47 backports).
 */
export async function branchFork(repo: RepoInfo, branch: { name: string; tip: string }, since: number): Promise<BranchFork | null> {
  let base: { name: string; tip: string };
  try {
    base = await resolveBranch(repo, undefined);
  } catch (error) {
    // no default branch to have left (none by origin/HEAD, the checked-out branch or the usual names)
    if (error instanceof GitError) return null;
    throw error;
  }
  if (base.name === branch.name || base.tip === branch.tip) return null;
  const fork = await forkAfter(repo.cwd, branch.tip, base.tip, since);
  return fork === null ? null : { from: base.name, at: fork.at };
}

/**
 * The commits of the default branch's first-parent line since `since`, when the tracked branch is another (none when
 * it is the default branch, or the repository has none): a pull request of the default branch, which a release line
 * took a squash of, was based on them, and they are not its work. bevy's `release-0.19.1` read #24458, a one-line
 * fix, as 17 commits from 4 days before its own: main's squashes its branch started from, which the release line
 * does not hold.
 */
export async function defaultLine(repo: RepoInfo, branch: { name: string; tip: string }, since: number): Promise<Set<string>> {
  let base: { name: string; tip: string };
  try {
    base = await resolveBranch(repo, undefined);
  } catch (error) {
    if (error instanceof GitError) return new Set();
    throw error;
  }
  if (base.name === branch.name || base.tip === branch.tip) return new Set();
  // no boundary to the history read: the whole line
  return new Set((await readLine(repo.cwd, base.tip, since > 0 ? since : undefined)).map((c) => c.sha));
}
