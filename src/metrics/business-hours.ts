import { TZDate } from '@date-fns/tz';
import { ConfigError } from '../errors.js';
import type { BusinessHours } from './schema.js';

export type { BusinessHours } from './schema.js';

export const DEFAULT_BUSINESS_HOURS: BusinessHours = { timezone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

const DAY = 86400;

/** @throws ConfigError for an unknown time zone or a malformed working day */
export function validateBusinessHours(hours: BusinessHours): BusinessHours {
  try {
    new Intl.DateTimeFormat('en', { timeZone: hours.timezone });
  } catch {
    throw new ConfigError(`--timezone '${hours.timezone}' is not a known time zone: use an IANA name such as Europe/Berlin or America/New_York`);
  }
  const [s, e] = [minutes(hours.start), minutes(hours.end)];
  if (s === null || e === null || s >= e) {
    throw new ConfigError(`business hours ${hours.start}–${hours.end} are not a working day: use HH:MM with start before end`);
  }
  if (hours.days.length === 0 || hours.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    throw new ConfigError('business days must be weekday numbers 0 (Sunday) to 6 (Saturday)');
  }
  return hours;
}

function minutes(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const value = Number(m[1]) * 60 + Number(m[2]);
  return value <= 24 * 60 ? value : null;
}

/**
 * Seconds of working time between a and b (epoch seconds): only the hours of working days in the time zone
 * count, so a change approved Friday 16:00 and merged Monday 10:00 waited 2 hours. Daylight saving
 * changes are handled by computing each day's hours in the zone. Pure.
 */
export function workingSeconds(a: number, b: number, hours: BusinessHours): number {
  if (b <= a) return 0;
  const startMin = minutes(hours.start) ?? 540;
  const endMin = minutes(hours.end) ?? 1020;
  let total = 0;
  const first = new TZDate(a * 1000, hours.timezone);
  // walk local calendar days from the day a falls in; one day of slack covers zone offsets
  let day = new TZDate(first.getFullYear(), first.getMonth(), first.getDate(), 0, 0, 0, hours.timezone);
  for (let guard = 0; guard < 100000; guard++) {
    const dayStart = day.getTime() / 1000;
    if (dayStart >= b) break;
    if (hours.days.includes(day.getDay())) {
      const open = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(startMin / 60), startMin % 60, 0, hours.timezone).getTime() / 1000;
      const close = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(endMin / 60), endMin % 60, 0, hours.timezone).getTime() / 1000;
      total += Math.max(0, Math.min(close, b) - Math.max(open, a));
    }
    day = new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, 0, 0, 0, hours.timezone);
    if (day.getTime() / 1000 <= dayStart) day = new TZDate((dayStart + DAY) * 1000, hours.timezone);
  }
  return total;
}
