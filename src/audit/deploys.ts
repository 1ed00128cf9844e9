import type { Change, Deploy, DeploySignalKind } from '../domain.js';
import { applyGitHubFailures, failedDeployments, publishedReleases, successfulDeployments, type DeployRef } from '../model/github-deploys.js';
import { assignDeploys, mergeDeploys, shipments, type DeployContents } from '../model/deploys.js';
import { releaseProduct } from '../model/release-tags.js';
import { isAncestor, readCommitGraph } from '../sources/git/deploy-contents.js';
import type { PullHeads } from '../sources/git/history.js';
import type { RepoInfo, TagRef } from '../sources/git/repo.js';
import type { GitHubData } from '../sources/github/index.js';
import type { Pattern } from '../patterns.js';
import type { ReleaseGraph } from './release-graph.js';
import { plural } from '../units.js';

export interface DeploySignal {
  kind: DeploySignalKind;
  /** the candidates of that kind, in no particular order */
  refs: DeployRef[];
}

/**
 * The deploy signal (SPEC section 3): the one asked for, else the first the repository has — production
 * deployments, then final releases (both GitHub), then final release tags, then every merge.
 */
export function chooseSignal(asked: DeploySignalKind | undefined, github: GitHubData | null, o: { environment: Pattern; includePrereleases: boolean }, tags: TagRef[]): DeploySignal {
  const deployments = github ? successfulDeployments(github.deployments, o.environment) : [];
  const releases = github ? publishedReleases(github.releases, o.includePrereleases) : [];
  const kind = asked ?? (deployments.length > 0 ? 'deployments' : releases.length > 0 ? 'releases' : tags.length > 0 ? 'tags' : 'merge');
  const refs = kind === 'deployments' ? deployments : kind === 'releases' ? releases : kind === 'tags' ? tags : [];
  return { kind, refs };
}

export interface MatchOptions {
  /** the boundary of the history read: walks stop there */
  boundary: string[];
  /** candidates older than this ship nothing the history holds; newer than `now` have not happened yet */
  from: number;
  now: number;
  github: GitHubData | null;
  environment: Pattern;
  revertWindow: number;
  /** the graph read for the release lines (it holds every tag's history), and the changes their copy keys name */
  lines: ReleaseGraph;
  copies: ReadonlyMap<string, readonly string[]>;
  /** the clone's pull refs, as the history read them */
  pullHeads: PullHeads;
}

/**
 * Which deploy first shipped each change, and which deploys failed. Sets `deployedAt` on the changes (they
 * must already know their reverts). All candidates are matched in one pass over a commit graph read once
 * (one `rev-list`), never a git process per pair of deploys or per change.
 */
export async function matchDeploys(repo: RepoInfo, changes: Change[], signal: DeploySignal, o: MatchOptions): Promise<Deploy[]> {
  let contents: DeployContents[];
  if (signal.kind === 'merge') contents = mergeDeploys(changes);
  else {
    const candidates = signal.refs
      .filter((r) => r.at >= o.from && r.at <= o.now)
      .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name))
      .map((r) => ({ ref: r.name, sha: r.sha, at: r.at, target: r.target ?? releaseProduct(r.name) }));
    // release tags were read with the release lines: their graph holds all the candidates' history
    const read = candidates.every((c) => o.lines.readFrom.has(c.sha));
    const graph = read ? o.lines.graph : await readCommitGraph(repo.cwd, candidates.map((c) => c.sha), o.boundary);
    const pullHeads = squashHeads(changes, o.pullHeads);
    contents = shipments(changes, candidates, { graph, releaseLine: o.lines.releaseLine, copies: o.copies, pullHeads });
    await settleRollbacks(repo, contents);
  }
  const deploys = assignDeploys(changes, contents, { revertWindow: o.revertWindow, dropEmpty: signal.kind === 'tags' || signal.kind === 'releases' });
  if (!o.github) return deploys;
  return applyGitHubFailures(deploys, signal.kind === 'deployments' ? failedDeployments(o.github.deployments, o.environment) : [], o.github.incidents);
}

/** Squash merges' pull request heads, by landing sha, when the clone has pull refs: a release PR's head may be tagged. */
function squashHeads(changes: readonly Change[], heads: PullHeads): Map<string, string> {
  const squashes = changes.filter((c) => c.kind === 'squash' && c.number !== null);
  const byLanding = new Map<string, string>();
  for (const change of squashes) {
    const head = heads.get(change.number as number);
    if (head !== undefined) byLanding.set(change.sha, head.sha);
  }
  return byLanding;
}

/** A rollback the graph could not decide (its commit predates the history read) is asked of git, once each. */
async function settleRollbacks(repo: RepoInfo, contents: DeployContents[]): Promise<void> {
  const previous = new Map<string, DeployContents>();
  for (const deploy of contents) {
    const before = previous.get(deploy.target);
    if (deploy.rollback === null) deploy.rollback = before !== undefined && (await isAncestor(repo.cwd, deploy.sha, before.sha));
    if (deploy.shipped.length > 0 || deploy.rollback) previous.set(deploy.target, deploy);
  }
}

export function signalDetail(signal: DeploySignal, tagPattern: Pattern, environment: Pattern, includePrereleases: boolean): string {
  const count = signal.refs.length;
  if (signal.kind === 'tags') return `${plural(count, includePrereleases ? 'release tag' : 'final release tag')} matching ${tagPattern.source}${includePrereleases ? ', pre-releases included' : ''}`;
  if (signal.kind === 'deployments') return `${plural(count, 'successful GitHub deployment')} to environments matching ${environment.source}`;
  if (signal.kind === 'releases') return `${plural(count, 'published GitHub release')}${includePrereleases ? ', pre-releases included' : ''}`;
  return 'no deploy signal found: every merge counts as a deploy';
}
