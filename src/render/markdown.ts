import { clusterText } from './band.js';
import { STAGES, type StageName } from '../domain.js';
import type { DoraFigure } from '../metrics/dora.js';
import { BOUND_MARK, sparkline } from '../metrics/trend.js';
import { apartNote, directionText, intervalText, keySeries, keyValueText, periodsSoFar, pooledNote, spanNote } from './trend.js';
import { previousView } from './previous.js';
import { repositoryName, repositoryNamer } from './names.js';
import type { Report } from '../report/schema.js';
import { withCodeSpans } from './code-spans.js';
import { deployRateText, durationFormat, keyText, ofRepositories, overText, durationOrBound, formatDuration, formatLines, formatNumber, formatRatio, formatPerWeek, percentileText, type DurationFormat } from './duration.js';
import { figureLabel } from '../metrics/catalogue.js';
import { capacityText, queueStageText } from './queue-flow.js';
import { asOfText, businessHoursText, codingUnseenNote, distributionBasis, linesText, shareNote, deploysInWindow, doraNotes, figureTitle, httpUrl, DEPLOY_CHANGES_NOTE, leftOutText, listsLeftOut, mergedInWindow, minuteOf, shareBasisText, slowFlagsText, workingDayText } from './format.js';
import { healthSections, type HealthSection } from './health.js';
import { ACCEPTANCE_BASIS, ACCEPTANCE_TITLE, acceptanceView, type AcceptanceRow } from './acceptance.js';
import { AI_DEFECTS_BASIS, AI_DEFECTS_TITLE, aiDefectsView } from './ai-defects.js';
import { AI_LOAD_BASIS, AI_LOAD_TITLE, aiLoadView } from './ai-load.js';
import { shortStageLabel } from '../stage-labels.js';
import { renderRepositoryMarkdown } from './repositories.js';
import { renderProductsMarkdown } from './products.js';
import { renderSlicesMarkdown } from './slices.js';
import { repairMarkdown } from './repair.js';
import { aiShiftMarkdown } from './ai-shift.js';
import { UNLINKED_LEAD, unlinkedText } from './incidents.js';
import { whatIfText } from './confidence.js';
import { escapeHtml, escapeMarkdown, terminalSafe } from './sanitize.js';
import { noLeadTimeText } from './unreleased.js';
import { stageLabel } from './text.js';
import { aiFlag, formatAiTools } from './ai-tools.js';
import { noun, plural, withSign } from '../units.js';
import { deploySignalHeader, deploySignalWords } from './signal.js';
import { append } from '../lists.js';
import { readReviewsHint, requestsOf } from '../review-hosts.js';

export interface MarkdownOptions {
  /** list at most this many changes (a PR comment holds 65,536 characters); default: all */
  maxChanges?: number;
  /**
   * the summary only (the Actions step summary): no list of every change, deploy or week — their size grows
   * with the history — but a line saying what was left out
   */
  summary?: boolean;
}

/**
 * Text from git or GitHub as inline Markdown: HTML and table syntax escaped (sanitize.ts), and what GitHub would
 * act on neutralised too — `@login` would notify, `#12` would cross-reference, `$…$` is math, `~` strikes
 * through. Newlines were already folded to spaces.
 */
export function md(text: string): string {
  return escapeMarkdown(text)
    .replace(/[~$]/g, (c) => `\\${c}`)
    .replace(/@(?=[\w-])/g, '@&#8203;')
    // not the `#` of the entity just written (`@&#8203;`)
    .replace(/(?<!&)#(?=\d)/g, '#&#8203;');
}

/** `md`, for text that starts a line of its own (a list item): a leading `#`, `-`, `+`, `=` or `1.` would start a block. */
function mdLine(text: string): string {
  return lineStart(md(text));
}

/** Markdown text starting a line, its leading block marks escaped. */
function lineStart(text: string): string {
  return text.replace(/^(\s*)([#+\-=]|\d+(?=[.)]))/, (_m, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`));
}

/**
 * The whole report as GitHub-flavoured Markdown, for PR comments, wikis and the Actions step summary, in the
 * HTML report's order: header, headline and key figures, where the time goes and what to fix first (the first
 * screen), the repositories of a report over several, the DORA keys, lead time (distribution, weekly trend), change size, deploys,
 * the unreleased backlog, review, rework, CI, work in progress, AI-assisted vs other, the queues, then the
 * slowest and every change in collapsible sections, and the notes. Every piece of text from git or GitHub is
 * escaped, so a title cannot break a table or inject markup.
 */
export function renderMarkdown(input: Report, options: MarkdownOptions = {}): string {
  const report: Report = input;
  const out: string[] = [...header(report)];
  const repositories = renderRepositoryMarkdown(input);
  if (mergedInWindow(report) === 0) {
    if (repositories) out.push(repositories);
    out.push(`No changes merged between ${md(report.window.since)} and ${md(report.window.until)}.`, '');
  } else {
    // the first screen is the answer: the headline, where the time goes, what to fix first; then the rest
    append(out, [`> **${md(report.summary.headline)}**`, '', ...keyFigures(report)]);
    for (const part of [stageTable(report), recommendations(report)]) append(out, part);
    if (repositories) out.push(repositories);
    if (report.summary.slices) out.push(renderSlicesMarkdown(report));
    // the step summary (options.summary) leaves out the week, deploy and change lists: GitHub caps it at 1 MiB
    for (const part of [doraTable(report), previousPeriod(report), distribution(report)]) append(out, part);
    if (!options.summary) append(out, trend(report));
    append(out, flow(report));
    if (!options.summary) append(out, deploys(report));
    append(out, renderProductsMarkdown(report));
    append(out, repairMarkdown(report));
    append(out, aiShiftMarkdown(report, durationFormat(report.businessHours)));
    append(out, unreleased(report));
    const health = healthSections(report);
    if (!report.summary.review && !report.summary.rework && !report.summary.ci && !report.summary.wip) {
      out.push('### Review, CI and work in progress', '', `Git alone cannot see reviews, checks or open ${requestsOf(report.reviewHost)}: review load, rework, CI and work in progress are not measured (unknown, not zero). ${readReviewsHint(report.reviewHost, (s) => `\`${s}\``)}`, '');
    }
    for (const section of health) append(out, healthSection(section));
    append(out, aiDefectsMarkdown(report));
    append(out, aiLoadMarkdown(report));
    append(out, acceptanceMarkdown(report));
    append(out, queueSection(report));
    append(out, slowest(report));
    if (options.summary) append(out, leftOut(report));
    else append(out, allChanges(report, options.maxChanges));
  }
  append(out, notes(report));
  out.push(`<sub>${escapeHtml(`${report.tool.name} ${report.tool.version}`)} · generated ${escapeHtml(report.generatedAt)}</sub>`);
  return `${out.join('\n')}\n`;
}

function header(report: Report): string[] {
  const r = report.repository;
  const hours = businessHoursText(report);
  return [
    `## flowaudit · ${md(repositoryName(r))}`,
    '',
    `**Branch** ${md(r.branch)} · **window** ${day(report.window.since)} → ${day(report.window.until)}${report.window.historyFrom ? ` (history from ${day(report.window.historyFrom)})` : ''}, ${md(asOfText(report))}` +
      ` · **sources** ${md(report.sources.join(' + '))} · **deploys** ${md(deploySignalHeader(report))}`,
    '',
    ...(hours ? [`**Business hours on**: durations count only ${md(hours)}; ${md(workingDayText(report) ?? '')}.`, ''] : []),
  ];
}

/** The figures a reader takes away, on one line under the headline. */
function keyFigures(report: Report): string[] {
  const days = durationFormat(report.businessHours);
  const s = report.summary;
  const d = s.dora;
  const band = (x: DoraFigure): string => (clusterText(x) ? ` (${clusterText(x)})` : '');
  const excluded = leftOutText(s.excluded);
  const parts = [
    `${figureLabel('leadTime')} p50 **${percentileText(s.leadTime, 'p50', days)}**${band(d.leadTime)}`,
    `${figureLabel('cycleTime')} p50 **${formatDuration(s.cycleTime.p50, days)}**`,
    deployRatePart(d.deploymentFrequency, band),
    `${keyText(figureLabel('dora.changeFailureRate'), d.changeFailureRate, `**${formatRatio(d.changeFailureRate.value)}**`)}${band(d.changeFailureRate)}`,
    ...(s.unreleased ? [`**${s.unreleased.count}** merged, not deployed${s.unreleased.count > 0 ? ` (waiting up to ${formatDuration(s.unreleased.oldestAge, days)})` : ''}`] : []),
    `**${s.changes}** ${noun(s.changes, 'change')} counted${excluded ? ` (left out: ${excluded})` : ''}`,
  ];
  return [parts.join(' · '), ''];
}

/**
 * Deploys per week on the key line, with the cluster beside the rate that placed it: a repository of several
 * products is placed by its releases (SPEC section 4), so their rate comes before the cluster's words.
 * opentelemetry-go's year read "**3.82** deploys per week (DORA 2024: low cluster, between once per month and once
 * every six months)": 199 module tags in 8 releases, the 0.15 a week that placed it said only further down.
 */
function deployRatePart(f: Report['summary']['dora']['deploymentFrequency'], band: (x: DoraFigure) => string): string {
  if (f.value === null && f.coveredDays !== undefined) return `**${deployRateText(f)}**`;
  const releases = f.releasesPerWeek === null || f.releasesPerWeek === undefined ? '' : `, **${formatPerWeek(f.releasesPerWeek)}** releases per week`;
  return `${ofRepositories(f, `**${formatPerWeek(f.value)}** deploys per week`)}${releases}${band(f)}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: readonly string[], align: string, rows: readonly string[][]): string[] {
  return [row(head), row([...align].map((a) => (a === 'r' ? '--:' : ':--'))), ...rows.map(row), ''];
}

function stageTable(report: Report): string[] {
  const days = durationFormat(report.businessHours);
  const s = report.summary;
  const excluded = leftOutText(s.excluded);
  const unseen = codingUnseenNote(report);
  const rows = STAGES.map((stage) => {
    const f = s.stages[stage];
    return [stageLabel(stage, report), String(f.count), percentileText(f, 'p50', days), percentileText(f, 'p75', days), percentileText(f, 'p90', days), formatRatio(stage === 'coding' && unseen !== null ? null : f.share)].map(md);
  });
  for (const [name, d, what] of [[figureLabel('cycleTime'), s.cycleTime, 'first commit → merge'], [figureLabel('leadTime'), s.leadTime, 'first commit → deploy']] as const) {
    rows.push([`**${name}** (${what})`, String(d.count), percentileText(d, 'p50', days), percentileText(d, 'p75', days), percentileText(d, 'p90', days), '']);
  }
  const censored = s.stages.deploy.censored ?? s.leadTime.censored ?? 0;
  const notes = [
    shareNote(s),
    ...(unseen === null ? [] : [unseen]),
    ...(censored > 0 ? [`${plural(censored, 'change')} merged but not yet deployed count as still waiting: their deploy wait and lead time are at least the time waited so far (≥ marks a percentile the data does not reach yet).`] : []),
    ...(s.leadTimeDeployed && s.leadTimeDeployed.p50 !== null ? [`Over the deployed changes alone the median lead time is ${formatDuration(s.leadTimeDeployed.p50, days)} (p90 ${formatDuration(s.leadTimeDeployed.p90, days)}).`] : []),
  ];
  return [
    '### Where the time goes',
    '',
    `${plural(s.changes, 'change')} counted${excluded ? ` (left out: ${excluded})` : ''}; shares over ${shareBasisText(s)}.`,
    '',
    ...table(['Stage', 'Changes', 'p50', 'p75', 'p90', 'Share'], 'lrrrrr', rows),
    ...notes.map((n) => `- ${n}`),
    ...(notes.length > 0 ? [''] : []),
  ];
}

function doraTable(report: Report): string[] {
  const days = durationFormat(report.businessHours);
  const d = report.summary.dora;
  const f = d.deploymentFrequency;
  const band = (x: DoraFigure): string => clusterText(x) || '—';
  const rows = [
    [figureTitle('dora.deploymentFrequency'), deployRateText(f), band(f), overText(f, 'deploy')],
    [figureTitle('dora.leadTime'), d.leadTime.value === null && report.summary.leadTime.atLeast !== null ? durationOrBound(null, report.summary.leadTime.atLeast, days) : median(d.leadTime.value, days), band(d.leadTime), plural(d.leadTime.count, 'change')],
    [figureTitle('dora.changeFailureRate'), ofRepositories(d.changeFailureRate, formatRatio(d.changeFailureRate.value)), band(d.changeFailureRate), overText(d.changeFailureRate, 'deploy')],
    [figureTitle('dora.timeToRestore'), ofRepositories(d.timeToRestore, median(d.timeToRestore.value, days)), band(d.timeToRestore), overText(d.timeToRestore, 'restore')],
    [figureTitle('dora.reworkRate'), formatRatio(d.reworkRate.value), band(d.reworkRate), plural(d.reworkRate.count, 'deploy')],
  ];
  const figureNotes = doraNotes([[figureTitle('dora.deploymentFrequency'), f], [figureTitle('dora.leadTime'), d.leadTime], [figureTitle('dora.changeFailureRate'), d.changeFailureRate], [figureTitle('dora.timeToRestore'), d.timeToRestore], [figureTitle('dora.reworkRate'), d.reworkRate]]);
  return ['### DORA keys', '', ...table(['Key', 'Value', 'Against the DORA clusters', 'Over'], 'lrll', rows.map((r) => r.map(md))), ...figureNotes.map((n) => `- ${mdLine(n)}`), ...(figureNotes.length ? [''] : [])];
}

/**
 * What to fix first: the first recommendation written out (what it measured, its what-if, what it tells and what
 * to do), the rest in the articles' four columns under it; when no rule fired, one sentence, what was checked
 * folded under it.
 */
function recommendations(report: Report): string[] {
  const days = durationFormat(report.businessHours);
  const [first, ...rest] = report.recommendations;
  if (first === undefined) return [];
  if (first.id === 'healthy') {
    const checked = first.checked ?? [];
    return ['### What to fix first', '', `**${md(first.measure)}**; ${md(first.value)}.`, '', ...(checked.length > 0 ? details(`What was checked (${checked.length})`, [...checked.map((c) => `- ${mdLine(c)}`), '']) : [])];
  }
  const whatIf = (r: typeof first): string => (r.whatIf ? whatIfText(r.whatIf, stageLabel(r.whatIf.stage, report), days) : '');
  const lead = [
    `**${md(first.measure)}**: ${md(first.value)}`,
    '',
    ...(first.whatIf ? [`- **What if**: ${md(whatIf(first))}`] : []),
    `- **What it tells you**: ${md(first.tellsYou)}`,
    `- **What you do next**: ${md(first.doNext)}`,
    '',
  ];
  const whatIfs = rest.some((r) => r.whatIf);
  const rows = rest.map((r) => [r.measure, r.value, r.tellsYou, r.doNext, ...(whatIfs ? [whatIf(r)] : [])].map(md));
  return [
    '### What to fix first',
    '',
    ...lead,
    ...(rows.length > 0 ? [`Then, ${rows.length === 1 ? 'one more' : `${rows.length} more`}, ranked by the hours of waiting each accounts for:`, '', ...table(['What you measure', 'Measured', 'What it tells you', 'What you do next', ...(whatIfs ? ['What if'] : [])], whatIfs ? 'lllll' : 'llll', rows)] : []),
  ];
}

/** The lead-time distribution as one row of counts under the ranges. */
function distribution(report: Report): string[] {
  const { buckets } = report.summary.leadTimeHistogram;
  if (buckets.every((b) => b.count === 0)) return [];
  return [
    `### Lead time: spread and trend`,
    '',
    md(distributionBasis(report)),
    '',
    ...table(buckets.map((b) => b.label), 'r'.repeat(buckets.length), [buckets.map((b) => String(b.count))]),
  ];
}

/** What is merged and not deployed: how much, how long, the oldest by name. */
function unreleased(report: Report): string[] {
  const days = durationFormat(report.businessHours);
  const u = report.summary.unreleased;
  if (!u) return [];
  const out = ['### Merged, not yet deployed', ''];
  if (u.count === 0) return [...out, 'Every change merged in the window has been deployed.', ''];
  const unmeasured = noLeadTimeText(report);
  out.push(`${plural(u.count, 'change')} merged in the window waiting: median wait so far ${formatDuration(u.p50Age, days)}, longest ${formatDuration(u.oldestAge, days)}.${unmeasured === null ? '' : ` ${md(unmeasured)}.`}`, '');
  const oldest = u.oldestChanges ?? [];
  if (oldest.length > 0) append(out, table(['Change', 'Title', 'Merged (UTC)', 'Waiting'], 'lllr', oldest.map((c) => [changeRef(c), md(c.title), md(minuteOf(c.mergedAt)), formatDuration(c.age, days)])));
  else if (u.oldest.length > 0) out.push(`Oldest: ${u.oldest.map(md).join(', ')}`, '');
  return out;
}

/** Where the queue builds (SPEC section 9): the trend per stage, then every week's arrivals, departures and queue. */
function queueSection(report: Report): string[] {
  const days = durationFormat(report.businessHours);
  const s = report.summary;
  const stages = STAGES.filter((stage) => (s.queues[stage]?.length ?? 0) > 0);
  if (stages.length === 0) return [];
  const trend = stages.map((stage) => {
    const t = s.queueTrend[stage];
    return [stageLabel(stage, report), formatPerWeek(t?.arrivalsPerWeek), formatPerWeek(t?.departuresPerWeek), withSign(t?.growthPerWeek, formatPerWeek), formatNumber(t?.meanQueue), formatNumber(t?.littleQueue), formatDuration(t?.meanTimeInStage ?? null, days)].map(md);
  });
  const capacity = s.reviewCapacity ?? [];
  const weeks = (s.queues[stages[0] as StageName] ?? []).map((w, i) => [
    md(w.weekStart.slice(0, 16).replace('T', ' ')),
    ...stages.map((stage) => {
      const week = s.queues[stage]?.[i];
      if (!week) return '—';
      return `${week.arrivals} / ${week.departures} / **${week.queue}**${week.aiShare === null ? '' : ` (${formatRatio(week.aiShare)} AI)`}`;
    }),
    ...(capacity.length > 0 ? [String(capacity[i]?.reviews ?? '—'), String(capacity[i]?.readyPulls ?? '—')] : []),
  ]);
  const zone = report.timezone;
  const span = spanNote(report);
  return [
    '### Where the queue builds',
    '',
    `When work arrives at a stage faster than it leaves, changes pile up there: a growing queue marks the stage to fix first.${span === null ? '' : ` ${md(span)}`}`,
    '',
    ...table(['Stage', 'Arrivals a week', 'Departures a week', 'Queue growth a week', 'Mean queue', 'If steady (arrivals × time in stage)', 'Time in stage'], 'lrrrrrr', trend),
    'Little\'s law: the mean queue is about arrivals a week × time in stage when the window is steady; far apart, the queue grew or drained. Queue growth a week is the queue at the end less the queue at the start, a week: arrivals less departures.',
    '',
    ...stages.flatMap((stage) => {
      const said = queueStageText(s.queueTrend[stage], s.dora.deploymentFrequency.coveredDays ?? 0);
      return said === null ? [] : [`- **${md(stageLabel(stage, report))}**: ${md(said)}`];
    }),
    ...[capacityText(s.capacity)].flatMap((said) => (said === null ? [] : ['', md(said)])),
    '',
    ...details('Weekly queues', [
      `Each week: arrivals / departures / **queue at its end** (AI-assisted share of the arrivals). Weeks start Monday 00:00 ${md(zone)}, shown in UTC.`,
      '',
      ...table(['Week of (UTC)', ...stages.map((stage) => md(stageLabel(stage, report))), ...(capacity.length > 0 ? ['Reviews done', 'Pull requests ready'] : [])], `l${'r'.repeat(stages.length + (capacity.length > 0 ? 2 : 0))}`, weeks),
    ]),
  ];
}

function flow(report: Report): string[] {
  const { size, reverted, partiallyReverted } = report.summary.flow;
  const ai = report.summary.ai;
  const lines = [
    `- **Size** (lines changed, lock and generated files left out): p50 ${formatLines(size.p50)}, p90 ${formatLines(size.p90)}, over 200 lines ${formatRatio(size.over200)}, over 400 lines ${formatRatio(size.over400)} (${plural(size.count, 'change')} with a known size)`,
    `- **Reverted**: ${plural(reverted, 'change')}${(partiallyReverted ?? 0) > 0 ? `; ${partiallyReverted} partially reverted by a sub-commit of a later change (no failure)` : ''}`,
    `- **AI-assisted**: at least ${plural(ai.assisted, 'change')}, ${ai.other} other (a lower bound: only marked work is found)${aiTools(ai)}`,
  ];
  if (report.summary.flow.anomalies.clockSkew > 0) lines.push(`- **Clock skew**: ${plural(report.summary.flow.anomalies.clockSkew, 'change')} with a negative interval, clamped to 0`);
  return ['### Change size', '', ...lines, ''];
}

/** AI defects: each rate AI-assisted against other, and what the difference tells. */
function aiDefectsMarkdown(report: Report): string[] {
  const view = aiDefectsView(report);
  if (view === null) return [];
  return [
    `### ${md(AI_DEFECTS_TITLE)}`,
    '',
    md(AI_DEFECTS_BASIS),
    '',
    ...table(['', 'AI-assisted', 'Other', 'AI-assisted − other (95% interval)'], 'lrrl', view.rows.map((r) => [r.figure, r.ai, r.other, r.difference].map(md))),
    ...(view.failed ? [`${md(view.failed)}.`, ''] : []),
    ...(view.note ? [`> ${md(view.note)}`, ''] : []),
  ];
}

/** AI review load (GitHub mode): each figure AI-assisted against other, the difference, the worst day. */
function aiLoadMarkdown(report: Report): string[] {
  const view = aiLoadView(report, durationFormat(report.businessHours));
  if (view === null) return [];
  return [
    `### ${md(AI_LOAD_TITLE)}`,
    '',
    md(AI_LOAD_BASIS),
    '',
    ...table(['', 'AI-assisted', 'Other'], 'lrr', view.rows.map((r) => r.map(md))),
    ...(view.difference ? [`${md(view.difference)}.`, ''] : []),
    ...(view.perReviewerDay ? [`${md(view.perReviewerDay)}.`, ''] : []),
  ];
}

/** Acceptance per group and AI tool, or the one sentence saying why it is not measured. */
function acceptanceMarkdown(report: Report): string[] {
  const view = acceptanceView(report, durationFormat(report.businessHours), true);
  if (view === null) return [];
  if (view.unknown !== null) return [`### ${md(ACCEPTANCE_TITLE)}`, '', md(view.unknown), ''];
  const name = (r: AcceptanceRow): string => (r.tool ? `↳ ${md(r.name)}` : md(r.name));
  return [
    `### ${md(ACCEPTANCE_TITLE)}`,
    '',
    md(ACCEPTANCE_BASIS),
    '',
    ...table(['', 'Merged', 'Rejected', 'Acceptance', '95% interval', 'Drafts closed', 'Agents’ failed runs'], 'lrrrrrr', view.rows.map((r) => [name(r), ...[r.merged, r.rejected, r.share, r.interval, r.drafts, r.failedRuns].map(md)])),
    'What the rejected ones took: opened → closed, and others’ reviews and comments before the close (time in review: the first one → the close).',
    '',
    ...table(['', 'Rejected', 'p50 to close', 'Reviewed', 'Reviews', 'Comments', 'Time in review'], 'lrrrrrr', view.rows.map((r) => [name(r), ...[r.rejected, r.toClose, r.reviewed, r.reviews, r.comments, r.inReview].map(md)])),
    ...(view.difference ? [`${md(view.difference)}.`, ''] : []),
    ...(view.note ? [`> ${md(view.note)}`, ''] : []),
  ];
}

/** The AI tools after the AI-assisted count: "; by tool: …", or nothing. */
function aiTools(ai: Report['summary']['ai']): string {
  const tools = formatAiTools(ai, md);
  return tools ? `; ${tools}` : '';
}

function healthSection(section: HealthSection): string[] {
  const out = [`### ${md(section.title)}`, ''];
  if (section.figures.length > 0) append(out, table(['Figure', 'Value'], 'lr', section.figures.map(([k, v]) => [md(k), md(v)])));
  for (const t of section.tables) {
    // the first cell links where its row has a web address (a pull request), as the change tables do
    const cell = (text: string, i: number, row: number): string => {
      const url = i === 0 ? httpUrl(t.links?.[row]) : null;
      return url ? `[${md(text)}](${url})` : md(text);
    };
    append(out, table(t.head.map(md), t.head.map((_, i) => (i === 0 ? 'l' : 'r')).join(''), t.rows.map((r, row) => r.map((text, i) => cell(text, i, row)))));
  }
  return out;
}

/** The window against the one before it: a table, or one line when the history does not reach back over it. */
function previousPeriod(report: Report): string[] {
  const view = previousView(report, durationFormat(report.businessHours));
  if (view === null || (view.uncovered === null && view.rows.length === 0)) return [];
  if (view.uncovered !== null) return [`${md(view.uncovered)}.`, ''];
  const rows = view.rows.map((r) => [md(r.label), md(r.before), md(r.now), md(r.change)]);
  return [`### ${md(view.title)}`, '', ...table(['Figure', 'Before', 'Now', 'Change (95% interval)'], 'lrrl', rows), view.note, ''];
}

/** Every key period by period: the lead time's sparkline in the summary line, a row per period under it. */
function trend(report: Report): string[] {
  const days = durationFormat(report.businessHours);
  const periods = periodsSoFar(report);
  const period = report.summary.trend.period ?? 'week';
  const span = spanNote(report);
  if (periods.length < 2) return span === null ? [] : [md(span), ''];
  const series = keySeries(report);
  const pooled = pooledNote(report);
  const lead = series.find((k) => k.key === 'leadTime');
  const spark = lead ? sparkline(lead.values, lead.apart) : '';
  const compared = lead === undefined ? '' : ` (${directionText(lead, days, period)})`;
  const mark = (p: (typeof periods)[number], text: string): string => (p.partial ? `${text} (part)` : text);
  const rows = periods.map((p) => [
    mark(p, md(p.start)),
    `${p.changes}${p.waiting ? ` (${p.waiting} waiting)` : ''}`,
    String(p.deploys),
    keyValueText(p.deploymentFrequency, 'perWeek', days),
    durationOrBound(p.leadTimeP50, p.leadTimeAtLeast, days),
    keyValueText(p.changeFailureRate, 'ratio', days),
    formatDuration(p.timeToRestoreP50, days),
    ...STAGES.map((s) => (s === 'deploy' ? durationOrBound(p.stages.deploy, p.deployAtLeast, days) : formatDuration(p.stages[s], days))),
  ]);
  const trends = series.map((k) => {
    const interval = intervalText(k, days, period);
    return `${k.label} ${directionText(k, days, period)}${interval === null ? '' : ` (${interval})`}`;
  });
  return details(
    `Trends by ${period}: lead time p50 ${spark}${compared}`.trimEnd(),
    [
      `Direction, the first half of the complete ${period}s against the second (rising or falling only where the 95% interval of the difference excludes 0): ${md(trends.join(' · ') || 'none')}. Periods start ${period === 'week' ? 'Monday' : 'on the 1st'}, UTC; ${BOUND_MARK} and "(part)" mark an ${md(apartNote(period))}; ≥ is a lower bound.${span === null ? '' : ` ${md(span)}`}${pooled === null ? '' : ` ${md(pooled)}`}`,
      '',
      // a repository of several products counts its releases a week, as its cluster is placed (the deploys beside them are its tags)
      ...table([period === 'week' ? 'Week of' : 'Month of', 'Changes', 'Deploys', report.summary.dora.deploymentFrequency.releases == null ? 'Deploys a week' : 'Releases a week', 'Lead time p50', 'Failure rate', 'Recovery time p50', ...STAGES.map((s) => `${shortStageLabel(s, !report.sources.includes('github'))} p50`)], 'lrrrrrrrrrrr', rows),
    ],
  );
}

function deploys(report: Report): string[] {
  const days = durationFormat(report.businessHours);
  const leftOut = listsLeftOut(report, 'deploy', (flag) => `\`${flag}\``);
  if (leftOut !== null) return ['### Deploys', '', `${plural(deploysInWindow(report), 'deploy')} in the window. ${leftOut}`, ''];
  const unlinked = (report.unlinkedIncidents ?? []).length === 0 ? [] : [`Unlinked ${UNLINKED_LEAD}`, '', ...(report.unlinkedIncidents ?? []).map((i) => `- ${md(unlinkedText(i))}`), ''];
  if (report.deploys.length === 0) return unlinked.length === 0 ? [] : ['### Deploys', '', ...unlinked];
  const rows = report.deploys.map((d) => [
    md(d.ref),
    md(minuteOf(d.at)),
    String(d.changes),
    md([d.rollback ? 'rollback' : '', d.failed ? `failed${d.failureReasons.length ? `: ${d.failureReasons.join('; ')}` : ''}` : ''].filter(Boolean).join(', ') || 'ok'),
    formatDuration(d.restoredAfter, days),
  ]);
  const signal = deploySignalWords(report.deploySignal);
  return ['### Deploys', '', `${plural(report.deploys.length, 'deploy')} in the window, read from ${md(signal)}.`, '', ...details(`Deploys (${report.deploys.length})`, [...table(['Deploy', 'At (UTC)', 'Changes', 'Status', 'Restored after'], 'llrlr', rows), md(DEPLOY_CHANGES_NOTE), '']), ...unlinked];
}

function slowest(report: Report): string[] {
  const days = durationFormat(report.businessHours);
  const top = report.summary.slowest.slice(0, 5);
  if (top.length === 0) return [];
  const rows = top.map((ch) => [changeRef(ch), md(`${slowFlagsText(ch)}${ch.title}`), ch.totalIs === 'waiting' ? durationOrBound(null, ch.total, days) : formatDuration(ch.total, days), ch.stage ? md(`${stageLabel(ch.stage, report)} ${formatDuration(ch.stageSeconds, days)}`) : '—']);
  return details(`Slowest changes (${top.length})`, table(['Change', 'Title', 'Total', 'Mostly'], 'llrl', rows));
}

function allChanges(report: Report, limit: number | undefined): string[] {
  const days = durationFormat(report.businessHours);
  const leftOut = listsLeftOut(report, 'change', (flag) => `\`${flag}\``);
  if (leftOut !== null) return [leftOut, ''];
  // a report over several repositories names whose change each is
  const several = report.repositories !== undefined;
  const name = repositoryNamer(report);
  const shown = limit === undefined ? report.changes : report.changes.slice(0, Math.max(0, limit));
  const rows = shown.map((ch) => [
    ...(several ? [md(name(ch.repository ?? ''))] : []),
    changeRef(ch),
    md(ch.title),
    md(ch.author),
    md(ch.kind) + (ch.counted ? '' : ' (not counted)'),
    md(minuteOf(ch.mergedAt)),
    // a change still waiting: its deploy wait and lead time so far, lower bounds (≥)
    ...STAGES.map((s: StageName) => (s === 'deploy' ? durationOrBound(ch.stages.deploy, ch.soFar?.deploy, days) : formatDuration(ch.stages[s], days))),
    durationOrBound(ch.leadTime, ch.soFar?.leadTime, days),
    linesText(ch),
    md([...ch.flags, ...(ch.aiAssisted ? [aiFlag(ch)] : []), ...(ch.reverted ? ['reverted'] : [])].join(', ')),
  ]);
  const more = report.changes.length - shown.length;
  return details(`All changes (${report.changes.length})`, [
    ...table([...(several ? ['Repository'] : []), 'Change', 'Title', 'Author', 'Kind', 'Merged (UTC)', ...STAGES.map((stage) => md(shortStageLabel(stage, !report.sources.includes('github')))), 'Lead time', 'Lines', 'Flags'], `${several ? 'l' : ''}lllllrrrrrrrl`, rows),
    ...(more > 0 ? [`${more} more in the JSON report (\`--format json\`).`, ''] : []),
  ]);
}

/** What the summary leaves out, and where to find it. */
function leftOut(report: Report): string[] {
  const lists = [
    plural(mergedInWindow(report), 'change'),
    plural(deploysInWindow(report), 'deploy'),
    report.summary.trend.weeks.length > 1 ? `${plural(report.summary.trend.weeks.length, 'week')} of trend` : '',
  ].filter(Boolean);
  return [`_Left out of this summary: the list of ${lists.join(', the ')}. The full report (\`--format json\` or \`html\`) has them._`, ''];
}

function notes(report: Report): string[] {
  const out: string[] = [];
  // a note's backticks are its code spans; what they hold is shown as written (untrusted text cannot close one early)
  const item = (text: string): string => `- ${lineStart(withCodeSpans(text, md, (name) => `\`${terminalSafe(name)}\``))}`;
  if (report.warnings.length > 0) append(out, ['### Warnings', '', ...report.warnings.map(item), '']);
  if (report.notes.length > 0) append(out, ['### Notes', '', ...report.notes.map(item), '']);
  return out;
}

/** A collapsible section: the blank lines let GitHub render the Markdown inside the HTML block. */
function details(summary: string, body: string[]): string[] {
  return ['<details>', `<summary>${escapeHtml(summary)}</summary>`, '', ...body, '</details>', ''];
}

function changeRef(ch: { id: string; url: string | null }): string {
  const url = httpUrl(ch.url);
  return url ? `[${md(ch.id)}](${url})` : md(ch.id);
}

function day(iso: string): string {
  return md(iso.slice(0, 10));
}

function median(seconds: number | null, days: DurationFormat): string {
  return seconds === null ? '—' : `${formatDuration(seconds, days)} (median)`;
}
