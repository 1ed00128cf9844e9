import { Combiner } from '../aggregate/combine.js';
import { compiledSchema, digestFiles, statOf } from '../aggregate/digest-files.js';
import { ConfigError } from '../errors.js';
import { collectGarbage, growHeapSlowly } from '../io/memory.js';
import { MEGABYTE, readRegularFile, UnreadableFile } from '../io/read-regular.js';
import { parseReport, readReportText } from '../io/read-report.js';
import type { Format } from '../render/index.js';
import type { ReportLists } from '../render/lists.js';
import type { Report } from '../report/schema.js';
import { realPath, resolvePath, warner, type CliIo, type OutputFlags } from './io.js';
import { renderTo } from './render.js';
import { reposListSchema } from './repos.js';

// an aggregate of this many changes holds enough for its memory to matter
const LARGE_AGGREGATE = 10_000;

export interface AggregateFlags extends OutputFlags {
  format: Format;
  withChanges?: boolean;
  expect?: string;
}

/**
 * `flowaudit aggregate FILE…`: one report over JSON reports that CI jobs produced per repository. Each report
 * is read and validated on its own (in worker threads when there are many) and only the numbers the figures
 * need are kept, so an organisation's reports fit in memory; the changes, deploys and open pull requests are
 * listed (`--with-changes`, or CSV) by reading the reports once more as the output is written. A file or
 * repository given twice is counted once, with a warning. With `--expect` (the list `repos --format json` wrote),
 * each listed repository without a report is named among the failed repositories, and the exit code is 1.
 * @throws ConfigError (exit 2) for a file that is missing, not a report, of another schemaVersion or invalid
 */
export async function aggregateCommand(files: string[], flags: AggregateFlags, io: CliIo): Promise<number> {
  const warn = warner(io, flags.quiet);
  const expected = flags.expect === undefined ? [] : readExpected(resolvePath(flags.expect, io.cwd));
  const seen = new Map<string, string>();
  const unique: Array<{ file: string; path: string }> = [];
  for (const file of files) {
    const path = resolvePath(file, io.cwd);
    const real = realPath(path);
    const earlier = seen.get(real);
    if (earlier !== undefined) warn(`${file} is given twice (as ${earlier}): counted once`);
    else {
      seen.set(real, file);
      unique.push({ file, path });
    }
  }
  const combiner = new Combiner();
  const taken: Taken[] = [];
  await digestFiles(
    unique.map((u) => u.path),
    (d, i) => {
      const file = unique[i]?.file ?? d.path;
      const added = combiner.add(d.digest, file, d.row);
      if (added.added) taken.push({ path: d.path, name: added.name, size: d.size, mtimeMs: d.mtimeMs });
      else warn(`${added.name} is given twice over overlapping windows (${file}): counted once, from ${added.countedFrom}`);
    },
  );
  const found = new Set(taken.map((t) => t.name.toLowerCase()));
  // GitHub names are case-insensitive; a job that failed left no report
  const failed = expected.filter((name) => !found.has(name.toLowerCase())).map((name) => ({ name, error: 'no report: its job failed or was skipped' }));
  // the figures over a large organisation keep the heap from growing far past what is live: 1,000 reports
  // (573,624 changes) peaked at 468-473 MB with it and the collection below, 556-567 MB without, for 0.5 s more
  if (combiner.changes >= LARGE_AGGREGATE) {
    growHeapSlowly();
    // the growth is measured from what is live now: the digests' messages and the workers' leftovers let go
    collectGarbage();
  }
  const report = combiner.finish({ failed, warn });
  // the figures read every change through a view made on each pass: hundreds of megabytes of short-lived
  // objects over an organisation, which V8 lets the heap grow on before it collects. Collected before the
  // output is made (see collectGarbage): 1,000 reports peaked at 440-491 MB with it, 489-563 without
  if (report.summary.changes >= LARGE_AGGREGATE) collectGarbage();
  const code = failed.length > 0 ? 1 : 0;
  const listed = flags.withChanges === true || flags.format === 'csv';
  if (!listed) {
    await renderTo(io, report, flags);
    return code;
  }
  const { withChanges: _left, ...full } = report;
  const lists = combiner.lists(readAgain(taken, await compiledSchema()));
  // JSON and CSV are written as the reports are read again; the other formats lay every change out on one
  // page: they are held
  if (flags.format === 'json' || flags.format === 'csv') await renderTo(io, full, flags, lists);
  else await renderTo(io, hold(full, lists), flags);
  return code;
}

/** The repositories `repos --format json` listed. @throws ConfigError (exit 2) when the file is not that */
function readExpected(path: string): string[] {
  let text: string;
  try {
    text = readRegularFile(path, 50 * MEGABYTE);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    throw new ConfigError(`cannot read --expect '${path}': ${error.code === 'ENOENT' ? 'no such file' : `it ${error.message}`}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`--expect '${path}' is not JSON`, { cause: error, hint: 'write it with `flowaudit repos ORG --format json`' });
  }
  const parsed = reposListSchema.safeParse(data);
  if (!parsed.success) throw new ConfigError(`--expect '${path}' is not a list of repositories`, { hint: 'write it with `flowaudit repos ORG --format json`' });
  return parsed.data.repositories.map((r) => r.repository);
}

/** A report taken into the aggregate: where it is, and what it was when read. */
interface Taken {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
}

/** The taken reports read once more, for their lists; a file that changed since is an error, not a mix. */
function* readAgain(taken: readonly Taken[], accepts: ((data: unknown) => boolean) | undefined): Generator<{ report: Report; name: string }> {
  for (const t of taken) {
    const stat = statOf(t.path);
    if (stat.size !== t.size || stat.mtimeMs !== t.mtimeMs) {
      throw new ConfigError(`report '${t.path}' changed while it was being aggregated`, { hint: 'run the aggregate again once the reports are written' });
    }
    yield { report: parseReport(readReportText(t.path), t.path, accepts), name: t.name };
  }
}

function hold(report: Report, lists: ReportLists): Report {
  // in the order they are read: the changes first
  const changes = [...lists.changes];
  const queueOnlyChanges = [...(lists.queueOnlyChanges ?? [])];
  return { ...report, changes, queueOnlyChanges, deploys: [...lists.deploys], openPulls: [...lists.openPulls] };
}
