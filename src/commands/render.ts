import { loadRenderer, type Format } from '../render/formats.js';
import type { Report } from '../report/schema.js';
import { emit, layoutWidth, useColor, type CliIo, type OutputFlags } from './io.js';

/** Renders the report in `flags.format` for where it goes (colour and width for a terminal) and writes it. */
export async function renderTo(io: CliIo, report: Report, flags: OutputFlags & { format: Format; timezone?: string }): Promise<void> {
  const render = await loadRenderer(flags.format);
  const text = render(report, {
    color: useColor(io, flags),
    width: layoutWidth(io, flags.width),
    ...(flags.timezone !== undefined && { timeZone: flags.timezone }),
  });
  await emit(io, text, flags.output);
}
