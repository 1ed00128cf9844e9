/** Domain types shared by the model, metrics and renderers. Times are epoch seconds (UTC); durations seconds. */

/** One commit as the model needs it: what its message says is extracted at read time, the body is not kept. */
export interface Commit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** author date: survives rebase, so it dates the work */
  authoredAt: number;
  committedAt: number;
  subject: string;
  /**
   * the line under the subject that titles the commit: the body's first non-empty line, past lines that only
   * close an issue (`Closes gh-12`), and in git's merge log (`* branch:` above its commits' subjects) the oldest
   * commit listed: the PR title in a GitHub merge commit; kept for other commits only when it ends in `(#N)` (a
   * backport bot's squash names the change it copies there)
   */
  bodyFirstLine: string;
  /** `PR-URL:` / `Reviewed-on:` / `Link:` trailer value, when present */
  landingUrl: string | null;
  /**
   * the GitLab merge request a merge commit lands, from the `See merge request group/project!N` line GitLab
   * writes last in its merge commits (the line above it is the merge request's title); null for other commits
   */
  mergeRequest: number | null;
  /** what the message says of an AI tool (the evidence catalogue's message signatures), in message order */
  aiEvidence: readonly AiFinding[];
  /** shas named by `This reverts commit <sha>` */
  revertsShas: string[];
  /** PR numbers named by `Reverts #N` / `Reverts owner/repo#N` */
  revertsPrs: number[];
  /** Gerrit change numbers a revert's message names (`Temporarily revert CL 686075`, `This reverts CL N`) */
  revertsCls: number[];
  /** shas named by `(cherry picked from commit X)` lines: a backport names what it copies */
  cherryPickOf: string[];
  /**
   * pull request numbers a backport phrase names (`Backport of #N`, `Automated cherry pick of #N`, `(cherry
   * picked from #N)`, `(GH-N)`): a backport bot's commit names the change it copies only so
   */
  backportOf: number[];
  /**
   * pull request numbers a closing line names (`Closes #N`, `Closes https://github.com/o/n/pull/N`): curl lands
   * its pull requests by rebasing them onto master as plain commits that say so
   */
  closesPulls: number[];
  /**
   * the `Change-Id:` Gerrit's commit-msg hook writes last in a message (`I` and 40 hex digits), null where there is
   * none: Gerrit keeps it when a change is cherry-picked to another branch, so a release line's copy carries it
   */
  changeId: string | null;
  /**
   * the message says it is a revert: its subject (`Revert "…"`, `revert: …`) or its body's first paragraph
   * (`This reverts commit …`); a `This reverts commit` line deeper in a body is a sub-commit's
   */
  revertMessage: boolean;
}

/** What a commit message says that the model needs: read once, as the history streams by. */
export type MessageFacts = Pick<Commit, 'subject' | 'bodyFirstLine' | 'landingUrl' | 'mergeRequest' | 'aiEvidence' | 'revertsShas' | 'revertsPrs' | 'revertsCls' | 'cherryPickOf' | 'backportOf' | 'closesPulls' | 'changeId' | 'revertMessage'>;

/**
 * How strongly evidence says an AI tool took part (SPEC section 5): `agent`, the agent authored the commits or
 * opened the pull request; `assisted`, a person's change names the tool; `weak`, a branch name only.
 */
export type AiStrength = 'agent' | 'assisted' | 'weak';

export const AI_STRENGTHS: readonly AiStrength[] = ['agent', 'assisted', 'weak'];

/** One piece of AI evidence: the tool it names (the catalogue's id), its strength, and the line a reader sees. */
export interface AiFinding {
  readonly tool: string;
  readonly strength: AiStrength;
  readonly line: string;
}

export type ChangeKind = 'merge' | 'squash' | 'rebase' | 'trailer' | 'direct' | 'sync';

/**
 * The flag of a **release commit**: a direct push (no pull request) whose subject sets the project's own version,
 * tagged with that very version (on it, or on a copy of it), or says it publishes and names no version (`chore:
 * publish`), tagged with versions. Release mechanics, not a change: listed, and left out of every figure as a sync
 * is, whoever pushed it.
 */
export const RELEASE_COMMIT = 'release-commit';

export type StageName = 'coding' | 'pickup' | 'review' | 'merge' | 'deploy';
export const STAGES: readonly StageName[] = ['coding', 'pickup', 'review', 'merge', 'deploy'];

export type Stages = Record<StageName, number | null>;

export interface Size {
  additions: number;
  deletions: number;
  files: number;
}

/** A unit of work that reached the tracked branch (SPEC section 1). */
export interface Change {
  id: string;
  number: number | null;
  title: string;
  author: string;
  authorEmail: string;
  url: string | null;
  branch: string | null;
  kind: ChangeKind;
  /** the landing commit: merge, squash or last trailer-linked commit */
  sha: string;
  /**
   * shas of the change's commits, for reverts to name: its own, its landing commits and its pull ref's (for a
   * squash without its PR's commits: the squash commit)
   */
  commitShas: string[];
  /** null when the change's own commits are not in the clone (a squash merge without its PR ref) */
  commits: number | null;
  size: Size | null;
  /** a sync's: the pull requests that landed on the line it brings in (merged there first), for the report's notes */
  carriedPulls?: number;
  /**
   * a sync's: the line its pull requests came through when its own branch only merged that line in (`Merge branch
   * 'main' into sync-main`, then `Merge pull request #7 from acme/sync-main`), for the notes; absent when its branch
   * is that line
   */
  carriedFrom?: string;
  /** the first-parent commits whose diffs make the size, when there are several of them (else `sha` alone) */
  landedShas?: string[];
  bot: boolean;
  firstCommitAt: number | null;
  lastCommitAt: number | null;
  readyAt: number | null;
  firstReviewAt: number | null;
  approvedAt: number | null;
  mergedAt: number;
  deployedAt: number | null;
  /**
   * the ref (its tag) of the deploy that shipped it first, even one that went out before its merge (whose
   * `deployedAt` is the merge): what ties the change to that deploy; null while none has; absent from a change
   * read back from a report written before it was kept
   */
  deployRef?: string | null;
  /** commits on the tracked branch where the change's history left it */
  forkPoints: string[];
  /** the fork point's commit date: a first commit older than it is flagged `rebased` (never clamped) */
  forkPointAt: number | null;
  flags: string[];
  /** the lines of the evidence that make it AI-assisted (agent or assisted strength); empty when there is none */
  aiEvidence: string[];
  /**
   * the AI tools its evidence names (the catalogue's ids): those of its agent and assisted evidence, else of its
   * weak evidence; absent when it has none
   */
  aiTools?: string[];
  /** the strength of its strongest AI evidence; absent when it has none */
  aiStrength?: AiStrength;
  /** the lines of its weak evidence (a branch name): counted apart, never AI-assisted on their own */
  aiWeakEvidence?: string[];
  /** every piece of AI evidence found, the model's record the four fields above are made from */
  aiFindings?: AiFinding[];
  revertedBy: string | null;
  /** the change is itself a revert of another change */
  isRevert: boolean;
  stages: Stages;
  cycleTime: number | null;
  leadTime: number | null;
  /** what GitHub says of the change's review and checks; null from git alone */
  review: ChangeReview | null;
  /** its pull request's labels (GitHub mode), when it has any: label slices */
  labels?: string[];
  /** in a repository of several products: those whose code it touched, else the one whose deploy shipped it */
  products?: string[];
  /**
   * in a repository of several products: for each of its `products`, in their order, when that product's own
   * first deploy that ships it went out (SPEC section 3); `deployedAt` is the earliest of any product's
   */
  productDeploys?: ProductDeploy[];
  /** in a report over several repositories: whose change it is */
  repository?: string;
  /**
   * in a report over several repositories: when the report it was read from was made (epoch s, that report's now).
   * Whether it shipped after that is unknown: a change still waiting has waited until then, not until the whole's
   * later now (a repository last read in 2019 would read as waiting seven years)
   */
  seenUntil?: number;
}

/**
 * A change as one product of a monorepo shipped it: the first deploy of that product that ships it, and the
 * change's deploy wait and lead time measured to it, as its own `stages.deploy` and `leadTime` are to its
 * earliest deploy of any product. A change of two products is deployed at different times for each.
 */
export interface ProductDeploy {
  product: string;
  /** that deploy's ref (its tag); null while none of the product's deploys has shipped it */
  ref: string | null;
  /** when it went out (at the merge when it went out before: `deployed-before-merge`); null while none has */
  deployedAt: number | null;
  /** merge → that deploy (the deploy stage); null while none has */
  deployWait: number | null;
  /** first commit → that deploy; null while none has, or without a first commit */
  leadTime: number | null;
}

/**
 * What the figures read of a change: every metric and the report builder take this, so a change read back
 * from a JSON report (aggregate) is measured exactly as one read from git, without the commit lists and
 * fork points that only the model needs.
 */
export type MeasuredChange = Pick<
  Change,
  | 'id' | 'title' | 'url' | 'author' | 'kind' | 'bot'
  | 'firstCommitAt' | 'lastCommitAt' | 'readyAt' | 'firstReviewAt' | 'approvedAt' | 'mergedAt' | 'deployedAt' | 'deployRef'
  | 'stages' | 'cycleTime' | 'leadTime' | 'size' | 'flags' | 'aiEvidence' | 'aiTools' | 'aiStrength' | 'revertedBy' | 'review' | 'repository'
  | 'productDeploys' | 'seenUntil' | 'carriedPulls'
>;

/**
 * What a pull request's reviews, comments, pushes and checks say, reduced to what the flow figures read
 * (SPEC section 5). Reviews and comments are by humans other than the author.
 */
export interface ChangeReview {
  /** submitted reviews (any state but PENDING) per reviewer login, lower-cased, busiest first */
  reviewers: Array<{ login: string; reviews: number }>;
  /** epoch seconds of each of those reviews, ascending: when the reviewing was done (reviews per week) */
  reviewedAt: number[];
  /**
   * the login (lower-cased) of each of those reviews, in `reviewedAt`'s order: who reviewed when (large AI-assisted
   * pull requests per reviewer-day); absent from reports made before it was kept
   */
  reviewedBy?: string[];
  /** who gave the first review or comment between ready and merge */
  firstReviewer: string | null;
  /** conversation comments and COMMENTED / CHANGES_REQUESTED reviews: review depth */
  comments: number;
  commitsAfterFirstReview: number;
  forcePushesAfterFirstReview: number;
  changesRequested: boolean;
  /** check runs on the final head commit; null when it had none */
  checks: ChangeChecks | null;
}

export interface ChangeChecks {
  /** max(completedAt) − min(startedAt), seconds; null when no run has both ends */
  wallTime: number | null;
  /** epoch seconds of the last completion, for the merge wait spent on checks */
  lastCompletedAt: number | null;
  /** distinct check names */
  names: string[];
  /** names that concluded FAILURE and later SUCCESS on the same commit */
  flaky: string[];
}

/** A pull request still open at `now` (GitHub mode): work in progress. */
export interface OpenPull {
  number: number;
  title: string;
  url: string | null;
  author: string;
  bot: boolean;
  createdAt: number;
  isDraft: boolean;
  /** where its review stands at `now`, for the queues (GitHub mode; absent when the source did not say) */
  events?: OpenPullEvents;
  /** its AI evidence, as a change's (see Change); absent when it has none */
  aiEvidence?: string[];
  aiTools?: string[];
  aiStrength?: AiStrength;
  aiWeakEvidence?: string[];
  repository?: string;
}

/** An open pull request's review events so far (SPEC section 2's T2, T4, T5), by the same rules as a merged one's. */
export interface OpenPullEvents {
  /** T2, epoch s; null while it is a draft */
  readyAt: number | null;
  /** T4; null while nobody has reviewed it */
  firstReviewAt: number | null;
  /** T5; null while not approved */
  approvedAt: number | null;
  /** epoch seconds of its submitted reviews by humans other than the author, ascending */
  reviewedAt: number[];
}

/**
 * A pull request into the tracked branch closed without merging (GitHub mode): what acceptance weighs against
 * the merged ones. Reviews and comments are by people other than the author (no bot's).
 */
export interface ClosedPull {
  number: number;
  title: string;
  url: string | null;
  author: string;
  /** automation (never an AI agent): left out as a bot's change is, unless bots are counted */
  bot: boolean;
  createdAt: number;
  closedAt: number;
  /** still a draft when closed: never put up for review */
  isDraft: boolean;
  /** closed by the AI agent that opened it, as a failed run: no work anyone rejected */
  failedRun: boolean;
  /**
   * its number names a change on the tracked branch: it landed other than by GitHub's merge button (its commits
   * pushed, a commit queue or merge bot that closes the pull request), so it was accepted, not rejected
   */
  landed: boolean;
  /** what marks it AI-assisted, as a change's `aiEvidence` */
  aiEvidence: string[];
  /** the tools of its evidence, the strength of its strongest and its weak evidence apart, as a change's */
  aiTools?: string[];
  aiStrength?: AiStrength;
  aiWeakEvidence?: string[];
  reviews: number;
  comments: number;
  /** the first of those reviews and comments, before the close; null when there was none */
  firstReviewAt: number | null;
  /** who closed it, when GitHub says */
  closedBy: string | null;
  repository?: string;
}

export type DeploySignalKind = 'events' | 'branch' | 'deployments' | 'workflow' | 'releases' | 'tags' | 'merge';

export interface Deploy {
  ref: string;
  sha: string;
  at: number;
  /** shas of the landing commits of the changes it shipped first */
  changeShas: string[];
  rollback: boolean;
  /** it shipped only reverts, hotfixes and fixes of a failed deploy: unplanned rework (DORA's deployment rework rate) */
  rework: boolean;
  failed: boolean;
  failureReasons: string[];
  /** seconds until the deploy that removed the failure; null when not failed or not yet restored */
  restoredAfter: number | null;
  /**
   * the reverts that failed it, each by its commit (a change's landing commit, or a release line's) and when it
   * landed; absent when no revert did. They say what removed the failure, and so which changes fixed it
   */
  failingReverts?: FailingRevert[];
  /** in a repository of several products: the product it deployed */
  product?: string;
  /** in a report over several repositories: whose deploy it is */
  repository?: string;
}

/** A revert that failed a deploy: its commit, and when it landed on its branch. */
export interface FailingRevert {
  sha: string;
  at: number;
}

/** What the figures read of a deploy (see MeasuredChange). */
export type MeasuredDeploy = Pick<Deploy, 'at' | 'failed' | 'rollback' | 'rework' | 'restoredAfter' | 'repository' | 'product'> & { sha?: string; ref?: string };

export interface Window {
  since: number;
  until: number;
  /** the history's first commit, when it is later than `since`: the window before it is not measured */
  historyFrom?: number;
  /**
   * where the history ends, when before `until`: a product whose package was removed in the window (its
   * manifest deleted) has no history after that, and the window after it is not measured
   */
  historyUntil?: number;
}
