import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/**
 * Writes `content` to `path` through a temp file in the same directory and a rename, so a reader never sees
 * half a file and a failure leaves nothing behind.
 * @throws ConfigError (exit 2) naming the path when it cannot be written
 */
export function writeFileAtomic(path: string, content: string): void {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content, { mode: 0o644 });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(`cannot write ${target} (${code}): choose a writable path for --output`, { cause: error });
  }
}
