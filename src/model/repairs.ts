import { RELEASE_COMMIT, type Change, type Deploy } from '../domain.js';
import { largest } from '../lists.js';
import type { Tester } from '../patterns.js';
import { isOwnVersionBump } from './message.js';

/*
 * Which changes repaired earlier work (SPEC section 4, "repair share"), each marked with a flag per reason so the
 * reason travels with the change into every format and survives a report read back (aggregate). A change's body
 * is not read: "Fixes #12" names an issue the change closes, which is as often a feature request as a bug, so
 * only the title, the branch, the labels and what the deploys say make a repair.
 */

/** A repair's reasons, as the change's flags name them. */
export const REPAIR_FLAGS = {
  /** it reverts an earlier change */
  revert: 'repair:revert',
  /** it landed after a failed deploy and shipped in the deploy that restored it */
  failedDeployFix: 'repair:failed-deploy-fix',
  /** it came from a `hotfix/` branch */
  hotfixBranch: 'repair:hotfix-branch',
  /** its title starts `fix:`, `fix(scope):`, `hotfix:` (Conventional Commits) */
  fixTitle: 'repair:fix-title',
  /** its pull request has a label matching the bug-label pattern (GitHub mode) */
  bugLabel: 'repair:bug-label',
} as const;

export type RepairReason = keyof typeof REPAIR_FLAGS;

// `hotfix/1.2.3`, `hot-fix/login`, and the same under a user's prefix (`ada/hotfix/login`)
const HOTFIX_BRANCH = /(^|\/)hot-?fix\//i;
// a hotfix named anywhere in a title or branch: `Hotfix for login`, `release/hotfix-2`
const HOTFIX = /\bhot-?fix/i;
// Conventional Commits' fix type, with a scope and the breaking-change mark: `fix:`, `fix(api)!:`, `hotfix:`, after
// marks that are no words (apollo-client's agents' `🤖🤖🤖 fix(masking): …`, gitmoji's `🐛 fix: …`)
const FIX_TITLE = /^[^\p{L}\p{N}]*(hot-?)?fix(\([^)]*\))?!?:/iu;

/**
 * The reasons a change is a repair, by what it says of itself: a revert, a hotfix branch, a fix title, a bug
 * label. The failed-deploy fix needs the deploys: `markRepairs` adds it. Pure.
 */
export function ownRepairReasons(change: Pick<Change, 'isRevert' | 'branch' | 'title' | 'labels'>, bugLabel: Tester | null): RepairReason[] {
  const reasons: RepairReason[] = [];
  if (change.isRevert) reasons.push('revert');
  if (change.branch !== null && HOTFIX_BRANCH.test(change.branch)) reasons.push('hotfixBranch');
  if (FIX_TITLE.test(change.title.trim())) reasons.push('fixTitle');
  if (bugLabel !== null && (change.labels ?? []).some((label) => bugLabel.test(label))) reasons.push('bugLabel');
  return reasons;
}

/**
 * The landing shas of the changes that fixed a failed deploy: shipped in the deploy that restored it (the one
 * `restoredAfter` names), landed after it, and tied to its failure (`fixesOf`). A deploy restored by an incident's
 * resolution, with no deploy at that moment, names no fix. `deploys` in time order. Pure.
 */
export function failedDeployFixes(changes: readonly Change[], deploys: readonly Deploy[], bugLabel: Tester | null): Set<string> {
  const bySha = new Map(changes.map((c) => [c.sha, c]));
  const byTime = new Map<number, Deploy[]>();
  for (const deploy of deploys) byTime.set(deploy.at, [...(byTime.get(deploy.at) ?? []), deploy]);
  // in a repository of products, a change of none (CI, the root's files) ships with the deploy its ref names but in
  // no product deploy's list: tokio-1.52.1 carried the CI changes that let its revert out, which read as no repair
  const unowned = new Map<string, string[]>();
  const restored = deploys.some((d) => d.failed && d.restoredAfter !== null);
  for (const c of restored ? changes : []) {
    if (c.products?.length !== 0 || c.deployRef == null || c.deployedAt === null) continue;
    const key = `${c.deployRef}\u0000${c.deployedAt}`;
    const same = unowned.get(key);
    if (same === undefined) unowned.set(key, [c.sha]);
    else same.push(c.sha);
  }
  const fixes = new Set<string>();
  for (const failed of deploys) {
    if (!failed.failed || failed.restoredAfter === null) continue;
    for (const restoring of byTime.get(failed.at + failed.restoredAfter) ?? []) {
      if (restoring === failed) continue;
      // those of no product go with the failed product's own restoring deploy, not another product's tagged beside it
      const own = restoring.product === failed.product ? (unowned.get(`${restoring.ref}\u0000${restoring.at}`) ?? []) : [];
      const carried = own.length === 0 ? restoring.changeShas : [...restoring.changeShas, ...own];
      for (const sha of fixesOf(failed, restoring, carried, bySha, bugLabel)) fixes.add(sha);
    }
  }
  return fixes;
}

/**
 * Which changes the deploy that restored `failed` shipped (`carried`: its own, and in a repository of products the
 * changes of none that took its ref) fixed it. Without a revert to name the fix (a deployment
 * status, an incident), time is all there is: every change landed after the failed deploy. A revert names it. A
 * restoring deploy cut for the fix — nothing in it landed after the failure's last revert but repairs by their own
 * account (a follow-up `fix:`) and its release's mechanics — was made to ship it: all it carried since the failure
 * went into the repair (tokio-1.52.1 shipped the revert, the CI changes that let it out and its release commit, two
 * days after 1.52.0). One that carried later work, or a feature since the failure, was an ordinary release that
 * happened to hold the fix, and the fix is the revert alone: golang/tools's v0.39.0 restored v0.38.0 as its
 * monthly release, 29 days after the revert, with 59 other changes that fixed nothing. A `fix:` among them is a
 * planned bug fix (a repair by its title).
 */
function fixesOf(failed: Deploy, restoring: Deploy, carried: readonly string[], bySha: ReadonlyMap<string, Change>, bugLabel: Tester | null): string[] {
  const since = carried.map((sha) => bySha.get(sha)).filter((c): c is Change => c !== undefined && c.mergedAt > failed.at);
  // the reverts this deploy can hold; none when it restored by other means (an incident's resolution at its time)
  const reverts = (failed.failingReverts ?? []).filter((r) => r.at <= restoring.at);
  if (reverts.length === 0) return since.map((c) => c.sha);
  // a revert on a release line is no change of the branch, but it still says when the fix landed
  const fixedAt = largest(reverts.map((r) => r.at));
  const cutForFix = carried.every((sha) => {
    const change = bySha.get(sha);
    return change === undefined || change.mergedAt <= fixedAt || ownRepairReasons(change, bugLabel).length > 0 || releaseMechanics(change, restoring);
  }) && !since.some((c) => FEATURE_TITLE.test(c.title));
  if (cutForFix) return since.map((c) => c.sha);
  const named = new Set(reverts.map((r) => r.sha));
  return since.filter((c) => named.has(c.sha)).map((c) => c.sha);
}

// a conventional commit's feature: planned work, which a release cut for a fix does not carry (getsentry/sentry-python's
// 2.52.0, its weekly release, restored 2.51.0 with the revert and 29 changes of the week, `feat(span-streaming): Add
// span batcher` among them: all 30 read as fixes of the failure, and the release as rework)
const FEATURE_TITLE = /^feat(?:\([^)]*\))?!?:/i;

/** The deploy's own release: the commit it was cut from, a release commit, a change that sets the version. */
function releaseMechanics(change: Change, deploy: Deploy): boolean {
  return change.sha === deploy.sha || change.flags.includes(RELEASE_COMMIT) || isOwnVersionBump(change.title);
}

/**
 * Adds a `repair:…` flag for each reason a change repaired earlier work, and marks the deploys that were rework
 * (DORA's deployment rework rate: unplanned, shipping only a fix for a failure): every change they shipped a
 * revert, a hotfix (`hotfix` in its title or branch) or a fix of a failed deploy. A `fix:` title or a bug label
 * alone is a planned bug fix, not rework. Pure but for the changes' flags and the deploys' `rework` it sets.
 */
export function markRepairs(changes: Change[], deploys: Deploy[], bugLabel: Tester | null): void {
  const fixes = failedDeployFixes(changes, deploys, bugLabel);
  for (const change of changes) {
    const reasons = ownRepairReasons(change, bugLabel);
    if (fixes.has(change.sha)) reasons.push('failedDeployFix');
    if (reasons.length > 0) change.flags = [...change.flags, ...reasons.map((r) => REPAIR_FLAGS[r])];
  }
  const bySha = new Map(changes.map((c) => [c.sha, c]));
  const unplanned = (sha: string): boolean => {
    const change = bySha.get(sha);
    return change !== undefined && (change.isRevert || fixes.has(sha) || HOTFIX.test(change.title) || HOTFIX.test(change.branch ?? ''));
  };
  for (const deploy of deploys) deploy.rework = deploy.changeShas.length > 0 && deploy.changeShas.every(unplanned);
}
