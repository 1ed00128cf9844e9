import { formatRatio } from '../../units.js';
import { countScale, inkOn, logDurationScale, thinTicks, type Scale } from './scale.js';
import { legend } from './legend.js';
import { CHART_WIDTH, chart, el, emptyChart, fitText, label, textWidth, tooltip, type ChartFrame } from './svg.js';
import { largest } from '../../lists.js';

const WIDTH = CHART_WIDTH;

export interface ShareSegment {
  name: string;
  colour: string;
  /** 0..1, null when unknown */
  share: number | null;
  /** shown in the tooltip and legend, e.g. the stage's p50 */
  detail?: string;
}

/**
 * One bar split by share, each segment as wide as the share it is labelled with (a share of 25% is a quarter of
 * the bar), never scaled to fill the bar: where the known shares add up to less than the whole (a stage given no
 * share), the rest of the bar is left empty and `rest` says what it is. A segment wide enough carries its share;
 * every segment, however thin, is listed with its share in the legend below.
 */
export function stackedShareBar(frame: Omit<ChartFrame, 'width' | 'height'>, segments: readonly ShareSegment[], rest?: string): string {
  const known = segments.filter((s) => s.share !== null && s.share > 0);
  if (known.length === 0) return emptyChart({ ...frame, width: WIDTH, height: 0 }, 'no change with a known first commit: the time cannot be split');
  const barY = 4;
  const barH = 40;
  let x = 0;
  const rects: string[] = [];
  for (const s of known) {
    const share = s.share ?? 0;
    const w = share * WIDTH;
    const text = `${s.name}: ${formatRatio(share)}${s.detail ? ` · ${s.detail}` : ''}`;
    rects.push(el('rect', { x, y: barY, width: w, height: barH, fill: s.colour, 'data-share': String(share) }, tooltip(text)));
    if (w >= textWidth(formatRatio(share)) + 6) rects.push(label(x + w / 2, barY + barH / 2 + 4.5, formatRatio(share), { 'text-anchor': 'middle', fill: inkOn(s.colour), 'font-weight': 600, 'aria-hidden': 'true' }));
    x += w;
  }
  // what no share covers stays an empty outline: drawn, it would be a share the labels do not give
  const empty = WIDTH - x >= 0.5 ? [el('rect', { x, y: barY, width: WIDTH - x, height: barH, class: 'gap' }, tooltip(rest ?? 'no share'))] : [];
  const items = [
    ...segments.map((s) => ({ text: `${s.name} ${formatRatio(s.share)}${s.detail ? ` · ${s.detail}` : ''}`, colour: s.colour })),
    ...(empty.length > 0 && rest !== undefined ? [{ text: rest, colour: 'none', band: true }] : []),
  ];
  const key = legend(items, 0, barY + barH + 12, WIDTH);
  return chart({ ...frame, width: WIDTH, height: barY + barH + 12 + key.height }, el('g', {}, ...rects, ...empty), key.markup);
}

export interface BarSeries {
  name: string;
  colour: string;
  opacity?: number;
}

export interface BarRow {
  label: string;
  /** overrides the series colour for this row (a stage's colour) */
  colour?: string;
  /** one value per series; null where unknown */
  values: ReadonlyArray<number | null>;
  /** where a value is null, a lower bound of it (changes still waiting), drawn hollow and written `≥` (stacked: its segment) */
  bounds?: ReadonlyArray<number | null>;
  /** stacked rows: the text after the bar (grouped rows write each value after its own bar) */
  text?: string;
}

export interface BarChartOptions {
  series: readonly BarSeries[];
  /** `duration`: seconds on a log scale (minutes and months side by side); `count`: linear from 0 */
  scale: 'duration' | 'count';
  /** the series side by side in a row (p50 and p90), or one bar split into them (ready and draft) */
  layout?: 'grouped' | 'stacked';
  format: (value: number | null) => string;
  /** what the chart says when there is nothing to draw */
  empty: string;
  /** a legend even for one series */
  legend?: boolean;
}

const BAR = 14;
const GAP = 10;

/**
 * Horizontal bars, one row per label, on a shared axis with its ticks below: every value written after its bar
 * in the room kept free for the longest value, so no label is ever cut off; row labels too long for their column
 * are shortened with the full text in the tooltip.
 */
export function barChart(frame: Omit<ChartFrame, 'width' | 'height'>, rows: readonly BarRow[], options: BarChartOptions): string {
  const stacked = options.layout === 'stacked';
  // a value unknown but bounded is drawn at its bound, as its table writes it (`≥ 66d`), never left blank
  const shown = (r: BarRow, j: number): number | null => r.values[j] ?? r.bounds?.[j] ?? null;
  const text = (r: BarRow, j: number): string => (r.values[j] === null && shown(r, j) !== null ? `≥ ${options.format(shown(r, j))}` : options.format(r.values[j] ?? null));
  const all = rows.flatMap((r) => r.values.map((_, j) => shown(r, j)).filter((v): v is number => v !== null));
  const totals = stacked ? rows.map((r) => r.values.reduce<number>((sum, _, j) => sum + (shown(r, j) ?? 0), 0)) : all;
  // durations known and all 0 are no missing data: aider's cycle times by size, 0s in every range beside their
  // counts, read "no change with a known size" (a count of 0 is none, and says the chart's own words)
  if (options.scale === 'duration' && all.length > 0 && !totals.some((v) => v > 0)) return emptyChart({ ...frame, width: WIDTH, height: 0 }, `every ${options.series.map((s) => s.name).join(' and every ')} is ${options.format(0)}: nothing to draw`);
  if (rows.length === 0 || !totals.some((v) => v > 0)) return emptyChart({ ...frame, width: WIDTH, height: 0 }, options.empty);
  const scale: Scale = options.scale === 'duration' ? logDurationScale(all) : countScale(largest(totals));
  const showLegend = options.legend || options.series.length > 1;
  const key = showLegend ? legend(options.series.map((s) => ({ text: s.name, colour: s.colour, opacity: s.opacity })), 0, 0, WIDTH) : { markup: '', height: 0 };
  const texts = stacked ? rows.map((r) => r.text ?? '') : rows.flatMap((r) => r.values.map((_, j) => text(r, j)));
  const valueW = Math.max(24, largest(texts.map(textWidth))) + 6;
  const labelW = Math.min(WIDTH * 0.36, Math.max(40, largest(rows.map((r) => textWidth(r.label)))) + 8);
  const plotW = WIDTH - labelW - valueW;
  const perRow = stacked ? 1 : options.series.length;
  const rowH = perRow * (BAR + 1) + GAP;
  const top = key.height + (showLegend ? 6 : 2);
  const bottom = top + rows.length * rowH;
  const x = (v: number): number => labelW + scale.at(v) * plotW;
  const ticks = thinTicks(scale, plotW, 40).map((t) =>
    el('line', { x1: x(t), x2: x(t), y1: top - 2, y2: bottom - GAP + 4, class: 'grid' }) + label(x(t), bottom + 8, options.format(t), { 'text-anchor': 'middle', class: 'muted' }),
  );
  const body = rows.map((row, i) => {
    const y = top + i * rowH;
    const name = fitText(row.label, labelW - 8);
    const rowLabel = label(labelW - 8, y + (perRow * (BAR + 1)) / 2 + 4, name, { 'text-anchor': 'end' }, row.label);
    if (stacked) {
      let from = 0;
      const parts = row.values.map((v, j) => {
        const s = options.series[j] as BarSeries;
        const x0 = x(from);
        from += shown(row, j) ?? 0;
        const w = x(from) - x0;
        const colour = row.colour ?? s.colour;
        // a bound is hollow: a product never released in the window does not read as the fastest
        const paint = v === null ? { fill: 'none', stroke: colour, 'stroke-width': 1.5, 'stroke-dasharray': '4 2', class: 'bound' } : { fill: colour, 'fill-opacity': s.opacity };
        return w <= 0 ? '' : el('rect', { x: x0, y, width: w, height: BAR, ...paint }, tooltip(`${row.label}, ${s.name}: ${text(row, j)}`));
      });
      return rowLabel + parts.join('') + label(x(from) + 4, y + BAR - 2.5, row.text ?? '', { class: 'value' });
    }
    const bars = row.values.map((v, j) => {
      const s = options.series[j] as BarSeries;
      const by = y + j * (BAR + 1);
      const at = shown(row, j);
      const w = at === null ? 0 : Math.max(at > 0 ? 1.5 : 0, x(at) - labelW);
      const written = text(row, j);
      const colour = row.colour ?? s.colour;
      // a bound is hollow: the bar reaches only as far as the value is known to go
      const paint = v === null && at !== null ? { fill: 'none', stroke: colour, 'stroke-width': 1.5, 'stroke-dasharray': '4 2', class: 'bound' } : { fill: colour, 'fill-opacity': s.opacity };
      return (
        el('rect', { x: labelW, y: by, width: w, height: BAR, ...paint }, tooltip(`${row.label}, ${s.name}: ${written}`)) +
        label(labelW + w + 4, by + BAR - 2.5, written, { class: 'value' })
      );
    });
    return rowLabel + bars.join('');
  });
  // the rows joined, one argument: there is one a slice, and a report may hold any number
  return chart({ ...frame, width: WIDTH, height: bottom + 14 }, key.markup, ...ticks, body.join(''));
}
