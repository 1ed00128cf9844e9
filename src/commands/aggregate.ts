import { aggregateReports } from '../aggregate/aggregate.js';
import { readReportFile } from '../io/read-report.js';
import type { Format } from '../render/index.js';
import { resolvePath, type CliIo, type OutputFlags } from './io.js';
import { renderTo } from './render.js';

export interface AggregateFlags extends OutputFlags {
  format: Format;
}

/** `flowaudit aggregate FILE…`: one report over JSON reports that CI jobs produced per repository. */
export async function aggregateCommand(files: string[], flags: AggregateFlags, io: CliIo): Promise<number> {
  const reports = [];
  for (const file of files) reports.push(await readReportFile(resolvePath(file, io.cwd)));
  await renderTo(io, aggregateReports(reports), flags);
  return 0;
}
