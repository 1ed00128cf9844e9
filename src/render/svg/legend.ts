import { el, fitText, label, textWidth } from './svg.js';

export interface LegendItem {
  text: string;
  colour: string;
  opacity?: number;
  /** drawn as a line (a series of a line chart) rather than a swatch */
  line?: boolean;
  dashed?: boolean;
  /** a hatched band (weeks without data) */
  band?: boolean;
  /** a hollow dot (a period drawn apart) */
  hollow?: boolean;
}

// a row's text sits below its top by a full ascent: the first row is never cut off by the chart's edge
const ROW = 20;

/** Legend items flowed left to right in rows within `width`; returns the markup and the height it takes. */
export function legend(items: readonly LegendItem[], x0: number, y0: number, width: number): { markup: string; height: number } {
  let x = x0;
  let y = y0;
  const parts: string[] = [];
  for (const item of items) {
    // an item longer than the whole row is cut, with its full text in a tooltip
    const text = fitText(item.text, width - 18);
    const w = 18 + textWidth(text) + 14;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += ROW;
    }
    parts.push(
      item.hollow
        ? el('circle', { cx: x + 6, cy: y + 8, r: 4, fill: 'none', stroke: item.colour, 'stroke-width': 1.5 })
        : item.line
        ? el('line', { x1: x, y1: y + 8, x2: x + 14, y2: y + 8, stroke: item.colour, 'stroke-width': 2.5, 'stroke-dasharray': item.dashed ? '4 3' : null })
        : item.band
          ? el('rect', { x, y: y + 2, width: 12, height: 12, class: 'gap' })
          : el('rect', { x, y: y + 2, width: 12, height: 12, rx: 2, fill: item.colour, 'fill-opacity': item.opacity }),
      label(x + 18, y + 13, text, {}, item.text),
    );
    x += w;
  }
  return { markup: el('g', { class: 'legend' }, ...parts), height: items.length === 0 ? 0 : y - y0 + ROW };
}
