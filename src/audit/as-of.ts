/*
 * A window is measured as of its end (SPEC section 6): what the sources read, cut to what was so at `now` — a
 * change merged later, a pull request opened later, a deployment's later statuses, an incident opened or closed
 * later are not known then. The clone and GitHub are read today; cut here, a closed window's report reads the same
 * whenever it runs.
 */
import type { Change } from '../domain.js';
import type { DeployEvidence, GitHubFailures } from '../model/build.js';
import { isReleaseLine } from '../model/release-lines.js';
import { isAncestor } from '../sources/git/deploy-contents.js';
import { firstParentBefore, type RefEntry, type RepoInfo } from '../sources/git/repo.js';
import type { GitHubClosedPull, GitHubData, GitHubOpenPull, GitHubPull } from '../sources/github/types.js';
import { plural } from '../units.js';

const DAY = 86400;

/** The changes merged by `now`: a revert landed after it fails nothing yet, a later merge is in no queue. */
export function changesAsOf(changes: readonly Change[], now: number): Change[] {
  return changes.filter((c) => c.mergedAt <= now);
}

/**
 * What the deploy signal's source read, as it stood at `now` (an earlier time than the read's own): the candidates
 * made by then, a release line's revert committed by then, and the failures and incidents known then. The graph and
 * the copies are kept: a candidate made by `now` reaches only commits made before it. Pure.
 */
export function evidenceAsOf(evidence: DeployEvidence, now: number): DeployEvidence {
  const github = evidence.github === null ? null : failuresAsOf(evidence.github, now);
  if (evidence.kind === 'merge') return { kind: 'merge', github };
  return {
    ...evidence,
    // made before now, as chooseSignal cuts them: a deploy at the window's end is not in it
    candidates: evidence.candidates.filter((c) => c.at < now),
    // a revert on a line committed later has not failed anything yet
    releaseLine: evidence.releaseLine.map((c) => {
      if (c.reverts === undefined || c.reverts.at <= now) return c;
      const { reverts: _later, ...commit } = c;
      return commit;
    }),
    github,
  };
}

/** The failed deploys and incidents known at `now`: an incident resolved later is open then. Pure. */
export function failuresAsOf(failures: GitHubFailures, now: number): GitHubFailures {
  return {
    ...failures,
    failedDeployments: failures.failedDeployments.filter((f) => f.at <= now),
    incidents: failures.incidents.filter((i) => i.openedAt <= now).map((i) => (i.resolvedAt !== null && i.resolvedAt > now ? { ...i, resolvedAt: null } : i)),
  };
}

/**
 * The clone's tags and release lines as they stood at `now`, for what the release lines reach (SPEC section 1: a
 * commit a release line or tag reaches off the branch's line is a release commit, no change's own). A tag made
 * after `now` did not exist. A release line committed to later stood at its newest first-parent commit by then,
 * unless the tracked branch already held that commit by then: a line holding nothing of its
 * own was cut later, as far as the clone can tell, and is left out, as is one with no commit by then. glitch-soc's
 * stable-4.6, cut in June from upstream's main, and its v4.6 tags reach the upstream commits its 'Merge upstream'
 * pull requests brought in from January to April: read as of 2026-05-01, 62 of those 82 changes lost their
 * upstream commits (and with them their first commit, author and deploys) to refs that did not exist yet. Other
 * refs are as read. A `now` not in the past cuts nothing (a commit dated ahead by a skewed clock stays): no git call.
 */
export async function releaseRefsAsOf(repo: RepoInfo, branch: { name: string; tip: string }, now: number): Promise<RepoInfo> {
  if (now >= Date.now() / 1000) return repo;
  let branchAsOf: Promise<string | null> | null = null;
  const asOf = await Promise.all(repo.refs.map(async (ref): Promise<RefEntry | null> => {
    if (ref.commit === '') return ref;
    if (ref.name.startsWith('refs/tags/')) return (Number.isFinite(ref.taggedAt) ? ref.taggedAt : ref.committedAt) > now ? null : ref;
    const name = /^refs\/(?:heads|remotes\/[^/]+)\/(.+)$/.exec(ref.name)?.[1];
    if (name === undefined || name === branch.name || !isReleaseLine(name) || !(ref.committedAt > now)) return ref;
    const { boundary } = await firstParentBefore(repo, ref.commit, now + 1);
    if (boundary === null) return null;
    branchAsOf ??= firstParentBefore(repo, branch.tip, now + 1).then((span) => span.boundary?.sha ?? null);
    const held = await branchAsOf;
    if (held !== null && (await isAncestor(repo.cwd, boundary.sha, held))) return null;
    return { ...ref, commit: boundary.sha, committedAt: boundary.at };
  }));
  return { ...repo, refs: asOf.filter((ref) => ref !== null) };
}

/**
 * GitHub's data as it stood at `now`: the pull requests merged by then; those merged later but opened by then
 * are open at `now` (in its queues and work in progress), with what happened to them up to then; those open today
 * opened after `now` are left out, and so are those closed without merging after `now`, open then; deployments made
 * by then with their statuses by then; incidents opened by then, open still where they closed later. Pure.
 */
export function gitHubAsOf(data: GitHubData, now: number, branch: string): GitHubData {
  const merged = data.pulls.filter((p) => p.mergedAt <= now);
  const stillOpen = data.pulls.filter((p) => p.mergedAt > now && p.createdAt <= now).map((p) => openAt(mergedAsOpen(p, branch), now));
  const open = data.openPulls.filter((p) => p.createdAt <= now).map((p) => openAt(p, now));
  // closed without merging after now, opened by then: open then, not yet rejected
  const closedLater = data.closedPulls.filter((p) => p.closedAt > now && p.createdAt <= now).map((p) => openAt(closedAsOpen(p, branch), now));
  return {
    ...data,
    pulls: merged,
    openPulls: [...open, ...stillOpen, ...closedLater].sort((a, b) => a.createdAt - b.createdAt || a.number - b.number),
    closedPulls: data.closedPulls.filter((p) => p.closedAt <= now),
    deployments: data.deployments.filter((d) => d.createdAt <= now).map((d) => ({ ...d, statuses: d.statuses.filter((s) => s.at <= now) })),
    incidents: data.incidents.filter((i) => i.createdAt <= now).map((i) => (i.closedAt !== null && i.closedAt > now ? { ...i, closedAt: null } : i)),
  };
}

/** A merged pull request in the shape of an open one, before it merged. */
function mergedAsOpen(pull: GitHubPull, branch: string): GitHubOpenPull {
  return {
    number: pull.number, title: pull.title, url: pull.url, author: pull.author, authorIsBot: pull.authorIsBot, createdAt: pull.createdAt,
    updatedAt: pull.createdAt, isDraft: false, baseRefName: branch, wasDraft: pull.wasDraft, events: pull.events, reviews: pull.reviews, comments: pull.comments,
    headRefName: pull.headRefName, labels: pull.labels, body: pull.body,
  };
}

/** A pull request closed without merging, in the shape of an open one, before it closed. */
function closedAsOpen(pull: GitHubClosedPull, branch: string): GitHubOpenPull {
  return {
    number: pull.number, title: pull.title, url: pull.url, author: pull.author, authorIsBot: pull.authorIsBot, createdAt: pull.createdAt,
    updatedAt: pull.createdAt, isDraft: pull.isDraft, baseRefName: branch, wasDraft: pull.isDraft, events: [], reviews: pull.reviews, comments: pull.comments,
    headRefName: pull.headRefName, labels: pull.labels, body: pull.body,
  };
}

/**
 * An open pull request as it stood at `now`: its events, reviews and comments up to then, and a draft or not as
 * its last ready/draft event by then says (none: as it was opened, or as it is today when no event is known).
 */
function openAt(pull: GitHubOpenPull, now: number): GitHubOpenPull {
  const events = pull.events.filter((e) => e.at <= now);
  const last = events.filter((e) => e.type === 'ready' || e.type === 'draft').at(-1);
  const anyLater = pull.events.some((e) => e.at > now && (e.type === 'ready' || e.type === 'draft'));
  const isDraft = last !== undefined ? last.type === 'draft' : anyLater ? pull.wasDraft : pull.isDraft;
  return {
    ...pull,
    isDraft,
    events,
    reviews: pull.reviews.filter((r) => r.submittedAt === null || r.submittedAt <= now),
    comments: pull.comments.filter((c) => c.createdAt <= now),
  };
}

/**
 * A history this many days older than the window's end looks like a clone not fetched for a while: four weeks,
 * as a tracked branch that is worked on rarely goes a month without a commit (a quiet fortnight is common).
 */
export const STALE_DAYS = 28;

/**
 * Said when the newest commit the history holds is `STALE_DAYS` days or more before `now`: the clone may not have
 * been fetched, so the window's last weeks would read as quiet. Null when it is newer, or there is none, or when
 * another branch of the clone has a newer commit by `now` (`newestAnywhere`): the clone was fetched, and the branch
 * is quiet (jellyfin's release-10.11.z, its last commit 77 days before master's).
 */
export function staleHistoryNote(newestCommit: number | null, now: number, newestAnywhere: number | null = newestCommit): string | null {
  if (newestCommit === null || now - newestCommit < STALE_DAYS * DAY) return null;
  if (newestAnywhere !== null && now - newestAnywhere < STALE_DAYS * DAY) return null;
  const days = Math.floor((now - newestCommit) / DAY);
  return `the newest commit is ${plural(days, 'day')} old at the window's end (${new Date(now * 1000).toISOString().slice(0, 10)}): fetch, or set --until`;
}
