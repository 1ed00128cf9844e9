import { ConfigError } from '../errors.js';
import type { Report } from '../report/schema.js';
import { Combiner, type FinishOptions } from './combine.js';
import { digestReport } from './digest.js';

export interface AggregateOptions extends FinishOptions {
  /** list every change, deploy and open pull request (default: only the figures) */
  withChanges?: boolean;
  /** told why a repository given twice is counted once, and the whole's own warnings (`FinishOptions`) */
  warn?: (message: string) => void;
}

/**
 * Combines reports held in memory (`report PATH…`) into one, through the same builder as a single audit:
 * every figure is recomputed from the changes and deploys (never a mean of medians), recommendations are
 * made for the whole, and each repository gets its row. Bot changes count only when every report counted
 * them; syncs never. A repository given twice over overlapping windows is counted once.
 * @throws ConfigError when there is no report, or one is itself over several repositories
 */
export function aggregateReports(reports: readonly Report[], options: AggregateOptions = {}): Report {
  if (reports.length === 0) throw new ConfigError('nothing to aggregate: give at least one JSON report');
  const combiner = new Combiner();
  const taken: Array<{ report: Report; name: string }> = [];
  for (const report of reports) {
    const origin = report.repository.path;
    const added = combiner.add(digestReport(report), origin);
    if (added.added) taken.push({ report, name: added.name });
    else options.warn?.(`${added.name} is given twice over overlapping windows (${origin}): counted once, from ${added.countedFrom}`);
  }
  const combined = combiner.finish(options);
  if (!options.withChanges) return combined;
  const lists = combiner.lists(taken);
  const { withChanges: _left, ...report } = combined;
  // read in this order: the changes gather the rest
  const changes = [...lists.changes];
  const queueOnlyChanges = [...(lists.queueOnlyChanges ?? [])];
  return { ...report, changes, queueOnlyChanges, deploys: [...lists.deploys], openPulls: [...lists.openPulls] };
}
