/**
 * The named GraphQL operations flowaudit sends, with the raw response shapes beside them. Only this folder
 * sees these shapes: `map.ts` turns them into the domain types of `types.ts`.
 *
 * Cost (GitHub charges one point per 100 "connection requests", each nested connection counting once per
 * parent it could appear under): a 100-PR page below is about 12 points. Nested sizes are kept small
 * because most PRs have few reviews, comments and timeline events; the ones that overflow get follow-ups
 * (`overflowOperation`) for those PRs only. Review comments are not fetched on their own: every review
 * comment belongs to a review (a lone comment makes a COMMENTED review), so `reviews` already dates it.
 */
import type { Operation } from './request.js';

// ------------------------------------------------------------------------------------------ raw shapes

export interface RawPageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface RawConnection<T> {
  /** how many GitHub counts in the whole list: paging never goes far past it */
  totalCount?: number | null;
  pageInfo: RawPageInfo | null;
  nodes: Array<T | null> | null;
}

export interface RawActor {
  __typename: string;
  login: string;
}

export interface RawCommit {
  commit: {
    oid: string;
    authoredDate: string;
    committedDate: string;
    message: string;
    author?: { email: string | null } | null;
  } | null;
}

export interface RawCheckRun {
  name: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface RawCheckSuite {
  checkRuns: { pageInfo: { hasNextPage: boolean }; nodes: Array<RawCheckRun | null> | null } | null;
}

/** `commits(last: 1)`: the final head commit and its check suites */
export interface RawHeadCommit {
  nodes: Array<{
    commit: { oid: string; checkSuites: { pageInfo: { hasNextPage: boolean }; nodes: Array<RawCheckSuite | null> | null } | null } | null;
  } | null> | null;
}

export interface RawTimelineItem {
  __typename: string;
  createdAt?: string;
}

export interface RawReview {
  state: string;
  submittedAt: string | null;
  author: RawActor | null;
}

export interface RawComment {
  createdAt: string;
  author: RawActor | null;
}

/**
 * What a pull request says of the AI tools behind it, in any state (`PULL_AI_EVIDENCE`): who opened it (an agent's
 * app is a `Bot`), its head branch, labels and description.
 */
export interface RawPullAiEvidence {
  author: RawActor | null;
  headRefName: string;
  labels: { nodes: Array<{ name: string } | null> | null } | null;
  body: string | null;
}

export interface RawMergedPull extends RawPullAiEvidence {
  number: number;
  title: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  isDraft: boolean;
  baseRefName: string;
  additions: number;
  deletions: number;
  changedFiles: number;
  mergeCommit: { oid: string } | null;
  commits: RawConnection<RawCommit>;
  headCommit: RawHeadCommit;
  timelineItems: RawConnection<RawTimelineItem>;
  reviews: RawConnection<RawReview> | null;
  comments: RawConnection<RawComment>;
}

export interface RawDeployment {
  environment: string | null;
  createdAt: string;
  commit: { oid: string } | null;
  ref: { name: string } | null;
  statuses: { pageInfo: { hasNextPage: boolean }; nodes: Array<{ state: string; createdAt: string } | null> | null } | null;
}

export interface RawRelease {
  tagName: string;
  createdAt: string;
  publishedAt: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  tagCommit: { oid: string } | null;
}

export interface RawOpenPull extends Partial<RawPullAiEvidence> {
  number: number;
  title: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  isDraft: boolean;
  baseRefName: string;
  author: RawActor | null;
  /** the first page only (no follow-up): enough to date its first review and approval */
  timelineItems?: { nodes: Array<RawTimelineItem | null> | null } | null;
  reviews?: { nodes: Array<RawReview | null> | null } | null;
  comments?: { nodes: Array<RawComment | null> | null } | null;
}

/**
 * A pull request closed without merging, as the closed list reads it: what says whether an AI tool made it (its
 * author, branch, labels, description, commit messages), the first page of its reviews and comments, and who
 * closed it (its last ClosedEvent).
 */
export interface RawClosedPull {
  number: number;
  title: string;
  url: string;
  body: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  isDraft: boolean;
  headRefName: string;
  author: RawActor | null;
  labels: { nodes: Array<{ name: string } | null> | null } | null;
  commits: { totalCount?: number | null; nodes: Array<{ commit: { message: string } | null } | null> | null } | null;
  reviews: RawConnection<RawReview> | null;
  comments: RawConnection<RawComment> | null;
  closedEvent: { nodes: Array<{ __typename: string; createdAt?: string; actor?: RawActor | null } | null> | null } | null;
}

export interface RawIssue {
  number: number;
  title: string;
  url: string;
  createdAt: string;
  closedAt: string | null;
  labels: { nodes: Array<{ name: string } | null> | null } | null;
}

export interface RawRateLimit {
  cost: number;
  remaining: number;
  resetAt: string;
}

export interface SnapshotData {
  repository: {
    merged: RawConnection<RawMergedPull>;
    deployments: RawConnection<RawDeployment>;
    releases: RawConnection<RawRelease>;
    open: RawConnection<RawOpenPull>;
    incidents: RawConnection<RawIssue>;
    closed: RawConnection<RawClosedPull>;
  } | null;
  rateLimit: RawRateLimit | null;
}

export interface MergedPullsData {
  repository: { merged: RawConnection<RawMergedPull> } | null;
  rateLimit: RawRateLimit | null;
}

export interface DeploymentsData {
  repository: { deployments: RawConnection<RawDeployment> } | null;
  rateLimit: RawRateLimit | null;
}

export interface ReleasesData {
  repository: { releases: RawConnection<RawRelease> } | null;
  rateLimit: RawRateLimit | null;
}

export interface OpenPullsData {
  repository: { open: RawConnection<RawOpenPull> } | null;
  rateLimit: RawRateLimit | null;
}

export interface ClosedPullsData {
  repository: { closed: RawConnection<RawClosedPull> } | null;
  rateLimit: RawRateLimit | null;
}

export interface IncidentsData {
  repository: { incidents: RawConnection<RawIssue> } | null;
  rateLimit: RawRateLimit | null;
}

/** One aliased PR (`p0`, `p1`, …) of an overflow follow-up: only the connections asked for are present. */
export interface RawOverflowPull {
  number: number;
  commits?: RawConnection<RawCommit>;
  reviews?: RawConnection<RawReview> | null;
  timelineItems?: RawConnection<RawTimelineItem>;
  comments?: RawConnection<RawComment>;
  headCommit?: RawHeadCommit;
}

export interface OverflowData {
  repository: Record<string, RawOverflowPull | null> | null;
  rateLimit: RawRateLimit | null;
}

// ------------------------------------------------------------------------------------------ fragments

/** Nested page sizes of the merged-PR page: small, since a 100-PR page multiplies each by 100. */
export const NESTED = { labels: 20, commits: 100, checkSuites: 5, checkRuns: 20, timeline: 20, reviews: 20, comments: 10 } as const;
/** Page sizes of follow-ups and of the small connections. */
export const FOLLOW_UP = { page: 100, checkSuites: 25, checkRuns: 100 } as const;

export const TIMELINE_TYPES = 'READY_FOR_REVIEW_EVENT, CONVERT_TO_DRAFT_EVENT, REVIEW_REQUESTED_EVENT, HEAD_REF_FORCE_PUSHED_EVENT, ADDED_TO_MERGE_QUEUE_EVENT';

const ACTOR = '{ __typename login }';
const PAGE_INFO = 'totalCount pageInfo { hasNextPage endCursor }';
// no parents here: a connection in every listed commit would make a page cost ten times as much (CommitParents)
const COMMIT_NODES = 'nodes { commit { oid authoredDate committedDate message author { email } } }';
const TIMELINE_NODES = `nodes {
      __typename
      ... on ReadyForReviewEvent { createdAt }
      ... on ConvertToDraftEvent { createdAt }
      ... on ReviewRequestedEvent { createdAt }
      ... on HeadRefForcePushedEvent { createdAt }
      ... on AddedToMergeQueueEvent { createdAt }
    }`;
const REVIEW_NODES = `nodes { state submittedAt author ${ACTOR} }`;
const COMMENT_NODES = `nodes { createdAt author ${ACTOR} }`;
const CHECK_RUN_NODES = 'nodes { name status conclusion startedAt completedAt }';

function headCommit(suites: number, runs: number): string {
  return `headCommit: commits(last: 1) {
    nodes { commit { oid checkSuites(first: ${suites}) { pageInfo { hasNextPage } nodes {
      checkRuns(first: ${runs}, filterBy: { checkType: ALL }) { pageInfo { hasNextPage } ${CHECK_RUN_NODES} }
    } } } }
  }`;
}

/**
 * The fragment of what a pull request says of the AI tools behind it, for every read of pull requests (merged,
 * open, closed): spread `...PullAiEvidence` into a pull request's selection and append `PULL_AI_EVIDENCE` to the
 * operation; map it with `mapPullAiEvidence`. One labels connection per pull request.
 */
export const PULL_AI_EVIDENCE = `fragment PullAiEvidence on PullRequest {
  author ${ACTOR} headRefName body
  labels(first: ${NESTED.labels}) { nodes { name } }
}`;

const MERGED_PULL_FRAGMENT = `fragment MergedPull on PullRequest {
  number title url createdAt updatedAt mergedAt isDraft baseRefName additions deletions changedFiles
  ...PullAiEvidence
  mergeCommit { oid }
  commits(first: ${NESTED.commits}) { ${PAGE_INFO} ${COMMIT_NODES} }
  ${headCommit(NESTED.checkSuites, NESTED.checkRuns)}
  timelineItems(first: ${NESTED.timeline}, itemTypes: [${TIMELINE_TYPES}]) { ${PAGE_INFO} ${TIMELINE_NODES} }
  reviews(first: ${NESTED.reviews}) { ${PAGE_INFO} ${REVIEW_NODES} }
  comments(first: ${NESTED.comments}) { ${PAGE_INFO} ${COMMENT_NODES} }
}`;

const DEPLOYMENT_FRAGMENT = `fragment DeploymentFields on Deployment {
  environment createdAt commit { oid } ref { name }
  statuses(first: 20) { pageInfo { hasNextPage } nodes { state createdAt } }
}`;

const RELEASE_FRAGMENT = `fragment ReleaseFields on Release {
  tagName createdAt publishedAt isDraft isPrerelease tagCommit { oid }
}`;

/** Nested page sizes of an open PR: where its review stands (the queues), first page only. */
export const OPEN_NESTED = { timeline: 10, reviews: 20, comments: 10 } as const;

const OPEN_PULL_FRAGMENT = `fragment OpenPull on PullRequest {
  number title url createdAt updatedAt isDraft baseRefName
  ...PullAiEvidence
  timelineItems(first: ${OPEN_NESTED.timeline}, itemTypes: [READY_FOR_REVIEW_EVENT, CONVERT_TO_DRAFT_EVENT]) { nodes {
      __typename
      ... on ReadyForReviewEvent { createdAt }
      ... on ConvertToDraftEvent { createdAt }
    } }
  reviews(first: ${OPEN_NESTED.reviews}) { ${REVIEW_NODES} }
  comments(first: ${OPEN_NESTED.comments}) { ${COMMENT_NODES} }
}`;

const INCIDENT_FRAGMENT = `fragment IncidentFields on Issue {
  number title url createdAt closedAt labels(first: 20) { nodes { name } }
}`;

/**
 * Nested page sizes of a closed pull request: a hundred of them multiply each. Its commits are read for their
 * messages only (an AI tool's trailers), the first twenty; reviews and comments for the effort a rejection took.
 */
export const CLOSED_NESTED = { commits: 20, reviews: 20, comments: 20 } as const;

const CLOSED_PULL_FRAGMENT = `fragment ClosedPull on PullRequest {
  number title url createdAt updatedAt closedAt isDraft
  ...PullAiEvidence
  commits(first: ${CLOSED_NESTED.commits}) { totalCount nodes { commit { message } } }
  reviews(first: ${CLOSED_NESTED.reviews}) { ${PAGE_INFO} ${REVIEW_NODES} }
  comments(first: ${CLOSED_NESTED.comments}) { ${PAGE_INFO} ${COMMENT_NODES} }
  closedEvent: timelineItems(last: 1, itemTypes: [CLOSED_EVENT]) { nodes { __typename ... on ClosedEvent { createdAt actor ${ACTOR} } } }
}`;

const RATE_LIMIT = 'rateLimit { cost remaining resetAt }';

const MERGED_CONNECTION = `merged: pullRequests(first: $first, after: $after, states: [MERGED], baseRefName: $base, orderBy: { field: UPDATED_AT, direction: DESC }) {
      ${PAGE_INFO} nodes { ...MergedPull }
    }`;
const DEPLOYMENTS_CONNECTION = `deployments(first: ${FOLLOW_UP.page}, after: $deploymentsAfter, orderBy: { field: CREATED_AT, direction: DESC }) {
      ${PAGE_INFO} nodes { ...DeploymentFields }
    }`;
const RELEASES_CONNECTION = `releases(first: ${FOLLOW_UP.page}, after: $releasesAfter, orderBy: { field: CREATED_AT, direction: DESC }) {
      ${PAGE_INFO} nodes { ...ReleaseFields }
    }`;
const OPEN_CONNECTION = `open: pullRequests(first: ${FOLLOW_UP.page}, after: $openAfter, states: [OPEN], orderBy: { field: CREATED_AT, direction: DESC }) {
      ${PAGE_INFO} nodes { ...OpenPull }
    }`;
const INCIDENTS_CONNECTION = `incidents: issues(first: ${FOLLOW_UP.page}, after: $incidentsAfter, filterBy: { labels: $incidentLabels, since: $incidentSince }, orderBy: { field: CREATED_AT, direction: DESC }) {
      ${PAGE_INFO} nodes { ...IncidentFields }
    }`;

// closed without merging into the tracked branch, newest update first: `$first` as the merged list's, so a retry halves it
const CLOSED_CONNECTION = `closed: pullRequests(first: $first, after: $closedAfter, states: [CLOSED], baseRefName: $base, orderBy: { field: UPDATED_AT, direction: DESC }) {
      ${PAGE_INFO} nodes { ...ClosedPull }
    }`;

// ------------------------------------------------------------------------------------------ operations

/**
 * The first request of every run: the first page of each list at once, so a warm re-run with nothing new
 * is one request. Variables: owner, name, base, first, incidentLabels, incidentSince (the `*After` cursors
 * are null here; the same variables page each list on its own below).
 */
export const SNAPSHOT: Operation = {
  name: 'FlowSnapshot',
  query: `query FlowSnapshot($owner: String!, $name: String!, $base: String!, $first: Int!, $after: String,
  $deploymentsAfter: String, $releasesAfter: String, $openAfter: String, $incidentsAfter: String, $closedAfter: String,
  $incidentLabels: [String!], $incidentSince: DateTime) {
  repository(owner: $owner, name: $name) {
    ${MERGED_CONNECTION}
    ${DEPLOYMENTS_CONNECTION}
    ${RELEASES_CONNECTION}
    ${OPEN_CONNECTION}
    ${INCIDENTS_CONNECTION}
    ${CLOSED_CONNECTION}
  }
  ${RATE_LIMIT}
}
${MERGED_PULL_FRAGMENT}
${DEPLOYMENT_FRAGMENT}
${RELEASE_FRAGMENT}
${OPEN_PULL_FRAGMENT}
${INCIDENT_FRAGMENT}
${CLOSED_PULL_FRAGMENT}
${PULL_AI_EVIDENCE}`,
};

/** Merged PRs into `$base`, newest update first. Variables: owner, name, base, first (1–100), after. */
export const MERGED_PULLS: Operation = {
  name: 'MergedPullRequests',
  query: `query MergedPullRequests($owner: String!, $name: String!, $base: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    ${MERGED_CONNECTION}
  }
  ${RATE_LIMIT}
}
${MERGED_PULL_FRAGMENT}
${PULL_AI_EVIDENCE}`,
};

/** Deployments of every environment, newest first. Variables: owner, name, deploymentsAfter. */
export const DEPLOYMENTS: Operation = {
  name: 'Deployments',
  query: `query Deployments($owner: String!, $name: String!, $deploymentsAfter: String) {
  repository(owner: $owner, name: $name) {
    ${DEPLOYMENTS_CONNECTION}
  }
  ${RATE_LIMIT}
}
${DEPLOYMENT_FRAGMENT}`,
};

/** Releases, newest first. Variables: owner, name, releasesAfter. */
export const RELEASES: Operation = {
  name: 'Releases',
  query: `query Releases($owner: String!, $name: String!, $releasesAfter: String) {
  repository(owner: $owner, name: $name) {
    ${RELEASES_CONNECTION}
  }
  ${RATE_LIMIT}
}
${RELEASE_FRAGMENT}`,
};

/** Open PRs (work in progress), any base branch. Variables: owner, name, openAfter. */
export const OPEN_PULLS: Operation = {
  name: 'OpenPullRequests',
  query: `query OpenPullRequests($owner: String!, $name: String!, $openAfter: String) {
  repository(owner: $owner, name: $name) {
    ${OPEN_CONNECTION}
  }
  ${RATE_LIMIT}
}
${OPEN_PULL_FRAGMENT}
${PULL_AI_EVIDENCE}`,
};

/**
 * Pull requests into `$base` closed without merging, newest update first (acceptance: what was rejected).
 * Variables: owner, name, base, first (1–100), closedAfter.
 */
export const CLOSED_PULLS: Operation = {
  name: 'ClosedPullRequests',
  query: `query ClosedPullRequests($owner: String!, $name: String!, $base: String!, $first: Int!, $closedAfter: String) {
  repository(owner: $owner, name: $name) {
    ${CLOSED_CONNECTION}
  }
  ${RATE_LIMIT}
}
${CLOSED_PULL_FRAGMENT}
${PULL_AI_EVIDENCE}`,
};

/** Issues with the incident label updated since a time. Variables: owner, name, incidentLabels, incidentSince, incidentsAfter. */
export const INCIDENTS: Operation = {
  name: 'IncidentIssues',
  query: `query IncidentIssues($owner: String!, $name: String!, $incidentLabels: [String!], $incidentSince: DateTime, $incidentsAfter: String) {
  repository(owner: $owner, name: $name) {
    ${INCIDENTS_CONNECTION}
  }
  ${RATE_LIMIT}
}
${INCIDENT_FRAGMENT}`,
};

/** What one PR of a follow-up needs: a cursor per overflowing connection, and whether to re-read its checks. */
export interface OverflowNeed {
  number: number;
  commits?: string;
  reviews?: string;
  timeline?: string;
  comments?: string;
  checks?: boolean;
}

/**
 * The follow-up for PRs whose nested lists overflowed: one aliased `pullRequest(number:)` per PR
 * (`p0`, `p1`, …), each asking only for the next page of what overflowed. Checks are re-read whole with
 * larger sizes. The operation name is fixed; its text depends on the batch.
 */
export function overflowOperation(needs: readonly OverflowNeed[]): { operation: Operation; variables: Record<string, unknown> } {
  const defs = ['$owner: String!', '$name: String!'];
  const variables: Record<string, unknown> = {};
  const fields = needs.map((need, i) => {
    defs.push(`$n${i}: Int!`);
    variables[`n${i}`] = need.number;
    const parts = ['number'];
    const page = (key: 'commits' | 'reviews' | 'timeline' | 'comments', field: string, nodes: string, extra = ''): void => {
      const cursor = need[key];
      if (cursor === undefined) return;
      defs.push(`$${key}${i}: String`);
      variables[`${key}${i}`] = cursor;
      parts.push(`${field}(first: ${FOLLOW_UP.page}, after: $${key}${i}${extra}) { ${PAGE_INFO} ${nodes} }`);
    };
    page('commits', 'commits', COMMIT_NODES);
    page('reviews', 'reviews', REVIEW_NODES);
    page('timeline', 'timelineItems', TIMELINE_NODES, `, itemTypes: [${TIMELINE_TYPES}]`);
    page('comments', 'comments', COMMENT_NODES);
    if (need.checks) parts.push(headCommit(FOLLOW_UP.checkSuites, FOLLOW_UP.checkRuns));
    return `p${i}: pullRequest(number: $n${i}) { ${parts.join('\n      ')} }`;
  });
  const query = `query PullRequestOverflow(${defs.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ${fields.join('\n    ')}
  }
  ${RATE_LIMIT}
}`;
  return { operation: { name: 'PullRequestOverflow', query }, variables };
}

export interface RawCommitParents {
  oid?: string;
  parents?: { nodes: Array<{ oid: string } | null> | null } | null;
}

/** The data of CommitParents: `c0`, `c1`, … per asked commit, null where GitHub does not know it. */
export interface CommitParentsData {
  repository: Record<string, RawCommitParents | null> | null;
}

/**
 * The first two parents of each commit asked for, by aliases (`c0`, `c1`, …): each costs one connection, so a
 * hundred commits cost a point. Variables: owner, name, o0, o1, …
 */
export function commitParentsOperation(oids: readonly string[]): { operation: Operation; variables: Record<string, unknown> } {
  const defs = ['$owner: String!', '$name: String!'];
  const variables: Record<string, unknown> = {};
  const fields = oids.map((oid, i) => {
    defs.push(`$o${i}: GitObjectID!`);
    variables[`o${i}`] = oid;
    return `c${i}: object(oid: $o${i}) { ... on Commit { oid parents(first: 2) { nodes { oid } } } }`;
  });
  const query = `query CommitParents(${defs.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ${fields.join('\n    ')}
  }
  ${RATE_LIMIT}
}`;
  return { operation: { name: 'CommitParents', query }, variables };
}

// ------------------------------------------------------------------------------------------ workflow runs

/** A check suite as the workflow read asks for it: its state, and the Actions run behind it (none for other apps). */
export interface RawWorkflowSuite {
  status: string;
  conclusion: string | null;
  workflowRun: {
    updatedAt: string;
    event: string;
    file: { path: string } | null;
    workflow: { name: string; resourcePath: string } | null;
  } | null;
}

export interface RawWorkflowCommit {
  oid?: string;
  checkSuites?: RawConnection<RawWorkflowSuite> | null;
}

/** The data of WorkflowRuns: `c0`, `c1`, … per asked commit, null where GitHub does not know it. */
export interface WorkflowRunsData {
  repository: Record<string, RawWorkflowCommit | null> | null;
  rateLimit: RawRateLimit | null;
}

/**
 * Check suites per commit: a first page of the usual few (a commit of a tracked branch has one per CI app and
 * workflow), a hundred on a follow-up. A hundred commits ask a hundred connections: one point.
 */
export const WORKFLOW_SUITES = { first: 20, followUp: 100 } as const;

const WORKFLOW_SUITE_NODES = 'nodes { status conclusion workflowRun { updatedAt event file { path } workflow { name resourcePath } } }';

/**
 * The check suites of each commit asked for, by aliases (`c0`, `c1`, …), and the workflow run behind each:
 * one request for up to a hundred commits. A commit given a cursor is asked for its next page only.
 * Variables: owner, name, o0, o1, … (and a0, a1, … for the cursors).
 */
export function workflowRunsOperation(asks: ReadonlyArray<{ oid: string; after?: string }>): { operation: Operation; variables: Record<string, unknown> } {
  const defs = ['$owner: String!', '$name: String!'];
  const variables: Record<string, unknown> = {};
  const fields = asks.map((ask, i) => {
    defs.push(`$o${i}: GitObjectID!`);
    variables[`o${i}`] = ask.oid;
    let page = `first: ${WORKFLOW_SUITES.first}`;
    if (ask.after !== undefined) {
      defs.push(`$a${i}: String`);
      variables[`a${i}`] = ask.after;
      page = `first: ${WORKFLOW_SUITES.followUp}, after: $a${i}`;
    }
    return `c${i}: object(oid: $o${i}) { ... on Commit { oid checkSuites(${page}) { ${PAGE_INFO} ${WORKFLOW_SUITE_NODES} } } }`;
  });
  const query = `query WorkflowRuns(${defs.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ${fields.join('\n    ')}
  }
  ${RATE_LIMIT}
}`;
  return { operation: { name: 'WorkflowRuns', query }, variables };
}

// ------------------------------------------------------------------------------------------ release-line pull requests

/** A merged pull request into a release line, as the release-line read asks for it: no nested connection. */
export interface RawLinePull {
  number: number;
  title: string;
  body: string | null;
  updatedAt: string;
  mergedAt: string | null;
  mergeCommit: { oid: string } | null;
}

/** The data of ReleaseLinePullRequests: `l0`, `l1`, … per asked line. */
export interface LinePullsData {
  repository: Record<string, RawConnection<RawLinePull> | null> | null;
  rateLimit: RawRateLimit | null;
}

/**
 * The merged pull requests into each release line asked for, newest update first, by aliases (`l0`, `l1`, …): a
 * connection without nested ones, so a line costs one connection and a request of up to a hundred lines a point.
 * `$first` is shared, so a retry's halving (GitHub timing out on long descriptions) applies to every line of it.
 * Variables: owner, name, first, b0, b1, … (each line's name) and a0, a1, … (its cursor, or null).
 */
export function linePullsOperation(asks: ReadonlyArray<{ base: string; after: string | null }>): { operation: Operation; variables: Record<string, unknown> } {
  const defs = ['$owner: String!', '$name: String!', '$first: Int!'];
  const variables: Record<string, unknown> = {};
  const fields = asks.map((ask, i) => {
    defs.push(`$b${i}: String!`, `$a${i}: String`);
    variables[`b${i}`] = ask.base;
    variables[`a${i}`] = ask.after;
    return `l${i}: pullRequests(first: $first, after: $a${i}, states: [MERGED], baseRefName: $b${i}, orderBy: { field: UPDATED_AT, direction: DESC }) {
      ${PAGE_INFO} nodes { number title body updatedAt mergedAt mergeCommit { oid } }
    }`;
  });
  const query = `query ReleaseLinePullRequests(${defs.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ${fields.join('\n    ')}
  }
  ${RATE_LIMIT}
}`;
  return { operation: { name: 'ReleaseLinePullRequests', query }, variables };
}
