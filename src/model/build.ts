import type { Change, Deploy, DeploySignalKind, Size } from '../domain.js';
import type { CommitGraph, ReleaseLineCommit } from '../sources/git/deploy-contents.js';
import type { GoRetraction } from '../sources/git/manifests.js';
import type { PullHeads } from '../sources/git/history.js';
import type { GitHubPull } from '../sources/github/types.js';
import type { Tester } from '../patterns.js';
import { applySizes } from './changes.js';
import { assignDeploys, mergeDeploys, shipments, type DeployCandidate, type DeployContents } from './deploys.js';
import { firstReach } from './reach.js';
import { applyGitHubFailures, type DeployRef } from './github-deploys.js';
import { applyPulls, type ApplyPullsOptions } from './github-pulls.js';
import { linkIncidents, type Incident } from './incidents.js';
import { assignProductDeploys, type ProductEvidence } from './products.js';
import { markRepairs } from './repairs.js';
import { markReverts, type RevertRefs } from './reverts.js';
import { failRetracted } from './retractions.js';
import { computeStages, type Measure } from './stages.js';

/** The changes as git grouped them, and what their commits said they revert. */
export interface History {
  /** in merge order, fork points resolved */
  changes: readonly Change[];
  /** by landing sha, what the change's commits say they revert */
  revertRefs: ReadonlyMap<string, RevertRefs>;
}

/** GitHub's merged pull requests, joined to the changes by merge commit. */
export interface Pulls {
  list: readonly GitHubPull[];
  options: ApplyPullsOptions;
}

/** What the deploy signal's source read: every merge, or candidates and the commit graph that says what they shipped. */
export type DeployEvidence = { kind: 'merge'; github: GitHubFailures | null } | CandidateEvidence;

export interface CandidateEvidence {
  kind: Exclude<DeploySignalKind, 'merge'>;
  /** in time order, within the history read */
  candidates: readonly DeployCandidate[];
  /** the graph below the candidates, down to the history's boundary */
  graph: CommitGraph;
  /** the commits release lines carry of their own, and the copy keys of the changes' commits */
  releaseLine: readonly ReleaseLineCommit[];
  copies: ReadonlyMap<string, readonly string[]>;
  /** the clone's pull refs: a squash's pull head may be what a tag names */
  pullHeads: PullHeads;
  /**
   * for a candidate whose commit the graph holds without its parents (at or below the boundary), the earlier
   * candidates' shas whose history holds it, as git answered: a rollback the graph alone cannot decide
   */
  ancestors: ReadonlyMap<string, ReadonlySet<string>>;
  /** a candidate that shipped none of the tracked branch's changes is no deploy of it (tags, releases) */
  dropEmpty: boolean;
  github: GitHubFailures | null;
  /** a monorepo's products: each candidate ships only its product's changes and those of none; absent: one product */
  products?: ProductEvidence | null;
  /** the versions the repository's go.mod retracts, as it stood at the signal's `now`: their tags' deploys failed */
  retractions?: readonly GoRetraction[];
}

/** What GitHub or an events file says failed besides reverts and rollbacks. */
export interface GitHubFailures {
  /** deploys whose status was failure: failed deploys that shipped nothing */
  failedDeployments: readonly DeployRef[];
  /** labelled GitHub issues and events files' incidents */
  incidents: readonly Incident[];
  /** seconds after a deploy within which an incident is its failure (--incident-window) */
  incidentWindow: number;
}

export interface ModelPolicy {
  /** seconds after a deploy within which a revert of what it shipped fails it */
  revertWindow: number;
  /** working time only (--business-hours); wall-clock seconds when undefined */
  measure?: Measure | undefined;
  /** pull request labels that mark a bug fix, a repair (--bug-label); none when undefined */
  bugLabel?: Tester | null | undefined;
}

export interface Model {
  changes: Change[];
  deploys: Deploy[];
  /** incidents that follow no deploy within the incident window: they fail nothing */
  unlinked: Incident[];
}

/**
 * The model from what the sources read (SPEC sections 1–4), in the one order its steps need: sizes (a pull
 * request's size completes git's), pull requests (numbers, kinds, review events), reverts, what each deploy
 * shipped and which failed, then every change's stages. Pure: no input is changed, the changes returned are
 * the builder's own. `sizes` null: not read yet (nothing but the pull requests reads a size, so then there must
 * be none: `withSizes` adds them to the result).
 */
export function buildModel(history: History, pulls: Pulls | null, sizes: ReadonlyMap<string, Size> | null, deploys: DeployEvidence, policy: ModelPolicy): Model {
  if (pulls !== null && sizes === null) throw new Error('buildModel: pull requests are joined to sized changes');
  // the builder's own changes: the steps set their fields, and replace (never change) the arrays and objects in them
  const changes = history.changes.map((c): Change => ({ ...c }));
  if (sizes !== null) applySizes(changes, sizes);
  if (pulls !== null) applyPulls(changes, pulls.list, pulls.options);
  markReverts(changes, history.revertRefs);
  const dropEmpty = deploys.kind !== 'merge' && deploys.dropEmpty;
  const assign = { revertWindow: policy.revertWindow, dropEmpty };
  // a monorepo's products each ship their own changes: the same two steps, once per product
  const assigned = deploys.kind === 'merge' ? assignDeploys(changes, mergeDeploys(changes), assign) : assignProductDeploys(changes, deploys.candidates, deploys.products ?? null, (some, candidates) => settleRollbacks(shipments(some, candidates, {
    graph: deploys.graph, releaseLine: deploys.releaseLine, copies: deploys.copies, pullHeads: squashHeads(some, deploys.pullHeads),
  }), deploys.ancestors), assign);
  const failures = deploys.github;
  const withFailed = failures === null ? assigned : applyGitHubFailures(assigned, failures.failedDeployments);
  const linked = failures === null || failures.incidents.length === 0 ? { deploys: withFailed, unlinked: [] } : linkIncidents(withFailed, failures.incidents, {
    window: failures.incidentWindow, changes, productOf: productsOf(deploys),
  });
  const failed = deploys.kind === 'merge' ? linked.deploys : failRetracted(linked.deploys, deploys.retractions ?? []);
  markRepairs(changes, failed, policy.bugLabel ?? null);
  // a change's clock skew is its flag, which the report counts over its window's counted changes
  for (const change of changes) computeStages(change, deploys.kind, policy.measure);
  return { changes, deploys: failed, unlinked: linked.unlinked };
}

/**
 * Of `changes`, those a release that is no deploy holds by a release line's copy of them, not by its history, as a
 * deploy ships them (`shipments`; `lineCommits`, its line's own commits besides the deploys'). The pre-release
 * note's count beside what its history holds: terraform's v1.16.0-rc2 held 122 of main's waiting changes by its
 * history and 9 more by their backports to v1.16 (`backport of commit …`). Empty when the graph does not hold the
 * release. Pure.
 */
export function copiedByRelease(changes: readonly Change[], release: DeployCandidate, deploys: CandidateEvidence, lineCommits: readonly ReleaseLineCommit[]): Set<string> {
  const evidence = { graph: deploys.graph, releaseLine: [...deploys.releaseLine, ...lineCommits], copies: deploys.copies, pullHeads: squashHeads(changes, deploys.pullHeads) };
  const [contents] = shipments(changes, [release], evidence);
  // what its history holds is the note's own count, less what the release's own product deployed before
  const reach = firstReach(deploys.graph, [release.sha]);
  const inHistory = (sha: string): boolean => reach[deploys.graph.node.get(sha) ?? -1] === 0;
  return new Set((contents?.shipped ?? []).filter((sha) => !inHistory(sha)));
}

/**
 * A model built before git's read of the sizes ended, its changes sized: its own changes (those `buildModel`
 * returned, which no input shares) filled in, not copied: a sized copy held rails' 46,000 changes twice while its
 * report was made (12 MB at the peak). Returns them.
 */
export function withSizes(model: Model, sizes: ReadonlyMap<string, Size>): Change[] {
  applySizes(model.changes, sizes);
  return model.changes;
}

/** What each deploy put out, from its candidate's target (an events record's product): '' when none. */
function productsOf(evidence: DeployEvidence): (deploy: Deploy) => string {
  const target = new Map<string, string>();
  if (evidence.kind !== 'merge') for (const c of evidence.candidates) target.set(`${c.sha}@${c.at}`, c.target);
  return (deploy) => target.get(`${deploy.sha}@${deploy.at}`) ?? '';
}

/** Squash merges' pull request heads, by landing sha, when the clone has pull refs: a release PR's head may be tagged. */
function squashHeads(changes: readonly Change[], heads: PullHeads): Map<string, string> {
  const byLanding = new Map<string, string>();
  if (heads.size === 0) return byLanding;
  for (const change of changes) {
    if (change.kind !== 'squash' || change.number === null) continue;
    const head = heads.get(change.number);
    if (head !== undefined) byLanding.set(change.sha, head.sha);
  }
  return byLanding;
}

/** A rollback the graph could not decide (its commit predates the history read) is settled by what git answered. */
function settleRollbacks(contents: DeployContents[], ancestors: ReadonlyMap<string, ReadonlySet<string>>): DeployContents[] {
  const previous = new Map<string, DeployContents>();
  for (const deploy of contents) {
    const before = previous.get(deploy.target);
    if (deploy.rollback === null) deploy.rollback = before !== undefined && (ancestors.get(deploy.sha)?.has(before.sha) ?? false);
    if (deploy.shipped.length > 0 || deploy.rollback) previous.set(deploy.target, deploy);
  }
  return contents;
}
