import { BOUND_MARK, sparkline } from '../../metrics/trend.js';
import type { Report } from '../../report/schema.js';
import { apartNote, keySeries, keyValueText, periodsSoFar } from '../trend.js';
import { wrap, type TextContext } from './layout.js';
import { largest } from '../../lists.js';

/**
 * Every key period by period as a sparkline, as many periods as fit, each with its first → last value of a
 * period not drawn apart; a period drawn apart shows as a mark with no height.
 */
export function trends(report: Report, ctx: TextContext): string[] {
  const period = report.summary.trend.period ?? 'week';
  const all = keySeries(report);
  if (periodsSoFar(report).length < 2 || all.length === 0) return [];
  // a history shorter than one whole period has no trend to draw, only marks: said in one line
  if (all.every((k) => k.apart.every(Boolean))) return [ctx.c.dim(`Trends by ${period}: no complete ${period} yet.`)];
  // a narrow terminal gets DORA's long names in their last words ("recovery time p50"), never a cut line
  const spelled = largest(all.map((k) => k.label.length)) + 2 + 8 + 22 <= ctx.width;
  const label = (text: string): string => (spelled ? text : text.replace(/^failed deployment /, '').replace(/^deployment frequency$/, 'deploy frequency').replace(/^change failure rate$/, 'failure rate').replace(/^lead time for changes/, 'lead time'));
  const labelWidth = largest(all.map((k) => label(k.label).length)) + 2;
  // room for the longest comparison, `  999d 23h → 999d 23h`
  const shown = Math.min(60, Math.max(8, ctx.width - labelWidth - 22));
  const lines = all.map((k) => {
    const line = sparkline(k.values.slice(-shown), k.apart.slice(-shown));
    const values = k.values.slice(-shown).filter((v, i) => v !== null && !k.apart.slice(-shown)[i]) as number[];
    const compared = values.length === 0 ? '' : `  ${keyValueText(values[0] ?? null, k.unit, ctx.durations)} → ${keyValueText(values.at(-1) ?? null, k.unit, ctx.durations)}`;
    return `${label(k.label).padEnd(labelWidth)}${ctx.c.cyan(compared === '' ? line.trimEnd() : line)}${compared}`;
  });
  const apart = all.some((k) => k.apart.slice(-shown).some(Boolean));
  return [ctx.c.bold(`Trends by ${period} (→: from the first to the last complete ${period})`), ...lines, ...(apart ? [ctx.c.dim(wrap(`${BOUND_MARK} ${apartNote(period)}`, ctx.width))] : [])];
}
