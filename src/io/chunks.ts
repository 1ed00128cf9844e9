// about a pipe's buffer
const BATCH = 1 << 16;

/**
 * A report's pieces encoded as they come and written in buffers of about 64 KiB. Each piece's text dies young:
 * joined into one string first, every byte of a large report was copied again by the collector (the joined text
 * outlived a young-generation collection) and again to be encoded (merges bench: 70 MB of a run's 1 GB
 * allocated, and the copying behind most of it).
 */
export function* byteBatches(content: string | Iterable<string>): Generator<Buffer> {
  if (typeof content === 'string') {
    if (content !== '') yield Buffer.from(content, 'utf8');
    return;
  }
  let pending: Buffer[] = [];
  let size = 0;
  for (const chunk of content) {
    if (chunk === '') continue;
    const bytes = Buffer.from(chunk, 'utf8');
    pending.push(bytes);
    size += bytes.length;
    if (size >= BATCH) {
      yield pending.length === 1 ? bytes : Buffer.concat(pending, size);
      pending = [];
      size = 0;
    }
  }
  if (size > 0) yield pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, size);
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
