/**
 * What the GitHub source hands to the model: domain shapes, never raw GraphQL (`nodes`, `pageInfo`).
 * Times are epoch seconds (UTC); null where GitHub has no value.
 */

export type PullEventType = 'ready' | 'draft' | 'reviewRequested' | 'forcePush' | 'mergeQueue';

export interface GitHubPullCommit {
  sha: string;
  /** the git author's email; null when GitHub does not give it */
  authorEmail: string | null;
  /** up to two parents (enough to tell a merge and its side); empty when GitHub did not say */
  parents: string[];
  authoredAt: number;
  committedAt: number;
  message: string;
}

export interface GitHubReview {
  /** login; `ghost` when the account was deleted */
  author: string;
  /** GitHub says the author is a `Bot` (or the login ends in `[bot]`) */
  authorIsBot: boolean;
  /** APPROVED | CHANGES_REQUESTED | COMMENTED | DISMISSED | PENDING */
  state: string;
  /** null for a PENDING (unsubmitted) review */
  submittedAt: number | null;
}

export interface GitHubComment {
  author: string;
  authorIsBot: boolean;
  createdAt: number;
}

export interface GitHubPullEvent {
  type: PullEventType;
  at: number;
}

export interface GitHubCheck {
  name: string;
  /** QUEUED | IN_PROGRESS | COMPLETED | … */
  status: string;
  /** SUCCESS | FAILURE | … ; null while not completed */
  conclusion: string | null;
  startedAt: number | null;
  completedAt: number | null;
}

/**
 * What a pull request says of the AI tools behind it (`PULL_AI_EVIDENCE` in `queries.ts`): who opened it, its head
 * branch, labels and description.
 */
export interface GitHubPullAiEvidence {
  /** login; `ghost` when the account was deleted */
  author: string;
  /** GitHub says the author is a `Bot` (an app, whose login comes without `[bot]`), or the login ends in `[bot]` */
  authorIsBot: boolean;
  headRefName: string;
  labels: string[];
  /**
   * its description, as much as says what wrote it: the first `PULL_BODY_HEAD` and the last `PULL_BODY_TAIL`
   * characters of a longer one (the tools write their lines at its end); '' when there is none
   */
  body: string;
}

/** A merged pull request into the tracked branch. */
export interface GitHubPull extends GitHubPullAiEvidence {
  number: number;
  title: string;
  url: string;
  createdAt: number;
  updatedAt: number;
  mergedAt: number;
  /** null when GitHub has no merge commit (rare: merged by a push of the head) */
  mergeCommitSha: string | null;
  additions: number;
  deletions: number;
  changedFiles: number;
  /** the PR's own commits, oldest first (as GitHub lists them) */
  commits: GitHubPullCommit[];
  /** submitted reviews and pending ones (submittedAt null), in GitHub's order */
  reviews: GitHubReview[];
  /** PR conversation comments; review comments arrive as reviews (every one belongs to a review) */
  comments: GitHubComment[];
  /** timeline events, oldest first */
  events: GitHubPullEvent[];
  /** check runs of the final head commit (all attempts, so re-runs show up) */
  checks: GitHubCheck[];
  /** opened as a draft: the first ready/draft event is a ready-for-review event */
  wasDraft: boolean;
}

/**
 * A merged pull request into a release line, as much as says which change it backports: its title and what of
 * its description can name one (a backport bot's squash may carry the title alone, its description `Backport
 * of #N`).
 */
export interface GitHubLinePull {
  number: number;
  /** the release line it merged into */
  base: string;
  title: string;
  /**
   * the description's lines that can name a change, in their order: its first line with more than white space
   * and each line naming a number (`#N`, `GH-N`); a reference names a number, so nothing else can link
   */
  body: string;
  mergedAt: number;
  updatedAt: number;
  /** the commit it landed as on the line: the squash, the merge commit, or a rebase's last commit */
  mergeCommitSha: string;
}

export interface GitHubDeploymentStatus {
  /** SUCCESS | FAILURE | ERROR | INACTIVE | IN_PROGRESS | QUEUED | PENDING | WAITING */
  state: string;
  at: number;
}

export interface GitHubDeployment {
  environment: string;
  createdAt: number;
  /** the deployed commit; null when GitHub no longer has it */
  sha: string | null;
  /** the ref deployed (branch or tag name), when GitHub knows it */
  ref: string | null;
  /** oldest first */
  statuses: GitHubDeploymentStatus[];
}

export interface GitHubRelease {
  tagName: string;
  createdAt: number;
  publishedAt: number | null;
  isDraft: boolean;
  isPrerelease: boolean;
  /** the tagged commit; null for a draft whose tag does not exist yet */
  sha: string | null;
}

export interface GitHubOpenPull extends GitHubPullAiEvidence {
  number: number;
  title: string;
  url: string;
  createdAt: number;
  updatedAt: number;
  isDraft: boolean;
  baseRefName: string;
  /** opened as a draft: the first ready/draft event is a ready-for-review event */
  wasDraft: boolean;
  /** the first page of its ready/draft events, reviews and comments (the queues read where its review stands) */
  events: GitHubPullEvent[];
  reviews: GitHubReview[];
  comments: GitHubComment[];
}

/** Who did something on GitHub: a login (`ghost` for a deleted account) and whether GitHub says it is a `Bot`. */
export interface GitHubActor {
  login: string;
  isBot: boolean;
}

/**
 * A pull request into the tracked branch closed without merging: what says whether an AI tool made it, the
 * reviews and comments it got, and who closed it.
 */
export interface GitHubClosedPull {
  number: number;
  title: string;
  url: string;
  author: string;
  authorIsBot: boolean;
  createdAt: number;
  updatedAt: number;
  closedAt: number;
  /** a draft when it was closed */
  isDraft: boolean;
  headRefName: string;
  labels: string[];
  /** its description, its first and last few KB when longer (an agent's footer ends it) */
  body: string;
  /** the messages of its first commits (each's first and last few KB) */
  commitMessages: string[];
  /** the first page of its reviews and of its conversation comments */
  reviews: GitHubReview[];
  comments: GitHubComment[];
  /** it had more reviews or comments than that page: their counts are at least what was read */
  truncated: boolean;
  /** who closed it, when GitHub says (its last ClosedEvent's actor) */
  closedBy: GitHubActor | null;
}

export interface GitHubIncident {
  number: number;
  title: string;
  url: string;
  createdAt: number;
  closedAt: number | null;
  labels: string[];
}

export interface GitHubData {
  /** merged into the base branch, merged at or after `since`, newest update first */
  pulls: GitHubPull[];
  /** every environment (the caller picks production), created at or after `since - lookback`, oldest first */
  deployments: GitHubDeployment[];
  /** created at or after `since - lookback`, oldest first */
  releases: GitHubRelease[];
  /** open now, any base branch, oldest first */
  openPulls: GitHubOpenPull[];
  /** issues carrying the incident label, updated at or after `since - lookback`, oldest first */
  incidents: GitHubIncident[];
  /** closed without merging into the base branch at or after `closedSince` (else `since`), oldest close first */
  closedPulls: GitHubClosedPull[];
  /** the closed list was read back to its start: false when the fetch stopped early (--partial) before it was */
  closedComplete: boolean;
  /** HTTP requests sent (retries included) */
  requests: number;
  /** rate-limit points GitHub charged (sum of `rateLimit.cost`) */
  cost: number;
  /** true when a rate limit stopped the fetch and `partial` was asked for: the data is incomplete */
  partial: boolean;
  warnings: string[];
  /** where the cache was read from and written to; null with noCache */
  cacheFile: string | null;
  /** pull requests served from the cache rather than fetched in this run */
  cachedPulls: number;
}
