import { BOUND_MARK, sparkline } from '../../metrics/trend.js';
import type { Report } from '../../report/schema.js';
import { apartNote, directionText, intervalText, keySeries, periodsSoFar, pooledNote, spanNote } from '../trend.js';
import { wrap, type TextContext } from './layout.js';
import { largest } from '../../lists.js';
import type { TrendPeriod } from '../../metrics/schema.js';

/**
 * Every key period by period as a sparkline, as many periods as fit, each with its direction: the first half of
 * the complete periods against the second, both halves' values (the report's); a period drawn apart shows as a
 * mark with no height. Under the lines, each direction's difference and 95% interval.
 */
export function trends(report: Report, ctx: TextContext): string[] {
  const period = report.summary.trend.period ?? 'week';
  const all = keySeries(report);
  const span = spanNote(report);
  if (periodsSoFar(report).length < 2 || all.length === 0) return span === null ? [] : [ctx.c.dim(wrap(span, ctx.width))];
  // a history shorter than one whole period has no trend to draw, only marks: said in one line
  if (all.every((k) => k.apart.every(Boolean))) return [ctx.c.dim(`Trends by ${period}: no complete ${period} yet.`)];
  // a narrow terminal gets DORA's long names in their last words ("recovery time p50"), never a cut line
  const spelled = largest(all.map((k) => k.label.length)) + 2 + 8 + 36 <= ctx.width;
  const label = (text: string): string => (spelled ? text : text.replace(/^failed deployment /, '').replace(/^deployment frequency$/, 'deploy frequency').replace(/^change failure rate$/, 'failure rate').replace(/^lead time for changes/, 'lead time'));
  const labelWidth = largest(all.map((k) => label(k.label).length)) + 2;
  const said = all.map((k) => directionText(k, ctx.durations, period));
  // room for the longest direction, `  no clear trend: 999d 23h → 999d 23h`, beside the line; a narrow terminal
  // says it on the line below
  const room = ctx.width - labelWidth - 2 - largest(said.map((t) => t.length));
  const inline = room >= 8;
  const shown = Math.min(60, Math.max(8, inline ? room : ctx.width - labelWidth));
  const lines = all.flatMap((k, i) => {
    const line = `${label(k.label).padEnd(labelWidth)}${ctx.c.cyan(sparkline(k.values.slice(-shown), k.apart.slice(-shown)))}`;
    return inline ? [`${line}  ${said[i] ?? ''}`] : [line, wrap(`  ${said[i] ?? ''}`, ctx.width)];
  });
  const apart = all.some((k) => k.apart.slice(-shown).some(Boolean));
  const drawn = drawnNote(periodsSoFar(report), shown, period);
  const pooled = pooledNote(report, label);
  const intervals = all.flatMap((k) => {
    const said = intervalText(k, ctx.durations, period);
    return said === null ? [] : [`${label(k.label)} ${said}`];
  });
  return [
    ctx.c.bold(wrap(`Trends by ${period} (the first half of the complete ${period}s against the second)`, ctx.width)),
    ...lines,
    ...(drawn === null ? [] : [ctx.c.dim(wrap(drawn, ctx.width))]),
    ...(span === null ? [] : [ctx.c.dim(wrap(span, ctx.width))]),
    ...(apart ? [ctx.c.dim(wrap(`${BOUND_MARK} ${apartNote(period)}`, ctx.width))] : []),
    ...(pooled === null ? [] : [ctx.c.dim(wrap(pooled, ctx.width))]),
    ...(intervals.length > 0 ? [ctx.c.dim(wrap(`Rising or falling only where the 95% interval of the difference excludes 0: ${intervals.join('; ')}.`, ctx.width))] : []),
  ];
}

/**
 * Said when the lines hold fewer periods than the window has: which ones they draw. How many fit depends on the
 * terminal's width and on the longest direction beside them, so without it a reader of flask's 25 months saw 15
 * marks and could not tell they were the last 15, or that the directions beside them read the whole window.
 */
function drawnNote(periods: readonly TrendPeriod[], shown: number, period: 'week' | 'month'): string | null {
  if (periods.length <= shown) return null;
  const drawn = periods.slice(-shown);
  // a month is named by its year and month, a week by its Monday (the periods' starts are UTC dates)
  const name = (p: TrendPeriod | undefined): string => (p === undefined ? '' : period === 'month' ? p.start.slice(0, 7) : p.start);
  const span = `${period === 'week' ? 'weeks of ' : ''}${name(drawn[0])} → ${name(drawn[drawn.length - 1])}`;
  return `The last ${shown} of ${periods.length} ${period}s drawn (${span}); the directions read the whole window.`;
}
