import { createHash } from 'node:crypto';
import type { Report } from '../report/schema.js';
import { asOfText, businessHoursText, mergedInWindow, workingDayText } from './format.js';
import { CSS, SCRIPT } from './html/assets.js';
import { changesTable } from './html/changes.js';
import { acceptance } from './html/acceptance.js';
import { aiComparison, queues } from './html/comparison.js';
import { changeSize, deploys, leadTime, unreleased } from './html/delivery.js';
import { dora, keyFigures, recommendations, stages } from './html/overview.js';
import { h, section } from './html/parts.js';
import { repair } from './html/repair.js';
import { aiDefects } from './html/ai-defects.js';
import { aiLoad } from './html/ai-load.js';
import { aiShift } from './html/ai-shift.js';
import { previousPeriod } from './html/previous.js';
import { keyTrends } from './html/trends.js';
import { teamwork } from './html/teamwork.js';
import { renderRepositoryHtml } from './repositories.js';
import { repositoryName } from './names.js';
import { deploySignalHeader } from './signal.js';
import { renderProductsHtml } from './products.js';
import { renderSlicesHtml } from './slices.js';
import { withCodeSpans } from './code-spans.js';

/**
 * The page's Content-Security-Policy, a second line of defence behind escaping (the page holds titles and names
 * a stranger wrote): no request leaves it (default-src 'none': no fetch, font, frame or remote image; images
 * only as data: URLs), and no script runs but the report's own, named by its hash, so a tag that slipped past
 * the escaping runs nothing. Styles stay 'unsafe-inline' (the stage swatches carry style attributes): CSS
 * can reach nothing with every URL blocked. No <base>, no form submission.
 */
export const HTML_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}'`,
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The report as one self-contained HTML file: no request leaves it when opened (inline CSS, inline SVG charts,
 * one small inline script that searches, sorts and pages the table of changes from the DOM), readable on a
 * phone, in dark mode and printed. Sections in reading order: the headline, where the time goes and what to fix
 * first (the first screen), the key figures, the DORA keys, then lead time, deploys, the unreleased backlog, review,
 * rework, CI, work in progress, AI-assisted vs other, acceptance, the queues, and every change. Every piece of text from git or GitHub is
 * HTML-escaped; only http(s) URLs become links. Reads the report only: every figure is the summary's.
 */
export function renderHtml(input: Report): string {
  const report: Report = input;
  const name = repositoryName(report.repository);
  const hours = businessHoursText(report);
  const body = mergedInWindow(report) === 0
    ? [renderRepositoryHtml(report), `<p class="headline">${h(`No changes merged between ${report.window.since.slice(0, 10)} and ${report.window.until.slice(0, 10)}.`)}</p>`]
    : [
        // the first screen is the answer: the headline, where the time goes, what to fix first; then the rest
        `<p class="headline">${h(report.summary.headline)}</p>`,
        stages(report),
        recommendations(report),
        keyFigures(report),
        renderRepositoryHtml(report),
        renderSlicesHtml(report),
        dora(report),
        previousPeriod(report),
        leadTime(report),
        keyTrends(report),
        changeSize(report),
        deploys(report),
        renderProductsHtml(report),
        repair(report),
        aiShift(report),
        unreleased(report),
        ...teamwork(report),
        aiComparison(report),
        aiDefects(report),
        aiLoad(report),
        acceptance(report),
        queues(report),
        changesTable(report),
      ];
  const main = [...body, notes(report)].filter(Boolean).join('\n');
  const signal = deploySignalHeader(report);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>flowaudit · ${h(name)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>flowaudit · ${h(name)}</h1>
<p class="meta">${h(`branch ${report.repository.branch} · ${report.window.since.slice(0, 10)} → ${report.window.until.slice(0, 10)}${report.window.historyFrom ? ` (history from ${report.window.historyFrom.slice(0, 10)})` : ''}, ${asOfText(report)} · sources: ${report.sources.join(' + ')} · deploys: ${signal}`)}</p>
${hours ? `<p class="meta"><b>Business hours on</b>: durations count only ${h(hours)}; ${h(workingDayText(input) ?? '')}.</p>\n` : ''}${contents(main)}
</header>
<main>
${main}
</main>
<footer><p class="meta">${h(`${report.tool.name} ${report.tool.version} · generated ${report.generatedAt}`)}</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** A list of the sections present, linking to each: a long report is read by jumping. */
function contents(main: string): string {
  const links = [...main.matchAll(/<section id="([a-z-]+)" aria-labelledby="[a-z-]+-h">\n<h2 id="[a-z-]+-h">([^<]*)<\/h2>/g)].map(([, id, title]) => `<li><a href="#${id ?? ''}">${title ?? ''}</a></li>`);
  // folded: three lines of links would push the answer off the first screen
  return links.length < 3 ? '' : `<details class="toc-fold"><summary>Sections (${links.length})</summary><nav class="toc" aria-label="Sections"><ul>${links.join('')}</ul></nav></details>`;
}

function notes(report: Report): string {
  const list = (items: string[]): string => `<ul>${items.map((n) => `<li>${withCodeSpans(n, h, (name) => `<code>${h(name)}</code>`)}</li>`).join('')}</ul>`;
  return [
    report.warnings.length > 0 ? section('warnings', 'Warnings', '', list(report.warnings)) : '',
    report.notes.length > 0 ? section('notes', 'Notes', '', list(report.notes)) : '',
  ].filter(Boolean).join('\n');
}
