import { durationTicks } from './scale.js';
import { CHAR, legend } from './legend.js';
import { CHART_WIDTH, chart, el, emptyChart, label, tooltip, type ChartFrame } from './svg.js';

const WIDTH = CHART_WIDTH;

export interface TrendSeries {
  name: string;
  colour: string;
  /** the headline series is drawn thicker */
  strong?: boolean;
  /** one value (seconds) per point of `TrendChart.points`; null where that week had nothing */
  values: ReadonlyArray<number | null>;
}

/**
 * Lines of weekly medians (seconds) over weeks: a null breaks the line, a lone value is a dot, every point
 * carries a tooltip. `points` are the x labels (week starts, `YYYY-MM-DD`).
 */
export function trendChart(frame: Omit<ChartFrame, 'width' | 'height'>, points: readonly string[], series: readonly TrendSeries[], format: (seconds: number | null) => string): string {
  const drawn = series.filter((s) => s.values.some((v) => v !== null));
  const values = drawn.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (points.length === 0 || values.length === 0) return emptyChart({ ...frame, width: WIDTH, height: 0 }, 'no change merged in the window');
  const key = legend(drawn.map((s) => ({ text: s.name, colour: s.colour, line: true })), 0, 0, WIDTH);
  const left = 50;
  const right = 16;
  const top = key.height + 10;
  const plotH = 170;
  const height = top + plotH + 26;
  const { max, ticks } = durationTicks(Math.max(...values));
  const x = (i: number): number => (points.length === 1 ? left + (WIDTH - left - right) / 2 : left + (i / (points.length - 1)) * (WIDTH - left - right));
  const y = (v: number): number => top + plotH - (v / max) * plotH;

  const grid = ticks.map((t) => el('line', { x1: left, x2: WIDTH - right, y1: y(t), y2: y(t), class: 'grid' }) + label(left - 6, y(t) + 4, format(t), { 'text-anchor': 'end', class: 'muted' }));
  // `03-02` within a year; `2025-03` when the weeks span more than one, so no label repeats
  const short = (week: string): string => (points.length > 52 ? week.slice(0, 7) : week.slice(5));
  const last = points.length - 1;
  // as many labels as fit side by side, centred on their week; the last one ends at the plot's edge
  const fit = Math.max(2, Math.floor((WIDTH - left - right) / (short(points[0] ?? '').length * CHAR + 16)));
  const every = Math.ceil(points.length / fit);
  const shown = (i: number): boolean => i === last || (i % every === 0 && last - i >= every);
  const anchor = (i: number): string => (i === last && last > 0 ? 'end' : 'middle');
  const xLabels = points.map((p, i) => (shown(i) ? label(x(i), top + plotH + 18, short(p), { 'text-anchor': anchor(i), class: 'muted' }) : ''));
  const lines = drawn.map((s) => {
    const width = s.strong ? 2.75 : 1.5;
    const segments: string[] = [];
    let path = '';
    s.values.forEach((v, i) => {
      if (v === null) {
        if (path) segments.push(path);
        path = '';
      } else path += `${path ? 'L' : 'M'}${round(x(i))} ${round(y(v))}`;
    });
    if (path) segments.push(path);
    const dots = s.values.map((v, i) =>
      v === null ? '' : el('circle', { cx: x(i), cy: y(v), r: s.strong ? 3.5 : 2.5, fill: s.colour }, tooltip(`week of ${points[i] ?? ''}, ${s.name}: ${format(v)}`)),
    );
    return el('g', { class: 'series' }, ...segments.map((d) => el('path', { d, fill: 'none', stroke: s.colour, 'stroke-width': width, 'stroke-linejoin': 'round' })), ...dots);
  });
  // the first series (the headline) is drawn last, on top
  return chart({ ...frame, width: WIDTH, height }, key.markup, ...grid, ...xLabels, ...lines.reverse());
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
