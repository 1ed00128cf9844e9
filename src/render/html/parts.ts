import type { StageName } from '../../domain.js';
import type { Report } from '../../report/schema.js';
import { shortStageLabel } from '../../stage-labels.js';
import { escapeHtml } from '../sanitize.js';
import { httpUrl } from '../format.js';

/*
 * The building blocks every section of the HTML report is made of. Text from git or GitHub goes through `h`
 * (escaped); markup from these helpers is trusted.
 */

export const h = escapeHtml;

/**
 * A stage's name short enough for a chart or a column head. From git alone "review" is the whole wait from the
 * last commit to the merge (SPEC section 2), and "coding" the span from the first commit to the last: so they say.
 */
export function stageName(stage: StageName, report: Pick<Report, 'sources'>): string {
  const gitOnly = !report.sources.includes('github');
  return shortStageLabel(stage, gitOnly);
}

/** `1 change`, `3 changes`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A section with its heading; empty parts are left out. `lead` is the sentence under the heading. */
export function section(id: string, title: string, lead: string, ...content: string[]): string {
  return `<section id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${h(title)}</h2>\n${lead ? `<p class="lead">${lead}</p>\n` : ''}${content.filter(Boolean).join('\n')}\n</section>`;
}

/** A chart with its visible caption and an optional note (both plain text, escaped here). */
export function figure(svg: string, caption: string, note = ''): string {
  return `<figure><figcaption>${h(caption)}</figcaption>${svg}${note ? `<p class="note">${h(note)}</p>` : ''}</figure>`;
}

/** Charts side by side where the page is wide enough, one under the other on a phone. */
export function charts(...figures: string[]): string {
  const present = figures.filter(Boolean);
  return present.length === 0 ? '' : `<div class="charts">${present.join('')}</div>`;
}

export interface Tile {
  label: string;
  value: string;
  /** a line under the value: what it is over, or a comparison */
  sub?: string;
  /** trusted markup after the label (a DORA band) */
  badge?: string;
  /**
   * a last line, in small type: over several repositories, how they lie against the DORA clusters (nine lines in
   * a badge had pushed every tile's value off a phone's first screen)
   */
  placed?: string;
  /** draw attention: the figure crosses a line the report warns about */
  alert?: boolean;
}

/** Key figures as tiles: the value large, what it is above, what it is over below. */
export function tiles(items: readonly Tile[], kind = ''): string {
  const one = (t: Tile): string =>
    `<div class="tile${t.alert ? ' alert' : ''}"><span class="label">${h(t.label)}${t.badge ?? ''}</span><b>${h(t.value)}</b>${t.sub ? `<span class="sub">${h(t.sub)}</span>` : ''}${t.placed ? `<span class="sub placed">${h(t.placed)}</span>` : ''}</div>`;
  return items.length === 0 ? '' : `<div class="tiles${kind ? ` ${kind}` : ''}">${items.map(one).join('')}</div>`;
}

/** A number cell: right-aligned, tabular figures. */
export function num(text: string): string {
  return `<td class="num">${h(text)}</td>`;
}

/** A number cell a phone's narrow screen leaves out, as its column's head (`table`'s `wide`). */
export function wideNum(text: string): string {
  return `<td class="num wide-only">${h(text)}</td>`;
}

/** A cell of text from git or GitHub: marked so the page's own wording can be told apart from it. */
export function ext(text: string, cls = ''): string {
  return `<td class="ext${cls ? ` ${cls}` : ''}">${h(text)}</td>`;
}

/** A link when `url` is an absolute http(s) URL, else the text alone. */
export function link(url: string | null | undefined, text: string): string {
  const href = httpUrl(url);
  return href ? `<a href="${h(href)}" rel="noopener noreferrer">${h(text)}</a>` : h(text);
}

/**
 * A table in its own horizontal scroller (a wide table never widens the page); `align` has one letter per
 * column, `r` for a right-aligned number column. Rows are trusted markup.
 */
export function table(head: readonly string[], rows: readonly string[], align = '', options: { kind?: string; caption?: string; wide?: readonly number[] } = {}): string {
  const cls = (i: number): string => [align[i] === 'r' ? 'num' : '', options.wide?.includes(i) ? 'wide-only' : ''].filter(Boolean).join(' ');
  const th = head.map((c, i) => `<th scope="col"${cls(i) ? ` class="${cls(i)}"` : ''}>${h(c)}</th>`).join('');
  const caption = options.caption ? `<caption>${h(options.caption)}</caption>` : '';
  // a phone leaves the wide-only columns out, and says which under the table (only there)
  const left = (options.wide ?? []).map((i) => head[i]).filter((c): c is string => c !== undefined && c !== '');
  const note = left.length > 0 ? `<p class="note narrow-only">${h(`Left out on a narrow screen: ${left.join(', ')} (turn the phone or widen the window to see them).`)}</p>` : '';
  return `<div class="scroll" tabindex="0"><table${options.kind ? ` class="${options.kind}"` : ''}>${caption}<thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table></div>${note}`;
}

/** Collapsed detail: a summary line and what opens under it. */
export function details(summary: string, body: string): string {
  return `<details><summary>${h(summary)}</summary>${body}</details>`;
}

