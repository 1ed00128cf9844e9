import { lstatSync, readlinkSync, rmSync, statSync, type Stats } from 'node:fs';
import { chmod, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FlowauditError } from '../errors.js';
import { batches, describeErrno } from './chunks.js';

/** How one buffer is written: the file system's own, replaced in tests to fail as a full disk does. */
export type WriteChunk = (handle: FileHandle, buffer: Buffer, offset: number) => Promise<number>;

const writeChunk: WriteChunk = async (handle, buffer, offset) => (await handle.write(buffer, offset, buffer.length - offset)).bytesWritten;

/**
 * Writes the report to `path`. A regular file (or a new one) is written to a temp file beside it, synced and
 * renamed into place, so a reader never sees half a report and a failed write leaves the old file as it was. A
 * symlink is followed (the link stays, its target is replaced). Anything else — a FIFO, a terminal, /dev/stdout,
 * /dev/null — is written through, never replaced. Every write is checked: a short write or a full disk is an
 * error, and nothing is renamed into place. Temp files are removed on SIGINT/SIGTERM, and those a killed run
 * left beside the target are swept first.
 * @throws FlowauditError (exit 2) naming the path and the reason (`no space left on device (ENOSPC)`)
 */
export async function writeOutputFile(path: string, content: string | Iterable<string>, write: WriteChunk = writeChunk): Promise<void> {
  const asked = resolve(path);
  const target = followLinks(asked);
  const existing = statOrNull(asked);
  if (existing?.isDirectory()) throw new FlowauditError(`cannot write ${asked}: it is a directory; give --output a file name`);
  if ((existing !== null && !existing.isFile()) || /^\/(dev|proc)\//.test(asked) || /^\/(dev|proc)\//.test(target)) {
    return writeThrough(asked, content, write);
  }
  await sweepStaleTemps(target);
  // loaded here, not with the module: a report printed to stdout never needs it, and it costs every run 3.5 ms
  const { randomBytes } = await import('node:crypto');
  const temp = join(dirname(target), `.${basename(target)}.flowaudit-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  watchSignals();
  try {
    const handle = await open(temp, 'wx', 0o666);
    try {
      await writeAll(handle, content, write);
      // some file systems (NFS, quotas) only report a full disk when the data is flushed
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (existing) await chmod(temp, existing.mode & 0o7777);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeError(target, error);
  } finally {
    pending.delete(temp);
  }
}

async function writeThrough(path: string, content: string | Iterable<string>, write: WriteChunk): Promise<void> {
  try {
    // 'w' on a FIFO or a device truncates nothing; it waits for a FIFO's reader to open it
    const handle = await open(path, 'w');
    try {
      await writeAll(handle, content, write);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw writeError(path, error);
  }
}

async function writeAll(handle: FileHandle, content: string | Iterable<string>, write: WriteChunk): Promise<void> {
  for (const text of batches(content)) {
    const buffer = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < buffer.length; ) {
      const written = await write(handle, buffer, offset);
      if (written <= 0) throw new Error('short write: the file system took no more bytes');
      offset += written;
    }
  }
}

function writeError(path: string, error: unknown): FlowauditError {
  if (error instanceof FlowauditError) return error;
  return new FlowauditError(`cannot write ${path}: ${describeErrno(error)}; nothing was replaced`, { cause: error });
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The file a path finally names, through any chain of symlinks, even one whose target does not exist yet. */
function followLinks(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      return current;
    }
    if (!isLink) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new FlowauditError(`cannot write ${path}: too many levels of symbolic links`);
}

// ---- temp files: removed on a signal, swept when a killed run left them ----

const pending = new Set<string>();
let watching = false;

function removePending(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  watching = false;
  // die of the signal, as if no handler had been there, so the shell sees 130 / 143
  process.kill(process.pid, signal);
}

function watchSignals(): void {
  if (watching) return;
  watching = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', removePending);
}

/** a temp file of ours, of a run that wrote to the same target: `.report.json.flowaudit-<pid>-<hex>.tmp` */
function tempPattern(target: string): RegExp {
  const name = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${name}\\.(?:flowaudit-)?(\\d+)[.-][0-9a-f]{8}\\.tmp$`);
}

const DAY_MS = 86_400_000;

/**
 * Removes the temp files that a killed run (SIGKILL, a crash, power loss) left beside `target`: those of a
 * process that is gone, or older than a day (its pid may have been reused).
 */
async function sweepStaleTemps(target: string): Promise<void> {
  const dir = dirname(target);
  const pattern = tempPattern(target);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    const path = join(dir, name);
    try {
      if (!isAlive(pid) || Date.now() - (await stat(path)).mtimeMs > DAY_MS) await rm(path, { force: true });
    } catch {
      // another run swept it first
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
