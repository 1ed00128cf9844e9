import { loadRenderer, type Format } from '../render/formats.js';
import type { ReportLists } from '../render/lists.js';
import type { Report } from '../report/schema.js';
import { emit, layoutWidth, useColor, type CliIo, type OutputFlags } from './io.js';

/**
 * Renders the report in `flags.format` for where it goes (colour and width for a terminal) and writes it.
 * `lists`, when given, stand for the report's lists, read as they are written (JSON and CSV).
 */
export async function renderTo(io: CliIo, report: Report, flags: OutputFlags & { format: Format; timezone?: string }, lists?: ReportLists): Promise<void> {
  const render = await loadRenderer(flags.format);
  const text = render(report, {
    color: useColor(io, flags),
    width: layoutWidth(io, flags.width),
    ...(flags.timezone !== undefined && { timeZone: flags.timezone }),
    ...(lists !== undefined && { lists }),
  });
  await emit(io, text, flags.output);
}
