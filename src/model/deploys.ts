import type { Change, Deploy } from '../domain.js';
import type { DeployContents } from '../sources/git/deploy-contents.js';

export type { DeployContents } from '../sources/git/deploy-contents.js';


const HOTFIX = /\bhot-?fix/i;

/**
 * Assigns each change to the first deploy, in time order, that shipped it, and marks failed deploys
 * (SPEC sections 3 and 4): a deploy failed when it shipped a change a later deploy reverted, or when a
 * rollback followed it. Pure; sets `deployedAt` on the changes.
 */
export function assignDeploys(changes: Change[], contents: DeployContents[]): Deploy[] {
  const bySha = new Map(changes.map((c) => [c.sha, c]));
  const deployOf = new Map<string, Deploy>();
  const deploys: Deploy[] = contents.map((d) => {
    const deploy: Deploy = { ref: d.ref, sha: d.sha, at: d.at, changeShas: [], rollback: d.rollback, rework: false, failed: false, failureReasons: [], restoredAfter: null };
    for (const sha of d.shipped) {
      const change = bySha.get(sha);
      if (!change || change.deployedAt !== null) continue;
      change.deployedAt = d.at;
      deploy.changeShas.push(sha);
      deployOf.set(sha, deploy);
    }
    return deploy;
  });
  deploys.forEach((deploy, i) => {
    deploy.rework = isReworkDeploy(deploy, bySha);
    for (const sha of deploy.changeShas) {
      const change = bySha.get(sha);
      if (!change?.revertedBy) continue;
      const revertDeploy = deployOf.get(change.revertedBy);
      // reverted before it ever shipped: production never had the failure
      if (revertDeploy === deploy) continue;
      fail(deploy, `shipped ${change.id}, later reverted`, revertDeploy ? revertDeploy.at - deploy.at : null);
    }
    const next = deploys[i + 1];
    if (next?.rollback) fail(deploy, `rolled back by ${next.ref}`, next.at - deploy.at);
  });
  return deploys;
}

function fail(deploy: Deploy, reason: string, restoredAfter: number | null): void {
  deploy.failed = true;
  deploy.failureReasons.push(reason);
  if (restoredAfter !== null) deploy.restoredAfter = Math.min(deploy.restoredAfter ?? Infinity, restoredAfter);
}

/** Every change is its own deploy at merge time: the fallback when the repository shows no deploy signal. */
export function mergeDeploys(changes: Change[]): DeployContents[] {
  return changes.map((c) => ({ ref: c.id, sha: c.sha, at: c.mergedAt, shipped: [c.sha], rollback: false }));
}

/** A deploy that carried only reverts or hotfixes: unplanned rework (DORA's deployment rework rate). */
function isReworkDeploy(deploy: Deploy, changesBySha: Map<string, Change>): boolean {
  if (deploy.changeShas.length === 0) return false;
  return deploy.changeShas.every((sha) => {
    const change = changesBySha.get(sha);
    return change !== undefined && (change.isRevert || HOTFIX.test(change.title) || HOTFIX.test(change.branch ?? ''));
  });
}
