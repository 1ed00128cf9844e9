import type { HistogramBucket as Bucket } from '../../metrics/histogram.js';
import { countTicks, inkOn } from './scale.js';
import { CHAR, legend, type LegendItem } from './legend.js';
import { CHART_WIDTH, chart, el, emptyChart, label, tooltip, type ChartFrame } from './svg.js';

const WIDTH = CHART_WIDTH;

export interface ShareSegment {
  name: string;
  colour: string;
  /** 0..1, null when unknown */
  share: number | null;
  /** shown in the tooltip and legend, e.g. the stage's p50 */
  detail?: string;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** One bar split by share (the stages tile the lead time, so it adds to 100%), with a legend below. */
export function stackedShareBar(frame: Omit<ChartFrame, 'width' | 'height'>, segments: readonly ShareSegment[]): string {
  const known = segments.filter((s) => s.share !== null);
  const total = known.reduce((sum, s) => sum + (s.share ?? 0), 0);
  if (total <= 0) return emptyChart({ ...frame, width: WIDTH, height: 0 }, 'no change with a known first commit: the time cannot be split');
  const barY = 4;
  const barH = 40;
  let x = 0;
  const rects: string[] = [];
  for (const s of known) {
    const share = s.share ?? 0;
    const w = (share / total) * WIDTH;
    if (w <= 0) continue;
    const text = `${s.name}: ${percent(share)}${s.detail ? ` · ${s.detail}` : ''}`;
    rects.push(el('rect', { x, y: barY, width: w, height: barH, fill: s.colour }, tooltip(text)));
    if (w >= 36) rects.push(label(x + w / 2, barY + barH / 2 + 4.5, percent(share), { 'text-anchor': 'middle', fill: inkOn(s.colour), 'font-weight': 600, 'aria-hidden': 'true' }));
    x += w;
  }
  const items: LegendItem[] = segments.map((s) => ({ text: `${s.name} ${s.share === null ? '—' : percent(s.share)}`, colour: s.colour }));
  const key = legend(items, 0, barY + barH + 12, WIDTH);
  return chart({ ...frame, width: WIDTH, height: barY + barH + 12 + key.height }, el('g', {}, ...rects), key.markup);
}

export interface PairedRow {
  label: string;
  /** overrides the series colour for this row (a stage's colour) */
  colour?: string;
  values: [number | null, number | null];
}

export interface PairedSeries {
  name: string;
  colour: string;
  opacity?: number;
}

/**
 * Two horizontal bars per row on one shared scale (p50 and p90 of a stage; AI-assisted and other), each with
 * its value written after it.
 */
export function pairedBars(
  frame: Omit<ChartFrame, 'width' | 'height'>,
  rows: readonly PairedRow[],
  series: readonly [PairedSeries, PairedSeries],
  format: (value: number | null) => string,
  empty = 'nothing to show',
): string {
  const max = Math.max(0, ...rows.flatMap((r) => r.values.filter((v): v is number => v !== null)));
  if (rows.length === 0 || max <= 0) return emptyChart({ ...frame, width: WIDTH, height: 0 }, empty);
  const key = legend(series.map((s) => ({ text: s.name, colour: s.colour, opacity: s.opacity })), 0, 0, WIDTH);
  // room for the longest row label (12 px text), within reason
  const labelW = Math.min(WIDTH / 3, Math.max(60, 12 + Math.max(...rows.map((r) => r.label.length)) * CHAR));
  const valueW = 60;
  const barH = 14;
  const rowH = barH * 2 + 14;
  const top = key.height + 6;
  const scale = (WIDTH - labelW - valueW) / max;
  const body = rows.map((row, i) => {
    const y = top + i * rowH;
    const bars = row.values.map((value, j) => {
      const s = series[j] as PairedSeries;
      const by = y + j * (barH + 1);
      const w = value === null ? 0 : Math.max(value > 0 ? 1 : 0, value * scale);
      return (
        el('rect', { x: labelW, y: by, width: w, height: barH, fill: row.colour ?? s.colour, 'fill-opacity': s.opacity }, tooltip(`${row.label}, ${s.name}: ${format(value)}`)) +
        label(labelW + w + 4, by + barH - 2.5, format(value), { class: 'value' })
      );
    });
    return label(labelW - 8, y + barH + 4, row.label, { 'text-anchor': 'end' }) + bars.join('');
  });
  return chart({ ...frame, width: WIDTH, height: top + rows.length * rowH }, key.markup, ...body);
}

/** Vertical bars of counts per bucket, the count above each bar. */
export function histogramChart(frame: Omit<ChartFrame, 'width' | 'height'>, buckets: readonly Bucket[], colour: string, empty: string): string {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return emptyChart({ ...frame, width: WIDTH, height: 0 }, empty);
  const height = 220;
  const left = 30;
  const bottom = 28;
  const top = 16;
  const plotH = height - top - bottom;
  const { max, ticks } = countTicks(Math.max(...buckets.map((b) => b.count)));
  const slot = (WIDTH - left) / buckets.length;
  const y = (count: number): number => top + plotH - (count / max) * plotH;
  const grid = ticks.map((t) =>
    el('line', { x1: left, x2: WIDTH, y1: y(t), y2: y(t), class: 'grid' }) + label(left - 6, y(t) + 4, String(t), { 'text-anchor': 'end', class: 'muted' }),
  );
  const bars = buckets.map((b, i) => {
    const x = left + i * slot + slot * 0.12;
    const w = slot * 0.76;
    const share = `${Math.round((b.count / total) * 100)}%`;
    return (
      el('rect', { x, y: y(b.count), width: w, height: y(0) - y(b.count), fill: colour }, tooltip(`${b.label}: ${b.count} change(s), ${share}`)) +
      (b.count > 0 ? label(x + w / 2, y(b.count) - 4, String(b.count), { 'text-anchor': 'middle', class: 'value' }) : '') +
      label(x + w / 2, height - 10, b.label, { 'text-anchor': 'middle', 'font-size': 11 })
    );
  });
  return chart({ ...frame, width: WIDTH, height }, ...grid, ...bars);
}
