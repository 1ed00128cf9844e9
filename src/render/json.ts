import type { Report } from '../report.js';

/** The JSON report: stable key order (as built), two-space indent, a final newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e6) / 1e6 : value), 2)}\n`;
}
