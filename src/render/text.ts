import { Chalk } from 'chalk';
import type { StageName } from '../domain.js';
import type { Report } from '../report/schema.js';
import { stageLabel as label } from '../stage-labels.js';
import { mergedInWindow } from './format.js';
import { renderRepositoryText } from './repositories.js';
import { renderProductsText } from './products.js';
import { renderSlicesText } from './slices.js';
import { terminalOutput } from './sanitize.js';
import { recommendations } from './text/advice.js';
import { deploys } from './text/deploys.js';
import type { TextContext } from './text/layout.js';
import { notes } from './text/notes.js';
import { repair } from './text/repair.js';
import { aiShift } from './text/ai-shift.js';
import { previous } from './text/previous.js';
import { header, headline, nothingMerged, stages } from './text/overview.js';
import { trends } from './text/trends.js';
import { reviewAndCi } from './text/review.js';
import { queues } from './text/queues.js';
import { slowest } from './text/slowest.js';
import { renderUnreleasedText } from './unreleased.js';
import { durationFormat } from '../units.js';

export interface TextOptions {
  color: boolean;
  /** columns to lay the report out to; default 80 */
  width?: number;
  /** IANA zone the times are shown in (and labelled with); default UTC */
  timeZone?: string;
}

/** One section of the terminal report: its lines, title included, or none when it has nothing to show. */
export type TextSection = (report: Report, ctx: TextContext) => string[];

/** Sections that need changes to say anything. */
const withChanges = (section: TextSection): TextSection => (report, ctx) => (mergedInWindow(report) === 0 ? [] : section(report, ctx));

/**
 * The terminal report, top to bottom: the first screen is the answer — the header, the headline, where the time
 * goes and what to fix first (with its what-if) — then the repositories, slices and products a report has, then
 * the rest. A new section is a function in its own file under text/, added here; blank lines between sections
 * are put in by `renderText`.
 */
const SECTIONS: readonly TextSection[] = [
  header,
  nothingMerged,
  withChanges(headline),
  withChanges(stages),
  withChanges(recommendations),
  (report, ctx) => {
    const table = renderRepositoryText(report, ctx);
    return table === '' ? [] : [table];
  },
  withChanges(renderSlicesText),
  withChanges(renderProductsText),
  withChanges(renderUnreleasedText),
  withChanges(deploys),
  withChanges(trends),
  withChanges(previous),
  withChanges(repair),
  withChanges(aiShift),
  withChanges(reviewAndCi),
  withChanges(queues),
  withChanges(slowest),
  notes,
];

export function stageLabel(stage: StageName, report: Report): string {
  return label(stage, !report.sources.includes('github'));
}

/** The terminal report: plain text with optional colour, laid out to `width` columns (80 by default). */
export function renderText(report: Report, options: TextOptions): string {
  const ctx: TextContext = {
    c: new Chalk({ level: options.color ? 1 : 0 }),
    color: options.color,
    width: options.width ?? 80,
    timeZone: options.timeZone ?? report.timezone,
    // with --business-hours a day is a working day: every duration written here says so
    durations: durationFormat(report.businessHours),
  };
  const blocks = SECTIONS.map((section) => section(report, ctx)).filter((lines) => lines.length > 0);
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** The text report for a terminal: a last guard strips whatever escape a section let through. */
export function renderTerminalText(report: Report, options: TextOptions): string {
  return terminalOutput(renderText(report, options), options.color);
}
