import { parseDuration } from '../units.js';
import type { ThresholdKind } from './types.js';

export { parseDuration };

/** What a bad value of each kind is told, after the field's name. */
export const KIND_MESSAGES: Record<ThresholdKind, string> = {
  duration: 'must be a duration like 24h or a number of seconds',
  ratio: 'must be a ratio like 0.15 or a percentage like 15%',
  count: 'must be a number like 2 (0 or more)',
  factor: 'must be a factor like 1.5 (1 or more)',
};

const NUMBER = /^\s*\d+(?:\.\d+)?\s*$/;

/** A number, or a string holding only a number (flags arrive as strings); null otherwise. */
function plainNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMBER.test(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** `0.15` or `15%` → 0.15, in [0, 1]; null otherwise. */
export function parseRatio(value: unknown): number | null {
  const n = plainNumber(value);
  if (n !== null) return n >= 0 && n <= 1 ? n : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  if (!m) return null;
  const ratio = Number(m[1]) / 100;
  return ratio <= 1 ? ratio : null;
}

export function parseThreshold(kind: ThresholdKind, value: unknown): number | null {
  switch (kind) {
    case 'duration': return parseDuration(value);
    case 'ratio': return parseRatio(value);
    case 'count': {
      const n = plainNumber(value);
      return n !== null && n >= 0 ? n : null;
    }
    case 'factor': {
      const n = plainNumber(value);
      return n !== null && n >= 1 ? n : null;
    }
  }
}

/** How `flowaudit init` writes a threshold: `24h`, `3d`, `10m`, `15%`, `2`. Reads back to the same number. */
export function formatThreshold(kind: ThresholdKind, value: number): string | number {
  switch (kind) {
    case 'duration':
      if (value % 86400 === 0 && value >= 2 * 86400) return `${value / 86400}d`;
      if (value % 3600 === 0 && value > 0) return `${value / 3600}h`;
      if (value % 60 === 0 && value > 0) return `${value / 60}m`;
      return value;
    case 'ratio':
      return `${Math.round(value * 10000) / 100}%`;
    case 'count':
    case 'factor':
      return value;
  }
}

/** A valid IANA time zone name (as this Node's Intl knows them). */
export function isTimeZone(name: string): boolean {
  // the default: asking Intl loads its time-zone data (10-30 ms), which a report in UTC never needs otherwise
  if (name === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.trim() !== '';
  } catch {
    return false;
  }
}

/** `HH:MM` (00:00–24:00) → minutes after midnight; null otherwise. */
export function parseClock(value: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : null;
}
