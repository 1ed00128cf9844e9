import type { Change, Deploy, DeploySignalKind } from '../domain.js';
import { applyGitHubFailures, failedDeployments, publishedReleases, successfulDeployments } from '../model/github-deploys.js';
import { assignDeploys, mergeDeploys, type DeployContents } from '../model/deploys.js';
import { tagContents, type FirstParentLine } from '../sources/git/deploy-contents.js';
import type { RepoInfo, TagRef } from '../sources/git/repo.js';
import type { GitHubData } from '../sources/github/index.js';
import type { Pattern } from '../patterns.js';
import { plural } from '../units.js';

export interface DeploySignal {
  kind: DeploySignalKind;
  /** the candidates of that kind, in no particular order */
  refs: TagRef[];
}

/**
 * The deploy signal (SPEC section 3): the one asked for, else the first the repository has — production
 * deployments, then releases (both GitHub), then matching tags, then every merge.
 */
export function chooseSignal(asked: DeploySignalKind | undefined, github: GitHubData | null, environment: Pattern, tags: TagRef[]): DeploySignal {
  const deployments = github ? successfulDeployments(github.deployments, environment) : [];
  const releases = github ? publishedReleases(github.releases) : [];
  const kind = asked ?? (deployments.length > 0 ? 'deployments' : releases.length > 0 ? 'releases' : tags.length > 0 ? 'tags' : 'merge');
  const refs = kind === 'deployments' ? deployments : kind === 'releases' ? releases : kind === 'tags' ? tags : [];
  return { kind, refs };
}

/**
 * Which deploy first shipped each change, and which deploys failed. Sets `deployedAt` on the changes (they
 * must already know their reverts). `boundary` bounds git's walks to the history that was read.
 */
export async function matchDeploys(
  repo: RepoInfo,
  changes: Change[],
  signal: DeploySignal,
  o: { boundary: string[]; line: FirstParentLine; since: number; github: GitHubData | null; environment: Pattern },
): Promise<Deploy[]> {
  const landing = new Set(changes.map((c) => c.sha));
  const earliest = changes.reduce((min, c) => Math.min(min, c.mergedAt), o.since);
  const contents: DeployContents[] =
    signal.kind === 'merge' ? mergeDeploys(changes.filter((c) => c.kind !== 'sync')) : await tagContents(repo.cwd, signal.refs, landing, o.boundary, earliest, o.line);
  const deploys = assignDeploys(changes, contents);
  if (!o.github) return deploys;
  return applyGitHubFailures(deploys, signal.kind === 'deployments' ? failedDeployments(o.github.deployments, o.environment) : [], o.github.incidents);
}

export function signalDetail(signal: DeploySignal, tagPattern: Pattern, environment: Pattern): string {
  const count = signal.refs.length;
  if (signal.kind === 'tags') return `${plural(count, 'tag')} matching ${tagPattern.source}`;
  if (signal.kind === 'deployments') return `${plural(count, 'successful GitHub deployment')} to environments matching ${environment.source}`;
  if (signal.kind === 'releases') return `${plural(count, 'published GitHub release')}`;
  return 'no deploy signal found: every merge counts as a deploy';
}
