import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/**
 * Writes `content` to `path` through a temp file in the same directory and a rename, so a reader never sees
 * half a file and a failure leaves nothing behind.
 * @throws ConfigError (exit 2) naming the path when it cannot be written
 */
export function writeFileAtomic(path: string, content: string | Iterable<string>): void {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      for (const chunk of typeof content === 'string' ? [content] : content) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(`cannot write ${target} (${code}): choose a writable path for --output`, { cause: error });
  }
}
