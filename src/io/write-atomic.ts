import { lstatSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { chmod, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { FlowauditError } from '../errors.js';
import { byteBatches, describeErrno } from './chunks.js';
import { holdTemp, isAlive, releaseTemp, sweepTemps, tempPathFor, tempPatternFor } from './temp-files.js';

/** How one buffer is written: the file system's own, replaced in tests to fail as a full disk does. */
export type WriteChunk = (handle: FileHandle, buffer: Buffer, offset: number) => Promise<number>;

const writeChunk: WriteChunk = async (handle, buffer, offset) => (await handle.write(buffer, offset, buffer.length - offset)).bytesWritten;

/**
 * Writes the report to `path`, deciding how by what the target is, never by where it is. A regular file (or a
 * new one), wherever it lives (/dev/shm is a folder of regular files), is written to a temp file beside it,
 * synced and renamed into place, so a reader never sees half a report and a failed or stopped write leaves the
 * old file as it was. A symlink is followed (the link stays, its target is replaced). A FIFO, a terminal, a
 * character device (/dev/null) or a socket is written through, never replaced. A path ending in `/` (or `.`)
 * names a folder, never a file. Every write is checked: a short write or a full disk is an error, and nothing is
 * renamed into place. Temp files are removed on SIGINT, SIGTERM and SIGHUP, and those a killed run left beside
 * the target are swept first.
 * @throws FlowauditError (exit 2) naming the path and the reason (`no space left on device (ENOSPC)`)
 */
export async function writeOutputFile(path: string, content: string | Iterable<string>, write: WriteChunk = writeChunk): Promise<void> {
  const asked = resolve(path);
  // resolve() drops a trailing slash: `-o out/new.json/` asks for a folder, and gets no file named new.json
  if (/(^|\/)\.{0,2}$/.test(path)) {
    const why = statOrNull(asked)?.isDirectory() ? 'it is a directory' : 'a path ending in / names a directory';
    throw new FlowauditError(`cannot write ${path}: ${why}; give --output a file name`);
  }
  const target = followLinks(asked);
  const existing = statOrNull(asked);
  if (existing?.isDirectory()) throw new FlowauditError(`cannot write ${asked}: it is a directory; give --output a file name`);
  if (existing !== null && !existing.isFile()) return writeThrough(asked, content, write);
  sweepTemps(dirname(target), tempPatternFor(target), (pid, ageMs) => !isAlive(pid) || ageMs > DAY_MS);
  // loaded here, not with the module: a report printed to stdout never needs it, and it costs every run 3.5 ms
  const { randomBytes } = await import('node:crypto');
  const temp = tempPathFor(target, randomBytes(4).toString('hex'));
  holdTemp(temp);
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
    releaseTemp(temp);
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
  for (const buffer of byteBatches(content)) {
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

/** a killed run's temp file is kept a day at most, even when its pid seems alive (it may have been reused) */
const DAY_MS = 86_400_000;
