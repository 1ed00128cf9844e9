import { STAGES } from '../domain.js';
import type { DoraFigure } from '../metrics/dora.js';
import type { Report, ReportChange } from '../report/schema.js';
import { formatDuration, formatPercent } from './duration.js';
import { escapeHtml } from './sanitize.js';
import { businessHoursText, doraNotes, httpUrl, mergedInWindow, minuteOf } from './format.js';
import { healthSections, type HealthSection } from './health.js';
import { renderRepositoryHtml } from './repositories.js';
import { histogramChart, pairedBars, stackedShareBar } from './svg/bars.js';
import { AI_COLOUR, LEAD_COLOUR, OTHER_COLOUR, STAGE_COLOURS } from './svg/scale.js';
import { trendChart } from './svg/trend.js';
import { stageLabel } from './text.js';
import { SHORT_STAGE_LABELS as SHORT } from '../stage-labels.js';

/** No request leaves the page: styles and the one script are inline, images only as data: URLs. */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const h = escapeHtml;

/**
 * The report as one self-contained HTML file: no request leaves it when opened (inline CSS, inline SVG charts,
 * one small inline script that sorts the table of changes from the DOM), readable on a phone and printed.
 * Every piece of text from git or GitHub is HTML-escaped; only http(s) URLs become links.
 */
export function renderHtml(report: Report): string {
  const name = report.repository.remote ?? report.repository.path;
  const hours = businessHoursText(report);
  const health = healthSections(report);
  const body = mergedInWindow(report) === 0
    ? [renderRepositoryHtml(report), `<p class="headline">No changes merged between ${h(report.window.since)} and ${h(report.window.until)}.</p>`]
    : [
        `<p class="headline">${h(report.summary.headline)}</p>`,
        keyFigures(report),
        renderRepositoryHtml(report),
        stages(report),
        dora(report),
        recommendations(report),
        leadTimeCharts(report),
        ai(report, health.find((x) => x.id === 'ai')),
        ...health.filter((x) => x.id !== 'ai').map(healthSection),
        changesTable(report),
        deploys(report),
      ];
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
<p class="meta">branch <b>${h(report.repository.branch)}</b> · ${h(report.window.since.slice(0, 10))} → ${h(report.window.until.slice(0, 10))} · sources: ${h(report.sources.join(' + '))} · deploys: ${h(report.deploySignal.kind)}${report.deploySignal.detail ? ` (${h(report.deploySignal.detail)})` : ''}</p>
${hours ? `<p class="meta"><b>Business hours on</b>: durations count only ${h(hours)}.</p>\n` : ''}</header>
<main>
${[...body, notes(report)].filter(Boolean).join('\n')}
</main>
<footer><p class="meta">${h(`${report.tool.name} ${report.tool.version}`)} · generated ${h(report.generatedAt)}</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function section(id: string, title: string, ...content: string[]): string {
  return `<section id="${id}">\n<h2>${h(title)}</h2>\n${content.filter(Boolean).join('\n')}\n</section>`;
}

function figure(svg: string, caption: string, note = ''): string {
  return `<figure><figcaption>${h(caption)}</figcaption><div class="scroll">${svg}</div>${note ? `<p class="note">${h(note)}</p>` : ''}</figure>`;
}

function band(dora: DoraFigure): string {
  return dora.band ? `<span class="band band-${h(dora.band)}">${h(dora.band)}</span>` : '<span class="muted">—</span>';
}

function keyFigures(report: Report): string {
  const s = report.summary;
  const d = s.dora;
  const card = (value: string, label: string, extra = ''): string => `<div class="card"><b>${h(value)}</b><span class="label">${h(label)}</span>${extra}</div>`;
  return `<div class="cards">${[
    card(String(s.changes), 'changes counted'),
    card(formatDuration(s.leadTime.p50), 'lead time p50', band(d.leadTime)),
    card(formatDuration(s.cycleTime.p50), 'cycle time p50'),
    card(d.deploymentFrequency.value === null ? '—' : d.deploymentFrequency.value.toFixed(1), 'deploys per week', band(d.deploymentFrequency)),
    card(formatPercent(d.changeFailureRate.value), 'change failure rate', band(d.changeFailureRate)),
  ].join('')}</div>`;
}

function stages(report: Report): string {
  const s = report.summary;
  const shares = stackedShareBar(
    { id: 'stage-shares', title: 'Share of the time in each stage', description: `Σ of each stage over Σ of all stages, over ${s.shareBasis.changes} ${s.shareBasis.kind} change(s); the shares add up to 100%.` },
    STAGES.map((k) => ({ name: SHORT[k], colour: STAGE_COLOURS[k], share: s.stages[k].share, detail: `p50 ${formatDuration(s.stages[k].p50)}` })),
  );
  const percentiles = pairedBars(
    { id: 'stage-percentiles', title: 'p50 and p90 of each stage', description: 'Per stage, the median and the 90th percentile over the changes where the stage is known.' },
    STAGES.map((k) => ({ label: SHORT[k], colour: STAGE_COLOURS[k], values: [s.stages[k].p50, s.stages[k].p90] })),
    [{ name: 'p50', colour: OTHER_COLOUR }, { name: 'p90', colour: OTHER_COLOUR, opacity: 0.45 }],
    formatDuration,
    'no stage has a known duration',
  );
  const excluded = [s.excluded.bots > 0 ? `${s.excluded.bots} by bots` : '', s.excluded.syncs > 0 ? `${s.excluded.syncs} syncs` : ''].filter(Boolean).join(', ');
  const rows = STAGES.map((k) => {
    const f = s.stages[k];
    return `<tr><th scope="row"><span class="swatch" style="background:${STAGE_COLOURS[k]}"></span>${h(stageLabel(k, report))}</th>${[String(f.count), formatDuration(f.p50), formatDuration(f.p75), formatDuration(f.p90), formatPercent(f.share)].map(num).join('')}</tr>`;
  });
  for (const [label, d] of [['cycle time', s.cycleTime], ['lead time', s.leadTime]] as const) {
    rows.push(`<tr class="total"><th scope="row">${label}</th>${[String(d.count), formatDuration(d.p50), formatDuration(d.p75), formatDuration(d.p90), ''].map(num).join('')}</tr>`);
  }
  return section(
    'stages',
    'Where the time goes',
    `<p class="meta">${s.changes} change(s) counted${excluded ? ` (left out: ${h(excluded)})` : ''}; shares over ${s.shareBasis.changes} ${h(s.shareBasis.kind)} change(s).</p>`,
    charts(
      figure(shares, 'Share of the time by stage', 'The stages tile each change from first commit to deploy, so the shares add up to 100%.'),
      figure(percentiles, 'p50 and p90 per stage', 'Solid: p50 (half the changes take less). Light: p90 (one in ten takes longer).'),
    ),
    tableBlock(['Stage', 'Changes', 'p50', 'p75', 'p90', 'Share'], rows, 'lrrrrr'),
  );
}

function dora(report: Report): string {
  const d = report.summary.dora;
  const f = d.deploymentFrequency;
  const fixed = (v: number | null): string => (v === null ? '—' : v.toFixed(2));
  const rows: Array<[string, string, DoraFigure, string]> = [
    ['Deployment frequency', `${fixed(f.value)} per week · ${fixed(f.deployDaysPerWeek)} deploy-days per week`, f, `${f.count} deploy(s)`],
    ['Lead time for changes', median(d.leadTime.value), d.leadTime, `${d.leadTime.count} change(s)`],
    ['Change failure rate', formatPercent(d.changeFailureRate.value, 1), d.changeFailureRate, `${d.changeFailureRate.count} deploy(s)`],
    ['Time to restore', median(d.timeToRestore.value), d.timeToRestore, `${d.timeToRestore.count} restore(s)`],
    ['Deployment rework rate', formatPercent(d.reworkRate.value, 1), d.reworkRate, `${d.reworkRate.count} deploy(s)`],
  ];
  return section(
    'dora',
    'DORA keys',
    tableBlock(['Key', 'Value', 'Band', 'Over'], rows.map(([k, v, x, over]) => `<tr><th scope="row">${h(k)}</th><td>${h(v)}</td><td>${band(x)}</td>${num(over)}</tr>`), 'lllr'),
    doraNotes(rows.map(([k, , x]) => [k, x])).map((n) => `<p class="note">${h(n)}</p>`).join(''),
  );
}

function recommendations(report: Report): string {
  if (report.recommendations.length === 0) return '';
  const rows = report.recommendations.map((r) => `<tr>${[r.measure, r.value, r.tellsYou, r.doNext].map((t) => `<td>${h(t)}</td>`).join('')}</tr>`);
  return section('recommendations', 'What to do next', tableBlock(['What you measure', 'Measured', 'What it tells you', 'What you do next'], rows, 'llll', 'wide'));
}

/** Charts side by side where the page is wide enough, one under the other on a phone. */
function charts(...figures: string[]): string {
  return `<div class="charts">${figures.join('')}</div>`;
}

function leadTimeCharts(report: Report): string {
  return section('lead-time', 'Lead time: spread and trend', charts(distribution(report), trend(report)));
}

function distribution(report: Report): string {
  const { of, buckets } = report.summary.leadTimeHistogram;
  const deployed = of === 'leadTime';
  const what = deployed ? 'lead time' : 'cycle time';
  const svg = histogramChart(
    { id: 'lead-time-distribution', title: `Distribution of ${what}`, description: `How many changes had a ${what} in each range (first commit → ${deployed ? 'deploy' : 'merge'}).` },
    buckets,
    STAGE_COLOURS.coding,
    'no change with a known duration',
  );
  return figure(svg, `Lead-time distribution: changes by ${what}`, deployed ? '' : 'Nothing deployed yet: cycle time (first commit → merge) is shown instead.');
}

function trend(report: Report): string {
  const weeks = report.summary.trend.weeks;
  const useCycle = weeks.every((w) => w.leadTimeP50 === null) && weeks.some((w) => (w.cycleTimeP50 ?? null) !== null);
  const svg = trendChart(
    { id: 'weekly-trend', title: 'Weekly trend of lead time and stage medians', description: 'Per week (starting Monday, UTC), the median lead time and the median of each stage over the changes merged that week.' },
    weeks.map((w) => w.weekStart),
    [
      useCycle
        ? { name: 'cycle time p50', colour: LEAD_COLOUR, strong: true, values: weeks.map((w) => w.cycleTimeP50 ?? null) }
        : { name: 'lead time p50', colour: LEAD_COLOUR, strong: true, values: weeks.map((w) => w.leadTimeP50) },
      ...STAGES.map((k) => ({ name: `${k} p50`, colour: STAGE_COLOURS[k], values: weeks.map((w) => w.stages[k] ?? null) })),
    ],
    formatDuration,
  );
  const note = ['Medians of the changes merged each week.', useCycle ? 'Nothing deployed yet: cycle time stands in for lead time.' : ''].filter(Boolean).join(' ');
  return figure(svg, 'Weekly trend: lead time and stage medians', note);
}

function ai(report: Report, comparison: HealthSection | undefined): string {
  const groups = report.summary.aiComparison;
  const svg = pairedBars(
    { id: 'ai-vs-other', title: 'AI-assisted vs other changes: p50 of each stage', description: 'Median of each stage for changes carrying an AI marker (a lower bound) and for the rest.' },
    groups.assisted.count === 0 ? [] : STAGES.map((k) => ({ label: SHORT[k], values: [groups.assisted.stages[k], groups.other.stages[k]] })),
    [{ name: `AI-assisted (${groups.assisted.count}, a lower bound)`, colour: AI_COLOUR }, { name: `other (${groups.other.count})`, colour: OTHER_COLOUR }],
    formatDuration,
    'no AI-assisted change found in the window',
  );
  const small = groups.assisted.count > 0 ? (groups.note ?? '') : '';
  return section('ai', 'AI-assisted vs other', charts(figure(svg, 'p50 per stage, AI-assisted and other', small), comparison ? `<div>${figureBody(comparison)}</div>` : ''));
}

function healthSection(s: HealthSection): string {
  return section(`health-${s.id}`, s.title, figureBody(s));
}

function figureBody(s: HealthSection): string {
  const figures = s.figures.length === 0 ? '' : tableBlock(['Figure', 'Value'], s.figures.map(([k, v]) => `<tr><th scope="row">${h(k)}</th>${num(v)}</tr>`), 'lr');
  const tables = s.tables.map((t) => tableBlock(t.head, t.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<td>${h(c)}</td>` : num(c))).join('')}</tr>`), `l${'r'.repeat(t.head.length)}`));
  return [figures, ...tables].join('\n');
}

interface Column {
  head: string;
  type: 'text' | 'number';
  cell: (ch: ReportChange) => string;
}

const epoch = (iso: string | null): string => (iso === null ? '' : String(Date.parse(iso) / 1000));
const seconds = (v: number | null): string => `<td class="num" data-v="${v ?? ''}">${h(formatDuration(v))}</td>`;

const COLUMNS: Column[] = [
  { head: 'Change', type: 'text', cell: (ch) => { const url = httpUrl(ch.url); return `<td class="id">${url ? `<a href="${h(url)}" rel="noopener noreferrer">${h(ch.id)}</a>` : h(ch.id)}</td>`; } },
  { head: 'Title', type: 'text', cell: (ch) => `<td class="title">${h(ch.title)}</td>` },
  { head: 'Author', type: 'text', cell: (ch) => `<td>${h(ch.author)}</td>` },
  { head: 'Kind', type: 'text', cell: (ch) => `<td>${h(ch.kind)}</td>` },
  { head: 'Merged (UTC)', type: 'number', cell: (ch) => `<td class="num" data-v="${epoch(ch.mergedAt)}">${h(minuteOf(ch.mergedAt))}</td>` },
  ...STAGES.map((k): Column => ({ head: k, type: 'number', cell: (ch) => seconds(ch.stages[k]) })),
  { head: 'Lead time', type: 'number', cell: (ch) => seconds(ch.leadTime) },
  { head: 'Size', type: 'number', cell: (ch) => { const size = ch.additions === null || ch.deletions === null ? null : ch.additions + ch.deletions; return `<td class="num" data-v="${size ?? ''}">${size ?? '—'}</td>`; } },
  { head: 'Flags', type: 'text', cell: (ch) => `<td class="flags">${h([...(ch.aiAssisted ? ['ai-assisted'] : []), ...(ch.reverted ? ['reverted'] : []), ...ch.flags].join(', '))}</td>` },
];

function changesTable(report: Report): string {
  if (report.withChanges === false) {
    return section('changes', 'Changes', `<p class="meta">Every change of the ${report.repositories?.length ?? 0} repositories is left out of this report: run with <code>--with-changes</code> to list them.</p>`);
  }
  const head = COLUMNS.map((c) => `<th scope="col" data-type="${c.type}"${c.type === 'number' ? ' class="num"' : ''}><button type="button">${h(c.head)}</button></th>`).join('');
  const rows = report.changes.map((ch) => `<tr${ch.counted ? '' : ' class="not-counted" title="left out of the stage figures"'}>${COLUMNS.map((c) => c.cell(ch)).join('')}</tr>`);
  return section(
    'changes',
    `Changes (${report.changes.length})`,
    '<p class="meta">Click a column to sort. Greyed rows (syncs, bots) are left out of the figures.</p>',
    `<div class="scroll"><table class="sortable" id="changes-table"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`,
  );
}

function deploys(report: Report): string {
  if (report.deploys.length === 0) return '';
  const rows = report.deploys.map((d) => {
    const status = [d.rollback ? 'rollback' : '', d.failed ? `failed${d.failureReasons.length ? `: ${d.failureReasons.join('; ')}` : ''}` : ''].filter(Boolean).join(', ');
    return `<tr${d.failed ? ' class="failed"' : ''}><td>${h(d.ref)}</td><td>${h(minuteOf(d.at))}</td>${num(String(d.changes))}<td>${h(status || 'ok')}</td>${num(formatDuration(d.restoredAfter))}</tr>`;
  });
  return section('deploys', 'Deploys', `<details><summary>${report.deploys.length} deploy(s) in the window</summary>${tableBlock(['Deploy', 'At (UTC)', 'Changes', 'Status', 'Restored after'], rows, 'llrlr')}</details>`);
}

function notes(report: Report): string {
  const list = (items: string[]): string => `<ul>${items.map((n) => `<li>${h(n)}</li>`).join('')}</ul>`;
  return [report.warnings.length > 0 ? section('warnings', 'Warnings', list(report.warnings)) : '', report.notes.length > 0 ? section('notes', 'Notes', list(report.notes)) : '']
    .filter(Boolean)
    .join('\n');
}

function num(text: string): string {
  return `<td class="num">${h(text)}</td>`;
}

/** A table in a horizontal scroller; `align` has one letter per column, `r` for a right-aligned (number) column. */
function tableBlock(head: readonly string[], rows: readonly string[], align = '', kind = ''): string {
  const th = head.map((c, i) => `<th scope="col"${align[i] === 'r' ? ' class="num"' : ''}>${h(c)}</th>`).join('');
  return `<div class="scroll"><table${kind ? ` class="${kind}"` : ''}><thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

const CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--accent:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--accent:#4493f8}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg);-webkit-text-size-adjust:100%}
header,main,footer{max-width:1120px;margin:0 auto;padding:0 16px}
h1{font-size:1.6rem;margin:24px 0 4px;overflow-wrap:anywhere}
h2{font-size:1.2rem;margin:36px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:20px 0 6px}
a{color:var(--accent)}
.meta,.note,.muted{color:var(--muted)}
.meta{margin:4px 0}
.note{font-size:.875rem;margin:6px 0}
.headline{font-size:1.1rem;font-weight:600;background:var(--panel);border-left:4px solid var(--accent);border-radius:4px;padding:10px 14px;margin:20px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:16px 0}
.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.card b{display:block;font-size:1.4rem;line-height:1.2;font-variant-numeric:tabular-nums}
.card .label{color:var(--muted);font-size:.85rem;margin-right:6px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:8px 28px;align-items:start}
.charts>*{min-width:0}
figure{margin:18px 0}
figcaption{font-weight:600;margin-bottom:6px}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
svg.chart{display:block;max-width:100%;height:auto;color:var(--fg);font-family:inherit}
svg.chart text:not([fill]){fill:currentColor}
svg.chart text.muted,svg.chart text.value{fill:var(--muted)}
svg.chart .grid{stroke:var(--line);stroke-width:1}
table{border-collapse:collapse;width:100%;font-size:.875rem}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--line);white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.title{min-width:12rem;overflow-wrap:anywhere}
td.id{white-space:nowrap}
table.wide td{min-width:9rem}
tr.total th,tr.total td{font-weight:600}
tr.not-counted td{color:var(--muted)}
tr.failed td{background:rgba(207,34,46,.08)}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.band{display:inline-block;padding:0 8px;border-radius:10px;font-size:.8rem;font-weight:600;color:#fff}
.band-elite{background:#1a7f37}.band-high{background:#0969da}.band-medium{background:#9a6700}.band-low{background:#cf222e}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
th[aria-sort=ascending] button::after{content:" ▲"}
th[aria-sort=descending] button::after{content:" ▼"}
details summary{cursor:pointer;margin:6px 0}
footer{margin-top:40px;padding-bottom:24px}
@media (max-width:600px){body{font-size:14px}h1{font-size:1.3rem}header,main,footer{padding:0 10px}.card b{font-size:1.2rem}th,td{padding:4px 5px}}
@media print{
:root{--fg:#000;--muted:#444;--bg:#fff;--panel:#f3f3f3;--line:#bbb;--accent:#000}
body{font-size:10pt}
header,main,footer{max-width:none;padding:0}
.scroll{overflow:visible}
svg.chart{max-height:80mm;width:auto}
figure,.card,tr,.headline{break-inside:avoid}
h2,h3,figcaption{break-after:avoid}
table{font-size:8pt}
th[aria-sort] button::after{content:""}
a{color:inherit;text-decoration:none}
.band{color:#000;border:1px solid #000;background:none}
}
`;

// reads the rows already in the page and moves them: no markup is built from strings
const SCRIPT = `
(function () {
  'use strict';
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  function key(row, column, numeric) {
    var cell = row.cells[column];
    if (!cell) return null;
    var raw = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent.trim();
    if (raw === '' || raw === '—') return null;
    return numeric ? Number(raw) : raw;
  }
  function sortBy(table, th, column) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(th.parentNode.cells, function (cell) { cell.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = th.getAttribute('data-type') === 'number';
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row, index) { return { row: row, index: index, key: key(row, column, numeric) }; });
    rows.sort(function (a, b) {
      if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      var c = numeric ? a.key - b.key : collator.compare(a.key, b.key);
      return (ascending ? c : -c) || a.index - b.index;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    Array.prototype.forEach.call(head.cells, function (th, column) {
      var button = th.querySelector('button');
      if (button) button.addEventListener('click', function () { sortBy(table, th, column); });
    });
  });
  // closed sections would print empty
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details:not([open])'), function (d) { d.setAttribute('data-print', ''); d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details[data-print]'), function (d) { d.removeAttribute('data-print'); d.open = false; });
  });
})();
`;

function median(seconds: number | null): string {
  return seconds === null ? '—' : `${formatDuration(seconds)} (median)`;
}
