import type { LineTree } from '../sources/git/trees.js';

/*
 * A squash GitHub's web UI wrote whose subject lost its `(#N)`: hugo's maintainer squash-merges each pull request
 * there and deletes the number from the title, so the landed commit names no pull request and read as a direct push
 * (41 of its year's changes, cycle time 0: `Upgrade to Go 1.27` is #15229, seven commits begun nine hours before).
 * What it landed says which: its tree is the pull ref's head's, the branch squashed as it was (up to date with the
 * branch, or rebased onto it). The trees are read beside the history (src/audit/tree-squashes.ts); building the
 * changes takes a link only for a commit it reads as a direct push, of a pull request no other change landed.
 */

/**
 * Whether GitHub committed a commit (`GitHub <noreply@github.com>`): its web UI writes each squash and merge of a
 * pull request, and each edit made there. Only those are read: a person's own commit whose tree is a pull ref's
 * head's fixed the same thing apart (rails' `Fix example`, the two lines of #56266 written again by another hand;
 * tailwindcss' `Fix typo`, #19402's one line), and a revert back to a state a pull request's head once had lands
 * nothing new (pnpm's, kit's, prometheus').
 */
export function committedByGitHub(committerEmail: string): boolean {
  return committerEmail.toLowerCase() === GITHUB_COMMITTER;
}

const GITHUB_COMMITTER = 'noreply@github.com';

/**
 * The pull request each commit squashed, by sha: the one pull request whose head has the commit's tree and was
 * committed no later than it. `headAt` gives a head's commit date, undefined for a head not to read (on the branch:
 * pushed as it was; or older than the history read). A commit whose tree is its parent's changed nothing and links
 * none; one whose tree two pull requests' heads have is neither's to say. A head committed after the squash is a pull
 * request begun from the branch with nothing of its own yet (hugo's #15192-#15194, an empty commit each on top of
 * `Remove Star History from README`), not the squashed one.
 */
export function squashesByTree(commits: readonly LineTree[], pullsByTree: ReadonlyMap<string, readonly number[]>, headAt: (number: number) => number | undefined): Map<string, number> {
  const found = new Map<string, number>();
  for (const c of commits) {
    if (c.parentTree === undefined || c.parentTree === c.tree) continue;
    const pulls = (pullsByTree.get(c.tree) ?? []).filter((n) => {
      const at = headAt(n);
      return at !== undefined && at <= c.committedAt;
    });
    if (pulls.length === 1) found.set(c.sha, pulls[0] as number);
  }
  return found;
}
