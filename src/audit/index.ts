import { basename, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { collectGarbage } from '../io/memory.js';
import { plural } from '../units.js';
import { largest, smallest } from '../lists.js';
import { buildModel, copiedByRelease, withSizes, type DeployEvidence, type History, type Model, type ModelPolicy, type Pulls } from '../model/build.js';
import { workingSeconds } from '../metrics/business-hours.js';
import { measuredAt, resolveNow, resolveWindow, type AuditOptions, type ProgressEvent } from '../options.js';
import { previousWindow } from '../time.js';
import { iso } from '../report/convert.js';
import type { Policy, Report } from '../report/schema.js';
import type * as ReportBuilder from '../report/build.js';
import type { ReportContext, ReportModel } from '../report/build.js';
import { readCommitters } from '../sources/git/committers.js';
import { gitAnswer } from '../sources/git/run.js';
import { readTouchedPaths } from '../sources/git/touched-paths.js';
import { lineSince } from '../sources/git/fork.js';
import { goRetractionsReader } from '../sources/git/go-retractions.js';
import type { GoRetraction } from '../sources/git/manifests.js';
import { readChangesets } from '../sources/git/changesets.js';
import { mergeRequestsUrl, parseRemote, pullsUrl, remoteHost } from '../sources/git/remote.js';
import { reviewHostOf } from './review-host.js';
import { branchesHoldingSide, branchTips, listTags, newestBranchCommit, oldestNotHeld, oldestShipped, openRepository, resolveBranch, tagsReachedFrom, type RepoInfo, type TagRef } from '../sources/git/repo.js';
import { gitHubAccess, type GitHubAccess } from '../sources/github/access.js';
import type { GitHubData } from '../sources/github/index.js';
import { isBot } from '../model/bots.js';
import type { ApplyPullsOptions } from '../model/github-pulls.js';
import { toOpenPull } from '../model/open-pulls.js';
import { toClosedPull } from '../model/closed-pulls.js';
import type { DeploySignalKind, OpenPull, Size, Window } from '../domain.js';
import { chooseReleaseTags, noReleaseTagWarning, releaseLineOf, strayBareTags, withoutNewerLines } from '../model/release-tags.js';
import { isReleaseLine } from '../model/release-lines.js';
import { chooseSignal, readDeployEvidence, signalDetail, type DeploySignal } from './deploys.js';
import { DEPLOY_SOURCE_NAMES, DEPLOY_SOURCES } from '../sources/deploys/index.js';
import { asFlagValues } from '../sources/deploys/flag-values.js';
import { pullRefsSince, readGitChanges, type PullMatching } from './git-history.js';
import { startReads, type AuditReads } from './reads.js';
import { releaseTipsOf } from './release-graph.js';
import { fetchOptions } from './github-options.js';
import { readLinePulls, withLinePulls } from './line-pulls.js';
import { branchFork, readDefaultLine } from './fork.js';
import { branchedInWindowNote, emptyReleasesNote, mergeToolNote, mostlyDirect, sideLineOf, sourceNotes, syncedPullsNote, syncsToName, titleOnlyBackportsNote } from './notes.js';
import { newestPrerelease, prereleaseHeldNote } from './prereleases.js';
import { titleOnlyCopies } from '../model/copies.js';
import { NO_EVENTS, readEventsFiles, resolveEvents } from './events.js';
import { readBranchDeploys } from './deploy-branch.js';
import { workflowRunsReader } from './workflow-runs.js';
import { unlinkedText } from '../model/incidents.js';
import { resolveSettings, type AuditSettings } from './settings.js';
import { declaredProducts, readProducts, unknownTagsWarning, untouchedNote, type ProductsRead, type UnreadTags } from './products.js';
import { tagKey } from '../model/products.js';
import { changesAsOf, evidenceAsOf, gitHubAsOf, releaseRefsAsOf, staleHistoryNote } from './as-of.js';

const DAY = 86400;
// history is read from a week before the window, so merges near its start still find their side commits
const READ_SLACK = 7 * DAY;
// and back to the deploy before the window (capped), so the first deploys in it count what they shipped
const MAX_DEPLOY_LOOKBACK = 365 * DAY;
// a model of this many changes comes from a history large enough for its memory to matter
const LARGE_MODEL = 10_000;
// a heap this full (bytes in use) before the report is made is collected first: rails' whole history was 137 MB there
// while the reading's frame still held the history, and is about 100 MB now that it ends first
const LARGE_HEAP = 120 * 2 ** 20;

/**
 * Audits one repository: reads git (and GitHub when it can), builds the model and hands it to the report
 * builder. Orchestration only: every figure is computed by `buildReport`.
 * @throws ConfigError / GitError (exit 2) for bad input, GitError for git failures, GitHubError / RateLimitError
 */
export async function audit(options: AuditOptions): Promise<Report> {
  const clock = resolveNow(options.now);
  const window = resolveWindow(options, clock);
  // every figure is measured as of the window's end (SPEC section 6); the clock dates only the GitHub cache
  const now = measuredAt(window, clock, options.now !== undefined);
  // read while the repository is opened, so the history read can start as soon as its refs are known: the pull
  // refs, and the checked-out branch's first-parent line down to where the history read can start at the
  // earliest (that branch is the one audited unless --branch or origin/HEAD names another: then it is read again)
  const reads = startReads(resolve(options.path), { branch: options.branch, headFrom: previousWindow(window).since - MAX_DEPLOY_LOOKBACK });
  try {
    return await auditWith(options, reads, { now, clock }, window);
  } finally {
    // what was started before it was known to be needed stops with the audit (when it failed early)
    reads.stop();
  }
}

/** `audit`, once the reads that need nothing but the path are started. */
async function auditWith(options: AuditOptions, reads: AuditReads, times: { now: number; clock: number }, window: Window): Promise<Report> {
  // the report builder (every metric, and the zod schemas its types come from) loads while git runs, not before
  const builder = import('../report/build.js');
  // what only reading needed (the history's changes, the commit graph, the copies) ends with readForReport's
  // frame: the report's figures are made on top of the model alone (rails' whole history with every merge a
  // deploy peaked there at 250 MB, with 28 MB of the history's and an unsized copy of the changes still held)
  const { model, covered, policy, context, products } = await readForReport(options, reads, times, window, builder);
  // on a heap this large what the reading left goes first (see collectGarbage); a smaller heap is not worth the pause
  if (model.changes.length >= LARGE_MODEL && process.memoryUsage().heapUsed >= LARGE_HEAP) collectGarbage();
  const { buildReport } = await builder;
  const report = buildReport(model, covered, times.now, policy, context);
  if (products === null) return report;
  const { withProducts } = await import('../report/products.js');
  return withProducts(
    report,
    products.products.list.map((p) => ({ ...p, ...(products.born.has(p.name) && { born: products.born.get(p.name) }), ...(products.gone.has(p.name) && { gone: products.gone.get(p.name) }) })),
  );
}

/** What a report is built from: the model's lists, the window they cover, and what the report says of its reads. */
interface ReportRead {
  model: ReportModel;
  covered: Window;
  policy: Policy;
  context: ReportContext;
  products: ProductsRead | null;
}

/** Reads the repository (and GitHub) and builds the model: everything the report builder is given. */
async function readForReport(options: AuditOptions, reads: AuditReads, times: { now: number; clock: number }, window: Window, builder: Promise<typeof ReportBuilder>): Promise<ReportRead> {
  const { now, clock } = times;
  const warn = options.warn ?? (() => undefined);
  const progress = options.progress ?? (() => undefined);
  const repo = await openRepository(options.path);
  const warnings: string[] = [];
  const warning = (message: string): void => {
    warnings.push(message);
    warn(message);
  };
  const settings = await resolveSettings(options, repo.path);
  // read whole and checked before git is: a bad line stops the run before any work
  const eventsRead = options.events && options.events.length > 0 ? readEventsFiles(options.events) : null;
  if (settings.deployFrom === 'branch' && settings.deployBranch === undefined) throw new ConfigError('deploys from a branch need its name: use --deploy-from branch:NAME (deploy.from "branch" in a config file needs the flag)');
  if (settings.deployFrom === 'events' && eventsRead === null) throw new ConfigError('deploys from events need an events file: add --events FILE (see "Events files" in the README)');
  const branch = await resolveBranch(repo, options.branch);
  // git's slowest read, the sizes, starts as soon as the branch is known: where it stops (the boundary, and the
  // commit halfway there) is given once the deploy signal and the tags say where the history read starts
  const sizes = reads.branchKnown(repo, branch, settings.config.sizeExcluded);
  const remote = parseRemote(repo.remoteUrl);
  const gh = await gitHubAccess(options, remote, warning);
  const deployFrom = askedSignal(settings, gh !== null, warning);
  if (repo.shallow) warning('this is a shallow clone: history is cut, so early changes may be missing or wrong; deepen it with `git fetch --unshallow`');

  // every tag, read once: the deploy candidates (none when merges are the deploys) and the release commits' names
  const everyTag = listTags(repo);
  // a Go module's own bare versions tagged once its `v` versions began are strays (Go reads `v` tags alone): asked of
  // git only where there are such tags, of the tree alone (a blobless clone has no go.mod's contents)
  const strays = strayBareTags(everyTag);
  const goModule = strays.size > 0 && ((await gitAnswer(repo.cwd, ['ls-tree', '--name-only', branch.tip, '--', 'go.mod'])) ?? '').trim() === 'go.mod';
  const allTags = deployFrom === 'merge' ? [] : goModule ? everyTag.filter((tag) => !strays.has(tag)) : everyTag;
  // a configured product's own pattern names its tags: `v1.3.40-vscode` is its release, not a pre-release
  const declared = declaredProducts(settings.config.products);
  const tagChoice = chooseReleaseTags(allTags, settings.tagPattern, settings.includePrereleases, [...declared.values()].flatMap((p) => (p.tags === null ? [] : [p.tags])));
  // a release line tracked (`v6.x`) ships in its own releases, not in a newer line's, and its changes waiting are
  // in its own pre-releases, not in a newer line's (tracing's `v0.1.x` named main's tracing-mock-0.1.0-beta.3)
  const reached = isReleaseLine(branch.name) && tagChoice.releases.length + tagChoice.prereleases.length > 0
    ? await reads.orCancel(tagsReachedFrom(repo.cwd, branch.tip))
    : null;
  const tags = reached === null ? tagChoice.releases : withoutNewerLines(tagChoice.releases, reached);
  const prereleases = reached === null ? tagChoice.prereleases : withoutNewerLines(tagChoice.prereleases, reached);
  // back over the window of the same length before this one too, which the report compares it with; the sizes
  // (git's slowest read, which no figure of that period needs) stop where this window's history starts: at its last
  // release, not where that release's branch left the tracked one (rails' would reach back ten months more). Not as
  // far back as a report of that window reads (to the release before the window before it): rails' year read 3x as
  // long for it (4.9 s → 14.2 s, 141 → 238 MB), where 2 of 31 mirrors' previous periods differed from such a report
  // (prometheus' no longer, since the read reaches back to where the release before it left the branch)
  const { orCancel } = reads;
  const readStart = readStarts(repo, branch.tip, tags);
  const readFrom = await orCancel(readStart(window, now));
  const { boundary } = await orCancel(reads.span(repo, branch.tip, readFrom, historyStart(tags, window.since)));
  const exclude = boundary ? [boundary.sha] : [];
  // where --branch names another branch, the default one's first-parent line, read once: where this branch left it
  // (a branch cut inside the previous window: that window's changes were mostly the default's), and what the default
  // branch's pull requests were based on, as far back as the history read takes their pull refs
  const forkSince = previousWindow(window).since;
  const pullsSince = pullRefsSince(boundary);
  const defaultRead = options.branch === undefined ? Promise.resolve(null) : readDefaultLine(repo, branch, pullsSince > 0 ? Math.min(pullsSince, forkSince) : undefined);
  const forked = defaultRead.then((base) => branchFork(repo, branch, base, forkSince));
  const otherLine = defaultRead.then((base) => new Set((base === null ? [] : pullsSince > 0 ? lineSince(base.line, pullsSince) : base.line).map((c) => c.sha)));
  // a failure is seen where it is awaited
  for (const read of [forked, otherLine]) read.catch(() => undefined);
  // the release tags and lines are read with the history: their graph says what each tag shipped
  const tagShas = tags.filter((t) => t.at >= readFrom && t.at <= now).map((t) => t.sha);
  // the pre-release the note on waiting changes may name: its line's copies of them are read with the lines
  const noted = deployFrom === 'tags' || deployFrom === undefined ? newestPrerelease(prereleases, now) : undefined;
  const release = { tips: releaseTipsOf(await releaseRefsAsOf(repo, branch, now), branch, tagShas, boundary), tagShas, tagNames: tagNamesAsOf(everyTag, now), noteTips: noted === undefined ? [] : [noted.sha] };

  const reading = `reading history of ${branch.name}`;
  progress({ step: reading, count: 0, unit: 'commits' });
  const model = await readGitChanges(repo, branch, boundary, release, sizes, reads.pullRefs, {
    ai: settings.ai, botPattern: settings.botPattern, pullsUrl: pullsUrl(remote), mergeRequestsUrl: mergeRequestsUrl(remote), owner: remote?.owner ?? null, forPulls: gh !== null,
    onCommits: (count) => progress({ step: reading, count, unit: 'commits' }),
    ...(options.branch !== undefined && { otherLine }),
  });
  const { sizes: sizesRead, pullRefs: hasPullRefs } = model;
  // the sizes are still being read: GitHub is read meanwhile, and what needs no size is done before they are awaited
  const scope = { branch: branch.name, since: Math.max(0, previousWindow(window).since - READ_SLACK), until: window.until, now: clock, incidentLabel: settings.incidentLabel };
  // what GitHub says today, cut to what it said at now; the pull requests closed without merging are read for this
  // window alone: acceptance has no previous period
  const github = gh === null ? null : gitHubAsOf(await orCancel(readGitHub(gh, options, { ...scope, closedSince: window.since }, warn, warning, progress)), now, branch.name);
  // a backport pull request's description names what it copies where its squash may not: read once GitHub answered
  // (every merge a deploy: nothing ships by a release line)
  const linePulls = gh === null || deployFrom === 'merge' ? [] : await readLinePulls(gh, options, { ...scope, lines: release.tips.activeLines }, { warn, warning, progress });
  const events = eventsRead === null ? NO_EVENTS : await resolveEvents(repo, eventsRead, settings.environment, warning);
  const onBranch = deployFrom === 'branch' ? await readBranchDeploys(repo, settings.deployBranch ?? '', branch) : [];
  const workflowRuns = gh === null ? null : workflowRunsReader(gh, repo, options, { branch, since: window.since - READ_SLACK, until: window.until, now: clock, incidentLabel: settings.incidentLabel }, { warn, warning, progress });
  const chosen = await orCancel(chooseSignal(deployFrom, {
    github, tags, environment: settings.environment, includePrereleases: settings.includePrereleases, events: events.deploys, branch: onBranch, workflowRuns, workflow: settings.workflow,
  }, now));
  const noRelease = noReleaseTagWarning(allTags, tagChoice, settings.tagPattern.source);
  if (chosen.kind === 'tags' && tags.length === 0) warning(noRelease ?? 'the repository has no tags: nothing counts as deployed');
  else if (chosen.kind === 'merge' && noRelease) warning(`${noRelease}; until then every merge counts as a deploy`);

  progress({ step: 'matching changes to deploys' });
  // read to its first commit, the history may start after the window does: deploy frequency is over what it covers
  const firstCommit = boundary === null ? changesAsOf(model.changes, now).reduce((min, c) => Math.min(min, c.mergedAt), Infinity) : -Infinity;
  // the previous period is compared only when the history starts before it, and the branch's own history does:
  // half a period, or another branch's, would compare nothing
  const fork = await orCancel(forked);
  const previousCovered = fork === null && (boundary !== null || firstCommit <= previousWindow(window).since);
  const previousEnd = Math.min(previousWindow(window).until, now);
  // a monorepo's products: only tags and releases name the product they version; each window's are its own (a
  // package gone since the previous window was one of its products then), read as a report of it reads them
  // the paths each change touched, and what its changesets name, read once for both windows (the previous
  // window's changes are among this one's)
  const touched = readOnce((shas) => readTouchedPaths(repo.cwd, shas));
  const changesets = readOnce((files) => readChangesets(repo.cwd, files));
  // the repository's own tags make a product only when a report of the window reads some (see readProducts): from
  // where that report's read of its own window and the one before it starts, not from where this one's starts
  const productsOf = async (w: Window, at: number, told: (message: string) => void, unread?: (found: UnreadTags) => void): Promise<ProductsRead | null> => readProducts(repo, changesAsOf(model.changes, at), {
    branch: branch.name, since: w.since, until: Math.min(w.until, at), from: await readStart(w, at), now: at, tags: chosen.refs, declared,
    repositoryName: remote?.name ?? basename(repo.path), warning: told, touched, changesets, ...(unread && { unread }),
  });
  const versioned = chosen.kind === 'tags' || chosen.kind === 'releases';
  // tags of a package no manifest names, read as the one product's: said once the deploys say whether any shipped
  const unreadTags: UnreadTags[] = [];
  const products = versioned ? await orCancel(productsOf(window, now, warning, (found) => unreadTags.push(found))) : null;
  // what the config or a manifest could not give is said of this window alone
  const previousProducts = versioned && previousCovered ? await orCancel(productsOf(previousWindow(window), previousEnd, () => undefined)) : products;
  // a tag that names no product is no deploy of anything (SPEC section 3): said once, for those of the periods the
  // report shows that no product of either names. One older, read only to know what the first deploys shipped,
  // changes no figure: sveltejs/kit's tags of adapter-cloudflare-workers, removed ten months before
  const shownFrom = previousCovered ? previousWindow(window).since : window.since;
  const unnamed = namingNone(chosen, products).filter((r) => r.at >= shownFrom && r.at <= now && previousProducts?.ofTag(r.name) == null);
  const unknownWarning = unknownTagsWarning(unnamed.map((r) => r.name), unnamed.filter((r) => r.at < window.since).length);
  if (unknownWarning !== null) warning(unknownWarning);
  const signal = productSignal(chosen, products);
  // a Go module's versions its go.mod retracts fail their tags' deploys, as go.mod stood at each window's end
  const retractionsAt = signal.kind === 'tags' ? goRetractionsReader(repo.cwd, branch.tip) : async () => [];
  const evidenceOf = async (refs: DeploySignal, of: ProductsRead | null, at: number): Promise<DeployEvidence> => readDeployEvidence(repo, refs, {
    boundary: exclude, from: readFrom, now: at, github, environment: settings.environment, lines: withLinePulls(model.lines, linePulls), copies: model.copies, pullHeads: model.pullHeads,
    events, incidentWindow: settings.incidentWindow, products: of, retractions: await retractionsAt(at),
  });
  const evidence = await orCancel(evidenceOf(signal, products, now));
  const previousEvidence = sameProducts(products, previousProducts) ? withRetractions(evidence, await orCancel(retractionsAt(previousEnd))) : await orCancel(evidenceOf(productSignal(chosen, previousProducts), previousProducts, previousEnd));
  // from git alone, a backport bot's squash that carries a change's title under its own number links nothing: said
  const titleOnly = github === null && signal.kind !== 'merge' ? titleOnlyCopies(model.changes, model.lines.releaseLine, model.copies, model.carries) : new Set<string>();
  const hours = settings.businessHours;
  const policy = { revertWindow: settings.revertWindow, measure: hours ? (a: number, b: number) => workingSeconds(a, b, hours) : undefined, bugLabel: settings.bugLabel };
  // a pull request's size completes git's (a squash the clone cannot size): git's first; without pull requests
  // no step of the model reads a size, so it is built while git still diffs and the sizes are added after
  const pulls = github === null ? null : { list: github.pulls, options: pullOptions(settings, branch.name, model.release, model.forPulls) };
  const sizedFirst = pulls === null ? null : await sizesRead;
  // the history as it stood at now: nothing merged later reverts, ships or waits in the window's queues
  const built = buildModel({ changes: changesAsOf(model.changes, now), revertRefs: model.revertRefs }, pulls, sizedFirst?.sizes ?? null, evidence, policy);
  const { deploys } = built;
  for (const found of unreadTags) if (deploys.some((d) => found.tags.includes(d.ref))) warning(found.message);
  // a clone not fetched for weeks reads as a quiet end of the window: said on stderr and in the report's notes
  const staleAt = Math.min(window.until, now);
  const stale = staleHistoryNote(model.changes.reduce<number | null>((max, c) => (max === null || c.mergedAt > max ? c.mergedAt : max), null), staleAt, newestBranchCommit(repo, staleAt));
  if (stale !== null) warn(stale);
  progress({ step: 'matched changes to deploys', count: deploys.length, unit: 'deploys' });
  for (const incident of built.unlinked) warning(unlinkedText(incident, settings.incidentWindow));

  // what only reading needed (the commit graph, the copies) is let go before the report's figures are made,
  // the peak of memory otherwise (see collectGarbage); while git still diffs, not after it, when the report waits
  if (built.changes.length >= LARGE_MODEL) collectGarbage();
  const numstat = sizedFirst ?? (await sizesRead);
  const changes = sizedFirst === null ? withSizes(built, numstat.sizes) : built.changes;
  const inWindow = changes.filter((c) => c.mergedAt >= window.since && c.mergedAt < window.until);
  const unsized = inWindow.filter((c) => c.size === null).length;
  if (numstat.unknown.length > 0 && unsized > 0) {
    warning(`${plural(unsized, 'change')} ${unsized === 1 ? 'has' : 'have'} unknown size: this clone lacks some file contents (a partial clone); the rest of the report is unaffected`);
  }
  // from git alone, most changes landing with no pull request number may be a merge tool's squashes: who committed them says
  // where the changes were reviewed: what the notes, the advice and every page tell the reader to read beside git
  const host = reviewHostOf(inWindow, remoteHost(repo.remoteUrl), github !== null);
  const mergeTool = github === null && mostlyDirect(inWindow) ? mergeToolNote(inWindow, await readCommitters(repo.cwd, inWindow.map((c) => c.sha)), host) : null;
  // syncs whose subjects name no line (pi-hole's `Pi-hole Core v6.2 (#6411)` from `development`): the branches say
  const sideLines = new Map<string, string>();
  for (const sync of syncsToName(inWindow)) {
    const [at, holding] = await Promise.all([branchesHoldingSide(repo, sync.sha, 'at'), branchesHoldingSide(repo, sync.sha)]);
    const line = sideLineOf(at, holding, branch.name);
    if (line !== null) sideLines.set(sync.sha, line);
  }
  const branchTip = branchTips(repo);
  const openPulls: OpenPull[] = (github?.openPulls ?? []).map((p) =>
    toOpenPull(p, now, { requiredApprovals: settings.policy.requiredApprovals, botPattern: settings.botPattern, ai: settings.ai }));
  // acceptance weighs the merged against these: a list cut short (--partial) would overstate it, so none then
  // one a change of the branch names landed by a push or a commit queue (Node's PR-URL, bors): accepted, not rejected
  const landedNumbers = new Set(changes.flatMap((c) => (c.number === null ? [] : [c.number])));
  const closedPulls = github === null || !github.closedComplete ? null : github.closedPulls.map((p) =>
    toClosedPull(p, { botPattern: settings.botPattern, ai: settings.ai, landedNumbers }));
  const covered = firstCommit > window.since && Number.isFinite(firstCommit) ? { ...window, historyFrom: firstCommit } : window;
  // the window before this one is measured as of its own end, as a report of it would be (SPEC section 6): a deploy
  // after it ships nothing then, a revert or an incident after it fails nothing yet, a change waiting then is
  // censored there. Measured as of this window's end, the earlier window had one window more to deploy and to fail in
  const previous = previousCovered
    ? previousAsOfItsEnd({ changes: model.changes, revertRefs: model.revertRefs }, pulls, numstat.sizes, previousEvidence, policy, previousEnd)
    : { changes, deploys };
  const { isCounted } = await builder;
  // the window's counted changes, as the report's own count (flow.anomalies.clockSkew): golang/tools warned of 12
  // negative intervals, every one of changes merged months before the window
  const counted = inWindow.filter((c) => isCounted(c, settings.policy));
  const skewed = counted.filter((c) => c.flags.includes('clock-skew')).length;
  if (skewed > 0) warning(`${plural(skewed, 'change')} of the window ${skewed === 1 ? 'has' : 'have'} a negative interval (clock skew), counted as 0`);
  // changes still waiting that a pre-release already holds: said, since a pre-release is no deploy (tags alone name them)
  const waiting = counted.filter((c) => c.deployedAt === null);
  const prerelease = signal.kind === 'tags'
    ? await prereleaseHeldNote(repo, waiting, prereleases, deploys.filter((d) => d.at <= now), now,
      (tag) => (evidence.kind === 'merge' ? new Set<string>() : copiedByRelease(waiting, { ref: tag.name, sha: tag.sha, at: tag.at, target: '' }, evidence, model.lines.prereleaseLine)))
    : null;
  // the window's tags or releases that shipped nothing of the branch, which the header's count of deploys leaves out
  const one = DEPLOY_SOURCES[signal.kind].meta.one;
  const emptyReleases = evidence.kind === 'merge' || one === undefined ? null : emptyReleasesNote(
    evidence.candidates.filter((c) => c.at >= window.since && c.at < window.until), deploys, branch.name, one(settings.includePrereleases), (evidence.products?.names.size ?? 0) >= 2,
    counted.some((c) => titleOnly.has(c.sha)));
  return {
    model: { changes, deploys, openPulls, closedPulls },
    covered,
    policy: settings.policy,
    products,
    context: {
      generatedAt: new Date().toISOString(),
      repository: { path: repo.path, remote: remote ? `${remote.owner}/${remote.name}` : null, branch: branch.name },
      sources: github ? ['git', 'github'] : ['git'],
      reviewHost: host,
      // the tags read, those naming no package too (said in a warning): jupyterlab's 4,401 of its 22,260 final tags,
      // whose packages are long gone, had made the detail's count one `git tag` could not give
      deploySignal: { kind: signal.kind, detail: signalDetail(chosen, settings.tagPattern, settings.environment, settings.includePrereleases, settings.deployBranch, settings.workflow) },
      businessHours: settings.businessHours,
      timezone: settings.timezone,
      notes: [...(stale === null ? [] : [`${stale[0]?.toUpperCase() ?? ''}${stale.slice(1)}.`]), ...sourceNotes(signal.kind, github !== null, inWindow, hasPullRefs, host), ...[mergeTool, syncedPullsNote(inWindow, branch.name, sideLines, (name) => branchTip(name) !== null), emptyReleases, titleOnlyBackportsNote(counted, titleOnly, host), branchedInWindowNote(counted, branch.name, fork, window.since), prerelease, products === null ? null : untouchedNote(inWindow, products, (c) => isCounted(c, settings.policy))].filter((n) => n !== null)],
      warnings,
      unlinkedIncidents: built.unlinked
        .filter((i) => i.openedAt >= window.since && i.openedAt < window.until)
        .map((i) => ({ id: i.id, openedAt: iso(i.openedAt) as string, resolvedAt: iso(i.resolvedAt), product: i.product })),
      previous: { covered: previousCovered, changes: previous.changes, deploys: previous.deploys, ...(fork !== null && { forked: { from: fork.from, at: iso(fork.at) as string } }) },
    },
  };
}

/**
 * The deploy signal asked for (flag, else config), if this run can read it: a GitHub signal without GitHub is
 * an error when the flag asked for it, else the automatic choice, said as a warning.
 * @throws ConfigError
 */
function askedSignal(settings: AuditSettings, github: boolean, warning: (message: string) => void): DeploySignalKind | undefined {
  const asked = settings.deployFrom;
  if (asked === undefined || github || DEPLOY_SOURCES[asked].meta.needs !== 'github') return asked;
  const gitOnly = asFlagValues(DEPLOY_SOURCE_NAMES.filter((name) => DEPLOY_SOURCES[name].meta.needs === 'git')).join(', ');
  if (settings.deployFromFlag) throw new ConfigError(`--deploy-from ${asked} needs GitHub data: set GH_TOKEN (or run \`gh auth login\`), or use ${gitOnly}`);
  warning(`deploy.from '${asked}' needs GitHub data: using the first signal git has instead`);
  return undefined;
}

/**
 * Every tag's name (final and pre-release, whatever the deploy signal) by the commit it names, of those tagged by
 * now: a direct push setting the version its tag names is a release commit (see buildChanges).
 */
function tagNamesAsOf(tags: readonly TagRef[], now: number): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const tag of tags) {
    if (tag.at > now) continue;
    const known = names.get(tag.sha);
    if (known) known.push(tag.name);
    else names.set(tag.sha, [tag.name]);
  }
  return names;
}

/**
 * Where a report of a window starts its history read (historyStart, over the window before it too, which it
 * compares it with, and the releases made by `at`), asked of git once per window: back to the oldest commit of the
 * branch that the releases of the two windows ship and none made before them held, of the products released in
 * them (cargo's home-0.5.12, on master a week before 0.92.0's tag, versions a crate not released since: master's
 * commits up to it had shipped in no release of cargo); and back to the oldest commit of the branch that no release
 * made before them holds, still waiting when the two windows begin, so that their queues start with it (flask's
 * main, untagged since 3.1.0 of 2024-11 while its patch releases came from `stable`: read back to 3.1.2 of 2025-08
 * alone, the deploy wait of 2026-01 to 04 began with 3 changes, where 8 were waiting).
 */
function readStarts(repo: RepoInfo, tip: string, tags: readonly TagRef[]): (w: Window, at: number) => Promise<number> {
  const asked = new Map<number, Promise<number>>();
  return (w, at) => {
    const since = previousWindow(w).since;
    const known = asked.get(since);
    if (known !== undefined) return known;
    const shipping = tags.filter((t) => t.at >= since && t.at < w.until && t.at <= at);
    const products = new Set(shipping.map((t) => tagKey(t.name)));
    const after = since - MAX_DEPLOY_LOOKBACK;
    const shipped = tags.filter((t) => t.at < since && t.at >= after && products.has(tagKey(t.name)));
    const read = historyStart(tags, since, w.since);
    const first = shipped.length === 0
      ? Promise.resolve(null)
      : oldestShipped(repo.cwd, tip, { shipped: shipped.map((t) => t.sha), shipping: shipping.map((t) => t.sha) }, { after, before: read });
    // no release holds what merges are the deploys of, nor what no tag is made for; where none was made before,
    // everything a year back was waiting; and a read from a year back has nothing older to find
    const released = tags.filter((t) => t.at < since).map((t) => t.sha);
    const waiting = tags.length === 0 || read <= after
      ? Promise.resolve(null)
      : released.length === 0 ? Promise.resolve(after) : oldestNotHeld(repo.cwd, tip, released, after).then((oldest) => oldest?.at ?? null);
    const start = Promise.all([first, waiting]).then(([a, b]) => historyStart(tags, since, w.since, Math.min(a ?? Infinity, b ?? Infinity)));
    asked.set(since, start);
    return start;
  };
}

/**
 * Where the history read of the window `[since, until)` starts: a week before it, so merges near its start still
 * find their side commits, and back to the last release before it, of any line and of each line released in it (at
 * most a year), so the first deploys in it count what they shipped; and back to `shipped`, the oldest commit of the
 * branch its releases ship that none before it held, or that none before it holds, when that is older. Without
 * `until`, of any line only: where the sizes stop, which no change shipped before the window needs.
 */
function historyStart(tags: readonly TagRef[], since: number, until = since, shipped = Infinity): number {
  const before = tags.filter((t) => t.at < since);
  const last = (list: readonly TagRef[]): number => largest(list.map((t) => t.at));
  // and back to the last release before the window of each line released in it: containerd's v1.7.21, the first
  // of its line in the window, shipped backports of changes merged three weeks before it, after v1.7.20 but before
  // the last release of any line (v1.6.35), where the read had started: the tag shipped nothing and was no deploy
  const lines = new Set(tags.filter((t) => t.at >= since && t.at < until).map((t) => releaseLineOf(t.name)));
  // and back to where the release before it left the branch: cargo's releases are cut on a branch of their own six
  // weeks before they are tagged (0.93.0, tagged 2025-12-11, ships what master merged from 2025-09-11 to 10-21,
  // where rust-1.92.0 left it): read back to its last release's tag alone (0.92.0, 10-30), it shipped nothing
  const starts = [Math.min(last(before), shipped), ...[...lines].map((line) => last(before.filter((t) => releaseLineOf(t.name) === line)))].filter(Number.isFinite);
  return Math.max(Math.min(since - READ_SLACK, smallest(starts)), since - MAX_DEPLOY_LOOKBACK);
}

/** How pull requests are joined to the changes, from what the history read. */
function pullOptions(settings: AuditSettings, trackedBranch: string, release: ReadonlySet<string>, forPulls: PullMatching | null): ApplyPullsOptions {
  return {
    requiredApprovals: settings.policy.requiredApprovals,
    isBot: (login) => isBot(login, '', settings.botPattern, settings.ai),
    ai: settings.ai,
    trackedBranch,
    isRelease: (sha) => release.has(sha),
    onBranch: (sha) => forPulls?.branchCommits.has(sha) ?? false,
    identityOf: (sha) => forPulls?.identities.get(sha),
  };
}

/** Fetches the repository's pull requests, deploys and incidents, saying on stderr what it waits for. */
async function readGitHub(
  gh: GitHubAccess,
  options: AuditOptions,
  scope: { branch: string; since: number; until: number; now: number; incidentLabel: string; closedSince: number },
  warn: (message: string) => void,
  warning: (message: string) => void,
  progress: (event: ProgressEvent) => void,
): Promise<GitHubData> {
  const env = options.env ?? process.env;
  // the GitHub client is loaded only when GitHub is read
  const { defaultCacheDir, fetchGitHub } = await import('../sources/github/index.js');
  let waitAnnounced = false;
  progress({ step: 'reading pull requests from GitHub' });
  const github = await fetchGitHub({ ...fetchOptions(gh, options, scope, defaultCacheDir(env), {
    warning,
    progress,
    onWait: (left) => {
      // said once on stderr even off a terminal, where the countdown itself is not shown
      if (!waitAnnounced) warn(`GitHub rate limit reached: waiting ${left}s for the reset`);
      waitAnnounced = true;
      progress({ step: `GitHub rate limit: waiting ${left}s for the reset` });
    },
  }), closedSince: scope.closedSince });
  if (github.partial) warning('a GitHub rate limit stopped the fetch: this report covers only what was fetched (--partial)');
  if (options.verbose) warn(`GitHub: ${plural(github.requests, 'request')}, query cost ${plural(github.cost, 'point')}`);
  return github;
}

/**
 * The model as it stood at `end`, the previous window's end: the changes merged by then, the pull requests as
 * GitHub had them then, the deploys made by then and the failures known then. Pure.
 */
function previousAsOfItsEnd(history: History, pulls: Pulls | null, sizes: ReadonlyMap<string, Size>, evidence: DeployEvidence, policy: ModelPolicy, end: number): Model {
  const asOf = pulls === null ? null : { ...pulls, list: pulls.list.filter((p) => p.mergedAt <= end) };
  return buildModel({ changes: changesAsOf(history.changes, end), revertRefs: history.revertRefs }, asOf, sizes, evidenceAsOf(evidence, end), policy);
}

/** `evidence` with the retractions known at another time: none makes none. */
function withRetractions(evidence: DeployEvidence, retractions: readonly GoRetraction[]): DeployEvidence {
  if (evidence.kind === 'merge') return evidence;
  const { retractions: _then, ...rest } = evidence;
  return retractions.length === 0 ? rest : { ...rest, retractions };
}

/** The signal's tags that name no product (a repository of several): no deploy of anything (SPEC section 3). */
function namingNone(signal: DeploySignal, products: ProductsRead | null): DeploySignal['refs'] {
  return products === null ? [] : signal.refs.filter((r) => r.target === undefined && products.ofTag(r.name) === null);
}

/** The signal less its tags that name no product. */
function productSignal(signal: DeploySignal, products: ProductsRead | null): DeploySignal {
  const left = new Set(namingNone(signal, products));
  return left.size === 0 ? signal : { ...signal, refs: signal.refs.filter((r) => !left.has(r)) };
}

/** Whether two windows' products are the same, by name and paths: then one read of the deploys serves both. */
function sameProducts(a: ProductsRead | null, b: ProductsRead | null): boolean {
  const key = (p: ProductsRead | null): string => JSON.stringify(p?.products.list.map((x) => [x.name, x.paths]) ?? null);
  return a === b || key(a) === key(b);
}

/**
 * A read by key that reads each key once however often it is asked: what it found stays, and a key it found
 * nothing for is asked again (as a commit git could not read would be).
 */
function readOnce<T>(read: (keys: readonly string[]) => Promise<ReadonlyMap<string, T>>): (keys: readonly string[]) => Promise<ReadonlyMap<string, T>> {
  const found = new Map<string, T>();
  return async (keys) => {
    const unread = keys.filter((key) => !found.has(key));
    if (unread.length > 0) for (const [key, value] of await read(unread)) found.set(key, value);
    return found;
  };
}
