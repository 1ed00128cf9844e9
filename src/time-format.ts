/*
 * A report's times, written one way wherever a figure carries one: the change lists, the windows, the previous
 * period's and the AI shift's spans, the weeks of the queues (a span written by Date#toISOString had read
 * `…55.000Z` beside the window's `…55Z`).
 */

/** Epoch seconds → `2026-03-04T10:00:00Z` (as `Date#toISOString` writes it, without `.000`); null stays null. */
export function isoTime(seconds: number | null): string | null {
  if (seconds === null) return null;
  // a fraction of a second, or a year before 1970 or past 9999, as Date writes it
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > LAST_SECOND) return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
  // written out by hand: a report lists every change's times, and Date was most of the time of listing them
  const days = Math.floor(seconds / DAY);
  let rest = seconds - days * DAY;
  const { year, month, day } = civilFromDays(days);
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  putTwoDigits(0, Math.floor(year / 100));
  putTwoDigits(2, year % 100);
  putTwoDigits(5, month);
  putTwoDigits(8, day);
  putTwoDigits(11, hours);
  putTwoDigits(14, minutes);
  putTwoDigits(17, rest - minutes * 60);
  // one flat string from its character codes (48 bytes): a template of the parts made a tree of them, which a
  // report of 45,000 changes kept, eight times each (250 bytes a time; Date's strings took 110)
  // eslint-disable-next-line no-restricted-syntax -- twenty codes, never more
  return String.fromCharCode(...ISO_CODES);
}

const DAY = 86_400;
// 9999-12-31T23:59:59Z: four-digit years
const LAST_SECOND = 253_402_300_799;
// `YYYY-MM-DDTHH:MM:SSZ`, the digits written in by `isoTime`
const ISO_CODES = [...'0000-00-00T00:00:00Z'].map((c) => c.charCodeAt(0));

function putTwoDigits(at: number, n: number): void {
  ISO_CODES[at] = 48 + Math.floor(n / 10);
  ISO_CODES[at + 1] = 48 + (n % 10);
}

/** The proleptic Gregorian date `days` after 1970-01-01 (days ≥ 0): Howard Hinnant's civil_from_days. */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  // months counted from March, so that February, with its leap day, comes last
  const fromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = fromMarch < 10 ? fromMarch + 3 : fromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * fromMarch + 2) / 5) + 1 };
}
