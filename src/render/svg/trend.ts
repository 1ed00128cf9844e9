import { countScale, logDurationScale, OTHER_COLOUR, ratioScale, thinTicks, type Scale } from './scale.js';
import { legend, type LegendItem } from './legend.js';
import { CHART_WIDTH, chart, el, emptyChart, label, textWidth, tooltip, type ChartFrame } from './svg.js';
import { drawTimeTicks, timeTicks } from './time-axis.js';
import { largest, smallest } from '../../lists.js';
import { isoSeconds } from '../../time.js';

const WIDTH = CHART_WIDTH;
const WEEK = 7 * 86400;

export interface WeekSeries {
  name: string;
  colour: string;
  /** the headline series is drawn thicker */
  strong?: boolean;
  dashed?: boolean;
  /** one value per week; null where that week had none */
  values: ReadonlyArray<number | null>;
  /** per week where the value is null, a lower bound of it (changes still waiting): a hollow dot, off the line */
  bounds?: ReadonlyArray<number | null>;
  /** per period, whether this series draws it apart (see the chart's `apart`, which holds for every series) */
  apart?: readonly boolean[];
  /** per week, said after the value in its tooltip (the AI-assisted share of that week's arrivals) */
  notes?: ReadonlyArray<string>;
}

export interface WeekColumns {
  /** what the columns count, for the legend and tooltips: `changes merged` */
  name: string;
  colour: string;
  values: readonly number[];
  format: (value: number) => string;
}

export interface WeeklyChartOptions {
  /** week starts, `YYYY-MM-DD` (Monday, UTC), consecutive; or any periods' starts, with `ends` */
  weeks: readonly string[];
  /** each period's end (the day after its last, `YYYY-MM-DD`), for periods that are not weeks (months) */
  ends?: readonly string[];
  /** what a period is called in tooltips: `week` (default) or `month` */
  period?: 'week' | 'month';
  /**
   * per period, whether it is drawn apart (cut by the window, or changes not yet deployed): its values are
   * hollow grey dots joined to nothing, so a line never runs through what is not yet a whole figure
   */
  apart?: readonly boolean[];
  lines: readonly WeekSeries[];
  /** `duration`: seconds on a log scale; `count`: linear from 0; `ratio`: 0–1, linear from 0 in whole percentages */
  scale: 'duration' | 'count' | 'ratio';
  format: (value: number) => string;
  /** a small panel of columns under the lines (changes merged per week); a week with none is shaded above */
  columns?: WeekColumns;
  plotHeight?: number;
  empty: string;
}

/**
 * Lines of weekly figures over weeks placed on a time axis (month ticks), with an optional panel of weekly
 * columns below. A null breaks a line and a lone value is a dot; a week whose column is 0 is shaded in the line
 * panel, so a gap in the lines explains itself. Every point carries a tooltip.
 */
export function weeklyChart(frame: Omit<ChartFrame, 'width' | 'height'>, options: WeeklyChartOptions): string {
  const { weeks } = options;
  const drawn = options.lines.filter((s) => s.values.some((v) => v !== null) || s.bounds?.some((v) => v !== null));
  const values = drawn.flatMap((s) => [...s.values, ...(s.bounds ?? [])].filter((v): v is number => v !== null));
  if (weeks.length === 0 || values.length === 0) return emptyChart({ ...frame, width: WIDTH, height: 0 }, options.empty);
  const cols = options.columns;
  const emptyWeeks = cols ? cols.values.map((v) => v === 0) : weeks.map(() => false);
  const items: LegendItem[] = drawn.map((s) => ({ text: s.name, colour: s.colour, line: true, dashed: s.dashed }));
  if (cols) items.push({ text: cols.name, colour: cols.colour });
  if (emptyWeeks.some(Boolean)) items.push({ text: `no ${cols?.name ?? 'data'}`, colour: '', band: true });
  if (options.apart?.some(Boolean) || drawn.some((s) => s.apart?.some((a, i) => a && (s.values[i] ?? null) !== null))) items.push({ text: `incomplete ${options.period ?? 'week'}`, colour: OTHER_COLOUR, hollow: true });
  const key = legend(items, 0, 0, WIDTH);
  const scale: Scale = options.scale === 'duration' ? logDurationScale(values) : options.scale === 'ratio' ? ratioScale(largest(values)) : countScale(largest(values));
  const tickText = scale.ticks.map((t) => options.format(t));
  const left = Math.max(30, largest(tickText.map(textWidth))) + 8;
  const right = 12;
  const plotW = WIDTH - left - right;
  const top = key.height + 10;
  const plotH = options.plotHeight ?? 150;
  const colTop = top + plotH + 20;
  const colH = cols ? 44 : 0;
  const axisY = cols ? colTop + colH : top + plotH;
  const height = axisY + 24;

  const day = (d: string | undefined): number => isoSeconds(`${d ?? ''}T00:00:00Z`) ?? NaN;
  const starts = weeks.map(day);
  const ends = weeks.map((_, i) => (options.ends ? day(options.ends[i]) : (starts[i] as number) + WEEK));
  const start = starts[0] as number;
  const end = ends.at(-1) as number;
  const xAt = (t: number): number => left + ((t - start) / (end - start)) * plotW;
  const xWeek = (i: number): number => xAt(((starts[i] as number) + (ends[i] as number)) / 2);
  // the narrowest period's width: months differ by three days at most
  const slot = smallest(ends.map((e, i) => xAt(e) - xAt(starts[i] as number)));
  const of = options.period ?? 'week';
  const apartIn = (s: WeekSeries, i: number): boolean => options.apart?.[i] === true || s.apart?.[i] === true;
  const y = (v: number): number => top + plotH - scale.at(v) * plotH;

  const shade = emptyWeeks.map((isEmpty, i) => (isEmpty ? el('rect', { x: xWeek(i) - slot / 2, y: top, width: slot, height: plotH, class: 'gap' }, tooltip(`${of} of ${weeks[i] ?? ''}: no ${cols?.name ?? 'data'}`)) : ''));
  const grid = thinTicks(scale, plotH, 22).map((t) => el('line', { x1: left, x2: WIDTH - right, y1: y(t), y2: y(t), class: 'grid' }) + label(left - 6, y(t) + 4, options.format(t), { 'text-anchor': 'end', class: 'muted' }));
  const time = drawTimeTicks(timeTicks(start, end, xAt), xAt, top, axisY);
  const lines = drawn.map((s) => {
    const apart = (i: number): boolean => apartIn(s, i);
    const segments: string[] = [];
    let path = '';
    s.values.forEach((v, i) => {
      if (v === null || apart(i)) {
        if (path) segments.push(path);
        path = '';
      } else path += `${path ? 'L' : 'M'}${round(xWeek(i))} ${round(y(v))}`;
    });
    if (path) segments.push(path);
    // dots only where few enough to tell apart; a lone value between gaps always, or it would not show
    const joined = (i: number): boolean => (s.values[i] ?? null) !== null && !apart(i);
    const dots = s.values.map((v, i) => {
      if (v === null) return '';
      const note = s.notes?.[i];
      const text = `${of} of ${weeks[i] ?? ''}, ${s.name}: ${options.format(v)}${note ? `; ${note}` : ''}`;
      // a period drawn apart: a hollow grey dot, its value not yet the period's whole figure
      if (apart(i)) return el('circle', { cx: xWeek(i), cy: y(v), r: s.strong ? 3.2 : 2.4, fill: 'none', stroke: OTHER_COLOUR, 'stroke-width': 1.5, class: 'apart' }, tooltip(`${text} (incomplete ${of})`));
      const alone = !joined(i - 1) && !joined(i + 1);
      const r = slot >= 6 || alone ? (s.strong ? 3.2 : 2.4) : 1.6;
      return el('circle', { cx: xWeek(i), cy: y(v), r, fill: s.colour }, tooltip(text));
    });
    // a bound is not a value: hollow, joined to nothing, so the line never runs through it
    const bounds = (s.bounds ?? []).map((b, i) =>
      b === null || s.values[i] !== null && s.values[i] !== undefined
        ? ''
        : el('circle', { cx: xWeek(i), cy: y(b), r: s.strong ? 3.2 : 2.4, fill: 'none', stroke: s.colour, 'stroke-width': 1.5, class: 'bound' }, tooltip(`${of} of ${weeks[i] ?? ''}, ${s.name}: ≥ ${options.format(b)}, changes not yet deployed`)),
    );
    const stroke = { fill: 'none', stroke: s.colour, 'stroke-width': s.strong ? 2.75 : 1.5, 'stroke-linejoin': 'round', 'stroke-dasharray': s.dashed ? '5 3' : null };
    // each list joined, one argument: a window of many weeks has a dot a week
    return el('g', { class: 'series' }, segments.map((d) => el('path', { d, ...stroke })).join(''), dots.join(''), bounds.join(''));
  });
  const columns = cols ? weekColumns(cols, weeks, colTop, colH, xWeek, slot, of) : [];
  // the first series (the headline) is drawn last, on top
  return chart({ ...frame, width: WIDTH, height }, key.markup, shade.join(''), ...grid, ...time, columns.join(''), ...lines.reverse());
}

function weekColumns(cols: WeekColumns, weeks: readonly string[], top: number, height: number, x: (i: number) => number, slot: number, of: string): string[] {
  const scale = countScale(largest(cols.values), 1);
  const max = scale.ticks.at(-1) ?? 1;
  const w = Math.max(1, slot * 0.7);
  const bars = cols.values.map((v, i) => {
    const h = scale.at(v) * height;
    return el('rect', { x: x(i) - w / 2, y: top + height - h, width: w, height: Math.max(h, 0.5), fill: cols.colour }, tooltip(`${of} of ${weeks[i] ?? ''}: ${cols.format(v)} ${cols.name}`));
  });
  return [
    el('line', { x1: x(0) - slot / 2, x2: x(weeks.length - 1) + slot / 2, y1: top, y2: top, class: 'grid' }),
    label(x(0) - slot / 2 - 6, top + 9, cols.format(max), { 'text-anchor': 'end', class: 'muted' }),
    ...bars,
  ];
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
