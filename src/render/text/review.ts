import { stageLabel } from '../../stage-labels.js';
import { acceptanceView, type AcceptanceView } from '../acceptance.js';
import { aiDifferenceLine } from '../confidence.js';
import { tooFewToCompare } from '../health.js';
import type { Report } from '../../report/schema.js';
import { plural } from '../../units.js';
import { aiDefectsView, type AiDefectsView } from '../ai-defects.js';
import { aiLoadView, type AiLoadView } from '../ai-load.js';
import { formatAiTools } from '../ai-tools.js';
import { durationOrBound, formatDuration, formatLines, formatNumber, formatRatio } from '../duration.js';
import { terminalSafe } from '../sanitize.js';
import { wrap, type TextContext } from './layout.js';
import { append } from '../../lists.js';

/** Review, size, rework, CI, WIP (GitHub) and the AI-assisted comparison, one wrapped line each, only what was measured. */
export function reviewAndCi(report: Report, ctx: TextContext): string[] {
  const { c } = ctx;
  const s = report.summary;
  const pct = (v: number | null | undefined): string => formatRatio(v ?? null);
  const lines: string[] = [];
  if (s.review) {
    const r = s.review;
    lines.push(`reviews: ${r.reviews} by ${plural(r.reviewers, 'reviewer')} · top two do ${pct(r.topTwoShare)} · unreviewed ${pct(r.unreviewedShare)} · self-merged ${pct(r.selfMergedShare)} · ${formatNumber(r.reviewsPerChange)} per change`);
  }
  const sized = s.flow.size.buckets?.filter((b) => b.count > 0) ?? [];
  if (sized.length > 1) {
    lines.push(`size: p50 ${formatLines(s.flow.size.p50)}, ${pct(s.flow.size.over400)} over 400 · cycle time p50 by size: ${sized.map((b) => `${b.bucket} ${formatDuration(b.cycleTimeP50, ctx.durations)} (${b.count})`).join(', ')}`);
  }
  if (s.rework) lines.push(`rework: ${pct(s.rework.share)} of reviewed changes got commits or force-pushes after the first review · changes requested on ${pct(s.rework.changesRequestedShare)}`);
  if (s.ci) {
    const worst = s.ci.worstFlaky.slice(0, 3).map((f) => terminalSafe(f.name)).join(', ');
    lines.push(`checks: p50 ${formatDuration(s.ci.p50, ctx.durations)}, p90 ${formatDuration(s.ci.p90, ctx.durations)} on the final head commit · flaky ${pct(s.ci.flakyRate)}${worst ? ` (worst: ${worst})` : ''}`);
  }
  if (s.wip) lines.push(`WIP: ${plural(s.wip.open, 'open PR')} and ${plural(s.wip.drafts, 'draft')} · age p50 ${formatDuration(s.wip.p50Age, ctx.durations)} · ${formatNumber(s.wip.perAuthor)} per active author`);
  const ai = s.aiComparison;
  const out = lines.map((l) => wrap(l, ctx.width));
  if (ai && ai.assisted.count > 0) {
    out.push(
      wrap(
        `AI-assisted (a lower bound): ${ai.assisted.count} vs ${ai.other.count} other · lead p50 ${durationOrBound(ai.assisted.leadTimeP50, ai.assisted.atLeast?.leadTime, ctx.durations)} vs ${durationOrBound(ai.other.leadTimeP50, ai.other.atLeast?.leadTime, ctx.durations)}` +
          ` · size p50 ${formatLines(ai.assisted.p50Size)} vs ${formatLines(ai.other.p50Size)} · reverted ${pct(ai.assisted.failureRate)} vs ${pct(ai.other.failureRate)}`,
        ctx.width,
      ),
    );
    const tools = formatAiTools(s.ai, terminalSafe);
    if (tools) out.push(wrap(`  ${tools}`, ctx.width, 2));
    const differences = aiDifferenceLine(ai, (stage) => stageLabel(stage, !report.sources.includes('github')), ctx.durations, tooFewToCompare(ai));
    if (differences) out.push(wrap(`  ${differences}`, ctx.width, 2));
    if (ai.note) out.push(c.dim(wrap(`  ${terminalSafe(ai.note)}`, ctx.width)));
  }
  const defects = aiDefectsView(report);
  if (defects) append(out, defectsLines(defects, ctx));
  const load = aiLoadView(report, ctx.durations);
  if (load) append(out, loadLines(load, ctx));
  const acceptance = acceptanceView(report, ctx.durations);
  if (acceptance) append(out, acceptanceLines(acceptance, ctx));
  if (out.length === 0) return [];
  return [c.bold('Review, CI and AI'), ...out];
}

/** AI review load in a few wrapped lines: each figure AI-assisted against other, the difference, the worst day. */
function loadLines(view: AiLoadView, ctx: TextContext): string[] {
  return [
    wrap('  review load, AI-assisted vs other:', ctx.width),
    wrap(`    ${view.rows.map(([label, ai, other]) => `${label} ${ai} vs ${other}`).join(' · ')}`, ctx.width, 2),
    ...(view.difference ? [wrap(`    ${view.difference}`, ctx.width, 2)] : []),
    ...(view.perReviewerDay ? [wrap(`    ${terminalSafe(view.perReviewerDay)}`, ctx.width, 2)] : []),
  ];
}

/** AI defects in a few wrapped lines: each rate AI-assisted against other, what the difference tells. */
function defectsLines(view: AiDefectsView, ctx: TextContext): string[] {
  const { c } = ctx;
  const paint = (text: string, d: AiDefectsView['rows'][number]['direction']): string => (d === 'worse' ? c.red(text) : d === 'better' ? c.green(text) : text);
  return [
    wrap('  defects, AI-assisted vs other (95% intervals):', ctx.width),
    ...view.rows.map((r) => wrap(`    ${r.figure} ${r.ai} vs ${r.other} · ${paint(r.difference, r.direction)}`, ctx.width, 2)),
    ...(view.failed ? [wrap(`    ${view.failed}`, ctx.width, 2)] : []),
    ...(view.note ? [c.dim(wrap(`    ${view.note}`, ctx.width, 2))] : []),
  ];
}

/** Acceptance in a few wrapped lines: the rates with their intervals, per tool, what the rejected took, the difference. */
function acceptanceLines(view: AcceptanceView, ctx: TextContext): string[] {
  if (view.unknown !== null) return [ctx.c.dim(wrap(view.unknown, ctx.width))];
  // in a sentence: "all …, AI-assisted …, other …"
  const rate = (r: AcceptanceView['rows'][number]): string => `${r.tool || r.name === 'AI-assisted' ? terminalSafe(r.name) : r.name.toLowerCase()} ${r.rate} of ${r.decided}`;
  const groups = view.rows.filter((r) => !r.tool);
  const tools = view.rows.filter((r) => r.tool);
  const all = groups[0];
  const lines = [`acceptance (merged of decided, 95% interval): ${groups.map(rate).join(' · ')}`];
  if (tools.length > 0) lines.push(`  by tool: ${tools.map(rate).join(', ')}`);
  if (all) lines.push(`  rejected: ${all.rejected}, p50 ${all.toClose} to close, ${all.effort}${all.apart === '—' ? '' : ` · apart: ${all.apart}`}`);
  if (view.difference) lines.push(`  ${view.difference}`);
  return lines.map((l) => wrap(l, ctx.width));
}
