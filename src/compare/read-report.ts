import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.js';
import type { Report } from '../report.js';

/**
 * Reads a JSON report that `flowaudit report --format json` wrote (SPEC section 7).
 * @throws ConfigError (exit 2) when the file is missing or unreadable, is not JSON, is not a flowaudit
 * report, or has a schemaVersion other than 1
 */
export async function readReportFile(path: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
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
    throw new ConfigError(`report '${path}' is not JSON: ${(error as Error).message}`, {
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
