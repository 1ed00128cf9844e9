import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { STAGES, type StageName } from '../domain.js';
import { sparkline } from '../metrics/trend.js';
import type { Report } from '../report/schema.js';
import { stageLabel as label } from '../stage-labels.js';
import { formatDuration, formatPercent } from './duration.js';
import { mergedInWindow } from './format.js';
import { renderRepositoryText } from './repositories.js';
import { terminalSafe } from './sanitize.js';

export interface TextOptions {
  color: boolean;
  /** columns available; the report fits 100 */
  width?: number;
}

const BAR_WIDTH = 20;
// no rule between body rows: the tables stay short enough to read at a glance
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export function stageLabel(stage: StageName, report: Report): string {
  return label(stage, !report.sources.includes('github'));
}

/** The terminal report: plain text with optional colour, at most 100 columns wide. */
export function renderText(report: Report, options: TextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const repositories = renderRepositoryText(report, options);
  if (repositories) out.push(repositories);
  const s = report.summary;
  out.push(c.bold(`flowaudit · ${terminalSafe(report.repository.remote ?? report.repository.path)}`));
  out.push(wrap(`branch ${terminalSafe(report.repository.branch)} · ${report.window.since.slice(0, 10)} → ${report.window.until.slice(0, 10)} · sources: ${report.sources.join(' + ')} · deploys: ${report.deploySignal.kind} (${terminalSafe(report.deploySignal.detail)})`, 100));
  if (report.businessHours) {
    const b = report.businessHours;
    out.push(c.yellow(`business hours on: durations count only ${b.start}–${b.end} on working days (${terminalSafe(b.timezone)})`));
  }
  out.push('');
  if (mergedInWindow(report) === 0) {
    out.push(`No changes merged between ${report.window.since} and ${report.window.until}.`);
    return finish(out, report, c);
  }
  out.push(c.bold(wrap(terminalSafe(s.headline), 100)));
  const excluded = [s.excluded.bots > 0 ? `${s.excluded.bots} by bots` : '', s.excluded.syncs > 0 ? `${s.excluded.syncs} syncs` : ''].filter(Boolean).join(', ');
  out.push(c.dim(`${s.changes} change(s) counted${excluded ? ` (left out: ${excluded})` : ''}; shares over ${s.shareBasis.changes} ${s.shareBasis.kind} change(s).`));
  out.push('');
  out.push(c.bold('Where the time goes'));
  const table = new Table({
    head: ['stage', 'count', 'p50', 'p75', 'p90', 'share', ''],
    chars: COMPACT,
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
  });
  for (const stage of STAGES) {
    const f = s.stages[stage];
    table.push([stageLabel(stage, report), String(f.count), formatDuration(f.p50), formatDuration(f.p75), formatDuration(f.p90), formatPercent(f.share), bar(f.share, c)]);
  }
  table.push([c.bold('cycle time'), String(s.cycleTime.count), formatDuration(s.cycleTime.p50), formatDuration(s.cycleTime.p75), formatDuration(s.cycleTime.p90), '', c.dim('commit → merge')]);
  table.push([c.bold('lead time'), String(s.leadTime.count), formatDuration(s.leadTime.p50), formatDuration(s.leadTime.p75), formatDuration(s.leadTime.p90), '', c.dim('commit → deploy')]);
  out.push(table.toString());
  out.push(...trendLines(report, c));
  out.push('');
  out.push(...deploySection(report, c));
  out.push('');
  out.push(...healthSection(report, c));
  out.push(...recommendations(report, c));
  out.push(...slowest(report, c));
  return finish(out, report, c);
}

function finish(out: string[], report: Report, c: ChalkInstance): string {
  if (report.notes.length > 0) {
    out.push('');
    for (const note of report.notes) out.push(c.dim(wrap(`· ${note}`, 100)));
  }
  return out.join('\n') + '\n';
}

function trendLines(report: Report, c: ChalkInstance): string[] {
  const weeks = report.summary.trend.weeks;
  if (weeks.length < 2) return [];
  const lead = weeks.map((w) => w.leadTimeP50);
  const useLead = lead.some((v) => v !== null);
  const values = useLead ? lead : weeks.map((w) => w.cycleTimeP50);
  const line = sparkline(values.slice(-60));
  if (line === '') return [];
  const first = values.find((v) => v !== null) ?? null;
  const last = [...values].reverse().find((v) => v !== null) ?? null;
  return [`weekly p50 ${useLead ? 'lead' : 'cycle'} time  ${c.cyan(line)}  ${formatDuration(first)} → ${formatDuration(last)}`];
}

function bar(share: number | null, c: ChalkInstance): string {
  if (share === null) return '';
  const filled = Math.round(share * BAR_WIDTH);
  return c.green('█'.repeat(filled)) + c.dim('·'.repeat(BAR_WIDTH - filled));
}

function deploySection(report: Report, c: ChalkInstance): string[] {
  const d = report.summary.dora;
  const out = [c.bold('Deploys')];
  const freq = d.deploymentFrequency;
  out.push(
    `${freq.count} deploy(s) in the window · ${freq.value === null ? '—' : freq.value.toFixed(2)} per week` +
      ` · ${freq.deployDaysPerWeek === null ? '—' : freq.deployDaysPerWeek.toFixed(2)} deploy-days per week` +
      (freq.band ? ` · ${freq.band}` : ''),
  );
  const cfr = d.changeFailureRate;
  out.push(
    `lead time for changes ${formatDuration(d.leadTime.value)}${d.leadTime.band ? ` (${d.leadTime.band})` : ''}` +
      ` · change failure rate ${formatPercent(cfr.value)}${cfr.band ? ` (${cfr.band})` : ''}` +
      ` · time to restore ${formatDuration(d.timeToRestore.value)}${d.timeToRestore.band ? ` (${d.timeToRestore.band})` : ''}`,
  );
  const recent = report.deploys.slice(-8);
  if (recent.length > 0) {
    const table = new Table({ head: ['deploy', 'at', 'changes', ''], chars: COMPACT, style: { head: [], border: [] } });
    for (const deploy of recent) {
      const mark = [deploy.rollback ? 'rollback' : '', deploy.failed ? 'failed' : ''].filter(Boolean).join(', ');
      table.push([truncate(terminalSafe(deploy.ref), 40), deploy.at.slice(0, 16).replace('T', ' '), String(deploy.changes), mark ? c.red(mark) : '']);
    }
    if (report.deploys.length > recent.length) out.push(c.dim(`the last ${recent.length} of ${report.deploys.length}:`));
    out.push(table.toString());
  }
  return out;
}

/** Review, rework, CI, WIP (GitHub) and the AI-assisted comparison, one line each, only what was measured. */
function healthSection(report: Report, c: ChalkInstance): string[] {
  const s = report.summary;
  const pct = (v: number | null | undefined): string => formatPercent(v ?? null);
  const lines: string[] = [];
  if (s.review) {
    lines.push(`reviews: ${s.review.reviews} by ${s.review.reviewers} reviewer(s) · top two do ${pct(s.review.topTwoShare)} · unreviewed ${pct(s.review.unreviewedShare)} · self-merged ${pct(s.review.selfMergedShare)} · ${s.review.reviewsPerChange?.toFixed(1) ?? '—'} per change`);
  }
  const sized = s.flow.size.buckets?.filter((b) => b.count > 0) ?? [];
  if (sized.length > 1) {
    lines.push(`size: p50 ${s.flow.size.p50 ?? '—'} lines, ${pct(s.flow.size.over400)} over 400 · cycle time p50 by size: ${sized.map((b) => `${b.bucket} ${formatDuration(b.cycleTimeP50)} (${b.count})`).join(', ')}`);
  }
  if (s.rework) lines.push(`rework: ${pct(s.rework.share)} of reviewed changes got commits or force-pushes after the first review · changes requested on ${pct(s.rework.changesRequestedShare)}`);
  if (s.ci) {
    const worst = s.ci.worstFlaky.slice(0, 3).map((f) => terminalSafe(f.name)).join(', ');
    lines.push(`checks: p50 ${formatDuration(s.ci.p50)}, p90 ${formatDuration(s.ci.p90)} on the final head commit · flaky ${pct(s.ci.flakyRate)}${worst ? ` (worst: ${worst})` : ''}`);
  }
  if (s.wip) lines.push(`WIP: ${s.wip.open} open PR(s) and ${s.wip.drafts} draft(s) · age p50 ${formatDuration(s.wip.p50Age)} · ${s.wip.perAuthor?.toFixed(1) ?? '—'} per active author`);
  const ai = s.aiComparison;
  if (ai && ai.assisted.count > 0) {
    lines.push(
      `AI-assisted (a lower bound): ${ai.assisted.count} vs ${ai.other.count} other · lead p50 ${formatDuration(ai.assisted.leadTimeP50)} vs ${formatDuration(ai.other.leadTimeP50)}` +
        ` · size p50 ${ai.assisted.p50Size ?? '—'} vs ${ai.other.p50Size ?? '—'} lines · reverted ${pct(ai.assisted.failureRate)} vs ${pct(ai.other.failureRate)}`,
    );
    if (ai.note) lines.push(c.dim(`  ${terminalSafe(ai.note)}`));
  }
  if (lines.length === 0) return [];
  return [c.bold('Review, CI and AI'), ...lines.map((l) => wrap(l, 100)), ''];
}

/** What to fix first: one block per row, longest wait first (already ranked by the advice rules). */
function recommendations(report: Report, c: ChalkInstance): string[] {
  if (report.recommendations.length === 0) return [];
  const out = [c.bold('What to fix first')];
  report.recommendations.forEach((r, i) => {
    out.push(wrap(`${i + 1}. ${c.bold(terminalSafe(r.measure))} · ${terminalSafe(r.value)}`, 100, 3));
    out.push(wrap(`   ${terminalSafe(r.tellsYou)}`, 100, 0));
    out.push(wrap(`   → ${terminalSafe(r.doNext)}`, 100, 2));
  });
  out.push('');
  return out;
}

function slowest(report: Report, c: ChalkInstance): string[] {
  const top = report.summary.slowest.slice(0, 5);
  if (top.length === 0) return [];
  const table = new Table({ head: ['change', 'title', 'total', 'mostly'], chars: COMPACT, style: { head: [], border: [] }, colWidths: [12, 41, 11, 31], wordWrap: false });
  for (const ch of top) {
    table.push([
      truncate(terminalSafe(ch.id), 10),
      truncate(terminalSafe(ch.title), 39),
      formatDuration(ch.total),
      ch.stage ? truncate(`${stageLabel(ch.stage, report)} ${formatDuration(ch.stageSeconds)}`, 29) : '',
    ]);
  }
  return [c.bold('Slowest changes'), table.toString()];
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/** Wraps at spaces; continuation lines keep the first line's indent plus `extra` spaces. */
function wrap(text: string, width: number, extra = 2): string {
  const indent = ' '.repeat((/^ */.exec(text)?.[0].length ?? 0) + extra);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if ([...line].length + [...word].length + 1 > width && line.trim() !== '') {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
