import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Why a file could not be read, in words that fit after its name: "… is a directory". */
export class UnreadableFile extends Error {
  /** the errno code (ENOENT, EACCES…), or NOT_REGULAR / TOO_LARGE */
  readonly code: string;
  constructor(code: string, reason: string, options: { cause?: unknown } = {}) {
    super(reason, options);
    this.code = code;
  }
}

export const MEGABYTE = 1024 * 1024;

/**
 * Reads a file that must be a regular file of at most `maxBytes`, as UTF-8: the one way flowaudit reads a file
 * it did not write in this run (a config, a JSON report, the GitHub cache). Checked before it is opened, so a
 * device is never opened, then opened without blocking and checked again on the open descriptor, so a FIFO
 * cannot hang the read, a device (a symlink to /dev/zero) cannot fill memory, and the file checked is the file
 * read.
 * @throws UnreadableFile saying why (never quoting the content)
 */
export function readRegularFile(path: string, maxBytes: number): string {
  const { fd, size } = openRegular(path, maxBytes);
  try {
    const limit = `larger than ${formatBytes(maxBytes)}`;
    // the size may change while reading: read to the end, never past the limit; not zeroed, as only what was
    // read is decoded
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new UnreadableFile('TOO_LARGE', `is ${limit}`);
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown);
        buffer = grown;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) throw new UnreadableFile('TOO_LARGE', `is ${limit}`);
    // not Latin-1 for ASCII, though it decodes in a third of the time: no report is ASCII (its lead-time
    // histogram's labels are '1–4h' … '≥ 4w'; none of the aggregate bench's 1,000), so the check would only cost
    // its scan; and Node makes a Latin-1 string over 1 MB external (outside V8's heap), which the collector
    // weighs less
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    throw readFailure(error);
  } finally {
    closeSync(fd);
  }
}

/** How much of a file `readRegularLines` holds at once. */
const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * Reads a file as `readRegularFile` does (the same checks, the same errors), one line at a time: `line` gets
 * each line's text (without its `\n`, nor a `\r` before it) and its number, from 1. Only a chunk of the file
 * and the line being read are held, never the whole text, and each line is a string of its own (never a slice
 * of a larger one, which would keep that alive): what the caller keeps of each line is all that stays. A first
 * line's byte-order mark is dropped.
 * @throws UnreadableFile saying why; whatever `line` throws, as it is
 */
export function readRegularLines(path: string, maxBytes: number, line: (text: string, number: number) => void): void {
  const { fd } = openRegular(path, maxBytes);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    // the start of a line that runs past a chunk: its parts, joined once the line ends (a long line is copied once)
    let carried: Buffer[] = [];
    let total = 0;
    let number = 0;
    const emit = (bytes: Buffer): void => {
      const whole = carried.length === 0 ? bytes : Buffer.concat([...carried, bytes]);
      carried = [];
      number += 1;
      // a \n never occurs within a multi-byte character: a line decodes alone as it would in the whole text
      const end = whole.length > 0 && whole[whole.length - 1] === RETURN ? whole.length - 1 : whole.length;
      const text = whole.toString('utf8', 0, end);
      line(number === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, number);
    };
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        throw readFailure(error);
      }
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new UnreadableFile('TOO_LARGE', `is larger than ${formatBytes(maxBytes)}`);
      const chunk = buffer.subarray(0, read);
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
        emit(chunk.subarray(start, end));
        start = end + 1;
      }
      // copied: the buffer is read into again
      if (start < read) carried.push(Buffer.from(chunk.subarray(start)));
    }
    if (carried.length > 0) emit(Buffer.alloc(0));
  } finally {
    closeSync(fd);
  }
}

/**
 * A regular file of at most `maxBytes`, open for reading: looked at by name and again on the descriptor.
 * @throws UnreadableFile saying why
 */
function openRegular(path: string, maxBytes: number): { fd: number; size: number } {
  let fd: number;
  try {
    // looked at before it is opened as well: opening a device can act by itself (a tape rewinds, a watchdog starts)
    const named = statSync(path);
    if (!named.isFile()) throw notRegular(named);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UnreadableFile(code, code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be opened (${code})`, { cause: error });
  }
  try {
    // and on the open descriptor: the file may have been swapped between the look and the open
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegular(stat);
    if (stat.size > maxBytes) throw new UnreadableFile('TOO_LARGE', `is larger than ${formatBytes(maxBytes)}`);
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    throw readFailure(error);
  }
}

function readFailure(error: unknown): UnreadableFile {
  if (error instanceof UnreadableFile) return error;
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  return new UnreadableFile(code, code === 'EISDIR' ? 'is a directory' : `cannot be read (${code})`, { cause: error });
}

function notRegular(stat: Stats): UnreadableFile {
  return stat.isDirectory() ? new UnreadableFile('EISDIR', 'is a directory') : new UnreadableFile('NOT_REGULAR', `is not a regular file (${kindOf(stat)})`);
}

function kindOf(stat: Stats): string {
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function formatBytes(bytes: number): string {
  return bytes % MEGABYTE === 0 ? `${bytes / MEGABYTE} MB` : `${bytes} bytes`;
}
