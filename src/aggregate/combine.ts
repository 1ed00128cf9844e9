import type { ClosedPull, DeploySignalKind, MeasuredChange, MeasuredDeploy, OpenPull, Window } from '../domain.js';
import { ConfigError } from '../errors.js';
import { inWindowQueues } from '../metrics/queues-spans.js';
import type { ReportLists } from '../render/lists.js';
import { buildReport, isCounted, type RepositoryContext } from '../report/build.js';
import { changeTimes, epoch, windowOf } from '../report/convert.js';
import type { Report, ReportChange, ReportDeploy, ReportOpenPull, RepositoryRow } from '../report/schema.js';
import { unpackDeploys, type ReportDigest, type ReportFacts } from './digest.js';
import { repositoryNames } from './names.js';
import { nameOf, repositoryContext } from './own-row.js';
import { poolSlices, type DigestSlices } from './slices.js';
import { shaAt } from './packed/columns.js';
import { ChangeRows, type HeldChanges, type HeldPart } from './packed/rows.js';
import { largest, smallest } from '../lists.js';
import { MAX_WINDOW_YEARS, windowFrom, windowProblem } from '../time.js';
import { sharedSpan, windowsByName, withinOf, type RepositoryWindows } from '../report/windows.js';

export interface FinishOptions {
  /** defaults to the current time; everything else is a function of the reports */
  generatedAt?: string;
  /** repositories that could not be read, listed in the report */
  failed?: Array<{ name: string; error: string }>;
  /** told each warning of the whole's own (the reports' own were told when each was made) */
  warn?: (message: string) => void;
}

/** `name`: the repository's name in the aggregate; `countedFrom`: where a repository given twice was first taken from. */
export type Added = { added: true; name: string } | { added: false; name: string; countedFrom: string };

interface Taken {
  name: string;
  origin: string;
  facts: ReportFacts;
  window: Window;
  /** its row made from its own report (`ownRow`), if it was */
  row: RepositoryRow | undefined;
  /** its window's changes and those merged outside it its queues counted, as held; let go once measured */
  changes: HeldChanges | null;
  queueOnly: HeldChanges | null;
  /** its `--by` table, pooled by name with the others' */
  slices: DigestSlices | null;
}

/** The key a change is counted once by: its repository, and its landing commit's sha. */
const keyOf = (repository: string, sha: string): string => `${repository}\u0000${sha}`;

/**
 * Combines per-repository reports, taken one at a time as digests, into one report built by the same builder
 * as a single audit. Every figure is computed over all changes at once (exact percentiles, never a mean of
 * medians) and recommendations are made for the whole; each repository gets its row.
 */
export class Combiner {
  private readonly taken: Taken[] = [];
  /** the numbers of every change taken */
  private readonly rows = new ChangeRows();
  /** the keys of the window's changes that another report of their repository may list among its queue-only ones */
  private readonly crossing = new Set<string>();
  /** the keys of the queue-only changes `finish` kept: the lists read from the reports keep the same */
  private readonly kept = new Set<string>();
  private readonly deploys: MeasuredDeploy[] = [];
  /**
   * the open pull requests by repository and number: two reports of one repository (two windows) list the same
   * ones, which are counted once, as the report with the later `now` saw them
   */
  private readonly openPulls = new Map<string, { pull: OpenPull; now: number }>();
  /** the pull requests closed without merging, by repository and number; null once a GitHub report lacks its list */
  private closedPulls: Map<string, ClosedPull> | null = new Map();
  /**
   * the repositories whose figures in the whole are not their own report's alone: taken twice (disjoint
   * windows), or an open pull request or a queue-only change of theirs counted once though listed twice
   */
  private readonly shared = new Set<string>();
  /** the union of the windows taken so far */
  private span = { since: Infinity, until: -Infinity };

  /**
   * Takes one report's digest, its changes held as packed. A repository already taken over
   * an overlapping window is counted once: the report is skipped and the answer names where it was first
   * taken from (the same repository over disjoint windows is two rows, no change in both). `origin` names
   * the report in messages (its file or path); `row`, its row made from it alone (`ownRow`), is taken as the
   * repository's row when it is what `finish` would make.
   * @throws ConfigError when the report is itself over several repositories (its changes would count twice)
   */
  add(digest: ReportDigest, origin: string, row?: RepositoryRow): Added {
    const facts = digest.facts;
    if (facts.several) throw new ConfigError(`'${origin}' is a report over several repositories: aggregate the per-repository reports it was made of`);
    const name = nameOf(facts);
    const window = windowFrom(facts.window);
    this.withinWindowLimit(window, origin);
    const first = this.taken.find((t) => t.name === name && t.window.since < window.until && window.since < t.window.until);
    if (first !== undefined) return { added: false, name, countedFrom: first.origin };
    if (this.taken.some((t) => t.name === name)) this.shared.add(name);
    for (let i = 0; i < digest.changes.count; i++) {
      const sha = shaAt(digest.changes, i);
      if (sha !== null) this.crossing.add(keyOf(name, sha));
    }
    const unpacked = unpackDeploys(digest, name);
    for (const d of unpacked.deploys) this.deploys.push(d);
    const now = epoch(facts.now) ?? 0;
    for (const pull of unpacked.openPulls) {
      const key = keyOf(name, String(pull.number));
      const seen = this.openPulls.get(key);
      if (seen !== undefined) this.shared.add(name);
      if (seen === undefined || seen.now < now) this.openPulls.set(key, { pull, now });
    }
    // acceptance weighs a repository's merged pull requests against its closed ones: without them, for none
    if (facts.sources.includes('github') && unpacked.closedPulls === null) this.closedPulls = null;
    for (const pull of unpacked.closedPulls ?? []) this.closedPulls?.set(keyOf(name, String(pull.number)), pull);
    this.taken.push({ name, origin, facts, window, row, changes: this.rows.hold(digest.changes), queueOnly: this.rows.hold(digest.queueOnly), slices: digest.slices ?? null });
    return { added: true, name };
  }

  /**
   * The whole's window is the union of the reports': held to the same 200 years as one report's, or its week
   * by week series would run over millennia (two reports, of 1971 and of 2500).
   * @throws ConfigError naming the report that stretches it too far
   */
  private withinWindowLimit(window: Window, origin: string): void {
    const since = Math.min(window.since, this.span.since);
    const until = Math.max(window.until, this.span.until);
    if (windowProblem(since, until) === null) {
      this.span = { since, until };
      return;
    }
    const { since: from, until: to } = windowOf({ since, until });
    throw new ConfigError(`'${origin}' stretches the reports' windows to ${from.slice(0, 10)} → ${to.slice(0, 10)}, longer than ${MAX_WINDOW_YEARS} years: aggregate reports of windows nearer each other`);
  }

  /** How many changes the reports taken so far hold. */
  get changes(): number {
    return this.rows.length;
  }

  /** Whether the combined figures count bot changes: only when every report counted them. */
  get includeBots(): boolean {
    return this.taken.every((t) => t.facts.policy.includeBots);
  }

  /**
   * The combined report, its lists left out (`withChanges: false`): the caller lists them from the reports.
   * The combiner lets go of the changes it held: it finishes once.
   * @throws ConfigError when no report was taken
   */
  finish(options: FinishOptions = {}): Report {
    const taken = this.taken;
    const first = taken[0];
    if (!first) throw new ConfigError('nothing to aggregate: give at least one JSON report');
    const warnings: string[] = [];
    // what the report calls each repository: its key (a remote, else a path) is the aggregate's own
    this.names = repositoryNames(taken.map((t) => ({ key: t.name, path: t.facts.repository.path, remote: t.facts.repository.remote })));
    const shown = (t: Taken): string => this.nameOf(t.name);
    const includeBots = this.includeBots;
    if (!includeBots && taken.some((t) => t.facts.policy.includeBots)) {
      warnings.push(`bot changes counted in ${taken.filter((t) => t.facts.policy.includeBots).map(shown).join(', ')} are left out, as the other reports left theirs out`);
    }
    const since = smallest(taken.map((t) => t.window.since));
    const until = largest(taken.map((t) => t.window.until));
    // the union is measured from where the earliest history starts
    const historyFrom = smallest(taken.map((t) => Math.max(t.window.since, t.window.historyFrom ?? t.window.since)));
    const window: Window = { since, until, ...(historyFrom > since && { historyFrom }) };
    const windows = this.windowsBy(shown);
    const differ = differentWindows(window, windows);
    if (differ !== null) warnings.push(differ);
    const hours = new Set(taken.map((t) => JSON.stringify(t.facts.businessHours)));
    if (hours.size > 1) warnings.push('the reports mix business hours and calendar time (or different business hours): their durations do not add up; audit them alike');
    if (new Set(taken.map((t) => JSON.stringify(t.facts.policy.thresholds))).size > 1) warnings.push(`the reports were checked against different thresholds: the recommendations use ${shown(first)}'s`);

    for (const warning of warnings) options.warn?.(warning);
    const changes = this.measured();
    const now = largest(taken.map((t) => epoch(t.facts.now) ?? 0));
    const businessHours = hours.size === 1 ? first.facts.businessHours : null;
    // weeks start in one zone: the reports' own when they share one, else UTC
    const timezone = oneOf(taken.map((t) => t.facts.timezone)) ?? 'UTC';
    const thresholds = JSON.stringify(first.facts.policy.thresholds);
    // a row made from its report alone is the one made here when the whole reads it alike
    const own = (t: Taken): RepositoryRow | undefined =>
      t.row !== undefined &&
      !this.shared.has(t.name) &&
      epoch(t.facts.now) === now &&
      t.facts.policy.includeBots === includeBots &&
      JSON.stringify(t.facts.policy.thresholds) === thresholds &&
      JSON.stringify(t.facts.businessHours) === JSON.stringify(businessHours) &&
      t.facts.timezone === timezone
        ? t.row
        : undefined;
    const repositories: RepositoryContext[] = taken.map((t) => {
      const row = own(t);
      return { ...repositoryContext(shown(t), t.facts), ...(row !== undefined && { row: renamedRow(row, shown(t)) }) };
    });
    const named = <T extends { repository?: string }>(item: T): T => (item.repository === undefined ? item : { ...item, repository: this.nameOf(item.repository) });
    const deploys = this.deploys.sort((a, b) => a.at - b.at).map(named);
    const openPulls = [...this.openPulls.values()].map((p) => named(p.pull));
    const policy = { ...first.facts.policy, includeBots };
    const context = {
      generatedAt: options.generatedAt ?? new Date().toISOString(),
      repository: { path: 'aggregate', remote: null, branch: [...new Set(taken.map((t) => t.facts.repository.branch))].join(', ') },
      sources: (['git', 'github'] as const).filter((s) => taken.some((t) => t.facts.sources.includes(s))),
      // one place when every repository is reviewed there; repositories reviewed in several: none says for all
      reviewHost: oneOf(taken.map((t) => t.facts.reviewHost)),
      deploySignal: signalOf(taken.map((t) => t.facts)),
      businessHours,
      timezone,
      notes: [...new Set(taken.flatMap((t) => t.facts.notes))],
      warnings: [...taken.flatMap((t) => t.facts.warnings.map((w) => `${shown(t)}: ${w}`)), ...warnings],
    };
    // named as the changes are: acceptance weighs each repository's merged against its closed
    const closedPulls = this.closedPulls === null ? null : [...this.closedPulls.values()].map(named);
    const report = buildReport({ changes, deploys, openPulls, closedPulls, windows, listed: false }, window, now, policy, { ...context, repositories, failedRepositories: options.failed ?? [] });
    // slices pool their changes by name across the repositories; each is built as the whole is, over its part
    const pooled = poolSlices({
      repositories: taken.map((t) => ({ name: shown(t), slices: t.slices })),
      changes,
      deploys,
      openPulls,
      counts: (c) => isCounted(c, policy),
      build: (part, partDeploys, partPulls) => buildReport({ changes: part, deploys: partDeploys, openPulls: partPulls, windows, listed: false }, window, now, policy, context),
    });
    // the figures are made: what they were made of is let go before the lists are read again
    this.deploys.length = 0;
    this.openPulls.clear();
    this.closedPulls?.clear();
    this.window = window;
    this.now = report.now;
    if (pooled.slices === undefined) return report;
    return { ...report, summary: { ...report.summary, slices: pooled.slices }, warnings: [...report.warnings, ...pooled.warnings] };
  }

  private window: Window | null = null;
  private now = '';

  /** Each repository's windows (one each, unless it was taken over several), by the name `named` gives it. */
  private windowsBy(named: (t: Taken) => string): Map<string, Window[]> {
    return windowsByName(this.taken.map((t) => [named(t), t.window] as const));
  }
  /** each key's name in the report (`repositoryNames`), once `finish` has made them */
  private names = new Map<string, string>();

  private nameOf(key: string): string {
    return this.names.get(key) ?? key;
  }

  /**
   * Every change the figures are over, in the order of their merges (ties in the order taken): the windows'
   * changes and the queue-only ones no other report counted, each once.
   */
  private measured(): MeasuredChange[] {
    const parts: HeldPart[] = [];
    for (const t of this.taken) {
      if (t.changes === null || t.queueOnly === null) throw new Error('Combiner: finished once already');
      const seenUntil = epoch(t.facts.now) ?? undefined;
      const seen = seenUntil === undefined ? {} : { seenUntil };
      parts.push({ held: t.changes, repository: this.nameOf(t.name), ...seen });
      const take: number[] = [];
      for (let i = 0; i < t.queueOnly.count; i++) {
        const key = keyOf(t.name, shaAt(t.queueOnly.texts, i) as string);
        if (this.crossing.has(key) || this.kept.has(key)) this.shared.add(t.name);
        else {
          this.kept.add(key);
          take.push(i);
        }
      }
      parts.push({ held: t.queueOnly, repository: this.nameOf(t.name), take, ...seen });
      t.changes = t.queueOnly = null;
    }
    return this.rows.merged(parts);
  }

  /**
   * The lists of the combined report, read from the reports taken (`finish` first), one at a time: each item
   * names its repository and `counted` follows the whole's policy (bots only when every report counted them).
   * The queue-only changes kept are listed as the builder lists them: among the changes when in the whole's
   * window, else when in its queues. Iterate `changes` first: the rest is gathered on that pass, so the reports
   * are read once more, not four times.
   */
  lists(source: Iterable<{ report: Report; name: string }>): ReportLists {
    if (this.window === null) throw new Error('Combiner.lists: finish first');
    const window: Window = this.window;
    const policy = { includeBots: this.includeBots };
    const now = epoch(this.now) ?? 0;
    const kept = this.kept;
    const nameOf = (key: string): string => this.nameOf(key);
    // of its own repository's windows, as the figures count it (`withinOf`), keyed as the reports read are
    const within = withinOf(window, this.windowsBy((t) => t.name));
    const queueOnlyChanges: ReportChange[] = [];
    const deploys: ReportDeploy[] = [];
    const openPulls = new Map<string, { pull: ReportOpenPull; now: number }>();
    let done = false;
    function* changes(): Generator<ReportChange> {
      for (const { report, name: key } of source) {
        const name = nameOf(key);
        for (const d of report.deploys) deploys.push({ ...d, repository: name });
        const seenAt = epoch(report.now) ?? 0;
        for (const p of report.openPulls) {
          const pull = keyOf(key, String(p.number));
          const seen = openPulls.get(pull);
          if (seen === undefined || seen.now < seenAt) openPulls.set(pull, { pull: { ...p, repository: name }, now: seenAt });
        }
        for (const c of report.changes) yield { ...c, counted: isCounted(c, policy), repository: name };
        for (const c of report.queueOnlyChanges) {
          if (!kept.has(keyOf(key, c.sha))) continue;
          const merged = epoch(c.mergedAt) ?? 0;
          if (within(key, merged)) yield { ...c, counted: isCounted(c, policy), repository: name };
          else if (isCounted(c, policy) && merged <= now && inWindowQueues(measuredOf(c), window.since, window.until, now)) queueOnlyChanges.push({ ...c, counted: true, repository: name });
        }
      }
      done = true;
    }
    const after = <T, U = T>(list: Iterable<T>, map: (item: T) => U = (item) => item as unknown as U): Iterable<U> => ({
      *[Symbol.iterator]() {
        if (!done) throw new Error('Combiner.lists: the changes must be read before the rest');
        for (const item of list) yield map(item);
      },
    });
    return { changes: changes(), queueOnlyChanges: after(queueOnlyChanges), deploys: after(deploys), openPulls: after(openPulls.values(), (p) => p.pull) };
  }
}

/** A repository's own row under the name the report gives it, as are the items of it that name their repository. */
function renamedRow(row: RepositoryRow, name: string): RepositoryRow {
  if (row.name === name) return row;
  const { unreleased, wip } = row.summary;
  return {
    ...row,
    name,
    summary: {
      ...row.summary,
      unreleased: { ...unreleased, oldestChanges: unreleased.oldestChanges.map((c) => ({ ...c, repository: name })) },
      wip: wip === null ? null : { ...wip, oldest: wip.oldest.map((p) => ({ ...p, repository: name })) },
    },
  };
}

/** What the queues read of a listed change. */
function measuredOf(c: ReportChange): Parameters<typeof inWindowQueues>[0] {
  // the queues need no product's deploys: those of a listed change have their times written as text
  const { aiStrength, productDeploys: _productDeploys, ...rest } = c;
  return {
    ...rest,
    ...changeTimes(c),
    ...(aiStrength != null && { aiStrength }),
    size: null,
    review: null,
  };
}

/**
 * What the whole says when its reports cover different windows (null when every repository covers all of it): each repository's
 * changes count over its own window, and what is read period by period over the span every one covers (`sharedSpan`).
 */
function differentWindows(window: Window, windows: RepositoryWindows): string | null {
  const span = sharedSpan(window, windows);
  // every repository covers the whole (one window each, or windows of one repository that touch): nothing to say
  if (span === window) return null;
  const day = (w: Window): string => {
    const { since, until } = windowOf(w);
    return `${since.slice(0, 10)} → ${until.slice(0, 10)}`;
  };
  const series = span === null ? 'no whole week is covered by every one, so the trends, the queues and the weeks are left out' : `the trends, the queues and the weeks are over ${day(span)}, the span every one covers`;
  return `the reports cover different windows, ${day(window)} together: each repository's changes and deploys count over its own window; ${series}`;
}

/** The deploy signal of the whole: the one every report used, else the most common, with the mix in the detail. */
function signalOf(facts: readonly ReportFacts[]): { kind: DeploySignalKind; detail: string } {
  const counts = new Map<DeploySignalKind, number>();
  for (const f of facts) counts.set(f.deploySignal.kind, (counts.get(f.deploySignal.kind) ?? 0) + 1);
  const [kind] = [...counts].reduce((best, next) => (next[1] > best[1] ? next : best));
  const only = facts[0];
  if (facts.length === 1 && only) return { kind, detail: only.deploySignal.detail };
  if (counts.size === 1) return { kind, detail: `${kind} in all ${facts.length} repositories` };
  return { kind, detail: `mixed: ${[...counts].map(([k, n]) => `${k} in ${n}`).join(', ')} of ${facts.length} repositories` };
}

/** The one value every report has; null when they differ. */
function oneOf<T>(values: readonly (T | null)[]): T | null {
  const distinct = new Set(values);
  return distinct.size === 1 ? (values[0] ?? null) : null;
}
