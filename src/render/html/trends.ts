import type { Report } from '../../report/schema.js';
import { durationFormat, type DurationFormat } from '../duration.js';
import { ACCENT_COLOUR, FAIL_COLOUR, OTHER_COLOUR } from '../svg/scale.js';
import { weeklyChart } from '../svg/trend.js';
import { directionText, intervalText, keySeries, keyValueText, periodsSoFar, pooledNote, spanNote, type KeySeries } from '../trend.js';
import { charts, figure, h, section } from './parts.js';

/**
 * The DORA keys period by period beside the lead-time trend: deploy frequency, change failure rate and time to
 * restore, each on its own axis, an incomplete period a hollow grey dot left out of the first → last comparison.
 */
export function keyTrends(report: Report): string {
  const periods = periodsSoFar(report);
  const period = report.summary.trend.period ?? 'week';
  const span = spanNote(report);
  if (periods.length < 2) return span === null ? '' : section('trends', 'Trends', h(span));
  const days = durationFormat(report.businessHours);
  const series = keySeries(report);
  const capital = (text: string): string => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
  const chartOf = (key: KeySeries['key'], colour: string, scale: 'count' | 'duration' | 'ratio'): string => {
    const k = series.find((s) => s.key === key);
    if (k === undefined) return '';
    const values = k.values;
    const format = (v: number | null): string => keyValueText(v, k.unit, days);
    const svg = weeklyChart(
      { id: `trend-${key}`, title: `${capital(k.label)} by ${period}`, description: `Per ${period} (UTC), the ${k.label}.` },
      {
        weeks: periods.map((p) => p.start), ends: periods.map((p) => p.end), period, apart: k.apart,
        lines: [{ name: k.label, colour, strong: true, values }],
        scale, format, plotHeight: 90, empty: `no ${k.label} in the window`,
      },
    );
    return figure(svg, `${capital(k.label)} by ${period}`, `${capital(directionText(k, days, period))}.`);
  };
  const figures = [chartOf('deploymentFrequency', ACCENT_COLOUR, 'count'), chartOf('changeFailureRate', FAIL_COLOUR, 'ratio'), chartOf('timeToRestore', OTHER_COLOUR, 'duration')];
  const pooled = pooledNote(report);
  const lead = `Each DORA key per ${period}. A hollow grey dot is an incomplete ${period} (cut by the window): left out of every comparison.${span === null ? '' : ` ${span}`}${pooled === null ? '' : ` ${pooled}`}`;
  return section('trends', `Trends by ${period}`, h(lead), `${charts(...figures)}${directions(series, days, period)}`);
}

/**
 * Every key's direction, the first half of the complete periods against the second: rising or falling only where
 * the 95% interval of the difference excludes 0.
 */
function directions(series: readonly KeySeries[], days: DurationFormat, period: 'week' | 'month'): string {
  if (series.length === 0) return '';
  const items = series.map((k) => {
    const interval = intervalText(k, days, period);
    return `<li><b>${h(k.label)}</b>: ${h(directionText(k, days, period))}${interval === null ? '' : ` <span class="note">(${h(interval)})</span>`}</li>`;
  });
  return `<p class="note">${h(`Direction: the first half of the complete ${period}s against the second; rising or falling only where the 95% interval of the difference excludes 0.`)}</p><ul class="directions">${items.join('')}</ul>`;
}
