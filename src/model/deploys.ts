import type { Change, Deploy, FailingRevert } from '../domain.js';
import { changeIdKey, lineKeys, type CommitGraph, type ReleaseLineCommit } from '../sources/git/deploy-contents.js';
import { backportedTitles, changesByTitle, latestMergedBy, namesChange, sameWords, titleBackported } from './copies.js';
import { taggedVersion, versionBelow } from '../release-names.js';
import { bumpNamesOnlyVersion, ownBumpVersion } from './message.js';
import { andList, formatDuration } from '../units.js';
import { descendantsOf, firstReach, historyHolds, reachesWithin } from './reach.js';
import { smallest } from '../lists.js';
import { namedShas } from './named-shas.js';

/** A deploy candidate: a named commit at a time (a tag, a release, a deployment). */
export interface DeployCandidate {
  ref: string;
  sha: string;
  at: number;
  /**
   * what it deploys: an environment, or the product a tag versions (`home-` for `home-0.5.12`). A rollback
   * goes back on the same target: a monorepo's package tag older than another package's is none.
   */
  target: string;
}

/** A deploy candidate with the landing commits of the changes it shipped first. */
export interface DeployContents extends DeployCandidate {
  shipped: string[];
  /** its commit is an ancestor of the previous deploy's to the same target; null when the graph cannot tell (ask git) */
  rollback: boolean | null;
  /** reverts made on a release line of changes it shipped; absent when none */
  lineReverts?: LineRevert[];
}

/**
 * A change reverted on a release line (prometheus reverted #17240 on release-3.7 eight days after v3.7.0 shipped
 * it, released the revert in v3.7.3, and brought it to main only with the line's merge-back six days later).
 */
export interface LineRevert {
  /** the reverted change's landing sha */
  change: string;
  /** the revert's commit on the line */
  by: string;
  at: number;
  /** when the first deploy that holds the revert went out; null when none has yet */
  restoredAt: number | null;
}

/** What shows which deploy shipped a change, besides the graph: copies on release lines and pull heads. */
export interface ShippingEvidence {
  graph: CommitGraph;
  /** the commits release lines carry of their own (reached from the deploys off the tracked first-parent line) */
  releaseLine: readonly ReleaseLineCommit[];
  /** copy key (author email, author date, subject) → landing shas of the changes with a commit of that key */
  copies: ReadonlyMap<string, readonly string[]>;
  /** squash-merged pull requests' head commits, by landing sha */
  pullHeads: ReadonlyMap<string, string>;
}

/**
 * What each deploy shipped first (SPEC section 3), for all deploys at once: a change ships with the first
 * deploy, in time order, whose history holds its landing commit or its head commit (a release pull request
 * tagged before it merged), or which carries a copy of one of its commits on a release line (a backport:
 * same copy key, `(cherry picked from commit X)` naming one of its commits, or its title under a later number with
 * its changed lines, `sameDiffAs`) or a commit that names it by reference (its own title with its `(#N)`, or a
 * backport phrase naming `#N`). Syncs ship nothing of their own. `candidates` must be in time order. Pure.
 */
export function shipments(changes: readonly Change[], candidates: readonly DeployCandidate[], evidence: ShippingEvidence): DeployContents[] {
  const { graph } = evidence;
  const reach = firstReach(graph, candidates.map((c) => c.sha));
  const reachOfNode = (n: number | undefined): number => (n === undefined ? -1 : (reach[n] as number));
  const reachOf = (sha: string | undefined): number => reachOfNode(sha === undefined ? undefined : graph.node.get(sha));
  const shippable = changes.filter((c) => c.kind !== 'sync');
  const byLanding = new Map(shippable.map((c) => [c.sha, c]));
  const reverts = lineReverts(shippable, evidence, byLanding);
  // what carried each change a line reverted into each deploy, to tell a deploy that held the revert too
  const carriersOf = new Map<string, Array<{ deploy: number; carrier: string }>>(reverts.map((r) => [r.change, []]));
  const first = new Map<string, number>();
  const consider = (change: Change | undefined, deploy: number, carrier?: string): void => {
    if (change === undefined || deploy < 0) return;
    const known = first.get(change.sha);
    if (known === undefined || deploy < known) first.set(change.sha, deploy);
    if (carrier !== undefined) carriersOf.get(change.sha)?.push({ deploy, carrier });
  };
  // the change of each commit a cherry-pick line names, not of every commit (150,000 on the release bench case)
  const named = namedShas(evidence.releaseLine.flatMap((commit) => commit.cherryPickOf));
  const byCommit = new Map<string, Change>();
  for (const change of shippable) {
    consider(change, reachOf(change.sha), change.sha);
    const head = headOf(change, graph, evidence.pullHeads);
    consider(change, reachOfNode(head), head === undefined ? undefined : graph.sha[head]);
    if (named.size === 0) continue;
    for (const sha of change.commitShas) for (const name of named.namesOf(sha)) byCommit.set(name, change);
    for (const name of named.namesOf(change.sha)) byCommit.set(name, change);
  }
  const byNumber = new Map<number, Change>();
  for (const change of shippable) if (change.number !== null) byNumber.set(change.number, change);
  const byTitle = backportedTitles(shippable, evidence.releaseLine);
  for (const commit of evidence.releaseLine) {
    const deploy = reachOf(commit.sha);
    if (deploy < 0) continue;
    for (const key of lineKeys(commit)) for (const change of copiedChanges(evidence.copies.get(key), byLanding, candidates[deploy]?.at ?? 0)) consider(change, deploy, commit.sha);
    for (const sha of commit.cherryPickOf) consider(byCommit.get(sha), deploy, commit.sha);
    for (const landing of commit.sameDiffAs ?? []) consider(byLanding.get(landing), deploy, commit.sha);
    for (const ref of commit.references) {
      const change = byNumber.get(ref.number);
      if (change !== undefined && namesChange(ref, change)) consider(change, deploy, commit.sha);
    }
    consider(titleBackported(commit, byTitle), deploy, commit.sha);
  }
  if (reverts.length > 0) shippedPastLineReverts(first, reverts, new Set(shippable.flatMap((c) => (c.revertedBy === null ? [] : [c.sha]))), carriersOf, candidates, graph, reachOf);
  const contents: DeployContents[] = candidates.map((c) => ({ ref: c.ref, sha: c.sha, at: c.at, target: c.target, shipped: [], rollback: false }));
  for (const change of shippable) {
    const deploy = first.get(change.sha);
    if (deploy !== undefined) contents[deploy]?.shipped.push(change.sha);
  }
  for (const revert of reverts) {
    const deploy = contents[first.get(revert.change) ?? -1];
    if (deploy === undefined) continue;
    const restoredBy = reachOf(revert.by);
    deploy.lineReverts = [...(deploy.lineReverts ?? []), { ...revert, restoredAt: restoredBy < 0 ? null : (candidates[restoredBy]?.at ?? null) }];
  }
  const previous = new Map<string, number>();
  contents.forEach((deploy, index) => {
    const before = previous.get(deploy.target);
    const beforeSha = before === undefined ? undefined : contents[before]?.sha;
    // a lower version than the deploy before it names an older release, not a return to it: prometheus tags each
    // release twice, v3.11.0 and, for Go's modules, v0.311.0, which it pushed after v3.11.1 (no rollback happened)
    const older = before !== undefined && versionBelow(deploy.ref, contents[before]?.ref ?? '');
    if (deploy.shipped.length === 0 && before !== undefined && beforeSha !== undefined && beforeSha !== deploy.sha && !older) {
      // every commit the earlier deploy's history holds was first reached by it or before it: a commit first
      // reached later is no ancestor of it, which spares the walk of its whole history
      const node = graph.node.get(deploy.sha);
      const reachedLater = node !== undefined && (reach[node] as number) > before;
      deploy.rollback = reachedLater ? (graph.parentStart[node] === -1 ? null : false) : reachesWithin(graph, beforeSha, deploy.sha);
    }
    // a candidate that shipped nothing and rolled nothing back is no deploy: it cannot be "the previous"
    if (deploy.shipped.length > 0 || deploy.rollback !== false) previous.set(deploy.target, index);
  });
  return contents;
}

/**
 * Moves each change a release line reverted before the deploy that first held it to the first deploy that holds
 * it without that revert (or to none): that deploy held what carried the change (its own commit, the line cut after
 * it merged, or a copy) and the revert made after it, and shipped nothing of it. mypy cut release-2.1 with #21262
 * on it, reverted it there, then tagged v2.1.0; v2.2.0, from master, shipped it: read as shipped by v2.1.0, 57 days
 * early. A carrier the revert came before (a reland on the line) still ships the change. A change the tracked
 * branch reverted too (`revertedBy`) is read as any change reverted before its deploy: shipped by the first deploy
 * that holds it (cargo's #16742 and #17006, reverted on master and on the beta line). Only for the deploys that need
 * it is the graph walked again.
 */
function shippedPastLineReverts(first: Map<string, number>, reverts: readonly Omit<LineRevert, 'restoredAt'>[], revertedOnBranch: ReadonlySet<string>, carriersOf: ReadonlyMap<string, ReadonlyArray<{ deploy: number; carrier: string }>>, candidates: readonly DeployCandidate[], graph: CommitGraph, reachOf: (sha: string) => number): void {
  const revertsOf = new Map<string, string[]>();
  for (const r of reverts) if (!revertedOnBranch.has(r.change)) revertsOf.set(r.change, [...(revertsOf.get(r.change) ?? []), r.by]);
  const holds = historyHolds(graph);
  for (const [change, bys] of revertsOf) {
    const at = first.get(change);
    // most line reverts come after the release that shipped the change (a failure of it): no deploy up to that one
    // holds them, which the first reach says without walking the graph (rails' whole history has dozens)
    if (at === undefined || !bys.some((by) => reachOf(by) >= 0 && reachOf(by) <= at)) continue;
    // a carrier is undone in a deploy that holds a revert made after it; the first reach answers the first question
    // but where an earlier deploy reached the revert
    const undone = (deploy: number, carrier: string): boolean => bys.some((by) => {
      const reached = reachOf(by);
      return reached >= 0 && reached <= deploy && (reached === deploy || holds(candidates[deploy]?.sha ?? '', by)) && holds(by, carrier);
    });
    // one carrier may be named by several of its evidences: each (deploy, carrier) once
    const carriers = [...new Map((carriersOf.get(change) ?? []).map((c) => [`${c.deploy}\u0000${c.carrier}`, c])).values()];
    if (!carriers.some((c) => c.deploy === at && undone(at, c.carrier))) continue;
    if (carriers.some((c) => c.deploy === at && !undone(at, c.carrier))) continue;
    // the deploys after it that hold a carrier and no revert made after that carrier: a carrier's first deploy is
    // the one reach gives, so the later deploys that hold it are found again without the reverts' descendants
    const reaches = new Map<string, Int32Array>();
    let best = Infinity;
    for (const { deploy, carrier } of carriers) {
      if (!undone(deploy, carrier)) {
        best = Math.min(best, deploy);
        continue;
      }
      const after = bys.filter((by) => holds(by, carrier));
      const key = after.join(' ');
      let reach = reaches.get(key);
      if (reach === undefined) {
        const blocked = descendantsOf(graph, after);
        reach = firstReach(graph, candidates.map((c) => {
          const node = graph.node.get(c.sha);
          return node === undefined || blocked[node] === 1 ? '' : c.sha;
        }));
        reaches.set(key, reach);
      }
      const node = graph.node.get(carrier);
      const later = node === undefined ? -1 : (reach[node] as number);
      if (later >= 0) best = Math.min(best, later);
    }
    if (best === Infinity) first.delete(change);
    else first.set(change, best);
  }
}

/**
 * The changes a release line's copy ships, of those with a commit of its key (`landings`, oldest first): every one
 * merged by the time the deploy holding the copy went out, else the first. Two changes hold one key where a commit
 * was landed twice (nuxt's three commits pushed to main 15 seconds before their pull request's squash, both
 * copied to 4.x), or where a pull request's commit took another's author, author date and subject over work of its
 * own: prometheus' #17600, which v3.8.0 read as shipping 65 days before it merged, through release-3.8's copy of
 * #17411.
 */
function copiedChanges(landings: readonly string[] | undefined, byLanding: ReadonlyMap<string, Change>, at: number): Change[] {
  if (landings === undefined) return [];
  const changes = landings.flatMap((sha) => byLanding.get(sha) ?? []);
  const merged = changes.filter((c) => c.mergedAt <= at);
  return merged.length > 0 ? merged : changes.slice(0, 1);
}

/**
 * The reverts made on the release lines, each with the change it reverts: the change holding a commit its
 * `This reverts commit` line names (as its landing commit or one of its commits), or whose copy on a line it
 * names (a backport reverted: same copy key, the cherry-pick's source, or the change whose diff it repeats). Only
 * the lines' reverts are looked at: most histories have none, and then nothing is indexed.
 */
function lineReverts(changes: readonly Change[], evidence: ShippingEvidence, byLanding: ReadonlyMap<string, Change>): Array<Omit<LineRevert, 'restoredAt'>> {
  // a line's copy of a revert the tracked branch made first is a backport of it: that revert, a change of its own,
  // says when the change was reverted (nuxt's 3.x took main's reverts of October 8 and 9 on the 25th, which had read
  // as failing v4.2.0, a release that already held them)
  const copiesEarlierRevert = (c: ReleaseLineCommit): boolean =>
    lineKeys(c).some((key) => (evidence.copies.get(key) ?? []).some((landing) => {
      const change = byLanding.get(landing);
      return change !== undefined && change.sha !== c.sha && change.mergedAt < (c.reverts?.at ?? -Infinity);
    }));
  const reverts = evidence.releaseLine.filter((c) => c.reverts !== undefined && !copiesEarlierRevert(c));
  if (reverts.length === 0) return [];
  const named = new Set(reverts.flatMap((c) => c.reverts?.shas ?? []));
  const lineCommit = new Map(evidence.releaseLine.filter((c) => named.has(c.sha)).map((c) => [c.sha, c]));
  // the shas to find a change by: those named, and the sources of the named copies' cherry-picks
  const wanted = namedShas([...named, ...[...lineCommit.values()].flatMap((c) => c.cherryPickOf)]);
  const byCommit = new Map<string, Change>();
  for (const change of changes) for (const sha of [change.sha, ...change.commitShas]) for (const name of wanted.namesOf(sha)) byCommit.set(name, change);
  const changeOf = (sha: string): Change | undefined => {
    const own = byCommit.get(sha);
    if (own !== undefined) return own;
    const copy = lineCommit.get(sha);
    if (copy === undefined) return undefined;
    const landing = evidence.copies.get(copy.key)?.[0] ?? (copy.changeId === undefined ? undefined : evidence.copies.get(changeIdKey(copy.changeId))?.[0]);
    return (landing === undefined ? undefined : byLanding.get(landing)) ?? copy.cherryPickOf.map((s) => byCommit.get(s)).find((c) => c !== undefined) ?? byLanding.get(copy.sameDiffAs?.[0] ?? '');
  };
  // a revert that names no commit, or none a change holds, names the change of the title it quotes, the last merged
  // before it (traefik's `Revert "Avoid allocations in readLoop by using sync.Pool"` on v3.6, of #12029, which v3.6.0
  // had shipped; axum's `Revert "Fix \`IntoResponse\` for tuples … (#3603)"` on v0.8.x, naming a copy of #3603 that an
  // abandoned backport's pull ref holds)
  const byTitle = quotedTitles(changes, reverts);
  const out: Array<Omit<LineRevert, 'restoredAt'>> = [];
  for (const commit of reverts) {
    const at = commit.reverts?.at ?? 0;
    const found = out.length;
    for (const sha of commit.reverts?.shas ?? []) {
      const change = changeOf(sha);
      if (change !== undefined) out.push({ change: change.sha, by: commit.sha, at });
    }
    // the title it quotes, where the commits it names are no change's
    if (out.length > found) continue;
    const title = commit.reverts?.title;
    const quoted = title === undefined ? undefined : latestMergedBy(byTitle.get(sameWords(title)), at);
    // a quoted title that ends in its own number names that pull request, not another of the same words: grpc-go's
    // v1.81.x reverted `deps: update dependencies for all modules (#9065)`, its own backport, not master's #8969
    const number = commit.reverts?.titleNumber;
    if (quoted !== undefined && (number === undefined || quoted.number === number)) out.push({ change: quoted.sha, by: commit.sha, at });
  }
  return out;
}

/** The changes whose titles the lines' reverts quote, by those titles' words; empty where none quotes one. */
function quotedTitles(changes: readonly Change[], reverts: readonly ReleaseLineCommit[]): Map<string, Change[]> {
  return changesByTitle(changes, new Set(reverts.flatMap((c) => (c.reverts?.title === undefined ? [] : [sameWords(c.reverts.title)]))));
}

/**
 * The node of the commit a change's work ended on: a merge's side parent, a squash's pull head; else none. A merge
 * that brought no commit of its own has none: its side parent is a commit the tracked branch already had, which a
 * tag may hold long before the merge (pallets/click's `Merge Stable into main (#3006)`, credited to 8.2.2 where
 * `git tag --contains` starts at 8.3.0).
 */
function headOf(change: Change, graph: CommitGraph, pullHeads: ReadonlyMap<string, string>): number | undefined {
  if (change.kind === 'squash') {
    const head = pullHeads.get(change.sha);
    return head === undefined ? undefined : graph.node.get(head);
  }
  if (change.kind !== 'merge' || change.commitShas.length === 0) return undefined;
  const n = graph.node.get(change.sha);
  const start = n === undefined ? -1 : (graph.parentStart[n] as number);
  if (n === undefined || start === -1 || (graph.parentCount[n] as number) < 2) return undefined;
  return graph.parents[start + 1];
}

/** Every change is its own deploy at merge time: the fallback when the repository shows no deploy signal. */
export function mergeDeploys(changes: readonly Change[]): DeployContents[] {
  return changes.filter((c) => c.kind !== 'sync').map((c) => ({ ref: c.id, sha: c.sha, at: c.mergedAt, target: '', shipped: [c.sha], rollback: false }));
}

/** The flag of a change a deploy shipped before it merged: deployed at its merge, a time no deploy has. */
export const DEPLOYED_BEFORE_MERGE = 'deployed-before-merge';

export interface AssignOptions {
  /** seconds after a deploy within which a revert of what it shipped fails it (SPEC section 4) */
  revertWindow: number;
  /** a candidate that shipped none of the tracked branch's changes is no deploy of it (tags, releases) */
  dropEmpty: boolean;
}

/**
 * Sets `deployedAt` and `deployRef` on each change from the deploy that shipped it first, and marks failed deploys
 * (SPEC sections 3 and 4). A change shipped before it merged (a tag on a release pull request's own commit, a
 * backport released first) is deployed at its merge, flagged `deployed-before-merge`; its `deployRef` still names
 * the deploy. A deploy failed when it shipped a change whose revert landed after it, within `revertWindow` of it (the
 * edge included), and was not shipped by the same deploy, or when the next deploy to its target rolled it back.
 * Pure but for the changes it sets; returns the deploys in order.
 */
export function assignDeploys(changes: Change[], contents: readonly DeployContents[], options: AssignOptions): Deploy[] {
  const bySha = new Map(changes.map((c) => [c.sha, c]));
  const deployOf = new Map<string, Deploy>();
  const deploys: Deploy[] = [];
  // the deploy each rollback went back from: the last one before it to the same target
  const rolledBack = new Map<Deploy, Deploy>();
  const lastTo = new Map<string, Deploy>();
  for (const d of contents) {
    const deploy: Deploy = { ref: d.ref, sha: d.sha, at: d.at, changeShas: [], rollback: d.rollback === true, rework: false, failed: false, failureReasons: [], restoredAfter: null };
    for (const sha of d.shipped) {
      const change = bySha.get(sha);
      if (!change || change.deployedAt !== null) continue;
      change.deployedAt = Math.max(d.at, change.mergedAt);
      change.deployRef = d.ref;
      if (d.at < change.mergedAt) change.flags = [...new Set([...change.flags, DEPLOYED_BEFORE_MERGE])];
      deploy.changeShas.push(sha);
      deployOf.set(sha, deploy);
    }
    if (options.dropEmpty && deploy.changeShas.length === 0 && !deploy.rollback) continue;
    const before = lastTo.get(d.target);
    if (deploy.rollback && before) rolledBack.set(deploy, before);
    lastTo.set(d.target, deploy);
    deploys.push(deploy);
  }
  const window = windowText(options.revertWindow);
  const housekeeping = housekeepingIn(contents);
  for (const deploy of deploys) {
    for (const sha of deploy.changeShas) {
      const change = bySha.get(sha);
      const revert = change?.revertedBy ? bySha.get(change.revertedBy) : undefined;
      if (!change || !revert || housekeeping(change)) continue;
      const revertDeploy = deployOf.get(revert.sha);
      // reverted before it ever shipped: production never had the failure
      if (revertDeploy === deploy) continue;
      // a revert landed before the deploy never reached production through it: the deploy shipped the change
      // from elsewhere (a release line), without its failure ever being live there
      if (revert.mergedAt < deploy.at) continue;
      // a revert long after the deploy is a redesign, not an incident; the window's edge is within it
      if (revert.mergedAt - deploy.at > options.revertWindow) continue;
      fail(deploy, `shipped ${change.id}, reverted by ${revert.id} within ${window}`, revertDeploy ? Math.max(0, revertDeploy.at - deploy.at) : null, { sha: revert.sha, at: revert.mergedAt });
    }
  }
  for (const [rollback, before] of rolledBack) fail(before, `rolled back by ${rollback.ref}`, rollback.at - before.at);
  // a revert on a release line fails the deploy that shipped the change as a revert landed on the branch would,
  // restored by the first deploy that holds it; a change reverted on several lines is one reason that names each
  // (electron's #49778, reverted on 39-x-y, 40-x-y and 41-x-y, read as three reasons that said the same)
  const onLines = new Map<Deploy, Map<Change, LineRevert[]>>();
  for (const d of contents) {
    for (const revert of d.lineReverts ?? []) {
      const change = bySha.get(revert.change);
      const deploy = deployOf.get(revert.change);
      if (!change || !deploy || housekeeping(change) || revert.at < deploy.at || revert.at - deploy.at > options.revertWindow) continue;
      // the deploy holds the revert itself (bitwarden's v2025.9.2 is its `Revert "Bumped version to 2025.9.3"`):
      // production never had the failure, as for a revert landed on the branch before its deploy
      if (revert.restoredAt !== null && revert.restoredAt <= deploy.at) continue;
      const byChange = onLines.get(deploy) ?? new Map<Change, LineRevert[]>();
      onLines.set(deploy, byChange);
      const reverts = byChange.get(change);
      if (reverts === undefined) byChange.set(change, [revert]);
      else reverts.push(revert);
    }
  }
  for (const [deploy, byChange] of onLines) {
    for (const [change, reverts] of byChange) {
      const by = reverts.map((r) => r.by.slice(0, 10));
      const restored = reverts.flatMap((r) => (r.restoredAt === null ? [] : [Math.max(0, r.restoredAt - deploy.at)]));
      fail(deploy, `shipped ${change.id}, reverted on ${by.length === 1 ? 'a release line' : 'release lines'} by ${andList(by)} within ${window}`, restored.length === 0 ? null : smallest(restored), ...reverts.map((r) => ({ sha: r.by, at: r.at })));
    }
  }
  return deploys;
}

/**
 * A change whose revert is release housekeeping, no failure: one that sets the project's own version (bitwarden's
 * release workflow bumps to 2025.9.3 and a maintainer reverts it minutes later to tag 2025.9.2). A version string
 * put back changes nothing that runs; a dependency's bump reverted (`Bump lodash from …`) still fails its deploy,
 * and so does one that names what it bumps (uv's `Bump \`astral-tl\` to v0.7.10`, #16887, reverted the day after
 * 0.9.14 shipped it) unless a deploy of the project, at or after its merge, names that version (tokio's `chore:
 * prepare Tokio v1.48.0`, tagged v1.48.0; uv's own 0.7.10 was tagged months before #16887).
 */
function housekeepingIn(contents: readonly DeployContents[]): (change: Change) => boolean {
  return (change) => {
    if (bumpNamesOnlyVersion(change.title)) return true;
    const version = ownBumpVersion(change.title);
    return version !== null && contents.some((d) => d.at >= change.mergedAt && taggedVersion(d.ref) === version);
  };
}

/** `14 days`, `1 day`, else the duration as reports write it (`36h`). */
function windowText(seconds: number): string {
  const days = seconds / 86400;
  return Number.isInteger(days) && days > 0 ? `${days} day${days === 1 ? '' : 's'}` : formatDuration(seconds);
}

/** Marks a deploy failed for a reason; `reverts`, the reverts that failed it, name what removed the failure. */
function fail(deploy: Deploy, reason: string, restoredAfter: number | null, ...reverts: FailingRevert[]): void {
  deploy.failed = true;
  deploy.failureReasons.push(reason);
  if (restoredAfter !== null) deploy.restoredAfter = Math.min(deploy.restoredAfter ?? Infinity, restoredAfter);
  if (reverts.length > 0) deploy.failingReverts = [...(deploy.failingReverts ?? []), ...reverts];
}
