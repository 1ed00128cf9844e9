import type { Report } from '../report/schema.js';
import { renderCsvChunks } from './csv.js';
import { renderHtml } from './html.js';
import { renderJsonChunks } from './json.js';
import type { ReportLists } from './lists.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'json', 'csv', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  /** the report's lists, read as they are written (JSON and CSV; an aggregate's `--with-changes`) */
  lists?: ReportLists;
}

/** The renderers, by format name: one registry, so every command offers the same formats. */
export const RENDERERS: Record<Format, (report: Report, options: RenderOptions) => string | Iterable<string>> = {
  text: (report, options) => renderText(report, options),
  // in pieces: a report of a whole large history is never one huge string
  json: (report, options) => renderJsonChunks(report, options.lists),
  csv: (report, options) => renderCsvChunks(report, options.lists?.changes),
  markdown: (report) => renderMarkdown(report),
  html: (report) => renderHtml(report),
};
