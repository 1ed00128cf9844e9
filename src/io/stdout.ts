import { FlowauditError } from '../errors.js';
import { byteBatches, describeErrno } from './chunks.js';

/** Where the report goes when there is no --output: process.stdout, or a test's capture. */
export interface OutStream {
  write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): unknown;
  isTTY?: boolean;
  /** the terminal's width, when it is one */
  columns?: number;
}

/** The reader of stdout went away (`flowaudit … | head`): nothing more to say, and not a failure. */
export class StdoutClosed extends FlowauditError {
  constructor(cause: unknown) {
    super('stdout was closed by its reader', { exitCode: 0, cause });
  }
}

/**
 * Writes the report to stdout, waiting for each write to be taken, so a failure is seen here rather than as an
 * unhandled stream error.
 * @throws StdoutClosed when the reader closed the pipe (EPIPE); FlowauditError (exit 2) for any other I/O error
 * (a full disk behind `> file`); anything without an errno code as it came
 */
export async function writeStdout(out: OutStream, content: string | Iterable<string>): Promise<void> {
  try {
    for (const chunk of byteBatches(content)) {
      await new Promise<void>((resolve, reject) => {
        out.write(chunk, (error) => (error ? reject(error) : resolve()));
      });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') throw new StdoutClosed(error);
    if (code === undefined) throw error;
    throw new FlowauditError(`cannot write the report to stdout: ${describeErrno(error)}`, { cause: error });
  }
}
