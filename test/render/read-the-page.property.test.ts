import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAGES, type StageName } from '../../src/domain.js';
import { renderCsv } from '../../src/render/csv.js';
import { deployRateText, durationOrBound, formatDuration, percentileText } from '../../src/render/duration.js';
import { figureTitle, linesText } from '../../src/render/format.js';
import { figureLabel } from '../../src/metrics/catalogue.js';
import { renderHtml } from '../../src/render/html.js';
import { renderJsonChunks } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { escapeHtml } from '../../src/render/sanitize.js';
import { renderText } from '../../src/render/text.js';
import { visibleWidth } from '../../src/render/text/layout.js';
import type { Report } from '../../src/report/schema.js';
import { shortStageLabel, stageLabel } from '../../src/stage-labels.js';
import { formatRatio } from '../../src/units.js';
import { MACHINE_PATH, pageCases } from './page-arbitrary.js';

/*
 * Tests that read the page (issue 37, item 4): over generated histories, every format is rendered and read as a
 * person would read it — each figure the same in text, Markdown, HTML and JSON, drawn widths the labelled values,
 * no 0% change failure rate beside a failed deploy, no path of the machine, no line wider than the terminal.
 */

const RUNS = 60;
const json = (report: Report): Report => JSON.parse([...renderJsonChunks(report)].join('')) as Report;
/** a table row's cells: the text between its `│` (or `|`) */
const cells = (line: string, bar = '│'): string[] => line.split(bar).slice(1, -1).map((c) => c.trim());
/** a cell of Markdown or HTML as its reader sees it: `&gt; 99%` is `> 99%` */
const unescape = (text: string): string => text.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
const pattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** RFC 4180 rows: quoted cells may hold commas, quotes (doubled) and line breaks */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}
const sectionOf = (html: string, id: string): string => /<section id="([a-z-]+)"[\s\S]*?<\/section>/g.exec(html.slice(html.indexOf(`<section id="${id}"`)))?.[0] ?? '';

/** Each stage's and the two totals' figures, as the one writer of their kind writes them from the JSON's values. */
function expectedRows(report: Report): Map<string, string[]> {
  const s = json(report).summary;
  const gitOnly = !report.sources.includes('github');
  const unseen = gitOnly && (s.stages.coding.oneCommit ?? 0) * 2 > s.stages.coding.count && s.stages.coding.count > 0;
  const rows = new Map<string, string[]>();
  for (const k of STAGES) {
    const f = s.stages[k];
    rows.set(k, [String(f.count), percentileText(f, 'p50'), percentileText(f, 'p75'), percentileText(f, 'p90'), formatRatio(k === 'coding' && unseen ? null : f.share)]);
  }
  rows.set('cycle', [String(s.cycleTime.count), percentileText(s.cycleTime, 'p50'), percentileText(s.cycleTime, 'p75'), percentileText(s.cycleTime, 'p90')]);
  rows.set('lead', [String(s.leadTime.count), percentileText(s.leadTime, 'p50'), percentileText(s.leadTime, 'p75'), percentileText(s.leadTime, 'p90')]);
  return rows;
}

describe('the page, read over generated histories', () => {
  it('shows each stage\'s and the lead and cycle time\'s figures alike in text, Markdown and HTML, as the JSON holds them', () => {
    fc.assert(
      fc.property(pageCases, ({ report }) => {
        const expected = expectedRows(report);
        const gitOnly = !report.sources.includes('github');
        const text = renderText(report, { color: false, width: 400 }).split('\n');
        const markdown = renderMarkdown(report).split('\n');
        const html = renderHtml(report);
        const stagesHtml = sectionOf(html, 'stages');
        for (const [key, want] of expected) {
          const label = key === 'cycle' ? 'cycle time' : key === 'lead' ? 'lead time' : stageLabel(key as (typeof STAGES)[number], gitOnly);
          const textRow = text.find((l) => l.startsWith(`│ ${label} `));
          expect(cells(textRow ?? '').slice(1, 1 + want.length), `text ${label}`).toEqual(want);
          const mdRow = markdown.find((l) => l.startsWith(`| ${escapeHtml(label)} |`) || l.startsWith(`| **${label}** `));
          expect(cells(mdRow ?? '', '|').slice(1, 1 + want.length).map(unescape), `markdown ${label}`).toEqual(want);
          const title = key === 'cycle' ? 'first commit → merge' : key === 'lead' ? 'first commit → deploy' : escapeHtml(stageLabel(key as (typeof STAGES)[number], gitOnly));
          const htmlRow = new RegExp(`<th scope="row" title="${pattern(title)}">[\\s\\S]*?</tr>`).exec(stagesHtml)?.[0] ?? '';
          expect([...htmlRow.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => unescape(m[1] ?? '')).slice(0, want.length), `html ${label}`).toEqual(want);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('writes every DORA key the same in text, Markdown and HTML, as the JSON holds it', () => {
    fc.assert(
      fc.property(pageCases, ({ report }) => {
        const s = json(report).summary;
        const d = s.dora;
        // each key's value as the one writer of its kind writes it from the JSON
        const want: Array<[string, string]> = [
          ['dora.deploymentFrequency', deployRateText(d.deploymentFrequency)],
          ['dora.leadTime', durationOrBound(d.leadTime.value, s.leadTime.atLeast)],
          ['dora.changeFailureRate', formatRatio(d.changeFailureRate.value)],
          ['dora.timeToRestore', formatDuration(d.timeToRestore.value)],
          ['dora.reworkRate', formatRatio(d.reworkRate.value)],
        ];
        const text = renderText(report, { color: false, width: 400 });
        const deploys = text.slice(text.indexOf('\nDeploys\n')).replace(/\s+/g, ' ');
        const markdown = renderMarkdown(report);
        const html = renderHtml(report);
        for (const [path, value] of want) {
          const title = figureTitle(path);
          // the terminal: `lead time for changes 3d 12h`; deploys per week open their line
          if (path === 'dora.deploymentFrequency') expect(deploys, path).toContain(value);
          else expect(deploys, path).toContain(`${figureLabel(path)} ${value}`);
          // the DORA tables: the value, a duration as `(median)` after it
          const mdCell = new RegExp(`^\\| ${pattern(title)} \\| ([^|]*) \\|`, 'm').exec(markdown)?.[1];
          expect(unescape(mdCell ?? '').replace(/ \(median\)$/, ''), `markdown ${path}`).toBe(value);
          const htmlCell = new RegExp(`<th scope="row">${pattern(escapeHtml(title))}</th><td>([^<]*)</td>`).exec(html)?.[1];
          expect(unescape(htmlCell ?? '').replace(/ \(median\)$/, ''), `html ${path}`).toBe(value);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('lists each change\'s stages, lead time and lines alike in the CSV, Markdown and HTML, as the JSON holds them', () => {
    fc.assert(
      fc.property(pageCases, ({ report }) => {
        const changes = json(report).changes;
        const gitOnly = !report.sources.includes('github');
        const [head = [], ...rows] = parseCsv(renderCsv(report));
        const page = renderMarkdown(report).split('\n');
        // the list of every change, after the unreleased and slowest tables' rows of some of them
        const markdown = page.slice(page.findIndex((l) => l.startsWith('| Change | Title | Author |')));
        const mdHead = cells(markdown[0] ?? '', '|');
        const html = sectionOf(renderHtml(report), 'changes');
        const htmlRows = [...html.matchAll(/<tr[^>]*><td class="id">([\s\S]*?)<\/tr>/g)].map((m) => m[0]);
        const shown = STAGES.filter((k) => report.summary.stages[k].count > 0);
        expect(rows).toHaveLength(changes.length);
        // the Markdown's heads name the stages as every other table does (they read 'coding' where git sees first → last)
        expect(mdHead.slice(5, 10)).toEqual(STAGES.map((k) => escapeHtml(shortStageLabel(k, gitOnly))));
        changes.forEach((ch, i) => {
          const csv = Object.fromEntries(head.map((h, j) => [h, rows[i]?.[j] ?? '']));
          // the CSV: seconds and counts as the JSON holds them, empty for unknown
          for (const k of STAGES) expect(csv[k], `csv ${ch.id} ${k}`).toBe(ch.stages[k] === null ? '' : String(ch.stages[k]));
          expect(csv['leadTime']).toBe(ch.leadTime === null ? '' : String(ch.leadTime));
          // a change still waiting: how long so far, as the JSON holds it (empty once deployed)
          expect([csv['deploySoFar'], csv['leadTimeSoFar']], `csv ${ch.id} so far`).toEqual([String(ch.soFar?.deploy ?? ''), String(ch.soFar?.leadTime ?? '')]);
          expect([csv['additions'], csv['deletions']]).toEqual([String(ch.additions ?? ''), String(ch.deletions ?? '')]);
          // the Markdown and HTML lists: those values by the one duration and lines writer
          const md = cells(markdown.find((l) => l.startsWith(`| [${ch.id.replace('#', '#&#8203;')}](`)) ?? '', '|');
          // the deploy wait and lead time of a change still waiting: so far, a bound (≥)
          const stage = (k: StageName): string => (k === 'deploy' ? durationOrBound(ch.stages.deploy, ch.soFar?.deploy) : formatDuration(ch.stages[k]));
          const lead = durationOrBound(ch.leadTime, ch.soFar?.leadTime);
          expect(md.slice(5, 12).map(unescape), `markdown ${ch.id}`).toEqual([...STAGES.map(stage), lead, linesText(ch)]);
          const tr = htmlRows.find((r) => r.includes(`>${ch.id}</a>`)) ?? '';
          const tds = [...tr.matchAll(/<td class="num" data-v="([^"]*)"[^>]*>([^<]*)<\/td>/g)].slice(1).map((m) => [m[1], unescape(m[2] ?? '')]);
          expect(tds, `html ${ch.id}`).toEqual([
            // sorted at the value, else at the bound
            ...shown.map((k) => [String(ch.stages[k] ?? (k === 'deploy' ? (ch.soFar?.deploy ?? '') : '')), stage(k)]),
            [String(ch.leadTime ?? ch.soFar?.leadTime ?? ''), lead],
            [ch.additions === null || ch.deletions === null ? '' : String(ch.additions + ch.deletions), linesText(ch)],
          ]);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('writes the change failure rate one way in every format, and never 0% while a deploy failed', () => {
    fc.assert(
      fc.property(pageCases, ({ report, failed }) => {
        const cfr = json(report).summary.dora.changeFailureRate.value;
        const want = formatRatio(cfr);
        if (failed > 0) expect(want).not.toBe('0%');
        const text = renderText(report, { color: false, width: 400 });
        expect(/change failure rate (\S+)/.exec(text.slice(text.indexOf('\nDeploys\n')))?.[1]).toBe(want);
        const markdown = renderMarkdown(report);
        expect(/change failure rate \*\*([^*]+)\*\*/.exec(markdown)?.[1]).toBe(want);
        expect(markdown).toMatch(new RegExp(`^\\| Change failure rate \\| ${pattern(escapeHtml(want))} \\|`, 'm'));
        const html = renderHtml(report);
        // the tile and the DORA table: one figure, one spelling (vite's read 5% on the card, 5.3% in the table)
        expect(/<span class="label">Change failure rate[\s\S]*?<b>([^<]*)<\/b>/.exec(html)?.[1]).toBe(escapeHtml(want));
        expect(/<th scope="row">Change failure rate<\/th><td>([^<]*)<\/td>/.exec(html)?.[1]).toBe(escapeHtml(want));
      }),
      { numRuns: RUNS },
    );
  });

  it('draws each share as wide as its label says, and says the shares add up to 100% only when they do', () => {
    fc.assert(
      fc.property(pageCases, ({ report }) => {
        const html = renderHtml(report);
        const bar = /<svg[^>]*data-chart="stage-shares"[\s\S]*?<\/svg>/.exec(html)?.[0];
        if (bar === undefined) return;
        const segments = [...bar.matchAll(/<rect x="[^"]*" y="[^"]*" width="([^"]*)" height="[^"]*" fill="[^"]*" data-share="([^"]*)"><title>([^<]*)<\/title>/g)];
        let drawn = 0;
        for (const [, width, share, title] of segments) {
          // the chart is 400 px wide: a share of 25% is 100 px, to the tenth of a pixel written (half a tenth off at
          // most, which a float's product may pass by 1e-14: 0.05000000000001137 failed one seed)
          expect(Math.abs(Number(width) - Number(share) * 400)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(unescape(title ?? "")).toContain(`: ${formatRatio(Number(share))}`);
          drawn += Number(share);
        }
        const caption = /data-chart="stage-shares"[\s\S]*?<\/svg><p class="note">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
        const shares = JSON.stringify(STAGES.map((k) => [k, report.summary.stages[k].share, report.summary.stages[k].oneCommit]));
        if (caption.includes('add up to 100%')) expect(Math.abs(drawn - 1), `${caption} ${shares}`).toBeLessThan(1e-9);
        // the labels are rounded one by one (12% + 20% + 69%): the caption never says they add up to 100% themselves
        if (caption.includes('add up to 100%')) expect(caption).toContain('add up to 100% before each label is rounded');
        else expect(drawn, `${caption} ${shares}`).toBeLessThan(1 - 1e-9);
      }),
      { numRuns: RUNS },
    );
  });

  it('holds no path of the machine in any format but the JSON\'s own field for it', () => {
    fc.assert(
      fc.property(pageCases, ({ report }) => {
        for (const page of [renderText(report, { color: false, width: 120 }), renderMarkdown(report), renderHtml(report), renderCsv(report)]) expect(page).not.toContain('/home/ada-lovelace');
        // named by its folder where a page names it
        for (const page of [renderText(report, { color: false, width: 120 }), renderMarkdown(report), renderHtml(report)]) expect(page).toContain('shop-service');
        const text = [...renderJsonChunks(report)].join('');
        expect(text.split(MACHINE_PATH).length - 1).toBe(1);
        expect(json(report).repository.path).toBe(MACHINE_PATH);
      }),
      { numRuns: 20 },
    );
  });

  it('lays the terminal report out within --width, whatever the width, a row\'s name and a table\'s heads never cut', () => {
    fc.assert(
      fc.property(pageCases, fc.integer({ min: 60, max: 200 }), ({ report }, width) => {
        const lines = renderText(report, { color: false, width }).split('\n');
        for (const line of lines) expect(visibleWidth(line), line).toBeLessThanOrEqual(width);
        lines.forEach((line, i) => {
          if (!line.startsWith('│')) return;
          // a row's name (a stage, a change, a deploy, a week) is its first cell: wrapped if need be, never cut
          expect(cells(line)[0], line).not.toMatch(/…$/);
          // a head (the line under a table's top) wraps rather than cut
          if (lines[i - 1]?.startsWith('┌')) expect(line, line).not.toContain('…');
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('opens every format with the headline, where the time goes and what to fix first', () => {
    fc.assert(
      fc.property(pageCases, ({ report }) => {
        const text = renderText(report, { color: false, width: 80 }).split('\n');
        const at = (title: string): number => text.indexOf(title);
        expect(at('Where the time goes')).toBeGreaterThan(0);
        expect(at('What to fix first')).toBeGreaterThan(at('Where the time goes'));
        for (const later of ['Unreleased', 'Deploys', 'Repairs', 'Where the queue builds', 'Slowest changes']) if (at(later) !== -1) expect(at(later), later).toBeGreaterThan(at('What to fix first'));
        const headings = renderMarkdown(report).split('\n').filter((l) => l.startsWith('### '));
        expect(headings.slice(0, 2)).toEqual(['### Where the time goes', '### What to fix first']);
        const sections = [...renderHtml(report).matchAll(/<section id="([a-z-]+)"/g)].map((m) => m[1]);
        expect(sections.slice(0, 2)).toEqual(['stages', 'recommendations']);
      }),
      { numRuns: 30 },
    );
  });
});
