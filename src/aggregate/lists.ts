import { isCounted } from '../report/build.js';
import type { Report, ReportChange, ReportDeploy, ReportOpenPull } from '../report/schema.js';
import type { ReportLists } from '../render/lists.js';

/**
 * The lists of a report over several repositories, read from its reports one at a time: each item names
 * its repository, and `counted` follows the aggregate's policy (bots only when every report counted them).
 * Iterate `changes` first: the deploys and open pull requests are gathered on that pass, so the reports
 * are read once more, not three times.
 */
export function listReports(source: Iterable<{ report: Report; name: string }>, includeBots: boolean): ReportLists {
  const deploys: ReportDeploy[] = [];
  const openPulls: ReportOpenPull[] = [];
  let done = false;
  function* changes(): Generator<ReportChange> {
    for (const { report, name } of source) {
      for (const d of report.deploys) deploys.push({ ...d, repository: name });
      for (const p of report.openPulls) openPulls.push({ ...p, repository: name });
      for (const c of report.changes) yield { ...c, counted: isCounted(c, { includeBots }), repository: name };
    }
    done = true;
  }
  const after = <T>(list: T[]): Iterable<T> => ({
    *[Symbol.iterator]() {
      if (!done) throw new Error('listReports: the changes must be read before the deploys and open pull requests');
      yield* list;
    },
  });
  return { changes: changes(), deploys: after(deploys), openPulls: after(openPulls) };
}
