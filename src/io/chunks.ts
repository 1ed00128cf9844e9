// about a pipe's buffer
const BATCH = 1 << 16;

/**
 * A report's pieces joined into writes of about 64 KiB (a pipe's buffer): a few large writes rather than one per
 * change. Larger batches kept their pieces alive long enough to reach the old generation, which then held tens
 * of megabytes of written text until a full collection (release bench: 263 -> 231 MB peak RSS).
 */
export function* batches(content: string | Iterable<string>): Generator<string> {
  if (typeof content === 'string') {
    if (content !== '') yield content;
    return;
  }
  let pending = '';
  for (const chunk of content) {
    pending += chunk;
    if (pending.length >= BATCH) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  ENXIO: 'no reader on the other end',
  EPIPE: 'the reader went away',
};

/** `no space left on device (ENOSPC)`: an I/O error in words, with its code. */
export function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  const reason = REASONS[code];
  if (reason !== undefined) return `${reason} (${code})`;
  return `${(error as Error).message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')} (${code})`;
}
