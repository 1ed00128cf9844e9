import type { Commit } from '../domain.js';
import { namesBranch, parseLanding } from './message.js';

/** The tracked branch's line of landings, and which of them came in through a merge of the branch itself. */
export interface TrackedLine {
  /** the landings, oldest first: the first-parent line, each side of a merge of the branch itself before it */
  line: Commit[];
  /** the landings that are not first-parent commits of the tip (their sizes are read apart), oldest first */
  pulled: string[];
}

/**
 * The tracked branch's landings among the commits read (SPEC section 1), oldest first: its first-parent line
 * from `tip`, and before each merge of the branch itself into it the side's own first-parent line down to
 * where it meets the landings. `git pull` without rebase merges the remote's branch into the local one
 * (`Merge branch 'main' of github.com:Aider-AI/aider`, `Merge remote-tracking branch 'origin/main'`): the
 * merges of pull requests done on GitHub meanwhile are on its side, and landed on the branch when GitHub merged
 * them — aider's history holds 99 of them so, Radarr's `develop` 450 commits. Read as a sync, the merge hid them
 * all; here it lands nothing of its own, and each of its side's commits lands as a first-parent commit does.
 * A side that holds such a merge of its own is read the same way. Pure.
 */
export function trackedLine(tip: string, commits: ReadonlyMap<string, Commit>, trackedBranch: string): TrackedLine {
  const first: Commit[] = [];
  for (let commit = commits.get(tip); commit !== undefined; commit = commits.get(commit.parents[0] ?? '')) first.push(commit);
  first.reverse();
  const landed = new Set(first.map((c) => c.sha));
  const pulled: string[] = [];
  const line: Commit[] = [];
  // each merge of the branch itself brings its side in first: depth first, with its own stack (a long history of
  // pulls nests no deeper than its merges do, but a recursion would stand on each of them)
  const expand = (commits0: readonly Commit[]): void => {
    const stack: Array<{ list: readonly Commit[]; at: number }> = [{ list: commits0, at: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { list: readonly Commit[]; at: number };
      if (top.at >= top.list.length) {
        stack.pop();
        continue;
      }
      const commit = top.list[top.at] as Commit;
      const side = mergesTrackedBranch(commit, trackedBranch) ? sideLine(commit.parents[1] as string, commits, landed) : [];
      if (side.length > 0) {
        for (const c of side) {
          landed.add(c.sha);
          pulled.push(c.sha);
        }
        // the side first, then this merge, which lands nothing of its own
        stack.push({ list: side, at: 0 });
        continue;
      }
      line.push(commit);
      top.at++;
    }
  };
  expand(first);
  return { line, pulled };
}

const BRANCH_MERGE = /^Merge (?:remote-tracking )?(?:branch )?'/;

/** Whether a commit with two parents merges the tracked branch itself (its remote's copy, most often) into it. */
function mergesTrackedBranch(commit: Commit, trackedBranch: string): boolean {
  // only a `Merge branch '…'` names a branch without a pull request: the rest are not read further (a history of
  // 33,000 pull request merges read each through parseLanding for nothing)
  if (commit.parents.length < 2 || !BRANCH_MERGE.test(commit.subject)) return false;
  // a pull request from a fork's own `main` (`Merge pull request #12 from ada/main`) is a pull request, and so is
  // GitLab's merge request from one (`Merge branch 'main' into 'main'`, ending `See merge request …!N`)
  const { branch, number } = parseLanding(commit.subject, commit.bodyFirstLine, true, trackedBranch);
  return number === null && commit.mergeRequest === null && branch !== null && namesBranch(branch, trackedBranch);
}

/**
 * The first-parent line from `from` down to the first commit already landed, oldest first; none when it reaches no
 * landed commit (a root, or what the history read stops before): then the side is no copy of the branch itself but
 * another history's branch of the same name, merged in as a project of its own (git.git's `Merge branch 'master' of
 * https://github.com/j6t/gitk`, whose side runs down gitk's history, not git's).
 */
function sideLine(from: string, commits: ReadonlyMap<string, Commit>, landed: ReadonlySet<string>): Commit[] {
  const side: Commit[] = [];
  let commit = commits.get(from);
  for (; commit !== undefined && !landed.has(commit.sha); commit = commits.get(commit.parents[0] ?? '')) side.push(commit);
  return commit === undefined ? [] : side.reverse();
}
