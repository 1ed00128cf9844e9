import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/**
 * Writes `content` to `path` through a temp file in the same directory and a rename, so a reader never sees
 * half a file and a failure leaves nothing behind.
 * @throws ConfigError (exit 2) naming the path when it cannot be written; an error thrown while `content`
 * is produced is thrown as it is, the temp file removed
 */
export function writeFileAtomic(path: string, content: string | Iterable<string>): void {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const cannotWrite = (error: unknown): ConfigError => {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return new ConfigError(`cannot write ${target} (${code}): choose a writable path for --output`, { cause: error });
  };
  const io = <T>(step: () => T): T => {
    try {
      return step();
    } catch (error) {
      throw cannotWrite(error);
    }
  };
  const fd = io(() => openSync(temp, 'wx', 0o644));
  try {
    try {
      for (const chunk of typeof content === 'string' ? [content] : content) io(() => writeSync(fd, chunk));
    } finally {
      io(() => closeSync(fd));
    }
    io(() => renameSync(temp, target));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
