import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { MEGABYTE, readRegularFile, UnreadableFile } from './read-regular.js';
import { reportProblems } from '../report/invariants.js';
import { reportSchema, type Report } from '../report/schema.js';

const HINT = 'write it with `flowaudit report --format json > report.json`';

/**
 * Reads a JSON report that `flowaudit report --format json` wrote (SPEC section 7).
 * @throws ConfigError (exit 2) when the file is missing or unreadable, is not JSON, is not a flowaudit
 * report, has a schemaVersion other than 1, or does not match the report's schema (the field path named)
 */
export async function readReportFile(path: string): Promise<Report> {
  return parseReport(readReportText(path), path);
}

/**
 * The text of a report file, read at once (a regular file, never a FIFO or a device): an aggregate reads its
 * reports one after another, and a sync read keeps only one in memory. @throws ConfigError as readReportFile
 */
export function readReportText(path: string): string {
  try {
    // a regular file, and no larger than a string can hold
    return readRegularFile(path, 500 * MEGABYTE);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const why = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a directory' : `it ${error.message}`;
    throw new ConfigError(`cannot read report '${path}': ${why}`, { cause: error });
  }
}

/**
 * Validates the text of a JSON report against the report's schema. `accepts`, when given, is that schema
 * compiled (an aggregate's worker threads: scripts/build-validator.mjs): what it accepts is taken as it is,
 * and zod reads anything else, so the error is zod's. Pure. @throws ConfigError as readReportFile
 */
export function parseReport(text: string, path: string, accepts?: (data: unknown) => boolean): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // JSON.parse's message quotes the text: never shown, the file may not be a report at all
    throw new ConfigError(`report '${path}' is not JSON`, { cause: error, hint: HINT });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('schemaVersion' in data)) {
    throw new ConfigError(`'${path}' is not a flowaudit JSON report (it has no schemaVersion)`, { hint: HINT });
  }
  const version = (data as { schemaVersion: unknown }).schemaVersion;
  if (version !== 1) {
    throw new ConfigError(`report '${path}' has ${versionText(version)}; this flowaudit reads schemaVersion 1`, {
      hint: 'use the flowaudit version that wrote it, or write the report again with this one',
    });
  }
  if (accepts?.(data)) {
    // the compiled validator checks each field; the rules between fields are the schema's refinement, run here
    const [problem] = reportProblems(data as Report);
    if (problem === undefined) return data as Report;
    throw new ConfigError(`report '${path}' is not a valid flowaudit report: ${describe({ path: problem.path, message: problem.message })}`, { hint: HINT });
  }
  const result = reportSchema.safeParse(data);
  if (!result.success) {
    throw new ConfigError(`report '${path}' is not a valid flowaudit report: ${describe(result.error.issues[0])}`, { cause: result.error, hint: HINT });
  }
  return result.data;
}

/**
 * The schemaVersion a report names, as an error may show it: a number as written, anything else by its kind.
 * Never stringified: a file's value may be nested a million deep (a stack overflow) or a megabyte long.
 */
function versionText(version: unknown): string {
  // a JSON number is at most 24 characters as JavaScript writes it
  if (typeof version === 'number' || version === null) return `schemaVersion ${String(version)}`;
  return `a schemaVersion that is ${Array.isArray(version) ? 'a list' : typeof version === 'object' ? 'an object' : `a ${typeof version}`}`;
}

/** `summary.stages.pickup.p50: expected number, got string`: where the first problem is, and what it is. */
function describe(issue: Pick<z.core.$ZodIssue, 'path' | 'message'> | undefined): string {
  if (!issue) return 'it does not match the report schema';
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(the top level)';
  return `${path}: ${issue.message.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}`;
}
