import type { Commit } from '../domain.js';
import { githubPullMerge, namesBranch, parseLanding } from './message.js';

/** The tracked branch's line of landings, and which of them came in through a merge of the branch itself. */
export interface TrackedLine {
  /** the landings, oldest first: the first-parent line, each side of a merge of the branch itself before it */
  line: Commit[];
  /** the landings that are not first-parent commits of the tip (their sizes are read apart), oldest first */
  pulled: string[];
  /** the merges of the branch itself whose sides are landed so: each is a sync that lands nothing of its own */
  pulling: ReadonlySet<string>;
  /**
   * the pull requests from the branch itself among them: each one's head is a commit of the branch's own line,
   * landed as it came, not that pull request's work
   */
  pullsFromItself: ReadonlySet<number>;
}

/** The first-parent line from `tip` (tip first), as far as `commitOf` has its commits. Pure. */
export function firstParentLine(tip: string, commitOf: (sha: string) => Commit | undefined): Commit[] {
  const line: Commit[] = [];
  for (let commit = commitOf(tip); commit !== undefined; commit = commitOf(commit.parents[0] ?? '')) line.push(commit);
  return line;
}

/**
 * The tracked branch's landings among the commits read (SPEC section 1), oldest first: its first-parent line
 * from `tip`, and before each merge of the branch itself into it the side's own first-parent line down to
 * where it meets the landings. `git pull` without rebase merges the remote's branch into the local one
 * (`Merge branch 'main' of github.com:Aider-AI/aider`, `Merge remote-tracking branch 'origin/main'`): the
 * merges of pull requests done on GitHub meanwhile are on its side, and landed on the branch when GitHub merged
 * them — aider's history holds 99 of them so, Radarr's `develop` 450 commits. Read as a sync, the merge hid them
 * all; here it lands nothing of its own, and each of its side's commits lands as a first-parent commit does.
 * A side that holds such a merge of its own is read the same way. So is a pull request from the tracked branch
 * itself (`Merge pull request #2485 from analogjs/beta` on `beta`): the branch was merged into another line and
 * then fast-forwarded to it, and the pull requests merged into the branch before are on the merge's side. `owner`
 * is the repository's owner when its remote says (see pullFromItself). Pure.
 */
export function trackedLine(tip: string, commits: ReadonlyMap<string, Commit>, trackedBranch: string, owner: string | null = null): TrackedLine {
  const first = firstParentLine(tip, (sha) => commits.get(sha)).reverse();
  const landed = new Set(first.map((c) => c.sha));
  const pulled: string[] = [];
  const pulling = new Set<string>();
  const pullsFromItself = new Set<number>();
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
      const { side, pull } = pulledSide(commit, trackedBranch, owner, commits, landed);
      if (side.length > 0) {
        pulling.add(commit.sha);
        if (pull !== null) pullsFromItself.add(pull);
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
  return { line, pulled, pulling, pullsFromItself };
}

/**
 * The side of the branch's own landings a commit of the line merges, oldest first, and the pull request it lands
 * when it is one from the branch itself; none when it merges no copy of the branch. A `git pull` whose side's
 * first-parent line runs below where the history read starts before it meets the landings (analog's `beta`, merged
 * into main as `Merge branch 'beta'` while it took main by merges and ran beside it for years) is the branch's own
 * when pull requests landed on it; else it is another history's (git.git's gitk).
 */
function pulledSide(
  commit: Commit,
  trackedBranch: string,
  owner: string | null,
  commits: ReadonlyMap<string, Commit>,
  landed: ReadonlySet<string>,
): { side: Commit[]; pull: number | null } {
  const none = { side: [], pull: null };
  if (commit.parents.length < 2) return none;
  const itself = mergesTrackedBranch(commit, trackedBranch);
  const pull = itself ? null : pullFromItself(commit, trackedBranch, owner);
  if (!itself && pull === null) return none;
  const { side, end } = sideLine(commit.parents[1] as string, commits, landed);
  if (end === 'root' || side.length === 0) return none;
  // a `git pull` whose side runs below the read is the branch's own when pull requests landed on it
  if (itself && end === 'edge' && !side.some((c) => landsPull(c, trackedBranch))) return none;
  return { side, pull };
}

const BRANCH_MERGE = /^Merge (?:remote-tracking )?(?:branch )?'/;
// a `git pull` whose message was typed over git's own: sveltejs/svelte's `merge main` (4e847cfd14), whose side held
// #16995 and #17018, squashed on GitHub while the local branch took a push of its own
const TYPED_PULL = /^merge\s+(\S+)$/i;

/** Whether a commit with two parents merges the tracked branch itself (its remote's copy, most often) into it. */
function mergesTrackedBranch(commit: Commit, trackedBranch: string): boolean {
  if (commit.parents.length < 2) return false;
  const typed = TYPED_PULL.exec(commit.subject);
  if (typed !== null) return namesBranch(typed[1] as string, trackedBranch);
  // only a `Merge branch '…'` names a branch without a pull request: the rest are not read further (a history of
  // 33,000 pull request merges read each through parseLanding for nothing)
  if (!BRANCH_MERGE.test(commit.subject)) return false;
  // a pull request from a fork's own `main` (`Merge pull request #12 from ada/main`) is a pull request, and so is
  // GitLab's merge request from one (`Merge branch 'main' into 'main'`, ending `See merge request …!N`)
  const { branch, number } = parseLanding(commit.subject, commit.bodyFirstLine, true, trackedBranch);
  return number === null && commit.mergeRequest === null && branch !== null && namesBranch(branch, trackedBranch);
}

/**
 * The pull request a merge of the line lands when its head is the tracked branch of the repository itself
 * (`owner`, from the remote), else null. Such a merge is on the branch's own line only when the branch was
 * fast-forwarded to the line it was merged into: analog's `beta`, merged into main by a pull request at each
 * release (`Merge pull request #2485 from analogjs/beta`) and reset to main after, where 138 of the 151 pull
 * requests of its half year to September 2026 landed on the merges' sides. A fork's branch of that name is another
 * person's work (pi-hole's contributors open theirs from their own `development`: `Merge pull request #2354 from
 * realtebo/development`), and without a remote the two cannot be told apart: each stays a pull request.
 */
function pullFromItself(commit: Commit, trackedBranch: string, owner: string | null): number | null {
  // the test every merge of a history of pull requests passes through: the regular expression only for a subject ending in the branch
  if (owner === null || !commit.subject.endsWith(`/${trackedBranch}`)) return null;
  const pull = githubPullMerge(commit.subject);
  if (pull === null || !pull.whole) return null;
  // the owner has no slash, a branch may
  const slash = pull.head.indexOf('/');
  if (slash <= 0 || pull.head.slice(slash + 1) !== trackedBranch || pull.head.slice(0, slash).toLowerCase() !== owner.toLowerCase()) return null;
  return pull.number;
}

/** Whether a commit lands a pull request (or a GitLab merge request). */
function landsPull(commit: Commit, trackedBranch: string): boolean {
  const landing = parseLanding(commit.subject, commit.bodyFirstLine, commit.parents.length > 1, trackedBranch, commit.mergeRequest);
  return landing.number !== null || landing.mergeRequest !== null;
}

/**
 * The first-parent line from `from` down to the first commit already landed, oldest first, and where it ended: at
 * a landed commit (`line`), at a root of its own (`root`: the side is no copy of the branch itself but another
 * history's branch of the same name, merged in as a project of its own: git.git's `Merge branch 'master' of
 * https://github.com/j6t/gitk`, whose side runs down gitk's history, not git's), or below where the history read
 * starts (`edge`).
 */
function sideLine(from: string, commits: ReadonlyMap<string, Commit>, landed: ReadonlySet<string>): { side: Commit[]; end: 'line' | 'root' | 'edge' } {
  const side: Commit[] = [];
  let commit = commits.get(from);
  let last: Commit | undefined;
  for (; commit !== undefined && !landed.has(commit.sha); commit = commits.get(commit.parents[0] ?? '')) {
    side.push(commit);
    last = commit;
  }
  side.reverse();
  if (commit !== undefined) return { side, end: 'line' };
  return { side, end: last !== undefined && last.parents.length === 0 ? 'root' : 'edge' };
}
