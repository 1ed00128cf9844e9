import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseReport, readReportText } from '../io/read-report.js';
import { FlowauditError } from '../errors.js';
import type { RepositoryRow } from '../report/schema.js';
import { digestReport, type ReportDigest } from './digest.js';
import { ownRow, reportRow } from './own-row.js';

/**
 * A report file read, validated and digested, its repository's row made from it alone, and what the file was
 * when read (a second pass checks it).
 */
export interface DigestedFile {
  path: string;
  digest: ReportDigest;
  row: RepositoryRow | undefined;
  size: number;
  mtimeMs: number;
}

/** below this many files, worker threads cost more to start than they save */
const MIN_FILES_FOR_WORKERS = 8;
const MAX_WORKERS = 4;
// compiled beside this module; absent when the sources run untranspiled (the tests), which then read in-thread
const WORKER = new URL('./digest-worker.js', import.meta.url);

/**
 * Reads, validates and digests one report file and takes its repository's row (where it is read: on a worker
 * thread, beside the others' reading): the report's own figures when this version wrote it, else made again
 * from its changes; `accepts` is the compiled schema where there is one.
 * @throws ConfigError (exit 2) as `parseReport` and `readReportText`
 */
export function digestFile(path: string, accepts?: (data: unknown) => boolean): DigestedFile {
  const stat = statOf(path);
  const report = parseReport(readReportText(path), path, accepts);
  const digest = digestReport(report);
  return { path, digest, row: reportRow(report) ?? ownRow(digest), size: stat.size, mtimeMs: stat.mtimeMs };
}

/**
 * The report schema compiled by the build (scripts/build-validator.mjs): half the time of zod over an
 * organisation's reports, and no copy of each; undefined where it was not built (the sources run untranspiled),
 * and zod alone then reads the reports. The `report` validator returns a report as zod would; the `digest` one
 * (the worker threads') leaves the unknown fields of each listed change in place, which the digest never reads.
 */
export async function compiledSchema(kind: 'report' | 'digest' = 'report'): Promise<((data: unknown) => boolean) | undefined> {
  try {
    // one module holds both: they share every part of the schema but a listed change's
    const module = (await import(new URL('./validate-report.js', import.meta.url).href)) as Record<typeof kind, (data: unknown) => boolean>;
    return module[kind];
  } catch {
    return undefined;
  }
}

/** Size and modification time, or -1 when the file cannot be seen (reading it then says why). */
export function statOf(path: string): { size: number; mtimeMs: number } {
  try {
    const stat = statSync(path);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return { size: -1, mtimeMs: -1 };
  }
}

/**
 * Digests the files and hands each digest to `take` in the files' order, as soon as it and every file
 * before it are done: on worker threads when there are many (parsing and validating is most of an
 * aggregate's time, and each thread's garbage stays in its own heap), else in this thread.
 * @throws the error of the first file, in the files' order, that could not be read or is not a valid report
 */
export async function digestFiles(paths: readonly string[], take: (file: DigestedFile, index: number) => void): Promise<void> {
  const threads = Math.min(MAX_WORKERS, availableParallelism(), Math.ceil(paths.length / 2));
  if (paths.length < MIN_FILES_FOR_WORKERS || threads < 2 || !existsSync(fileURLToPath(WORKER))) {
    paths.forEach((path, index) => take(digestFile(path), index));
    return;
  }
  // answers come in any order: each waits here until those before it are taken
  const waiting = new Map<number, DigestedFile>();
  let taken = 0;
  let failed: { index: number; error: Error } | null = null;
  let next = 0;
  const work = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const send = (): void => {
        // after a failure no later file is started: the first bad file in order is the one reported
        if (next >= paths.length || failed !== null) return resolve();
        const index = next++;
        worker.postMessage({ index, path: paths[index] });
      };
      worker.on('message', (answer: WorkerAnswer) => {
        if (!answer.ok) {
          if (failed === null || answer.index < failed.index) failed = { index: answer.index, error: rebuild(answer.error) };
        } else if (failed === null) {
          waiting.set(answer.index, answer.file);
          for (let file = waiting.get(taken); file !== undefined && failed === null; file = waiting.get(taken)) {
            waiting.delete(taken);
            try {
              take(file, taken++);
            } catch (error) {
              failed = { index: taken - 1, error: error as Error };
            }
          }
        }
        send();
      });
      worker.on('error', reject);
      send();
    });
  const workers = Array.from({ length: threads }, () => new Worker(WORKER));
  try {
    await Promise.all(workers.map(work));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failed !== null) throw (failed as { error: Error }).error;
}

export type WorkerAnswer =
  | { index: number; ok: true; file: DigestedFile }
  | { index: number; ok: false; error: { message: string; hint?: string; exitCode?: number } };

/** An error as a worker sends it: what a user reads, and the exit code. */
export function describeError(error: unknown): { message: string; hint?: string; exitCode?: number } {
  if (error instanceof FlowauditError) return { message: error.message, ...(error.hint !== undefined && { hint: error.hint }), exitCode: error.exitCode };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** A worker's error as thrown in this thread: a user's error keeps its exit code, a bug stays a bug. */
function rebuild(error: { message: string; hint?: string; exitCode?: number }): Error {
  return error.exitCode === undefined ? new Error(error.message) : new FlowauditError(error.message, { exitCode: error.exitCode, ...(error.hint !== undefined && { hint: error.hint }) });
}
