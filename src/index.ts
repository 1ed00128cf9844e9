/**
 * flowaudit as a library: `audit()` reads a repository and returns the report; `buildReport()` makes one from a
 * model you assembled; `aggregateReports()` makes one over several; the renderers turn a report into text,
 * JSON, CSV, Markdown or HTML; `reportSchema` (zod) validates one, and `parseReport` reads one back from JSON.
 * The same report is described for other languages by schema/report.schema.json.
 */
export { audit } from './audit/index.js';
export type { AuditOptions, ProgressEvent } from './options.js';
export { buildReport, type ReportContext, type ReportModel, type RepositoryContext } from './report/build.js';
export { aggregateReports, type AggregateOptions } from './aggregate/aggregate.js';
export { FORMATS, RENDERERS, type Format, type RenderOptions } from './render/index.js';
export { renderText, type TextOptions } from './render/text.js';
export { renderJsonChunks as renderJson } from './render/json.js';
export { renderCsv } from './render/csv.js';
export { renderMarkdown, type MarkdownOptions } from './render/markdown.js';
export { renderHtml } from './render/html.js';
export { reportSchema, type Policy, type Report, type ReportChange, type ReportDeploy, type ReportSummary } from './report/schema.js';
export { parseReport, readReportFile } from './io/read-report.js';
export { configSchema } from './config/schema.js';
export { ConfigError, FlowauditError, GitError, GitHubError, RateLimitError } from './errors.js';
