import type { Report } from '../report/schema.js';
import type { ReportLists } from './lists.js';

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

export type Renderer = (report: Report, options: RenderOptions) => string | Iterable<string>;

/**
 * The renderer of one format, loaded when asked for: a command loads only the renderer it writes with (the
 * HTML one alone is a tenth of the CLI's code). The same renderers as `RENDERERS`.
 */
export async function loadRenderer(format: Format): Promise<Renderer> {
  switch (format) {
    case 'text':
      return (await import('./text.js')).renderTerminalText;
    case 'json': {
      // in pieces: a report of a whole large history is never one huge string
      const { renderJsonChunks } = await import('./json.js');
      return (report, options) => renderJsonChunks(report, options.lists);
    }
    case 'csv': {
      const { renderCsvChunks } = await import('./csv.js');
      return (report, options) => renderCsvChunks(report, options.lists?.changes);
    }
    case 'markdown': {
      const { renderMarkdown } = await import('./markdown.js');
      return (report) => renderMarkdown(report);
    }
    case 'html': {
      const { renderHtml } = await import('./html.js');
      return (report) => renderHtml(report);
    }
  }
}
