import { aiFlag } from '../ai-tools.js';
import { STAGES } from '../../domain.js';
import type { ReportChange } from '../../report/schema.js';
import { durationFormat, durationOrBound, formatDuration, type DurationFormat } from '../duration.js';
import { linesText, listsLeftOut, minuteOf } from '../format.js';
import type { Report } from '../../report/schema.js';
import { ext, h, link, num, plural, section, stageName, table } from './parts.js';
import { repositoryNamer } from '../names.js';
import { isoSeconds } from '../../time.js';

/** rows shown at a time: the slowest few dozen first, the rest a page away */
export const PAGE_SIZE = 50;

interface Column {
  head: string;
  type: 'text' | 'number';
  cell: (ch: ReportChange) => string;
}

const epoch = (iso: string | null): string => (iso === null ? '' : String(isoSeconds(iso) ?? NaN));
const seconds = (v: number | null, days: DurationFormat): string => `<td class="num" data-v="${v ?? ''}">${h(formatDuration(v, days))}</td>`;
// a change still waiting: how long so far, a lower bound (≥), sorted at it
const soFar = (v: number | null, bound: number | null | undefined, days: DurationFormat): string =>
  v === null && bound !== null && bound !== undefined ? `<td class="num" data-v="${bound}">${h(durationOrBound(null, bound, days))}</td>` : seconds(v, days);

function columns(report: Report): Column[] {
  const days = durationFormat(report.businessHours);
  return [
  { head: 'Change', type: 'text', cell: (ch) => `<td class="id">${link(ch.url, ch.id)}</td>` },
  { head: 'Title', type: 'text', cell: (ch) => `<td class="ext title">${h(ch.title)}</td>` },
  { head: 'Author', type: 'text', cell: (ch) => `<td class="ext">${h(ch.author)}</td>` },
  { head: 'Kind', type: 'text', cell: (ch) => `<td>${h(ch.kind)}</td>` },
  { head: 'Merged', type: 'number', cell: (ch) => `<td class="num" data-v="${epoch(ch.mergedAt)}" title="${h(`${minuteOf(ch.mergedAt)} UTC`)}">${h(ch.mergedAt.slice(0, 10))}</td>` },
  // a stage no change could show (pickup and merge wait from git alone) would be a column of dashes
  ...STAGES.filter((k) => report.summary.stages[k].count > 0).map((k): Column => ({ head: stageName(k, report), type: 'number', cell: (ch) => (k === 'deploy' ? soFar(ch.stages.deploy, ch.soFar?.deploy, days) : seconds(ch.stages[k], days)) })),
  { head: 'Lead time', type: 'number', cell: (ch) => soFar(ch.leadTime, ch.soFar?.leadTime, days) },
  // the lines added and deleted as the report holds them (a sum written here would be a figure the report lacks);
  // the sort key, which nobody reads, is their sum
  { head: 'Lines', type: 'number', cell: (ch) => `<td class="num" data-v="${ch.additions === null || ch.deletions === null ? '' : ch.additions + ch.deletions}">${h(linesText(ch))}</td>` },
  { head: 'Flags', type: 'text', cell: (ch) => `<td class="flags">${h([...(ch.aiAssisted ? [aiFlag(ch)] : []), ...(ch.reverted ? ['reverted'] : []), ...ch.flags].join(', '))}</td>` },
  ];
}

/**
 * The title of a report over several repositories, its change's repository on a line above it (named as the page
 * names it, never by a path): a column of its own made the list a column wider than a 1280 px screen. Sorted by
 * the repository, its changes in the order they had (the slowest first, as the table opens), as the column of its
 * own sorted.
 */
const repositoryTitleColumn = (name: (key: string) => string): Column => ({
  head: 'Repository · title',
  type: 'text',
  cell: (ch) => {
    const repository = name(ch.repository ?? '');
    return `<td class="ext title" data-v="${h(repository)}"><span class="repo" title="${h(repository)}">${h(repository)}</span>${h(ch.title)}</td>`;
  },
});

// the order the table opens in: slowest first (lead time, a waiting change's so far, else cycle time), the unmeasured
// last, else as given
const slowness = (ch: ReportChange): number => ch.leadTime ?? ch.soFar?.leadTime ?? ch.cycleTime ?? -1;

/**
 * Every change of the window in one table that opens on the slowest few dozen: the rest are in the page but
 * hidden, and the inline script searches, sorts and pages over them without building any markup. Without the
 * script the slowest page still reads.
 */
export function changesTable(report: Report): string {
  const leftOut = listsLeftOut(report, 'change', (flag) => `<code>${flag}</code>`);
  if (leftOut !== null) {
    // the list needs --with-changes; the summary of each repository's changes is in its row
    const days = durationFormat(report.businessHours);
    const name = repositoryNamer(report);
    const rows = (report.repositories ?? []).map(
      (r) => `<tr>${ext(name(r.name), 'title')}${num(String(r.changes))}${num(durationOrBound(r.leadTimeP50, r.summary.leadTime.atLeast, days))}${num(formatDuration(r.cycleTimeP50, days))}${num(String(r.unreleased.count))}</tr>`,
    );
    const totals = `${plural(report.summary.changes, 'change')} counted in the window.`;
    return section('changes', 'Changes', `${h(totals)} ${leftOut}`, rows.length > 0 ? table(['Repository', 'Changes', 'Lead time p50', 'Cycle time p50', 'Not yet deployed'], rows, 'lrrrr', { caption: 'Changes of each repository' }) : '');
  }
  const all = columns(report);
  const several = report.repositories !== undefined;
  const shown = several ? [all[0] as Column, repositoryTitleColumn(repositoryNamer(report)), ...all.slice(2)] : all;
  const ordered = report.changes.map((ch, i) => ({ ch, i })).sort((a, b) => slowness(b.ch) - slowness(a.ch) || a.i - b.i);
  const head = shown.map((c) => `<th scope="col" data-type="${c.type}"${c.type === 'number' ? ' class="num"' : ''}><button type="button">${h(c.head)}</button></th>`).join('');
  const rows = ordered.map(({ ch }, i) => {
    const attrs = [ch.counted ? '' : ' class="not-counted" title="left out of the stage figures"', i >= PAGE_SIZE ? ' hidden' : ''].join('');
    return `<tr${attrs}>${shown.map((c) => c.cell(ch)).join('')}</tr>`;
  });
  const total = report.changes.length;
  const first = Math.min(PAGE_SIZE, total);
  const tools = total > 0
    ? `<div class="table-tools" id="changes-tools" hidden><label>Search <input type="search" id="changes-search" autocomplete="off" placeholder="${several ? 'title, repository, author, id or flag' : 'title, author, id or flag'}"></label>` +
      `<span class="pager"><button type="button" id="changes-prev">Previous</button><span id="changes-status" aria-live="polite"></span><button type="button" id="changes-next">Next</button></span></div>`
    : '';
  return section(
    'changes',
    `Changes (${total})`,
    h(`${plural(total, 'change')}, the slowest first${total > first ? ', a page at a time: search, sort or page to see the rest' : ''}. Click a column to sort. Greyed rows (syncs, bots) are left out of the figures.`),
    tools,
    `<div class="scroll" tabindex="0"><table class="sortable" id="changes-table" data-page-size="${PAGE_SIZE}"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`,
    total > first ? `<noscript><p class="note">${h(`The other ${total - first} are in the JSON and CSV reports.`)}</p></noscript>` : '',
  );
}
