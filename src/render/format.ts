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
 * How many changes merged in the window, counted or not: the report's own list may be left out (an aggregate
 * without `--with-changes`), so this is read off the summary.
 */
export function mergedInWindow(report: Report): number {
  const s = report.summary;
  return s.changes + s.excluded.bots + s.excluded.syncs;
}
