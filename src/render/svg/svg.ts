import { escapeHtml } from '../sanitize.js';

/**
 * Every chart's natural width (px) and its one text size: drawn 1:1 on a desktop, two side by side; shrunk onto
 * a 390 px phone (about 355–370 px of content) its text stays above 11 px.
 */
export const CHART_WIDTH = 400;
export const FONT_SIZE = 13;
// advance widths (em) of DejaVu Sans, the widest common default sans-serif: text laid out without measuring
// it must never turn out longer than estimated, or a label is cut off at the chart's edge
const NARROW = new Set([...' .,:;!|\'`iljI()[]{}·']);
const WIDE = new Set([...'mwMW%—']);
const SYMBOL = new Set([...'≥≤+−<>=~→×']);

function em(c: string): number {
  if (NARROW.has(c)) return 0.34;
  if (WIDE.has(c)) return 1.0;
  if (SYMBOL.has(c)) return 0.84;
  if (/[0-9]/.test(c)) return 0.64;
  if (/[A-Z]/.test(c)) return 0.76;
  if (/[frt]/.test(c)) return 0.42;
  return (c.codePointAt(0) ?? 0) > 0x2e80 ? 1.0 : 0.64;
}

/** The estimated width (px) of `text` at the chart's font size: at or above what a browser draws. */
export function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += em(c);
  return width * FONT_SIZE;
}

/** `text` cut to at most `width` px, with an ellipsis where it was cut. */
export function fitText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** Attribute values of an SVG element; null and undefined leave the attribute out. */
export type Attrs = Record<string, string | number | null | undefined>;

/** Rounds a coordinate to 0.1 px: the output stays short and byte-stable. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * One element as markup. Attribute names are trusted constants; attribute values are escaped here;
 * `children` must already be markup (escape text with `label`).
 */
export function el(name: string, attrs: Attrs, ...children: string[]): string {
  const attributes = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? px(value) : escapeHtml(value)}"`)
    .join('');
  return children.length === 0 ? `<${name}${attributes}/>` : `<${name}${attributes}>${children.join('')}</${name}>`;
}

/**
 * A `<text>` element whose content is escaped: safe for untrusted text. `whole`, when the content is a shortened
 * form of it, becomes the text's tooltip.
 */
export function label(x: number, y: number, content: string, attrs: Attrs = {}, whole?: string): string {
  return el('text', { x, y, ...attrs }, escapeHtml(content), whole !== undefined && whole !== content ? tooltip(whole) : '');
}

/** A tooltip: `<title>` inside a shape is what a browser shows on hover and a screen reader reads. */
export function tooltip(content: string): string {
  return `<title>${escapeHtml(content)}</title>`;
}

export interface ChartFrame {
  /** stable id, also written as `data-chart` so tests and readers can find the chart */
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
}

/** The outer `<svg>`: scales to its container, announced as one image with its title and description. */
export function chart(frame: ChartFrame, ...body: string[]): string {
  return el(
    'svg',
    {
      viewBox: `0 0 ${px(frame.width)} ${px(frame.height)}`,
      // drawn at its natural size; CSS lets it shrink (never grow) with the page
      width: frame.width,
      height: frame.height,
      role: 'img',
      'aria-labelledby': `${frame.id}-title ${frame.id}-desc`,
      class: 'chart',
      'data-chart': frame.id,
      'font-size': FONT_SIZE,
    },
    el('title', { id: `${frame.id}-title` }, escapeHtml(frame.title)),
    el('desc', { id: `${frame.id}-desc` }, escapeHtml(frame.description)),
    ...body,
  );
}

/** What a chart shows when there is nothing to draw: the frame and one line saying why. */
export function emptyChart(frame: ChartFrame, why: string): string {
  return chart({ ...frame, height: 48 }, label(frame.width / 2, 28, why, { 'text-anchor': 'middle', class: 'muted' }));
}
