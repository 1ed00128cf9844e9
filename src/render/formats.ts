import type { Report } from '../report/schema.js';
import type { ReportLists } from './lists.js';

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

/** An output format: what it writes, and its renderer, loaded only when a command writes with it. */
interface OutputFormat {
  /** what the format writes, for help text and docs */
  readonly writes: string;
  /** a file of it ends with this (the Action's default report file is `flowaudit-report.<extension>`) */
  readonly extension: string;
  readonly load: () => Promise<Renderer>;
}

/*
 * The output formats, by `--format` name: the one place a format is declared. `FORMATS` (and so the CLI's
 * choices, which validate `--format`) and `loadRenderer` are derived from it; a new format is one entry here
 * and its renderer. Each loads its module on demand: a command loads only the renderer it writes with (the
 * HTML one alone is a tenth of the CLI's code). The same renderers as `RENDERERS` (render/index.ts), which the
 * library loads at once. Each loader says it gives a `Renderer`: inferred, its type spelt out the whole report
 * once per format in the library's types (`Format` is this object's keys), 0.3 MB of the package's 0.46 MB of them.
 */
const OUTPUT_FORMATS = {
  text: { writes: 'the terminal report, laid out to the terminal\'s width', extension: 'txt', load: async (): Promise<Renderer> => (await import('./text.js')).renderTerminalText },
  json: {
    writes: 'the report as JSON (schema/report.schema.json)',
    extension: 'json',
    load: async (): Promise<Renderer> => {
      // in pieces: a report of a whole large history is never one huge string
      const { renderJsonChunks } = await import('./json.js');
      return (report, options) => renderJsonChunks(report, options.lists);
    },
  },
  csv: {
    writes: 'one row per change',
    extension: 'csv',
    load: async (): Promise<Renderer> => {
      const { renderCsvChunks } = await import('./csv.js');
      return (report, options) => renderCsvChunks(report, options.lists?.changes);
    },
  },
  'trends-csv': {
    writes: 'one row per week (per month for windows over 26 weeks) with every key',
    extension: 'trends.csv',
    load: async (): Promise<Renderer> => {
      const { renderTrendsCsv } = await import('./csv-trends.js');
      return (report) => renderTrendsCsv(report);
    },
  },
  'previous-csv': {
    writes: 'one row per figure: the window against the one of the same length before it',
    extension: 'previous.csv',
    load: async (): Promise<Renderer> => {
      const { renderPreviousCsv } = await import('./csv-trends.js');
      return (report) => renderPreviousCsv(report);
    },
  },
  markdown: {
    writes: 'GitHub-flavoured Markdown (pull request comments, wikis, step summaries)',
    extension: 'md',
    load: async (): Promise<Renderer> => {
      const { renderMarkdown } = await import('./markdown.js');
      return (report) => renderMarkdown(report);
    },
  },
  html: {
    writes: 'one self-contained HTML file, charts as inline SVG',
    extension: 'html',
    load: async (): Promise<Renderer> => {
      const { renderHtml } = await import('./html.js');
      return (report) => renderHtml(report);
    },
  },
} as const satisfies Record<string, OutputFormat>;

export type Format = keyof typeof OUTPUT_FORMATS;

/** Every format's name, in the order help lists them. */
export const FORMATS = Object.keys(OUTPUT_FORMATS) as readonly Format[];

/** `text (the terminal report…), json (…)`: each format and what it writes, for help text. */
export function formatsHelp(): string {
  return FORMATS.map((name) => `${name} (${OUTPUT_FORMATS[name].writes})`).join(', ');
}

/** What a file of `format` ends with, without the dot: `md` for markdown, `trends.csv` for trends-csv. */
export function formatExtension(format: Format): string {
  return OUTPUT_FORMATS[format].extension;
}

/** The renderer of one format, loaded when asked for. */
export async function loadRenderer(format: Format): Promise<Renderer> {
  return OUTPUT_FORMATS[format].load();
}
