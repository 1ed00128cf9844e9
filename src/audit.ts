import type { Change, Commit, Deploy, DeploySignalKind } from './domain.js';
import { ConfigError } from './errors.js';
import { advise } from './advice/index.js';
import { loadConfig, type Config } from './config/index.js';
import { validateBusinessHours, workingSeconds, type BusinessHours } from './metrics/business-hours.js';
import { computeDora } from './metrics/dora.js';
import { sizeSummary } from './metrics/size.js';
import { summarizeStages } from './metrics/stage-summary.js';
import { weeklyTrend } from './metrics/trend.js';
import { buildChanges, resolveForkPoints, type PullCommits } from './model/changes.js';
import { assignDeploys, mergeDeploys, type DeployContents } from './model/deploys.js';
import { splitPullCommits } from './model/pull-commits.js';
import { isReleaseLine, isReleaseTag, releaseCommits, type ReleaseCommits } from './model/release-lines.js';
import { collectRevertRefs, markReverts, type RevertRefs } from './model/reverts.js';
import { sizeFilter } from './model/size-filter.js';
import { computeStages } from './model/stages.js';
import { compileRegex, resolveNow, resolveWindow, type AuditOptions } from './options.js';
import { iso, toReportChange, toReportDeploy, windowOf, type Report } from './report.js';
import { applyGitHubFailures, failedDeployments, publishedReleases, successfulDeployments } from './model/github-deploys.js';
import { applyPulls, type PullFacts } from './model/github-pulls.js';
import { computeFlowHealth } from './metrics/flow-health.js';
import { isBot } from './model/bots.js';
import { tagContents, type FirstParentLine } from './sources/git/deploy-contents.js';
import { apiHostOf, apiUrlFor, defaultCacheDir, fetchGitHub, findToken, type GitHubData } from './sources/github/index.js';
import { listPullHeads, listReleaseTips, readCommits, readParents } from './sources/git/history.js';
import { readSizes } from './sources/git/numstat.js';
import { parseRemote, webUrl, type RemoteName } from './sources/git/remote.js';
import {
  commitDates, firstParentBefore, listTags, openRepository, readAttributes, resolveBranch, type TagRef,
} from './sources/git/repo.js';
import { VERSION } from './version.js';

const DAY = 86400;
// history is read from a week before the window, so merges near its start still find their side commits
const READ_SLACK = 7 * DAY;
// and back to the deploy before the window (capped), so the first deploys in it count what they shipped
const MAX_DEPLOY_LOOKBACK = 365 * DAY;

/**
 * Audits one repository: reads git, builds the model, computes the figures and returns the report object.
 * @throws ConfigError / GitError (exit 2) for bad input, GitError for git failures
 */
export async function audit(options: AuditOptions): Promise<Report> {
  const warn = options.warn ?? (() => undefined);
  const env = options.env ?? process.env;
  const progress = options.progress ?? (() => undefined);
  const now = resolveNow(options.now);
  const window = resolveWindow(options, now);
  const repo = await openRepository(options.path);
  const warnings: string[] = [];
  const warning = (message: string): void => {
    warnings.push(message);
    warn(message);
  };
  // flags override the config file, which overrides the defaults
  const config = loadConfig({ repoRoot: repo.path, ...(options.configFile !== undefined && { file: options.configFile }) });
  const tagPattern = compileRegex(options.tagPattern ?? config.deploy.tagPattern, '--tag-pattern');
  const botSource = options.botPattern ?? (config.bots.length > 0 ? config.bots.join('|') : null);
  const botPattern = botSource !== null ? compileRegex(botSource, 'bots', 'i') : null;
  const aiMarkers = [...config.ai.markers, ...(options.aiMarkers ?? [])].map((m) => compileRegex(m, 'ai.markers', 'im'));
  const remoteForGitHub = parseRemote(repo.remoteUrl);
  const gh = await gitHubAccess(options, remoteForGitHub);
  const configuredFrom = config.deploy.from === 'auto' ? undefined : config.deploy.from;
  let deployFrom = options.deployFrom ?? configuredFrom;
  if ((deployFrom === 'releases' || deployFrom === 'deployments') && gh === null) {
    if (options.deployFrom !== undefined) throw new ConfigError(`--deploy-from ${deployFrom} needs GitHub data: set GH_TOKEN (or run \`gh auth login\`), or use tags or merge`);
    warning(`deploy.from '${deployFrom}' needs GitHub data: using the first signal git has instead`);
    deployFrom = undefined;
  }
  const environment = compileRegex(options.environment ?? config.deploy.environment, '--environment');
  const businessHours = options.businessHours ?? (config.businessHours.enabled ? fromConfigHours(config.businessHours) : undefined);
  if (repo.shallow) warning('this is a shallow clone: history is cut, so early changes may be missing or wrong; deepen it with `git fetch --unshallow`');
  const branch = await resolveBranch(repo, options.branch);
  const remote = remoteForGitHub;

  const tags = deployFrom === 'merge' ? [] : (await listTags(repo)).filter((t) => tagPattern.test(t.name));

  const previousTag = tags.filter((t) => t.at < window.since).reduce<number | null>((max, t) => (max === null || t.at > max ? t.at : max), null);
  const readFrom = Math.max(Math.min(window.since - READ_SLACK, previousTag ?? Infinity), window.since - MAX_DEPLOY_LOOKBACK);
  const boundary = await firstParentBefore(repo, branch.tip, readFrom);
  const exclude = boundary ? [boundary] : [];

  progress(`reading history of ${branch.name}`);
  const model = await readGitChanges(repo, branch, exclude, { aiMarkers, botPattern, sizeExcluded: config.sizeExcluded, webUrl: webUrl(remote) });
  const { changes, pullRefs, revertRefs, line } = model;
  let github: GitHubData | null = null;
  let facts: Map<string, PullFacts> = new Map();
  let waitAnnounced = false;
  if (gh !== null) {
    progress('reading pull requests from GitHub');
    github = await fetchGitHub({
      owner: gh.owner, name: gh.name, apiUrl: gh.apiUrl, token: gh.token, baseBranch: branch.name,
      since: window.since - READ_SLACK, until: window.until, now,
      cache: { dir: defaultCacheDir(env), noCache: Boolean(options.noCache), refresh: Boolean(options.refresh) },
      partial: Boolean(options.partial), maxWaitSeconds: 600, incidentLabel: options.incidentLabel ?? config.incidentLabel,
      onProgress: progress, warn: warning,
      onWait: (left) => {
        // said once on stderr even off a terminal, where the countdown itself is not shown
        if (!waitAnnounced) warn(`GitHub rate limit reached: waiting ${left}s for the reset`);
        waitAnnounced = true;
        progress(`GitHub rate limit: waiting ${left}s for the reset`);
      },
    });
    if (github.partial) warning('a GitHub rate limit stopped the fetch: this report covers only what was fetched (--partial)');
    if (options.verbose) warn(`GitHub: ${github.requests} request(s), query cost ${github.cost} point(s)`);
    facts = applyPulls(changes, github.pulls, {
      requiredApprovals: options.requiredApprovals ?? config.requiredApprovals,
      isBot: (login) => isBot(login, '', botPattern),
      aiLabels: config.ai.labels,
      aiMarkers,
      trackedBranch: branch.name,
      isRelease: (sha) => model.release.has(sha),
    });
  }
  markReverts(changes, revertRefs);
  const candidates = github ? gitHubDeployRefs(github, environment) : { deployments: [], releases: [] };
  const signal: DeploySignalKind =
    deployFrom ?? (candidates.deployments.length > 0 ? 'deployments' : candidates.releases.length > 0 ? 'releases' : tags.length > 0 ? 'tags' : 'merge');
  if (signal === 'tags' && tags.length === 0) warning(`no tag matches --tag-pattern ${tagPattern.source}: nothing counts as deployed`);
  const deployRefs = signal === 'deployments' ? candidates.deployments : signal === 'releases' ? candidates.releases : tags;

  progress('matching changes to deploys');
  const landing = new Set(changes.map((c) => c.sha));
  const earliest = changes.reduce((min, c) => Math.min(min, c.mergedAt), window.since);
  const contents: DeployContents[] =
    signal === 'merge' ? mergeDeploys(changes.filter((c) => c.kind !== 'sync')) : await tagContents(repo.cwd, deployRefs, landing, exclude, earliest, line);
  let deploys = assignDeploys(changes, contents);
  if (github) deploys = applyGitHubFailures(deploys, signal === 'deployments' ? failedDeployments(github.deployments, environment) : [], github.incidents);
  let clockSkew = 0;
  const hours = businessHours ? validateBusinessHours(businessHours) : null;
  const measure = hours ? (a: number, b: number) => workingSeconds(a, b, hours) : undefined;
  for (const change of changes) clockSkew += computeStages(change, signal, measure);

  const inWindow = changes.filter((c) => c.mergedAt >= window.since && c.mergedAt < window.until);
  const counted = inWindow.filter((c) => c.kind !== 'sync' && (options.includeBots || !c.bot));
  const windowDeploys = deploys.filter((d) => d.at >= window.since && d.at < window.until);
  const squashes = inWindow.filter((c) => c.flags.includes('commits-unseen')).length;

  const notes = github ? gitHubNotes(signal) : gitOnlyNotes(signal, squashes, pullRefs);
  const unsized = inWindow.filter((c) => c.size === null).length;
  if (model.unknownSizes > 0 && unsized > 0) {
    warning(`${unsized} change(s) have unknown size: this clone lacks some file contents (a partial clone); the rest of the report is unaffected`);
  }
  if (clockSkew > 0) warning(`${clockSkew} negative interval(s) (clock skew) were counted as 0`);

  const report: Report = {
    schemaVersion: 1,
    generatedAt: new Date().toISOString(),
    tool: { name: 'flowaudit', version: VERSION },
    repository: { path: repo.path, remote: remote ? `${remote.owner}/${remote.name}` : null, branch: branch.name },
    window: windowOf(window),
    now: iso(now) as string,
    sources: github ? ['git', 'github'] : ['git'],
    deploySignal: { kind: signal, detail: signalDetail(signal, tagPattern.source, deployRefs.length, environment.source) },
    businessHours: hours,
    changes: inWindow.map(toReportChange),
    deploys: windowDeploys.map(toReportDeploy),
    summary: {
      ...summarize(window, inWindow, counted, windowDeploys, changes, signal, clockSkew),
      ...computeFlowHealth({ changes: counted, facts, openPulls: github?.openPulls ?? [], now: Math.min(now, window.until), github: github !== null }),
    },
    recommendations: [],
    notes,
    warnings,
  };
  report.recommendations = advise(report, config.thresholds);
  return report;
}

const WEEKDAY_NUMBERS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

function fromConfigHours(hours: Config['businessHours']): BusinessHours {
  return { timezone: hours.timezone, days: hours.days.map((d) => WEEKDAY_NUMBERS[d] ?? 1), start: hours.start, end: hours.end };
}

interface GitModel {
  changes: Change[];
  /** the clone has refs/pull/N/head refs */
  pullRefs: boolean;
  revertRefs: Map<string, RevertRefs>;
  unknownSizes: number;
  /** the tracked branch's first-parent commits read, oldest first: deploys on it need no git process */
  line: FirstParentLine;
  /** commits on a release line or behind a release tag, among those read (section 1) */
  release: ReadonlySet<string>;
}

// a pull ref or a release line last committed this long before the history read holds no change in it
const LOOKBACK = 365 * DAY;

/**
 * Reads the branch's history and groups it into changes. Its own function so the commits it read (the bulk
 * of the memory) can be collected once the changes are built: only what reverts need is kept.
 */
async function readGitChanges(
  repo: Awaited<ReturnType<typeof openRepository>>,
  branch: { name: string; tip: string },
  exclude: string[],
  o: { aiMarkers: RegExp[]; botPattern: RegExp | null; sizeExcluded: string[]; webUrl: string | null },
): Promise<GitModel> {
  const attributes = await readAttributes(repo, branch.tip);
  // pull refs and release lines older than this cannot hold the work of a change in the history read
  const boundaryAt = exclude[0] !== undefined ? (await commitDates(repo, exclude)).get(exclude[0]) : undefined;
  const since = (boundaryAt ?? 0) - LOOKBACK;
  // independent reads run side by side: git does the work, this process waits
  const [commits, numstat, pulls, releaseLines] = await Promise.all([
    readCommits(repo.cwd, [branch.tip], exclude, o.aiMarkers),
    readSizes(repo.cwd, branch.tip, exclude, sizeFilter(attributes, o.sizeExcluded)),
    readPulls(repo.cwd, branch.tip, since, o.aiMarkers),
    readReleaseLines(repo.cwd, branch, since),
  ]);
  const firstParent = firstParentLine(branch.tip, commits);
  const commitOf = (sha: string): Commit | undefined => commits.get(sha) ?? pulls.loaded.get(sha);
  const release = releaseAmong(releaseLines, firstParent, commitOf);
  const changes = buildChanges({
    firstParent,
    commits,
    trackedBranch: branch.name,
    sizes: numstat.sizes,
    pulls: pulls.commits,
    pullHeads: pulls.heads,
    release: release.all,
    releaseLines: release.lines,
    botPattern: o.botPattern,
    webUrl: o.webUrl,
  });
  const unknownForks = [...new Set(changes.flatMap((c) => c.forkPoints))].filter((sha) => !commits.has(sha) && !pulls.loaded.has(sha));
  const lookedUp = await commitDates(repo, unknownForks);
  resolveForkPoints(changes, (sha) => commitOf(sha)?.committedAt ?? lookedUp.get(sha));
  const revertRefs = collectRevertRefs(changes, commitOf);
  const shas = firstParent.map((c) => c.sha);
  const line = { shas, position: new Map(shas.map((sha, i) => [sha, i])) };
  return { changes, pullRefs: pulls.available, revertRefs, unknownSizes: numstat.unknown.length, line, release: release.all };
}

/** The tracked branch's first-parent line among the commits read, oldest first. */
function firstParentLine(tip: string, commits: Map<string, Commit>): Commit[] {
  const line: Commit[] = [];
  for (let commit = commits.get(tip); commit !== undefined; commit = commits.get(commit.parents[0] ?? '')) line.push(commit);
  return line.reverse();
}

interface Pulls {
  commits: Map<number, PullCommits>;
  /** every pull ref's head commit → its number */
  heads: Map<string, number>;
  loaded: Map<string, Commit>;
  /** the clone has refs/pull/N/head refs */
  available: boolean;
}

/**
 * Reads the commits of every pull ref whose head was committed since `since` and that is not on the tracked
 * branch, all in one streaming pass: squash merges take their commits from them, and rebase merges are found
 * as copies of them.
 */
async function readPulls(cwd: string, tip: string, since: number, aiMarkers: RegExp[]): Promise<Pulls> {
  const refs = await listPullHeads(cwd);
  const bySha = new Map([...refs].map(([number, head]) => [head.sha, number]));
  const heads = new Map([...refs].filter(([, head]) => head.at >= since).map(([number, head]) => [number, head.sha]));
  if (heads.size === 0) return { commits: new Map(), heads: bySha, loaded: new Map(), available: refs.size > 0 };
  const loaded = await readCommits(cwd, [...new Set(heads.values())], [tip], aiMarkers);
  return { commits: splitPullCommits(heads, loaded), heads: bySha, loaded, available: true };
}

interface ReleaseLines {
  tips: string[];
  /** parents of the commits of release lines active since the lookback, where they are not on the tracked branch */
  beyond: Map<string, string[]>;
}

/**
 * Release-line and tag tips, and the shape of the lines active since `since` beyond the tracked branch, in
 * one `rev-list` (older lines are walked only through the commits read).
 */
async function readReleaseLines(cwd: string, branch: { name: string; tip: string }, since: number): Promise<ReleaseLines> {
  const tips = await listReleaseTips(cwd, branch.name, { isReleaseLine, isReleaseTag });
  const active = [...tips].filter(([, at]) => at >= since).map(([sha]) => sha);
  return { tips: [...tips.keys()], beyond: await readParents(cwd, active, [branch.tip]) };
}

/**
 * Commits on a release line or behind a tag (section 1), among those read and on the active release lines
 * (GitHub's API may list any of them as a pull request's).
 */
function releaseAmong(lines: ReleaseLines, firstParent: Commit[], commitOf: (sha: string) => Commit | undefined): ReleaseCommits {
  const onLine = new Set(firstParent.map((c) => c.sha));
  return releaseCommits(lines.tips, (sha) => commitOf(sha)?.parents ?? lines.beyond.get(sha), (sha) => onLine.has(sha));
}

function signalDetail(signal: DeploySignalKind, pattern: string, count: number, environment: string): string {
  if (signal === 'tags') return `${count} tag(s) matching ${pattern}`;
  if (signal === 'deployments') return `${count} successful GitHub deployment(s) to environments matching ${environment}`;
  if (signal === 'releases') return `${count} published GitHub release(s)`;
  return 'no deploy signal found: every merge counts as a deploy';
}

function gitHubNotes(signal: DeploySignalKind): string[] {
  return signal === 'merge' ? ['No deploy signal (deployments, releases or tags) was found: every merge counts as a deploy, so the deploy stage is 0.'] : [];
}

function gitHubDeployRefs(github: GitHubData, environment: RegExp): { deployments: TagRef[]; releases: TagRef[] } {
  return { deployments: successfulDeployments(github.deployments, environment), releases: publishedReleases(github.releases) };
}

interface GitHubAccess {
  owner: string;
  name: string;
  apiUrl: string;
  token: string;
}

/**
 * GitHub mode starts by itself when the repository is on GitHub (or --repo names it) and a token is found
 * (GH_TOKEN, GITHUB_TOKEN, `gh auth token`); --no-github forces git only.
 */
async function gitHubAccess(options: AuditOptions, remote: RemoteName | null): Promise<GitHubAccess | null> {
  if (options.github === false) return null;
  const env = options.env ?? process.env;
  let owner = remote?.owner;
  let name = remote?.name;
  if (options.repo !== undefined) {
    const m = /^([\w.-]+)\/([\w.-]+)$/.exec(options.repo);
    if (!m) throw new ConfigError(`--repo '${options.repo}' is not owner/name`);
    [owner, name] = [m[1], m[2]];
  } else if (remote === null || (!/github/.test(remote.host) && options.apiUrl === undefined && !env.GH_HOST)) {
    return null;
  }
  if (!owner || !name) return null;
  const apiUrl = apiUrlFor({ remoteHost: remote?.host ?? null, apiUrlFlag: options.apiUrl ?? null, env });
  const token = findToken(env, { ghCli: env === process.env, host: apiHostOf(apiUrl) });
  if (token === null) return null;
  return { owner, name, apiUrl, token: token.token };
}

function gitOnlyNotes(signal: DeploySignalKind, squashesUnseen: number, pullRefs: boolean): string[] {
  const notes = [
    'Git alone cannot see when a pull request was opened, first reviewed or approved: pickup and merge wait are unknown, and "review" is the whole wait from the last commit to the merge. Run with a GitHub token (GH_TOKEN) to split it.',
    'Review health, rework, CI checks and WIP need GitHub data: they are left out (null), not 0.',
  ];
  if (signal === 'merge') notes.push('No deploy signal (tags) was found: every merge counts as a deploy, so the deploy stage is 0. Use --tag-pattern to match your release tags.');
  if (squashesUnseen > 0 && !pullRefs) {
    notes.push(`${squashesUnseen} squash-merged change(s) have no commits in this clone, so their coding time is unknown: fetch them with \`git fetch origin '+refs/pull/*/head:refs/pull/*/head'\`.`);
  }
  return notes;
}

function summarize(
  window: { since: number; until: number },
  inWindow: Change[],
  counted: Change[],
  deploys: Deploy[],
  allChanges: Change[],
  signal: DeploySignalKind,
  clockSkew: number,
): Report['summary'] {
  const stages = summarizeStages(counted);
  const ai = counted.filter((c) => c.aiEvidence.length > 0).length;
  return {
    changes: counted.length,
    excluded: { bots: inWindow.filter((c) => c.bot && c.kind !== 'sync').length - counted.filter((c) => c.bot).length, syncs: inWindow.filter((c) => c.kind === 'sync').length },
    stages: stages.stages,
    shareBasis: stages.shareBasis,
    cycleTime: stages.cycleTime,
    leadTime: stages.leadTime,
    flow: {
      anomalies: { clockSkew },
      size: sizeSummary(counted),
      reverted: counted.filter((c) => c.revertedBy !== null).length,
    },
    ai: { assisted: ai, other: counted.length - ai, lowerBound: true },
    dora: computeDora(window, counted, deploys, allChanges, signal),
    trend: weeklyTrend(counted, window),
  };
}

