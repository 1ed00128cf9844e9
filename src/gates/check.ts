import wrapAnsi from 'wrap-ansi';
import { catalogueEntries, numberUnit, UNIT_WORDS } from '../metrics/catalogue.js';
import type { Report } from '../report/schema.js';
import { escapeMarkdown } from '../render/sanitize.js';
import { formatDuration, plural } from '../units.js';
import { parseThreshold, type Operator, type Threshold, type ThresholdUnit } from './expression.js';
import { largest } from '../lists.js';
import { onGitHub, REVIEW_HOSTS } from '../review-hosts.js';

export interface GateResult {
  expression: string;
  path: string;
  /** the slice whose figure it is (`team:payments`); absent: the whole report's */
  slice?: string;
  operator: Operator;
  /** the threshold in the figure's own unit (seconds, ratio or plain number) */
  threshold: number;
  unit: ThresholdUnit | null;
  /** the report's figure in the same unit as `threshold`; null when the report could not measure it */
  measured: number | null;
  /** null when not measured: listed, and a breach only under --strict (`failed`) */
  passed: boolean | null;
  /** why the run could not measure it (`git alone cannot see it: …`); absent when it was measured */
  reason?: string;
  /** fails the run: breached, or not measured under --strict */
  failed: boolean;
  /** `leadTime.p50 = 9d 12h (wanted <= 7d)`: durations as the report writes them, ratios as the expression did (% or plain) */
  display: string;
}

export interface GateOutcome {
  results: GateResult[];
  /** how many thresholds were breached */
  breached: number;
  /** how many failed the run (breached, or not measured under --strict): the CLI exits 1 when this is above 0 */
  failed: number;
}

export interface GateOptions {
  /** a figure the report could not measure fails its threshold instead of passing with a warning */
  strict?: boolean;
  /** the report of each slice a threshold names (`Threshold.slice`), its figures over the slice's changes alone */
  slices?: ReadonlyMap<string, Report>;
}

/** The slices the thresholds name, each once, as `sliceName` writes them: what the caller reports on. */
export function slicesNamed(thresholds: readonly Threshold[]): string[] {
  return [...new Set(thresholds.flatMap((t) => (t.slice === undefined ? [] : [t.slice])))];
}

// figures are floating-point: a ratio of 3/20 must equal a threshold of 15%
const EPSILON = 1e-9;

/**
 * Checks each threshold against the report's summary. A figure that is null or absent is "not measured":
 * listed with `passed: null`, a failure only with `strict` (a gate that cannot see its figure would pass by
 * accident). Pure.
 * @throws ConfigError for an expression that does not parse
 */
export function evaluateGates(report: Report, expressions: ReadonlyArray<string | Threshold>, options: GateOptions = {}): GateOutcome {
  const results = expressions.map((e) => {
    const t = typeof e === 'string' ? parseThreshold(e) : e;
    const over = t.slice === undefined ? report : options.slices?.get(t.slice);
    // a slice no report was made for is a caller's bug, not a figure the data lacks
    if (over === undefined) throw new Error(`no report of the slice ${t.slice ?? ''}`);
    const result = evaluate(over, t);
    return { ...result, failed: result.passed === false || (result.passed === null && options.strict === true) };
  });
  return { results, breached: results.filter((r) => r.passed === false).length, failed: results.filter((r) => r.failed).length };
}

function evaluate(report: Report, t: Threshold): Omit<GateResult, 'failed'> {
  let parent: unknown = undefined;
  let node: unknown = report.summary;
  for (const key of t.segments) {
    parent = node;
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  const measured = typeof node === 'number' && Number.isFinite(node) ? node : null;
  const words = unitWords(t.path);
  const wanted = `wanted ${t.operator} ${formatIn(t.value, t.unit)}${words}`;
  const shown = t.slice === undefined ? t.path : `${t.slice}/${t.path}`;
  const result = { expression: t.expression, path: t.path, operator: t.operator, threshold: t.value, unit: t.unit, measured, ...(t.slice !== undefined && { slice: t.slice }) };
  if (measured !== null) return { ...result, passed: compare(measured, t.operator, t.value), display: `${shown} = ${formatIn(measured, t.unit)}${words} (${wanted})` };
  const bound = lowerBound(report.summary, t.segments, parent);
  if (bound !== null) {
    const passed = boundDecides(bound, t.operator, t.value);
    return { ...result, passed, display: `${shown} ≥ ${formatIn(bound, t.unit)}${words}, changes still waiting (${wanted})` };
  }
  const reason = whyNotMeasured(report, t, parent);
  return { ...result, passed: null, reason, display: `${shown} not measured: ${reason} (${wanted})` };
}

/** what an empty group of these means, where it is not "no deploy" or "no change" */
const EMPTY: Readonly<Record<string, string>> = {
  'dora.timeToRestore': 'no failed deploy was restored in the window',
  'dora.leadTime': 'no change in the window has a known first commit',
};

/**
 * Why a figure has no value in this report, in a reader's words: the mode that can measure it (the catalogue's),
 * else what its group says of it (a DORA key's note), else that nothing in the window has it.
 */
function whyNotMeasured(report: Report, t: Threshold, parent: unknown): string {
  const entry = catalogueEntries().find((e) => e.path === t.path);
  const mode = report.sources.includes('github') ? 'github' : 'git';
  if (entry !== undefined && !entry.modes.includes(mode)) {
    // a project reviewed elsewhere is told where, not sent to a token that would read nothing of it
    const host = report.reviewHost;
    return onGitHub(host)
      ? 'git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`)'
      : `git alone cannot see it, it needs review data: ${REVIEW_HOSTS[host].where}`;
  }
  const group = typeof parent === 'object' && parent !== null ? (parent as { note?: unknown; count?: unknown }) : {};
  if (group.count === 0) return EMPTY[t.path] ?? (t.path.startsWith('dora.') ? 'no deploy in the window' : 'no change in the window has it');
  if (typeof group.note === 'string' && group.note !== '') return group.note;
  return 'the window\'s data gives it no value';
}

/**
 * A true lower bound of a percentile the censored estimate never reaches (changes still waiting): its own bound
 * (`bounds.p75`), else the lowest unreached one's (`atLeast`: percentiles only rise). The DORA lead time is the
 * summary's lead time p50. Null when the figure has none.
 */
function lowerBound(summary: Report['summary'], segments: readonly string[], parent: unknown): number | null {
  const key = segments.at(-1) ?? '';
  const dora = segments.length === 3 && segments[0] === 'dora' && segments[1] === 'leadTime' && key === 'value';
  const holder = (dora ? summary.leadTime : parent) as { atLeast?: unknown; bounds?: Record<string, unknown> } | undefined;
  const percentile = dora ? 'p50' : key;
  if (!/^p\d+$/.test(percentile) || holder === undefined || holder === null) return null;
  const own = holder.bounds?.[percentile];
  const bound = typeof own === 'number' ? own : holder.atLeast;
  return typeof bound === 'number' && Number.isFinite(bound) ? bound : null;
}

/**
 * What a value known only to be at least `bound` (it may equal it) says of a threshold: null when it cannot
 * tell. At the threshold exactly, `>=` holds and `<` is breached; `>`, `<=`, `==` and `!=` cannot tell.
 */
function boundDecides(bound: number, operator: Operator, threshold: number): boolean | null {
  const atOrOver = compare(bound, '>=', threshold);
  const over = compare(bound, '>', threshold);
  switch (operator) {
    case '>=': return atOrOver ? true : null;
    case '>': return over ? true : null;
    case '<': return atOrOver ? false : null;
    case '<=': return over ? false : null;
    case '==': return over ? false : null;
    case '!=': return over ? true : null;
  }
}

export function compare(measured: number, operator: Operator, threshold: number): boolean {
  const equal = Math.abs(measured - threshold) <= EPSILON * Math.max(1, Math.abs(measured), Math.abs(threshold));
  switch (operator) {
    case '<=': return equal || measured < threshold;
    case '<': return !equal && measured < threshold;
    case '>=': return equal || measured > threshold;
    case '>': return !equal && measured > threshold;
    case '==': return equal;
    case '!=': return !equal;
  }
}

/**
 * A value as the report writes its kind: a duration with the report's duration writer (`8d 2h`, `7d`, the way
 * every other duration is written), a ratio as a percentage (18.2%), a count plain (3). At most two decimals.
 */
export function formatIn(value: number, unit: ThresholdUnit | null): string {
  if (unit === null) return trim(value);
  if (unit === '%') return `${trim(value * 100)}%`;
  // a threshold's `d` was read as a calendar day, so it is written back in calendar days
  return formatDuration(value);
}

/**
 * ` a week`, ` lines`: the words after a plain number of this figure, so no gate writes a bare `= 1.45`; '' for
 * a duration, ratio or count, whose unit its value or path says.
 */
function unitWords(path: string): string {
  const unit = numberUnit(path);
  return unit === undefined ? '' : ` ${UNIT_WORDS[unit]}`;
}

function trim(value: number): string {
  return String(Number(value.toFixed(2)));
}

function status(result: GateResult): 'breached' | 'ok' | 'not measured' {
  return result.passed === null ? 'not measured' : result.passed ? 'ok' : 'breached';
}

/** A threshold's status as the text and Markdown show it: a figure not measured under --strict says it fails. */
function shownStatus(result: GateResult): string {
  return result.passed === null && result.failed ? 'not measured: failed (--strict)' : status(result);
}

function headline(results: readonly GateResult[]): string {
  const breached = results.filter((r) => r.passed === false).length;
  const unmeasured = results.filter((r) => r.passed === null);
  const strict = unmeasured.filter((r) => r.failed).length;
  const unmeasuredText = unmeasured.length === 0 ? '' : `, ${unmeasured.length} not measured${strict > 0 ? ' (a failure with --strict)' : ' (passed: add --strict to fail a threshold the run cannot measure)'}`;
  return `${breached} of ${plural(results.length, 'threshold')} breached${unmeasuredText}`;
}

/**
 * The stderr line of a threshold the run could not measure, why, and what `--strict` does: such a gate passes,
 * and without this line it would pass unseen. Null for a threshold that was measured.
 */
export function unmeasuredLine(result: GateResult): string | null {
  if (result.passed !== null) return null;
  return result.failed ? `threshold not measured (--strict): ${result.display}` : `threshold not measured, so it passed (add --strict to fail it): ${result.display}`;
}

/**
 * Plain text for the terminal: a headline, then one line per threshold with its measured value, wrapped to
 * `columns` (default 80) under the figure, past its status.
 */
export function renderGateText(results: readonly GateResult[], columns = 80): string {
  const width = Math.max(largest(results.map((r) => shownStatus(r).length)), 0);
  const indent = 2 + width + 2;
  const wrapped = (text: string, room: number): string[] => wrapAnsi(text, Math.max(20, room), { hard: true }).split('\n');
  const lines = results.flatMap((r) => wrapped(r.display, columns - indent).map((part, i) => `${i === 0 ? `  ${shownStatus(r).padEnd(width)}  ` : ' '.repeat(indent)}${part}`));
  return [...wrapped(`flowaudit check: ${headline(results)}`, columns), ...lines].join('\n') + '\n';
}

/** A GitHub-flavoured Markdown table, for the Actions step summary and PR comments. */
export function renderGateMarkdown(results: readonly GateResult[]): string {
  const rows = results.map((r) => {
    const mark = r.passed === null ? (r.failed ? '❌ not measured (--strict)' : '⚠️ not measured') : r.passed ? '✅ ok' : '❌ breached';
    const measured = r.measured === null ? '—' : `${formatIn(r.measured, r.unit)}${unitWords(r.path)}`;
    return `| ${mark} | \`${(r.slice === undefined ? r.path : `${r.slice}/${r.path}`).replace(/`/g, '')}\` | ${escapeMarkdown(`${r.operator} ${formatIn(r.threshold, r.unit)}${unitWords(r.path)}`)} | ${escapeMarkdown(measured)} |`;
  });
  return [`### flowaudit thresholds: ${headline(results)}`, '', '| result | figure | threshold | measured |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/**
 * The results as JSON for scripts: which report was checked, how many thresholds were breached, and each
 * threshold with its measured value (in the figure's own unit: seconds, a ratio or a number; null when not
 * measured). Under --strict, `strict`, `failed` (how many failed the run) and each threshold's `failed` too. Pure.
 */
export function renderGateJson(outcome: GateOutcome, report: Pick<Report, 'repository' | 'window' | 'generatedAt' | 'tool'>, options: GateOptions = {}): string {
  const strict = options.strict === true;
  const body = {
    tool: report.tool,
    repository: report.repository,
    window: report.window,
    reportGeneratedAt: report.generatedAt,
    breached: outcome.breached,
    notMeasured: outcome.results.filter((r) => r.passed === null).length,
    ...(strict && { strict, failed: outcome.failed }),
    results: outcome.results.map((r) => ({
      expression: r.expression,
      figure: r.path,
      ...(r.slice !== undefined && { slice: r.slice }),
      operator: r.operator,
      threshold: r.threshold,
      unit: r.unit,
      measured: r.measured,
      status: status(r),
      ...(strict && { failed: r.failed }),
      display: r.display,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
