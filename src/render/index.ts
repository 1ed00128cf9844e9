import type { Report } from '../report/schema.js';
import { renderCsvChunks } from './csv.js';
import { renderHtml } from './html.js';
import { renderJsonChunks } from './json.js';
import type { ReportLists } from './lists.js';
import { renderMarkdown } from './markdown.js';
import { terminalOutput } from './sanitize.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'json', 'csv', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  /** text: columns to lay out to (default 80) */
  width?: number;
  /** text: IANA zone times are shown in (default UTC) */
  timeZone?: string;
  /** the report's lists, read as they are written (JSON and CSV; an aggregate's `--with-changes`) */
  lists?: ReportLists;
}

/** The renderers, by format name: one registry, so every command offers the same formats. */
export const RENDERERS: Record<Format, (report: Report, options: RenderOptions) => string | Iterable<string>> = {
  // the text report is read on a terminal: a last guard strips whatever escape a renderer let through
  text: (report, options) => terminalOutput(renderText(report, options), options.color),
  // in pieces: a report of a whole large history is never one huge string
  json: (report, options) => renderJsonChunks(report, options.lists),
  csv: (report, options) => renderCsvChunks(report, options.lists?.changes),
  markdown: (report) => renderMarkdown(report),
  html: (report) => renderHtml(report),
};
