import { el, label } from './svg.js';

export interface LegendItem {
  text: string;
  colour: string;
  opacity?: number;
  /** drawn as a line (a series of a line chart) rather than a swatch */
  line?: boolean;
}

// an estimate of a 13 px system-font character: legends are laid out without measuring text
export const CHAR = 7.4;
const ROW = 19;

/** Legend items flowed left to right in rows within `width`; returns the markup and the height it takes. */
export function legend(items: readonly LegendItem[], x0: number, y0: number, width: number): { markup: string; height: number } {
  let x = x0;
  let y = y0;
  const parts: string[] = [];
  for (const item of items) {
    const w = 18 + item.text.length * CHAR + 16;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += ROW;
    }
    parts.push(
      item.line
        ? el('line', { x1: x, y1: y + 6, x2: x + 14, y2: y + 6, stroke: item.colour, 'stroke-width': 2.5 })
        : el('rect', { x, y, width: 12, height: 12, rx: 2, fill: item.colour, 'fill-opacity': item.opacity }),
      label(x + 18, y + 11, item.text),
    );
    x += w;
  }
  return { markup: el('g', { class: 'legend' }, ...parts), height: items.length === 0 ? 0 : y - y0 + ROW };
}
