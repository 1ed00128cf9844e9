import type { Report } from '../report/schema.js';
import { plural } from '../units.js';
import { durationFormat, formatDuration, percentileText } from './duration.js';
import { terminalSafe } from './sanitize.js';
import { repositoryNamer } from './names.js';
import { fitTable, formatTime, longestWord, wrap, type TextContext } from './text/layout.js';
import { append } from '../lists.js';

/*
 * The unreleased backlog and the lead time with and without the changes still waiting, as plain text the
 * text and Markdown reports lay out (each escapes it for its format); the HTML says the changes waiting with no
 * lead time in the same words.
 */

/** how many of the oldest unreleased changes the terminal lists (the JSON and Markdown keep all ten) */
const TEXT_OLDEST = 5;

/**
 * The lead time p50 with the changes still waiting counted (right-censored) and over the deployed ones only:
 * `['lead time p50 12d 4h with the 34 changes still waiting counted as censored', 'lead time p50 9d 2h
 * over the 120 deployed changes only']`; null when no change is waiting (the two are then the same).
 */
export function leadTimeCensoringText(report: Report): [string, string] | null {
  const days = durationFormat(report.businessHours);
  const { leadTime, leadTimeDeployed } = report.summary;
  if (leadTime.censored === 0) return null;
  const estimate = percentileText(leadTime, 'p50', days);
  return [
    `lead time p50 ${estimate} with the ${plural(leadTime.censored, 'change')} still waiting counted as censored`,
    `lead time p50 ${formatDuration(leadTimeDeployed.p50, days)} over the ${plural(leadTimeDeployed.count, 'deployed change')} only`,
  ];
}

/**
 * `1 of the 151 changes not deployed has no lead time, not even a bound: its first commit is unknown`: those the lead
 * time cannot count as still waiting (its `censored` is the rest), said where both counts show; null when none.
 */
export function noLeadTimeText(report: Report): string | null {
  const u = report.summary.unreleased;
  const n = u?.noLeadTime ?? 0;
  if (u === undefined || n === 0) return null;
  const one = n === 1;
  return `${n} of the ${plural(u.count, 'change')} not deployed ${one ? 'has' : 'have'} no lead time, not even a bound: ${one ? 'its first commit is' : 'their first commits are'} unknown`;
}

/**
 * `34 changes merged in the window, not deployed at 2026-11-22 · p50 age 3d · oldest 347d 8h`; null when nothing is
 * waiting. Said of the window: the deploy queue beside it also counts changes merged before the window still waiting
 * (keepassxc's year: 97 here, 138 in the queue at its end).
 */
export function unreleasedText(report: Report): string | null {
  const days = durationFormat(report.businessHours);
  const u = report.summary.unreleased;
  if (u.count === 0) return null;
  return `${plural(u.count, 'change')} merged in the window, not deployed at ${report.now.slice(0, 10)} · p50 age ${formatDuration(u.p50Age, days)} · oldest ${formatDuration(u.oldestAge, days)}`;
}

/** The terminal's lines: the unreleased backlog with its oldest changes, and lead time before/after censoring. */
export function renderUnreleasedText(report: Report, ctx: TextContext): string[] {
  const days = durationFormat(report.businessHours);
  const { c } = ctx;
  const backlog = unreleasedText(report);
  const lead = leadTimeCensoringText(report);
  if (backlog === null && lead === null) return [];
  const out = [c.bold('Unreleased')];
  if (backlog !== null) out.push(wrap(backlog, ctx.width));
  const oldest = report.summary.unreleased.oldestChanges.slice(0, TEXT_OLDEST);
  if (oldest.length > 0) {
    // fewer rows than it counts: said, as the deploys' table says it (Radarr's 6 changes, 5 rows)
    const count = report.summary.unreleased.count;
    if (count > oldest.length) out.push(c.dim(`the ${oldest.length} oldest of ${count}:`));
    const name = repositoryNamer(report);
    const rows = oldest.map((ch) => [terminalSafe(ch.repository ? `${name(ch.repository)} ${ch.id}` : ch.id), terminalSafe(ch.title), formatTime(ch.mergedAt, ctx.timeZone), formatDuration(ch.age, days)]);
    // over several repositories the change's name carries its repository's: it wraps (repository, then id) before the
    // title gives way, which 80 columns had cut to two letters beside "petervanderdoes+gitflow-avh/repo 641076945f"
    const change = { head: 'change', min: longestWord(rows.map((r) => r[0])), wrap: true };
    out.push(fitTable([change, { head: 'title', min: 12, rank: 1 }, { head: `merged (${ctx.timeZone})` }, { head: 'waiting', align: 'right' }], rows, ctx));
  }
  if (lead !== null) append(out, lead.map((line) => c.dim(wrap(line, ctx.width))));
  const unmeasured = noLeadTimeText(report);
  if (unmeasured !== null) out.push(c.dim(wrap(unmeasured, ctx.width)));
  return out;
}
