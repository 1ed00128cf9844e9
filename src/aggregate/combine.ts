import type { DeploySignalKind, MeasuredChange, MeasuredDeploy, OpenPull, Window } from '../domain.js';
import { ConfigError } from '../errors.js';
import { buildReport, type RepositoryContext } from '../report/build.js';
import { epoch, windowOf } from '../report/convert.js';
import type { Report } from '../report/schema.js';
import { unpackDigest, type ReportDigest, type ReportFacts } from './digest.js';
import { createInterner } from './intern.js';

export interface FinishOptions {
  /** defaults to the current time; everything else is a function of the reports */
  generatedAt?: string;
  /** repositories that could not be read, listed in the report */
  failed?: Array<{ name: string; error: string }>;
}

/** `name`: the repository's name in the aggregate; `countedFrom`: where a repository given twice was first taken from. */
export type Added = { added: true; name: string } | { added: false; name: string; countedFrom: string };

interface Taken {
  name: string;
  origin: string;
  facts: ReportFacts;
  window: Window;
}

/**
 * Combines per-repository reports, taken one at a time as digests, into one report built by the same builder
 * as a single audit. Every figure is computed over all changes at once (exact percentiles, never a mean of
 * medians) and recommendations are made for the whole; each repository gets its row.
 */
export class Combiner {
  private readonly taken: Taken[] = [];
  private readonly changes: MeasuredChange[] = [];
  private readonly deploys: MeasuredDeploy[] = [];
  private readonly openPulls: OpenPull[] = [];
  private readonly intern = createInterner();

  /**
   * Takes one report's digest, unpacked at once into what the figures read. A repository already taken over
   * an overlapping window is counted once: the report is skipped and the answer names where it was first
   * taken from (the same repository over disjoint windows is two rows, no change in both). `origin` names
   * the report in messages (its file or path).
   * @throws ConfigError when the report is itself over several repositories (its changes would count twice)
   */
  add(digest: ReportDigest, origin: string): Added {
    const facts = digest.facts;
    if (facts.several) throw new ConfigError(`'${origin}' is a report over several repositories: aggregate the per-repository reports it was made of`);
    const name = nameOf(facts);
    const window = { since: epoch(facts.window.since) ?? 0, until: epoch(facts.window.until) ?? 0 };
    const first = this.taken.find((t) => t.name === name && t.window.since < window.until && window.since < t.window.until);
    if (first !== undefined) return { added: false, name, countedFrom: first.origin };
    const repository = this.intern.string(name);
    const unpacked = unpackDigest(digest, repository, this.intern);
    for (const c of unpacked.changes) this.changes.push(c);
    for (const d of unpacked.deploys) this.deploys.push(d);
    for (const p of unpacked.openPulls) this.openPulls.push(p);
    this.taken.push({ name: repository, origin, facts, window });
    return { added: true, name: repository };
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
    const includeBots = this.includeBots;
    if (!includeBots && taken.some((t) => t.facts.policy.includeBots)) {
      warnings.push(`bot changes counted in ${taken.filter((t) => t.facts.policy.includeBots).map((t) => t.name).join(', ')} are left out, as the other reports left theirs out`);
    }
    const window = { since: Math.min(...taken.map((t) => t.window.since)), until: Math.max(...taken.map((t) => t.window.until)) };
    if (new Set(taken.map((t) => `${t.facts.window.since}/${t.facts.window.until}`)).size > 1) {
      warnings.push(`the reports cover different windows: deploy frequency is over their union, ${windowOf(window).since} → ${windowOf(window).until}`);
    }
    const hours = new Set(taken.map((t) => JSON.stringify(t.facts.businessHours)));
    if (hours.size > 1) warnings.push('the reports mix business hours and calendar time (or different business hours): their durations do not add up; audit them alike');
    if (new Set(taken.map((t) => JSON.stringify(t.facts.policy.thresholds))).size > 1) warnings.push(`the reports were checked against different thresholds: the recommendations use ${first.name}'s`);

    const repositories: RepositoryContext[] = taken.map((t) => ({
      name: t.name,
      path: t.facts.repository.path,
      remote: t.facts.repository.remote,
      branch: t.facts.repository.branch,
      window: t.window,
      deploySignal: t.facts.deploySignal.kind,
      sources: t.facts.sources,
    }));
    const report = buildReport(
      { changes: this.changes, deploys: this.deploys, openPulls: this.openPulls, listed: false },
      window,
      Math.max(...taken.map((t) => epoch(t.facts.now) ?? 0)),
      { ...first.facts.policy, includeBots },
      {
        generatedAt: options.generatedAt ?? new Date().toISOString(),
        repository: { path: 'aggregate', remote: null, branch: [...new Set(taken.map((t) => t.facts.repository.branch))].join(', ') },
        sources: (['git', 'github'] as const).filter((s) => taken.some((t) => t.facts.sources.includes(s))),
        deploySignal: signalOf(taken.map((t) => t.facts)),
        businessHours: hours.size === 1 ? first.facts.businessHours : null,
        notes: [...new Set(taken.flatMap((t) => t.facts.notes))],
        warnings: [...taken.flatMap((t) => t.facts.warnings.map((w) => `${t.name}: ${w}`)), ...warnings],
        repositories,
        failedRepositories: options.failed ?? [],
      },
    );
    // the figures are made: what they were made of is let go before the lists are read again
    this.changes.length = 0;
    this.deploys.length = 0;
    this.openPulls.length = 0;
    return report;
  }
}

/** A report's repository name in an aggregate: owner/name when the remote is known, else its path. */
function nameOf(facts: Pick<ReportFacts, 'repository'>): string {
  return facts.repository.remote ?? facts.repository.path;
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
