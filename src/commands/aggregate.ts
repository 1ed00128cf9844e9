import { aggregateReports } from '../aggregate/aggregate.js';
import { readReportFile } from '../io/read-report.js';
import { RENDERERS, type Format } from '../render/index.js';
import { emit, resolvePath, useColor, type CliIo } from './io.js';

export interface AggregateFlags {
  format: Format;
  output?: string;
  color?: boolean;
}

/** `flowaudit aggregate FILE…`: one report over JSON reports that CI jobs produced per repository. */
export async function aggregateCommand(files: string[], flags: AggregateFlags, io: CliIo): Promise<number> {
  const reports = [];
  for (const file of files) reports.push(await readReportFile(resolvePath(file, io.cwd)));
  const report = aggregateReports(reports);
  emit(io, RENDERERS[flags.format](report, { color: useColor(io, flags.color, Boolean(flags.output)) }), flags.output);
  return 0;
}
