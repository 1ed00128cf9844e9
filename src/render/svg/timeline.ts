import { ACCENT_COLOUR, FAIL_COLOUR, logCountScale, thinTicks } from './scale.js';
import { legend, type LegendItem } from './legend.js';
import { CHART_WIDTH, chart, el, emptyChart, label, textWidth, tooltip, type ChartFrame } from './svg.js';
import { drawTimeTicks, timeTicks } from './time-axis.js';
import { largest } from '../../lists.js';

const WIDTH = CHART_WIDTH;

export interface TimelineEvent {
  /** epoch seconds */
  at: number;
  /** how much it carried (changes shipped): the stem's height, on a log scale from 0 */
  size: number;
  status: 'ok' | 'failed' | 'rollback';
  tip: string;
}

const ROLLBACK_COLOUR = '#e69f00';

/**
 * Events over a time span as stems whose height is how much each carried (log scale: one change and a thousand
 * both show), marked by status — a failed deploy is a red cross, a rollback an orange diamond — each with a
 * tooltip. `start`/`end` are epoch seconds.
 */
export function timelineChart(frame: Omit<ChartFrame, 'width' | 'height'>, events: readonly TimelineEvent[], start: number, end: number, sizeName: string, empty: string): string {
  if (events.length === 0 || !(end > start)) return emptyChart({ ...frame, width: WIDTH, height: 0 }, empty);
  const items: LegendItem[] = [{ text: 'deploy', colour: ACCENT_COLOUR }];
  if (events.some((e) => e.status === 'failed')) items.push({ text: 'failed', colour: FAIL_COLOUR });
  if (events.some((e) => e.status === 'rollback')) items.push({ text: 'rollback', colour: ROLLBACK_COLOUR });
  const key = legend(items, 0, 0, WIDTH);
  const scale = logCountScale(Math.max(1, largest(events.map((e) => e.size))));
  const left = largest(scale.ticks.map((t) => textWidth(String(t)))) + 10;
  const right = 10;
  const top = key.height + 24;
  const plotH = 130;
  const base = top + plotH;
  const plotW = WIDTH - left - right;
  const x = (t: number): number => left + ((Math.min(end, Math.max(start, t)) - start) / (end - start)) * plotW;
  const y = (v: number): number => base - scale.at(v) * plotH;
  const grid = thinTicks(scale, plotH, 22).map((t) => el('line', { x1: left, x2: WIDTH - right, y1: y(t), y2: y(t), class: 'grid' }) + label(left - 6, y(t) + 4, String(t), { 'text-anchor': 'end', class: 'muted' }));
  const axisName = label(0, top - 10, sizeName, { class: 'muted' });
  const time = drawTimeTicks(timeTicks(start, end, x), x, base, base + 4);
  // the failed and rolled-back drawn last, on top of the rest
  const order = [...events].sort((a, b) => rank(a.status) - rank(b.status));
  const marks = order.map((e) => {
    const cx = x(e.at);
    const cy = y(e.size);
    const colour = e.status === 'failed' ? FAIL_COLOUR : e.status === 'rollback' ? ROLLBACK_COLOUR : ACCENT_COLOUR;
    const stem = el('line', { x1: cx, x2: cx, y1: base, y2: cy, stroke: colour, 'stroke-width': 1.5, 'stroke-opacity': 0.7 });
    const mark =
      e.status === 'failed'
        ? el('path', { d: `M${r(cx - 4.5)} ${r(cy - 4.5)}L${r(cx + 4.5)} ${r(cy + 4.5)}M${r(cx - 4.5)} ${r(cy + 4.5)}L${r(cx + 4.5)} ${r(cy - 4.5)}`, stroke: colour, 'stroke-width': 2.5 })
        : e.status === 'rollback'
          ? el('path', { d: `M${r(cx)} ${r(cy - 5.5)}L${r(cx + 5.5)} ${r(cy)}L${r(cx)} ${r(cy + 5.5)}L${r(cx - 5.5)} ${r(cy)}Z`, fill: colour })
          : el('circle', { cx, cy, r: 3.2, fill: colour });
    // a generous invisible target, so a thin mark is easy to hover
    const target = el('rect', { x: cx - 5, y: cy - 6, width: 10, height: base - cy + 6, fill: 'transparent' }, tooltip(e.tip));
    return el('g', {}, stem, mark, target);
  });
  // the marks joined, one argument: there is one a deploy
  return chart({ ...frame, width: WIDTH, height: base + 24 }, key.markup, axisName, ...grid, ...time, marks.join(''));
}

function rank(status: TimelineEvent['status']): number {
  return status === 'ok' ? 0 : 1;
}

function r(v: number): number {
  return Math.round(v * 10) / 10;
}
