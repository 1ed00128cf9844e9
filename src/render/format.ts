import { formatDuration, formatRatio, plural, workingDaySeconds } from '../units.js';
import { codingUnseen } from '../metrics/stage-summary.js';
import { figureLabel } from '../metrics/catalogue.js';
import type { Report } from '../report/schema.js';
import { onGitHub } from '../review-hosts.js';

/** `url` when it is an absolute http(s) URL, normalised and safe inside Markdown link parentheses; else null. */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[()|<>"'`\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * `as of 2026-08-22`: the time every figure is measured at (the window's end, the clock for a window that runs
 * to now, or --now), written as the window's bounds are: the date alone at midnight UTC, else with its minute.
 */
export function asOfText(report: Pick<Report, 'now'>): string {
  const minute = report.now.slice(0, 16).replace('T', ' ');
  return `as of ${minute.endsWith(' 00:00') ? minute.slice(0, 10) : `${minute} UTC`}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `09:00–17:00, Mon Tue Wed Thu Fri (Europe/Berlin)` when the report counts only business hours, else null. */
export function businessHoursText(report: Report): string | null {
  const b = report.businessHours;
  if (!b) return null;
  return `${b.start}–${b.end}, ${b.days.map((d) => WEEKDAYS[d] ?? String(d)).join(' ')} (${b.timezone})`;
}

/** `a day (d) is a working day of 8h`: said wherever durations count working time only. */
export function workingDayText(report: Report): string | null {
  const b = report.businessHours;
  return b ? `a day (d) is a working day of ${formatDuration(workingDaySeconds(b))}` : null;
}

/** The DORA figures' notes, each once, naming the keys it applies to: `Change failure rate: no deploy …`. */
/** A figure's label from the catalogue (`metrics/catalogue.ts`), capitalised where it starts a row or a card. */
export function figureTitle(path: string): string {
  const label = figureLabel(path);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function doraNotes(figures: ReadonlyArray<readonly [string, { note?: string | undefined }]>): string[] {
  const byNote = new Map<string, string[]>();
  for (const [name, figure] of figures) if (figure.note) byNote.set(figure.note, [...(byNote.get(figure.note) ?? []), name]);
  return [...byNote].map(([note, names]) => `${names.join(', ')}: ${note}`);
}

/** `2026-03-04 10:00` from an ISO time: minutes, UTC. */
export function minuteOf(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/**
 * What the figures left out of the changes merged in the window, in words (`9 by bots, 2 syncs carrying 40 pull
 * requests from another line, 3 release commits`); '' when nothing was. One wording for every format.
 */
export function leftOutText(excluded: Report['summary']['excluded']): string {
  const releases = excluded.releases ?? 0;
  return [
    excluded.bots > 0 ? `${excluded.bots} by bots` : '',
    excluded.syncs > 0 ? `${plural(excluded.syncs, 'sync')}${syncedPullsText(excluded)}` : '',
    releases > 0 ? plural(releases, 'release commit') : '',
  ].filter(Boolean).join(', ');
}

/**
 * The pull requests the syncs brought in, after their count: the work the syncs brought in is in no figure, said
 * where the count of changes is read (pi-hole's master had 4 changes counted and 114 pull requests merged on
 * `development`, said only in the notes at the end). Which of them brought some, where not all did: flask's year
 * had 21 syncs, 11 of them with its 21 pull requests from `stable`, and "21 syncs carrying 21 pull requests" read as
 * one each beside the note's "through 11 syncs".
 */
function syncedPullsText(excluded: Report['summary']['excluded']): string {
  const pulls = excluded.syncedPulls ?? 0;
  if (pulls === 0) return '';
  const carrying = excluded.carryingSyncs;
  const text = `carrying ${plural(pulls, 'pull request')} from another line`;
  return carrying !== undefined && carrying < excluded.syncs ? `, ${carrying} of them ${text}` : ` ${text}`;
}

/** What a deploy table's changes column counts, under the table in every format. */
// merged before the window too: three readers of real reports (flask, tokio, terraform) read the column against the
// window's deployed changes, which it outnumbers by those the window's first deploys shipped
export const DEPLOY_CHANGES_NOTE = 'Changes: those each deploy shipped first, merged in the window or before it, counted as the other figures count them (bots\' changes only with --include-bots; no sync or release commit).';

/**
 * How many changes merged in the window, counted or not: the report's list, or, where it is left out (an
 * aggregate without `--with-changes`), the summary's count.
 */
export function mergedInWindow(report: Report): number {
  const s = report.summary;
  return report.withChanges === false ? s.changes + s.excluded.bots + s.excluded.syncs + (s.excluded.releases ?? 0) : report.changes.length;
}

/** How many deploys the window had: the report's list, or the summary's count where the list is left out. */
export function deploysInWindow(report: Report): number {
  return report.withChanges === false ? report.summary.dora.deploymentFrequency.count : report.deploys.length;
}

/**
 * Said where a list would be, in a report over several repositories that leaves its lists out; null when the
 * report has its lists. `code` marks the flag up as the format writes code.
 */
export function listsLeftOut(report: Report, what: string, code: (flag: string) => string = (flag) => flag): string | null {
  if (report.withChanges !== false) return null;
  return `Every ${what} of the ${report.repositories?.length ?? 0} repositories is left out of this report: run with ${code('--with-changes')} to list them.`;
}

/**
 * `297 deployed changes (1 with a lead time of 0 left out)`: the changes a typical change's shares are over.
 * A change with no time at all has no shares, so it is named where it makes the count differ.
 */
export function shareBasisText(summary: Report['summary']): string {
  const { kind, changes, zeroTotal: zero = 0 } = summary.shareBasis;
  const measure = kind === 'deployed' ? 'lead time' : 'cycle time';
  return `${plural(changes, `${kind} change`)}${zero > 0 ? ` (${zero} with a ${measure} of 0 left out)` : ''}`;
}

/**
 * What the stages table's one share column is, said under it in every format: the typical change's, not the
 * share of all the time summed (that one, `shareOfTotal`, is in the JSON report for capacity questions).
 */
export function shareNote(summary: Report['summary']): string {
  const total = summary.shareBasis.kind === 'deployed' ? 'lead time' : 'cycle time';
  return `share: the part of the typical change's ${total} spent in the stage, each change weighing the same.`;
}

/**
 * Why the git-only coding stage has no share, when most changes are one commit: said beside the stages table in
 * every format; null when the stage has its share.
 */
export function codingUnseenNote(report: Report): string | null {
  const coding = report.summary.stages.coding;
  if (!codingUnseen(coding, !report.sources.includes('github'))) return null;
  const one = coding.oneCommit ?? 0;
  return `first → last commit: git cannot see coding time. ${one} of ${plural(coding.count, 'change')} (${formatRatio(coding.oneCommitShare)}) landed from a branch as one commit (or commits of one moment), a span of 0 whatever the work took, so the stage has no share and the shares shown add up to less than 100%.${onGitHub(report.reviewHost) ? ' With GitHub, coding runs from the first commit to the pull request\'s opening.' : ''}`;
}

/** A change's lines added and deleted, `+40 −10`, as the report holds them; `—` when its size is unknown. */
export function linesText(change: { additions: number | null; deletions: number | null }): string {
  return change.additions === null || change.deletions === null ? '—' : `+${change.additions} −${change.deletions}`;
}

/**
 * What the lead-time distribution counts, said beside it in every format: the deployed changes, the waiting ones
 * having no lead time yet (containerd's bars summed to 362 beside "474 changes counted", unexplained).
 */
export function distributionBasis(report: Report): string {
  const { of } = report.summary.leadTimeHistogram;
  if (of !== 'leadTime') return 'Nothing deployed in the window: cycle time (first commit → merge) is shown instead.';
  const waiting = report.summary.leadTime.censored ?? 0;
  return `Changes by lead time, from first commit to deploy: the ${report.summary.leadTimeDeployed.count} deployed${waiting > 0 ? `; the ${waiting} still waiting have no lead time yet` : ''}.`;
}

/**
 * What a slowest change's flags put before its title (`(rebased) `): its total reads long or short for a reason of
 * its own (see TIME_FLAGS); '' for none. Before the title, since a narrow table cuts a title at its end.
 */
export function slowFlagsText(change: Pick<Report['summary']['slowest'][number], 'flags'>): string {
  return change.flags === undefined || change.flags.length === 0 ? '' : `(${change.flags.join(', ')}) `;
}
