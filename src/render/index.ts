import { renderCsvChunks } from './csv.js';
import { renderPreviousCsv, renderTrendsCsv } from './csv-trends.js';
import type { Format, Renderer } from './formats.js';
import { renderHtml } from './html.js';
import { renderJsonChunks } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminalText } from './text.js';

export { FORMATS, type Format, type RenderOptions } from './formats.js';

/**
 * The renderers, by format name: one registry, so every command offers the same formats (the CLI loads them
 * one at a time with `loadRenderer`).
 */
export const RENDERERS: Record<Format, Renderer> = {
  text: renderTerminalText,
  // in pieces: a report of a whole large history is never one huge string
  json: (report, options) => renderJsonChunks(report, options.lists),
  csv: (report, options) => renderCsvChunks(report, options.lists?.changes),
  'trends-csv': (report) => renderTrendsCsv(report),
  'previous-csv': (report) => renderPreviousCsv(report),
  markdown: (report) => renderMarkdown(report),
  html: (report) => renderHtml(report),
};
