import type { DeploySignalKind } from '../domain.js';
import type { DeployEvidence, GitHubFailures } from '../model/build.js';
import type { Incident } from '../model/incidents.js';
import type { ProductEvidence } from '../model/products.js';
import type { DeployCandidate } from '../model/deploys.js';
import { failedDeployments, gitHubIncidents, type DeployRef } from '../model/github-deploys.js';
import { releaseProduct } from '../model/release-tags.js';
import { isAncestor, readCommitGraph, type CommitGraph } from '../sources/git/deploy-contents.js';
import type { PullHeads } from '../sources/git/history.js';
import type { GoRetraction } from '../sources/git/manifests.js';
import type { RepoInfo } from '../sources/git/repo.js';
import type { GitHubData } from '../sources/github/index.js';
import type { Pattern } from '../patterns.js';
import { failuresAsOf } from './as-of.js';
import type { ReleaseGraph } from './release-graph.js';
import { DEPLOY_SOURCE_NAMES, DEPLOY_SOURCES } from '../sources/deploys/index.js';
import type { SourceInput } from '../sources/deploys/source.js';

export interface DeploySignal {
  kind: DeploySignalKind;
  /** the candidates of that kind, in no particular order */
  refs: DeployRef[];
  /** chosen automatically: the sources looked for, in order (the report says why this one was taken) */
  lookedFor?: DeploySignalKind[];
}

/**
 * The deploy signal (SPEC section 3): the one asked for, else the first source of the registry that has any
 * candidate (its order is the most specific signal first), else the fallback (every merge). A source is read
 * only when those before it had none: a GitHub read it needs is not made otherwise.
 */
export async function chooseSignal(asked: DeploySignalKind | undefined, input: SourceInput, now = Infinity): Promise<DeploySignal> {
  // the candidates made before now: a closed window's signal is what it was at its end (SPEC section 6), which is not
  // in it: a release tagged at the very second a window ends (cli/cli's v2.60.0 on the commit `--now` named) shipped
  // the window's changes while no list of its deploys held it
  const candidates = async (kind: DeploySignalKind): Promise<DeployRef[]> => (await DEPLOY_SOURCES[kind].candidates(input)).filter((r) => r.at < now);
  if (asked !== undefined) return { kind: asked, refs: await candidates(asked) };
  // what this run can look for: a named deploy branch only when asked, GitHub's sources only with GitHub
  const lookedFor = DEPLOY_SOURCE_NAMES.filter((name) => {
    const { meta } = DEPLOY_SOURCES[name];
    return meta.onlyAsked !== true && meta.fallback !== true && (meta.needs === 'git' || input.github !== null);
  });
  for (const kind of DEPLOY_SOURCE_NAMES) {
    const source = DEPLOY_SOURCES[kind];
    if (source.meta.onlyAsked) continue;
    const refs = await candidates(kind);
    if (refs.length > 0 || source.meta.fallback) return { kind, refs, lookedFor };
  }
  throw new Error('the deploy-source registry has no fallback');
}

export interface EvidenceOptions {
  /** the boundary of the history read: walks stop there */
  boundary: string[];
  /** candidates older than this ship nothing the history holds; newer than `now` have not happened yet */
  from: number;
  now: number;
  github: GitHubData | null;
  environment: Pattern;
  /** the graph read for the release lines (it holds every tag's history), and the changes their copy keys name */
  lines: ReleaseGraph;
  copies: ReadonlyMap<string, readonly string[]>;
  /** the clone's pull refs, as the history read them */
  pullHeads: PullHeads;
  /** what the events files say: deploys that failed, and incidents */
  events: { failed: readonly DeployRef[]; incidents: readonly Incident[] };
  /** seconds after a deploy within which an incident is its failure */
  incidentWindow: number;
  /** a monorepo's products: the product each tag versions and the products each change touched (null: one product) */
  products?: { ofTag: (tag: string) => string | null; evidence: ProductEvidence } | null;
  /** the versions the repository's go.mod retracted by `now` */
  retractions?: readonly GoRetraction[];
}

/**
 * What the model needs of git to match the signal's candidates to the changes: the commit graph below them,
 * read once (one `rev-list`, never a git process per pair of deploys or per change), unless the release lines'
 * graph already holds them, and git's answer for each rollback the graph cannot decide.
 */
export async function readDeployEvidence(repo: RepoInfo, signal: DeploySignal, o: EvidenceOptions): Promise<DeployEvidence> {
  const github = failuresOf(signal, o);
  if (signal.kind === 'merge') return { kind: 'merge', github };
  const candidates = signal.refs
    .filter((r) => r.at >= o.from && r.at <= o.now)
    .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name))
    .map((r) => ({ ref: r.name, sha: r.sha, at: r.at, target: r.target ?? o.products?.ofTag(r.name) ?? releaseProduct(r.name) }));
  // release tags were read with the release lines: their graph holds all the candidates' history
  const read = candidates.every((c) => o.lines.readFrom.has(c.sha));
  const graph = read ? o.lines.graph : await readCommitGraph(repo.cwd, candidates.map((c) => c.sha), o.boundary);
  return {
    kind: signal.kind, candidates, graph, releaseLine: o.lines.releaseLine, copies: o.copies, pullHeads: o.pullHeads,
    ancestors: await readAncestors(repo, candidates, graph), dropEmpty: DEPLOY_SOURCES[signal.kind].meta.one !== undefined, github,
    products: o.products?.evidence ?? null,
    ...(o.retractions !== undefined && o.retractions.length > 0 && { retractions: o.retractions }),
  };
}

/**
 * What failed besides reverts and rollbacks: the signal's own failed deploys (GitHub deployments' or the events
 * files'), GitHub's labelled issues and the events files' incidents. None read: null, as before events files.
 */
function failuresOf(signal: DeploySignal, o: EvidenceOptions): GitHubFailures | null {
  if (o.github === null && o.events.failed.length === 0 && o.events.incidents.length === 0) return null;
  const failed = signal.kind === 'deployments' && o.github ? failedDeployments(o.github.deployments, o.environment) : signal.kind === 'events' ? o.events.failed : [];
  const incidents = [...(o.github ? gitHubIncidents(o.github.incidents) : []), ...o.events.incidents];
  // as they stood at now (SPEC section 6): a failure or an incident after it is not known yet, a resolution after it not made
  return failuresAsOf({ failedDeployments: failed, incidents, incidentWindow: o.incidentWindow }, o.now);
}

/**
 * For each candidate the graph holds without its parents (its commit is at or below the boundary: whether it
 * rolls an earlier deploy back is beyond the graph), the earlier candidates to the same target whose history
 * holds it, asked of git once each: rare, and never a question per change.
 */
async function readAncestors(repo: RepoInfo, candidates: readonly DeployCandidate[], graph: CommitGraph): Promise<Map<string, Set<string>>> {
  const ancestors = new Map<string, Set<string>>();
  for (const [index, candidate] of candidates.entries()) {
    const node = graph.node.get(candidate.sha);
    if (node === undefined || graph.parentStart[node] !== -1 || ancestors.has(candidate.sha)) continue;
    const holders = new Set<string>();
    for (const earlier of candidates.slice(0, index)) {
      if (earlier.target !== candidate.target || earlier.sha === candidate.sha || holders.has(earlier.sha)) continue;
      if (await isAncestor(repo.cwd, candidate.sha, earlier.sha)) holders.add(earlier.sha);
    }
    ancestors.set(candidate.sha, holders);
  }
  return ancestors;
}

/**
 * The report's `deploySignal.detail`: what counted as a deploy, and, when chosen automatically, why: the sources
 * looked for before it, in order.
 */
export function signalDetail(signal: DeploySignal, tagPattern: Pattern, environment: Pattern, includePrereleases: boolean, deployBranch: string | undefined, workflow: Pattern): string {
  const detail = DEPLOY_SOURCES[signal.kind].meta.detail({ count: signal.refs.length, tagPattern, environment, includePrereleases, deployBranch, workflow });
  if (signal.lookedFor === undefined) return detail;
  // why this source: the automatic choice takes the first the repository has (asked for, the reason is the asking)
  const before = signal.lookedFor.slice(0, Math.max(0, signal.lookedFor.indexOf(signal.kind))).map((name) => DEPLOY_SOURCES[name].meta.label);
  const all = DEPLOY_SOURCES[signal.kind].meta.fallback ? signal.lookedFor.map((name) => DEPLOY_SOURCES[name].meta.label) : before;
  if (all.length === 0) return `${detail}; chosen automatically: the most specific signal there is`;
  return `${detail}; chosen automatically: the repository has no ${orList(all)}`;
}

/** `a`, `a or b`, `a, b or c` */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}
