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
  // by subject, then author date: the email, or the emails when several authors share them ('' for unknown).
  // Keyed by the subject string the commit already holds rather than a key built per commit (every landed
  // commit of the history is in it, and each built key was a string of its own); a subject landed at
  // several dates ("Update CHANGELOG.md") gets a map by date
  private readonly bySubject = new Map<string, { at: number; emails: Emails } | Map<number, Emails>>();

  add(commit: CommitIdentity): void {
    const email = commit.authorEmail ?? '';
    const known = this.bySubject.get(commit.subject);
    if (known === undefined) this.bySubject.set(commit.subject, { at: commit.authoredAt, emails: email });
    else if (known instanceof Map) known.set(commit.authoredAt, withEmail(known.get(commit.authoredAt), email));
    else if (known.at === commit.authoredAt) known.emails = withEmail(known.emails, email);
    else this.bySubject.set(commit.subject, new Map([[known.at, known.emails], [commit.authoredAt, email]]));
  }

  has(commit: CommitIdentity): boolean {
    const known = this.bySubject.get(commit.subject);
    const emails = known === undefined || known instanceof Map ? known?.get(commit.authoredAt) : known.at === commit.authoredAt ? known.emails : undefined;
    if (emails === undefined) return false;
    const matches = (email: string): boolean => commit.authorEmail === null || email === '' || email === commit.authorEmail;
    return typeof emails === 'string' ? matches(emails) : emails.some(matches);
  }
}

/** The author emails of the commits landed with one subject and author date. */
type Emails = string | string[];

function withEmail(emails: Emails | undefined, email: string): Emails {
  if (emails === undefined) return email;
  if (typeof emails === 'string') return emails === email ? emails : [emails, email];
  if (!emails.includes(email)) emails.push(email);
  return emails;
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
 *   commits are possible, as in a merge's side walk); unless all are, when those written by then are (committedBy);
 * - commits on a release line or behind a release tag are not its own, unless all of them are (then the
 *   same branch was also merged into the release line: its work still);
 * - copies of commits that an earlier change landed are not its own, unless all of them are (a cherry-pick,
 *   a backport, a reland after a revert).
 * Pure; keeps the order it was given.
 */
export function ownCommits<C extends CommitIdentity>(commits: readonly C[], rules: OwnCommitRules, landedAt: number | null): C[] {
  const before = landedAt === null ? [...commits] : committedBy(commits, landedAt);
  const notRelease = unlessAll(before, (c) => rules.isRelease(c.sha));
  return unlessAll(notRelease, (c) => rules.landed.has(c));
}

/** Whether a commit, taken alone, is not the work of the change it arrives with: a release commit or a copy. */
export function carriedOver(commit: CommitIdentity, rules: OwnCommitRules): boolean {
  return rules.isRelease(commit.sha) || rules.landed.has(commit);
}

/**
 * A pull ref's commits that can be the change's: not those on a release line or behind a release tag (a
 * branch based on an untracked release commit carries it), unless all are (a release pull request); nor copies
 * of commits earlier changes landed, unless all are (a reland): a branch that merged another line in carries that
 * line's copies of the tracked branch's changes (pnpm's #9854 merged `v11`, and with it v11's copy of #9886, which
 * v10.15.1 released two months before #9854 merged: read as #9854's, it shipped #9854 then). These are the shas a
 * backport's copy or a revert may name; `rules.landed` must not hold the change's own commits yet. Pure.
 */
export function pullRefCommits<C extends CommitIdentity>(commits: readonly C[], rules: OwnCommitRules): C[] {
  return ownCommits(commits, rules, null);
}

/**
 * The commits committed by `at`; where none was, those written by then: a branch committed again after its squash
 * (rebased or re-signed, the same work) is still the change's. renovatebot/renovate's #44658: its four commits,
 * written 10:08-10:11, were committed again at 10:54, seven minutes after the squash of the same diff, and the change
 * read as one whose commits the clone lacks, with no cycle or lead time.
 */
function committedBy<C extends CommitIdentity>(commits: readonly C[], at: number): C[] {
  const kept = commits.filter((c) => c.committedAt <= at);
  return kept.length > 0 ? kept : commits.filter((c) => c.authoredAt <= at);
}

function unlessAll<C>(commits: C[], drop: (c: C) => boolean): C[] {
  const kept = commits.filter((c) => !drop(c));
  return kept.length > 0 ? kept : commits;
}
