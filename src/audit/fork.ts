import { GitError } from '../errors.js';
import { readLine, type LineCommit } from '../sources/git/deploy-branch.js';
import { forkAfter } from '../sources/git/fork.js';
import { resolveBranch, type RepoInfo } from '../sources/git/repo.js';

/** The tracked branch left the default branch's line: that branch's name and when. */
export interface BranchFork {
  from: string;
  /** the committer date of the last commit the two first-parent lines share, epoch seconds */
  at: number;
}

/** The default branch, when the tracked branch is another, and its first-parent line, newest first. */
export interface DefaultLine {
  name: string;
  line: LineCommit[];
}

/**
 * The default branch's first-parent line back to `since` (the whole line without it), read once where `--branch`
 * names another branch: where that branch left it (branchFork), and what the default branch's pull requests were
 * based on (readGitChanges). Null for the default branch itself, or a repository with none (no origin/HEAD, checked-out
 * branch or usual name).
 */
export async function readDefaultLine(repo: RepoInfo, branch: { name: string; tip: string }, since: number | undefined): Promise<DefaultLine | null> {
  let base: { name: string; tip: string };
  try {
    base = await resolveBranch(repo, undefined);
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
  if (base.name === branch.name || base.tip === branch.tip) return null;
  return { name: base.name, line: await readLine(repo.cwd, base.tip, since) };
}

/**
 * Where a branch other than the default one left the default branch's first-parent line (`base`), when that was after
 * `since`; null for the default branch itself, a repository with none, or a fork no later than `since`. Before the
 * fork the branch's history is the default branch's: a window reaching back past it holds that branch's changes
 * (electron's `43-x-y`, cut from main on 2026-05-06: its previous period compared main's 395 changes, released
 * months later in v43.0.0, with the line's 47 backports).
 */
export async function branchFork(repo: RepoInfo, branch: { tip: string }, base: DefaultLine | null, since: number): Promise<BranchFork | null> {
  if (base === null) return null;
  const fork = await forkAfter(repo.cwd, branch.tip, base.line, since);
  return fork === null ? null : { from: base.name, at: fork.at };
}
