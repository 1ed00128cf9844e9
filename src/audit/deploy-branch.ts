import { ConfigError } from '../errors.js';
import { branchDeploys } from '../model/deploy-branch.js';
import { readHistorySet, readLine } from '../sources/git/deploy-branch.js';
import { resolveBranch, type RepoInfo } from '../sources/git/repo.js';
import type { DeployRef } from '../sources/deploys/source.js';

/**
 * The deploy branch's deploys: its first-parent line and the tracked branch's commits, read once each.
 * @throws GitError (exit 2) for an unknown branch; ConfigError when it only fast-forwards
 */
export async function readBranchDeploys(repo: RepoInfo, name: string, tracked: { name: string; tip: string }): Promise<DeployRef[]> {
  const deploy = await resolveBranch(repo, name);
  const [line, history, trackedLine] = await Promise.all([readLine(repo.cwd, deploy.tip), readHistorySet(repo.cwd, tracked.tip), readLine(repo.cwd, tracked.tip)]);
  const found = branchDeploys(deploy.name, line, { history, line: new Set(trackedLine.map((c) => c.sha)) });
  const shown = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  if (found.kind === 'fast-forward') {
    throw new ConfigError(`branch ${shown(deploy.name)} only fast-forwards to ${shown(tracked.name)}: git keeps no time of a fast-forward, so its deploys cannot be dated; merge into it with --no-ff, or give the deploys in an events file (--events)`);
  }
  return found.refs;
}
