import { plural, workingDaySeconds } from '../units.js';
import type { Report } from '../report/schema.js';

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
  return b ? `a day (d) is a working day of ${Math.round((workingDaySeconds(b) / 3600) * 100) / 100}h` : null;
}

/** The DORA figures' notes, each once, naming the keys it applies to: `Change failure rate: no deploy …`. */
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
 * `297 deployed changes (1 with a lead time of 0 left out)`: the changes a typical change's shares are over.
 * A change with no time at all has no shares, so it is named where it makes the count differ.
 */
export function shareBasisText(summary: Report['summary']): string {
  const { kind, changes } = summary.shareBasis;
  const measure = kind === 'deployed' ? 'lead time' : 'cycle time';
  const known = kind === 'deployed' ? summary.leadTimeDeployed.count : summary.cycleTime.count;
  const zero = known - changes;
  return `${plural(changes, `${kind} change`)}${zero > 0 ? ` (${zero} with a ${measure} of 0 left out)` : ''}`;
}
