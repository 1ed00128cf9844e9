/**
 * A change's own commits (SPEC section 1): its commits less those that are not its work. The same rules hold
 * for commits walked in git, read from `refs/pull/N/head` and listed by GitHub's API.
 */

/** What the rules need of a commit; `authorEmail` is null where the source does not give it (GitHub's API). */
export interface CommitIdentity {
  sha: string;
  authorEmail: string | null;
  authoredAt: number;
  committedAt: number;
  subject: string;
}

/**
 * The commits earlier changes landed, by what survives a cherry-pick or a rebase: author email, author date
 * and subject. A commit whose email is unknown matches on date and subject alone.
 */
export class CopyIndex implements LandedCommits {
  // by author date and subject: the email, or the emails when several authors share them ('' for unknown);
  // one map of strings rather than a set per commit, since every landed commit of the history is in it
  private readonly emails = new Map<string, string | string[]>();

  add(commit: CommitIdentity): void {
    const key = copyKey(commit);
    const email = commit.authorEmail ?? '';
    const known = this.emails.get(key);
    if (known === undefined) this.emails.set(key, email);
    else if (typeof known === 'string') {
      if (known !== email) this.emails.set(key, [known, email]);
    } else if (!known.includes(email)) known.push(email);
  }

  has(commit: CommitIdentity): boolean {
    const known = this.emails.get(copyKey(commit));
    if (known === undefined) return false;
    const matches = (email: string): boolean => commit.authorEmail === null || email === '' || email === commit.authorEmail;
    return typeof known === 'string' ? matches(known) : known.some(matches);
  }
}

function copyKey(commit: CommitIdentity): string {
  return `${commit.authoredAt}\x1f${commit.subject}`;
}

/** Commits earlier changes landed, asked whether a commit is a copy of one. */
export interface LandedCommits {
  has(commit: CommitIdentity): boolean;
}

export interface OwnCommitRules {
  /** commits that earlier changes landed */
  landed: LandedCommits;
  /** the commit is on a release line or behind a release tag */
  isRelease: (sha: string) => boolean;
}

/**
 * Filters a change's candidate commits (merges already left out) down to its own work:
 * - commits committed after `landedAt` are not its own: a pull ref can move after the merge (null: no such
 *   commits are possible, as in a merge's side walk);
 * - commits on a release line or behind a release tag are not its own, unless all of them are (then the
 *   same branch was also merged into the release line: its work still);
 * - copies of commits that an earlier change landed are not its own, unless all of them are (a cherry-pick,
 *   a backport, a reland after a revert).
 * Pure; keeps the order it was given.
 */
export function ownCommits<C extends CommitIdentity>(commits: readonly C[], rules: OwnCommitRules, landedAt: number | null): C[] {
  const before = landedAt === null ? [...commits] : commits.filter((c) => c.committedAt <= landedAt);
  const notRelease = unlessAll(before, (c) => rules.isRelease(c.sha));
  return unlessAll(notRelease, (c) => rules.landed.has(c));
}

/** Whether a commit, taken alone, is not the work of the change it arrives with: a release commit or a copy. */
export function carriedOver(commit: CommitIdentity, rules: OwnCommitRules): boolean {
  return rules.isRelease(commit.sha) || rules.landed.has(commit);
}

/**
 * A pull ref's commits that can be the change's: not those on a release line or behind a release tag (a
 * branch based on an untracked release commit carries it), unless all are (a release pull request). These are
 * the shas a backport's copy or a revert may name. Pure.
 */
export function pullRefCommits<C extends CommitIdentity>(commits: readonly C[], rules: Pick<OwnCommitRules, 'isRelease'>): C[] {
  return unlessAll([...commits], (c) => rules.isRelease(c.sha));
}

function unlessAll<C>(commits: C[], drop: (c: C) => boolean): C[] {
  const kept = commits.filter((c) => !drop(c));
  return kept.length > 0 ? kept : commits;
}
