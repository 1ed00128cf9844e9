import { constants, lstatSync, realpathSync, type Stats } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, relative, isAbsolute } from 'node:path';
import { FlowauditError } from '../errors.js';
import { describeErrno } from './chunks.js';
import { holdTemp, releaseTemp, tempPathFor } from './temp-files.js';

// created, never opened through a symlink: O_EXCL fails on anything already at the name, a link included
const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * Writes `content` as a new regular file at `path`, inside the folder `inside` (the repository `init` writes
 * into), and nothing else: whatever stands at the name — a symlink (to a file outside, or to nothing yet), a
 * FIFO, a device, a folder — is refused, `replace` or not, so no write ever goes through it. A regular file is
 * refused too unless `replace`; then the new file is written beside it and renamed over it, which replaces the
 * name, never what a link planted there since would point to. A new file is created exclusively (`O_EXCL`,
 * `O_NOFOLLOW`) and removed if its write fails or a signal ends the run: nothing is left half-written.
 * @throws FlowauditError (exit 2) naming the path and what is wrong with it
 */
export async function writeNewFile(path: string, content: string, options: { replace: boolean; inside: string }): Promise<void> {
  const folder = realOrNull(dirname(path));
  const root = realOrNull(options.inside);
  if (folder === null || root === null) throw new FlowauditError(`cannot write ${path}: ${root === null ? options.inside : dirname(path)} does not exist`);
  const within = relative(root, folder);
  if (within.startsWith('..') || isAbsolute(within)) throw new FlowauditError(`cannot write ${path}: its folder is outside ${options.inside}`);
  const existing = lstatOrNull(path);
  if (existing !== null && !existing.isFile()) {
    throw new FlowauditError(`${path} is ${kindOf(existing)}, not a regular file: flowaudit writes a new file there and never through what stands at the name; remove it first`);
  }
  if (existing !== null && !options.replace) throw new FlowauditError(`${path} exists already: edit it, or pass --force to overwrite it`);
  const { randomBytes } = await import('node:crypto');
  const file = existing === null ? path : tempPathFor(path, randomBytes(4).toString('hex'));
  try {
    await create(file, path, content);
    if (file === path) return;
    try {
      await rename(file, path);
    } catch (error) {
      await rm(file, { force: true });
      throw new FlowauditError(`cannot write ${path}: ${describeErrno(error)}; nothing was replaced`, { cause: error });
    }
  } finally {
    releaseTemp(file);
  }
}

/** Creates `file` (which must not exist) holding `content`, synced; removed again when its write fails. The caller releases it. */
async function create(file: string, shown: string, content: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(file, CREATE, 0o666);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // something was put at the name since it was looked at: refused, as it would have been then
    if (code === 'EEXIST' || code === 'ELOOP') throw new FlowauditError(`${shown} appeared while flowaudit was writing it: nothing was written; look at what it is and run init again`, { cause: error });
    throw new FlowauditError(`cannot write ${shown}: ${describeErrno(error)}`, { cause: error });
  }
  // ours from here: removed if a signal ends the run before it is whole (and, for a temp file, in place)
  holdTemp(file);
  try {
    try {
      await handle.writeFile(content, 'utf8');
      // some file systems (NFS, quotas) only report a full disk when the data is flushed
      await handle.datasync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(file, { force: true });
    throw new FlowauditError(`cannot write ${shown}: ${describeErrno(error)}; nothing was written`, { cause: error });
  }
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function kindOf(stat: Stats): string {
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
