import { ConfigError } from '../errors.js';
import { markReverts } from '../model/reverts.js';
import { computeStages, type Measure } from '../model/stages.js';
import { workingSeconds } from '../metrics/business-hours.js';
import { resolveNow, resolveWindow, type AuditOptions } from '../options.js';
import { buildReport } from '../report/build.js';
import type { Report } from '../report/schema.js';
import { parseRemote, webUrl, type RemoteName } from '../sources/git/remote.js';
import { firstParentBefore, listTags, openRepository, resolveBranch } from '../sources/git/repo.js';
import { apiHostOf, apiUrlFor, defaultCacheDir, fetchGitHub, findToken, type GitHubData } from '../sources/github/index.js';
import { isBot } from '../model/bots.js';
import { applyPulls } from '../model/github-pulls.js';
import { toOpenPull } from '../model/open-pulls.js';
import type { OpenPull } from '../domain.js';
import { chooseSignal, matchDeploys, signalDetail } from './deploys.js';
import { readGitChanges } from './git-history.js';
import { sourceNotes } from './notes.js';
import { resolveSettings } from './settings.js';

const DAY = 86400;
// history is read from a week before the window, so merges near its start still find their side commits
const READ_SLACK = 7 * DAY;
// and back to the deploy before the window (capped), so the first deploys in it count what they shipped
const MAX_DEPLOY_LOOKBACK = 365 * DAY;

/**
 * Audits one repository: reads git (and GitHub when it can), builds the model and hands it to the report
 * builder. Orchestration only: every figure is computed by `buildReport`.
 * @throws ConfigError / GitError (exit 2) for bad input, GitError for git failures, GitHubError / RateLimitError
 */
export async function audit(options: AuditOptions): Promise<Report> {
  const warn = options.warn ?? (() => undefined);
  const progress = options.progress ?? (() => undefined);
  const now = resolveNow(options.now);
  const window = resolveWindow(options, now);
  const repo = await openRepository(options.path);
  const warnings: string[] = [];
  const warning = (message: string): void => {
    warnings.push(message);
    warn(message);
  };
  const settings = resolveSettings(options, repo.path);
  const remote = parseRemote(repo.remoteUrl);
  const gh = await gitHubAccess(options, remote);
  let deployFrom = settings.deployFrom;
  if ((deployFrom === 'releases' || deployFrom === 'deployments') && gh === null) {
    if (settings.deployFromFlag) throw new ConfigError(`--deploy-from ${deployFrom} needs GitHub data: set GH_TOKEN (or run \`gh auth login\`), or use tags or merge`);
    warning(`deploy.from '${deployFrom}' needs GitHub data: using the first signal git has instead`);
    deployFrom = undefined;
  }
  if (repo.shallow) warning('this is a shallow clone: history is cut, so early changes may be missing or wrong; deepen it with `git fetch --unshallow`');
  const branch = await resolveBranch(repo, options.branch);

  const tags = deployFrom === 'merge' ? [] : (await listTags(repo)).filter((t) => settings.tagPattern.test(t.name));
  const previousTag = tags.filter((t) => t.at < window.since).reduce<number | null>((max, t) => (max === null || t.at > max ? t.at : max), null);
  const readFrom = Math.max(Math.min(window.since - READ_SLACK, previousTag ?? Infinity), window.since - MAX_DEPLOY_LOOKBACK);
  const boundary = await firstParentBefore(repo, branch.tip, readFrom);
  const exclude = boundary ? [boundary] : [];

  progress(`reading history of ${branch.name}`);
  const model = await readGitChanges(repo, branch, exclude, {
    aiMarkers: settings.aiMarkers, botPattern: settings.botPattern, sizeExcluded: settings.config.sizeExcluded, webUrl: webUrl(remote),
  });
  const { changes } = model;
  const github = gh === null ? null : await readGitHub(gh, options, { branch: branch.name, since: window.since - READ_SLACK, until: window.until, now, incidentLabel: settings.incidentLabel }, warn, warning, progress);
  if (github) {
    applyPulls(changes, github.pulls, {
      requiredApprovals: settings.policy.requiredApprovals,
      isBot: (login) => isBot(login, '', settings.botPattern),
      aiLabels: settings.config.ai.labels,
      aiMarkers: settings.aiMarkers,
    });
  }
  markReverts(changes, model.revertRefs);
  const signal = chooseSignal(deployFrom, github, settings.environment, tags);
  if (signal.kind === 'tags' && tags.length === 0) warning(`no tag matches --tag-pattern ${settings.tagPattern.source}: nothing counts as deployed`);

  progress('matching changes to deploys');
  const deploys = await matchDeploys(repo, changes, signal, { boundary: exclude, line: model.line, since: window.since, github, environment: settings.environment });
  const hours = settings.businessHours;
  const measure: Measure | undefined = hours ? (a, b) => workingSeconds(a, b, hours) : undefined;
  let clockSkew = 0;
  for (const change of changes) clockSkew += computeStages(change, signal.kind, measure);
  if (clockSkew > 0) warning(`${clockSkew} negative interval(s) (clock skew) were counted as 0`);

  const inWindow = changes.filter((c) => c.mergedAt >= window.since && c.mergedAt < window.until);
  const unsized = inWindow.filter((c) => c.size === null).length;
  if (model.unknownSizes > 0 && unsized > 0) {
    warning(`${unsized} change(s) have unknown size: this clone lacks some file contents (a partial clone); the rest of the report is unaffected`);
  }
  const openPulls: OpenPull[] = (github?.openPulls ?? []).map((p) =>
    toOpenPull(p, now, { requiredApprovals: settings.policy.requiredApprovals, botPattern: settings.botPattern }));
  return buildReport({ changes, deploys, openPulls }, window, now, settings.policy, {
    generatedAt: new Date().toISOString(),
    repository: { path: repo.path, remote: remote ? `${remote.owner}/${remote.name}` : null, branch: branch.name },
    sources: github ? ['git', 'github'] : ['git'],
    deploySignal: { kind: signal.kind, detail: signalDetail(signal, settings.tagPattern, settings.environment) },
    businessHours: settings.businessHours,
    notes: sourceNotes(signal.kind, github !== null, inWindow, model.pullRefs),
    warnings,
  });
}

/** Fetches the repository's pull requests, deploys and incidents, saying on stderr what it waits for. */
async function readGitHub(
  gh: GitHubAccess,
  options: AuditOptions,
  scope: { branch: string; since: number; until: number; now: number; incidentLabel: string },
  warn: (message: string) => void,
  warning: (message: string) => void,
  progress: (message: string) => void,
): Promise<GitHubData> {
  const env = options.env ?? process.env;
  let waitAnnounced = false;
  progress('reading pull requests from GitHub');
  const github = await fetchGitHub({
    owner: gh.owner, name: gh.name, apiUrl: gh.apiUrl, token: gh.token, baseBranch: scope.branch,
    since: scope.since, until: scope.until, now: scope.now,
    cache: { dir: defaultCacheDir(env), noCache: Boolean(options.noCache), refresh: Boolean(options.refresh) },
    partial: Boolean(options.partial), maxWaitSeconds: 600, incidentLabel: scope.incidentLabel,
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
  return github;
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

