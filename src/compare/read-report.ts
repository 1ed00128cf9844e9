import { ConfigError } from '../errors.js';
import { MEGABYTE, readRegularFile, UnreadableFile } from '../io/read-regular.js';
import type { Report } from '../report.js';

/**
 * Reads a JSON report that `flowaudit report --format json` wrote (SPEC section 7).
 * @throws ConfigError (exit 2) when the file is missing or unreadable, is not JSON, is not a flowaudit
 * report, or has a schemaVersion other than 1
 */
export async function readReportFile(path: string): Promise<Report> {
  let text: string;
  try {
    // a regular file, and no larger than a string can hold
    text = readRegularFile(path, 500 * MEGABYTE);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const why = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a directory' : `it ${error.message}`;
    throw new ConfigError(`cannot read report '${path}': ${why}`, { cause: error });
  }
  return parseReport(text, path);
}

/** Validates the text of a JSON report. Pure. @throws ConfigError as readReportFile */
export function parseReport(text: string, path: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // JSON.parse's message quotes the text: never shown, the file may not be a report at all
    throw new ConfigError(`report '${path}' is not JSON`, {
      cause: error,
      hint: 'write it with `flowaudit report --format json > report.json`',
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('schemaVersion' in data)) {
    throw new ConfigError(`'${path}' is not a flowaudit JSON report (it has no schemaVersion)`, { hint: 'write it with `flowaudit report --format json > report.json`' });
  }
  const version = (data as { schemaVersion: unknown }).schemaVersion;
  if (version !== 1) {
    throw new ConfigError(`report '${path}' has schemaVersion ${JSON.stringify(version)}; this flowaudit reads schemaVersion 1`, {
      hint: 'use the flowaudit version that wrote it, or write the report again with this one',
    });
  }
  const r = data as Record<string, unknown>;
  const missing = ['summary', 'changes', 'deploys', 'window', 'repository'].filter((k) => typeof r[k] !== 'object' || r[k] === null);
  if (missing.length > 0) throw new ConfigError(`report '${path}' is incomplete: it has no ${missing.join(', ')}`);
  return data as Report;
}
