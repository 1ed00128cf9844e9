import { buildRepositoryRow, type RepositoryContext } from '../report/build.js';
import { epoch, windowOf } from '../report/convert.js';
import { windowFrom } from '../time.js';
import type { Report, RepositoryRow, RepositorySummary } from '../report/schema.js';
import { VERSION } from '../version.js';
import { unpackDeploys, type ReportDigest, type ReportFacts } from './digest.js';
import { ChangeRows } from './packed/rows.js';

/**
 * A report's repository as an aggregate keys it: owner/name when the remote is known, else its path (which tells two
 * folders of one name apart). The report names it otherwise (`repositoryNames`): a key is no name for a page.
 */
export function nameOf(facts: Pick<ReportFacts, 'repository'>): string {
  return facts.repository.remote ?? facts.repository.path;
}

/** How a report's repository was read, as a report over several names it. */
export function repositoryContext(name: string, facts: ReportFacts): RepositoryContext {
  const seenUntil = epoch(facts.now);
  return {
    name,
    path: facts.repository.path,
    remote: facts.repository.remote,
    branch: facts.repository.branch,
    window: windowFrom(facts.window),
    deploySignal: facts.deploySignal.kind,
    sources: facts.sources,
    reviewHost: facts.reviewHost,
    ...(seenUntil !== null && { seenUntil }),
  };
}

/**
 * A report's row in an aggregate, made from its own digest with its own now, policy, business hours and zone,
 * where it is digested (a worker thread): the aggregate takes it when the whole shares those and the
 * repository is in no other report, and makes the row again from the changes it holds otherwise. Undefined
 * for a report over several repositories (which an aggregate refuses). Pure.
 *
 * Used where `reportRow` cannot read the row from the report: one another flowaudit version wrote holds that
 * version's figures, which may follow older definitions (a build before the AI comparison's note left it null).
 */
export function ownRow(digest: ReportDigest): RepositoryRow | undefined {
  const facts = digest.facts;
  if (facts.several) return undefined;
  const name = nameOf(facts);
  // as the aggregate holds them: the window's changes, then those only its queues count, in the order of their merges
  const rows = ChangeRows.fitting(digest.changes.count + digest.queueOnly.count);
  const changes = rows.merged([
    { held: rows.hold(digest.changes), repository: name },
    { held: rows.hold(digest.queueOnly), repository: name },
  ]);
  const { deploys, openPulls, closedPulls } = unpackDeploys(digest, name);
  deploys.sort((a, b) => a.at - b.at);
  return buildRepositoryRow(repositoryContext(name, facts), { changes, deploys, openPulls, closedPulls }, epoch(facts.now) ?? 0, facts.policy, facts.businessHours, facts.timezone);
}

/**
 * A report's row in an aggregate read from the figures the report holds — its summary (less the week-by-week
 * series and the slowest changes, which stay in its own report) and its top recommendation — when this
 * version of flowaudit wrote it: they are `ownRow`'s, made by the same builder with the same now, policy,
 * business hours and zone, and reading them spares an aggregate a third of its time. A report another version
 * wrote holds that version's figures (an older one may lack a note or count a bound otherwise): undefined then,
 * and for a report over several repositories, and its row is made again (`ownRow`). Pure.
 */
export function reportRow(report: Report): RepositoryRow | undefined {
  if (report.repositories !== undefined || report.tool.version !== VERSION) return undefined;
  const name = nameOf(report);
  // its --by table stays in its own report too: the aggregate's pools the slices of every repository
  const { trend: _trend, slowest: _slowest, queues: _queues, reviewCapacity: _capacity, slices: _slices, previous: _previous, ...own } = report.summary;
  // the items an aggregate lists name their repository, as those of a change held by the aggregate do
  const summary: RepositorySummary = {
    ...own,
    unreleased: { ...own.unreleased, oldestChanges: own.unreleased.oldestChanges.map((c) => ({ ...c, repository: name })) },
    wip: own.wip === null ? null : { ...own.wip, oldest: own.wip.oldest.map((p) => ({ ...p, repository: name })) },
  };
  const top = report.recommendations[0];
  const window = windowFrom(report.window);
  return {
    name,
    path: report.repository.path,
    remote: report.repository.remote,
    branch: report.repository.branch,
    window: windowOf(window),
    now: report.now,
    deploySignal: report.deploySignal.kind,
    changes: summary.changes,
    leadTimeP50: summary.leadTime.p50,
    cycleTimeP50: summary.cycleTime.p50,
    deploys: report.deploys.length,
    failedDeploys: report.deploys.filter((d) => d.failed).length,
    deploymentFrequency: summary.dora.deploymentFrequency.value,
    changeFailureRate: summary.dora.changeFailureRate.value,
    unreleased: { count: summary.unreleased.count, p50Age: summary.unreleased.p50Age, oldestAge: summary.unreleased.oldestAge },
    topRecommendation: top && top.id !== 'healthy' ? { id: top.id, measure: top.measure, value: top.value } : null,
    summary,
  };
}
