import { RELEASE_COMMIT, type Change } from '../domain.js';
import type { GitHubPull, GitHubPullCommit } from '../sources/github/types.js';
import { compileCatalogue, type AiCatalogue } from './ai/compile.js';
import { addAiFindings } from './ai/facts.js';
import { pullAiEvidence } from './ai/pull.js';
import { CopyIndex, ownCommits, type CommitIdentity } from './own-commits.js';
import { pullEvents } from './pull-events.js';
import { reviewOf } from './pull-review.js';

export interface ApplyPullsOptions {
  requiredApprovals: number;
  isBot: (login: string) => boolean;
  /** the evidence catalogue, with the config's markers and labels; the built-in one when absent */
  ai?: AiCatalogue;
  /** the branch audited: a PR commit that merges it into the PR is not the PR's work */
  trackedBranch?: string;
  /** the commit is on a release line or behind a release tag (git knows; section 1) */
  isRelease?: (sha: string) => boolean;
  /** the commit is on the tracked branch, as far as the history git read knows */
  onBranch?: (sha: string) => boolean;
  /** author email, author date and subject of a commit git read: a PR commit may copy a direct push's */
  identityOf?: (sha: string) => CommitIdentity | undefined;
}

/**
 * The pull request of a change that landed it again, empty (buildChanges' `emptyRelandings`), when GitHub gives that
 * second commit for its merge: the change is its first landing, the second among its commits.
 */
function againOf(change: Change, bySha: ReadonlyMap<string, GitHubPull>): GitHubPull | undefined {
  if (change.number === null || change.kind !== 'squash') return undefined;
  for (const sha of change.commitShas) {
    const pull = bySha.get(sha);
    if (pull?.number === change.number) return pull;
  }
  return undefined;
}

/**
 * Joins merged pull requests to the changes git found, by merge commit (SPEC sections 1–2): a change gets
 * its PR's number, title, author, ready/first-review/approval times, and its first commit from the PR's own
 * commits (squash and rebase merges leave those out of the branch), and what its reviews and checks say
 * (`review`). A PR-landed change that git saw as a plain commit was a rebase (several commits) or a squash
 * without `(#N)`. Pure; mutates the changes.
 */
export function applyPulls(changes: Change[], pulls: readonly GitHubPull[], options: ApplyPullsOptions): void {
  const bySha = new Map(pulls.filter((p) => p.mergeCommitSha !== null).map((p) => [p.mergeCommitSha as string, p]));
  // a rebase merge put the PR's commits on the branch one by one: found first, so that they are this one
  // change's own commits and never what another change landed before it
  const absorbedBy = new Map<Change, Change>();
  changes.forEach((change, index) => {
    const pull = bySha.get(change.sha);
    if (pull && change.kind === 'direct' && pull.commits.length > 1) for (const earlier of rebasedCommits(changes, index, pull, bySha)) absorbedBy.set(earlier, change);
  });
  const landed = new LandedIndex();
  changes.forEach((change) => {
    if (absorbedBy.has(change)) return;
    const pull = bySha.get(change.sha) ?? againOf(change, bySha);
    if (!pull || change.kind === 'sync') {
      landed.addChange(change.commitShas, options.identityOf ?? (() => undefined));
      return;
    }
    const events = pullEvents(pull, { requiredApprovals: options.requiredApprovals, isBot: options.isBot });
    // git saw the PR's commits when it walked a merge or read the pull ref; else only the API lists them
    const unseen = change.kind === 'direct' || change.flags.includes('commits-unseen');
    if (change.kind === 'direct') {
      change.kind = pull.commits.length > 1 || replaysOnly(change, pull) ? 'rebase' : 'squash';
      // a release commit is a direct push: one that landed as a pull request is a change like any other
      change.flags = change.flags.filter((f) => f !== RELEASE_COMMIT);
      for (const [earlier, by] of absorbedBy) if (by === change) absorb(change, earlier);
    }
    const ai = options.ai ?? compileCatalogue();
    // the PR's own commits date the work of a squash or rebase merge (section 1's rules, as git applies them)
    const own = unseen && pull.commits.length > 0 ? ownPullCommits(pull, landed, options) : [];
    // an agent that wrote the first of its own commits made the work the agent's whoever opened it (astro's Houston
    // app opened its triage agent's pull requests): git found the agent as the change's author (`byAgent`), or the
    // API's commits name it where git did not see them
    const began = own.reduce<CommitIdentity | null>((first, c) => (first === null || c.authoredAt < first.authoredAt ? c : first), null);
    const agentWork = ai.author(change.author, change.authorEmail) !== null || (began !== null && ai.author('', began.authorEmail ?? '') !== null);
    change.number = pull.number;
    change.id = `#${pull.number}`;
    change.title = pull.title;
    change.author = pull.author;
    change.url = /^https?:\/\//.test(pull.url) ? pull.url : null;
    change.branch = pull.headRefName;
    // an agent's pull request is AI-assisted work, never a bot's, even when GitHub lists its account as a Bot
    const agent = agentWork || ai.pullAuthor(pull.author, pull.authorIsBot) !== null;
    change.bot = !agent && (pull.authorIsBot || options.isBot(pull.author));
    // the first own commit (only where git did not see them) dates the work
    if (began !== null) {
      change.commits = own.length;
      change.firstCommitAt = began.authoredAt;
      change.lastCommitAt = own.reduce((max, c) => Math.max(max, c.authoredAt), -Infinity);
      change.flags = change.flags.filter((f) => f !== 'commits-unseen');
      // the fork point git knows is the landing commit's parent, not where the PR's branch left: the API does
      // not say where that was, so whether the PR was rebased is unknown, never guessed from the landing
      change.forkPoints = [];
      change.forkPointAt = null;
    }
    landed.addPull(pull, change.commitShas);
    change.readyAt = events.readyAt;
    change.firstReviewAt = events.firstReviewAt;
    change.approvedAt = events.approvedAt;
    change.flags = [...new Set([...change.flags, ...events.flags])];
    if (change.size === null) change.size = { additions: pull.additions, deletions: pull.deletions, files: pull.changedFiles };
    // what git found, then what the pull request says: its commits, labels, author, description and branch
    // (the commits' authors only where git did not see the commits: git named them already)
    addAiFindings(change, pullAiEvidence(unseen ? pull : { ...pull, commits: pull.commits.map((c) => ({ message: c.message })) }, ai));
    change.review = reviewOf(pull, events.readyAt, events.rework);
    // for label slices (`label:NAME`, `--by label`)
    if (pull.labels.length > 0) change.labels = [...pull.labels];
  });
  // a rebase merge put the PR's commits on the branch one by one: they are this one change, not direct pushes
  for (let i = changes.length - 1; i >= 0; i--) if (absorbedBy.has(changes[i] as Change)) changes.splice(i, 1);
}

/**
 * A one-commit pull request landed by a rebase merge: its landing commit replays the PR's commit (same author
 * date and subject), as git-only finds it; a squash commit gets a new message (`… (#N)`) and date.
 */
function replaysOnly(change: Change, pull: GitHubPull): boolean {
  const only = pull.commits.length === 1 ? pull.commits[0] : undefined;
  return only !== undefined && only.authoredAt === change.firstCommitAt && subjectOf(only.message) === change.title;
}

/**
 * A PR's own commits among those the API lists (section 1): not a merge of the tracked branch into the PR,
 * not committed after the merge, not on a release line, not a copy of what an earlier change landed (by
 * sha, or by author email, author date and subject).
 */
function ownPullCommits(pull: GitHubPull, landed: LandedIndex, options: ApplyPullsOptions): CommitIdentity[] {
  const inPull = new Set(pull.commits.map((c) => c.sha));
  const commits = pull.commits
    .filter((c) => !bringsBranch(c, inPull, options))
    .map((c) => apiIdentity(c));
  return ownCommits(commits, { landed, isRelease: options.isRelease ?? (() => false) }, pull.mergedAt);
}

/**
 * Whether a PR commit merges the tracked branch into the PR. By structure (section 1): a parent that is on
 * the tracked branch and not one of the PR's commits makes it one, whatever its subject; a merge whose parents
 * are all the PR's own commits is the author's work, whatever its subject says. Only where a parent is unknown
 * here (older than the history read, or GitHub did not give parents) does the subject decide.
 */
function bringsBranch(commit: GitHubPullCommit, inPull: ReadonlySet<string>, options: ApplyPullsOptions): boolean {
  if (commit.parents.length === 1) return false;
  const onBranch = options.onBranch ?? (() => false);
  if (commit.parents.some((p) => !inPull.has(p) && onBranch(p))) return true;
  if (commit.parents.length >= 2 && commit.parents.every((p) => inPull.has(p))) return false;
  const tracked = options.trackedBranch ?? null;
  return tracked !== null && mergesBranch(subjectOf(commit.message), tracked);
}

function apiIdentity(c: GitHubPullCommit): CommitIdentity {
  return { sha: c.sha, authorEmail: c.authorEmail, authoredAt: c.authoredAt, committedAt: c.committedAt, subject: subjectOf(c.message) };
}

function subjectOf(message: string): string {
  const newline = message.indexOf('\n');
  return (newline === -1 ? message : message.slice(0, newline)).trim();
}

/** "Merge branch 'main' into x", "Merge remote-tracking branch 'origin/main'", "chore: merge main". */
function mergesBranch(subject: string, branch: string): boolean {
  const name = branch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(?:[\\w()!-]+:\\s*)?merge (?:remote-tracking )?(?:branch )?'?(?:[\\w.-]+/)?${name}'?(?:\\s|$)`, 'i').test(subject);
}

/**
 * What earlier changes landed, by sha (git's commits and the API's) and by author email, author date and
 * subject (copies).
 */
class LandedIndex extends CopyIndex {
  private readonly shas = new Set<string>();

  /** A change no pull request landed: its commits, keyed as copies where git read them. */
  addChange(shas: readonly string[], identityOf: (sha: string) => CommitIdentity | undefined): void {
    for (const sha of shas) {
      this.shas.add(sha);
      const identity = identityOf(sha);
      if (identity) this.add(identity);
    }
  }

  addPull(pull: GitHubPull, shas: readonly string[]): void {
    for (const sha of shas) this.shas.add(sha);
    for (const c of pull.commits) {
      this.shas.add(c.sha);
      this.add(apiIdentity(c));
    }
  }

  override has(commit: CommitIdentity): boolean {
    return this.shas.has(commit.sha) || super.has(commit);
  }
}

/**
 * The direct-push changes just before a rebase merge's landing commit that are the PR's other commits:
 * GitHub names only the last rebased commit; the ones before it are copies of the PR's commits (same author
 * date and subject). A change that is itself a pull request's landing commit is not one.
 */
function rebasedCommits(changes: Change[], index: number, pull: GitHubPull, bySha: ReadonlyMap<string, GitHubPull>): Change[] {
  const copies = new Set(pull.commits.map((c) => `${c.authoredAt}\x1f${subjectOf(c.message)}`));
  const found: Change[] = [];
  for (let i = index - 1; i >= 0 && found.length < pull.commits.length - 1; i--) {
    const earlier = changes[i] as Change;
    if (earlier.kind !== 'direct' || bySha.has(earlier.sha) || !copies.has(`${earlier.firstCommitAt}\x1f${earlier.title}`)) break;
    found.push(earlier);
  }
  return found;
}

function absorb(change: Change, earlier: Change): void {
  // a new list: the change's own may be shared with the history it was built from
  change.commitShas = [...change.commitShas, ...earlier.commitShas];
  // the PR's size is the sum of its rebased commits' diffs: unknown when any one is
  change.size = change.size === null || earlier.size === null ? null : {
    additions: change.size.additions + earlier.size.additions,
    deletions: change.size.deletions + earlier.size.deletions,
    files: change.size.files + earlier.size.files,
  };
}
