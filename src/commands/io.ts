import { realpathSync } from 'node:fs';
import { writeFileAtomic } from '../io/write-atomic.js';
import { terminalSafe } from '../render/sanitize.js';

/** What a command needs from its surroundings: injectable so tests run the CLI in-process. */
export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function resolvePath(path: string, cwd: string): string {
  return path.startsWith('/') ? path : `${cwd}/${path}`;
}

/** The path with links resolved, to tell the same file or repository given twice; as given when it is missing (reading it says why). */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Colour only for a terminal, never with NO_COLOR, --no-color, TERM=dumb or a file. */
export function useColor(io: CliIo, flag: boolean | undefined, toFile: boolean): boolean {
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0' && !toFile && flag !== false) return true;
  return flag !== false && !toFile && Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';
}

/** The report goes to --output (atomically) or stdout, nothing else to stdout. */
export function emit(io: CliIo, text: string | Iterable<string>, output: string | undefined): void {
  if (output) writeFileAtomic(resolvePath(output, io.cwd), text);
  else if (typeof text === 'string') io.stdout.write(text);
  else {
    // a few large writes rather than one per change
    let pending = '';
    for (const chunk of text) {
      pending += chunk;
      if (pending.length >= 1 << 20) {
        io.stdout.write(pending);
        pending = '';
      }
    }
    if (pending !== '') io.stdout.write(pending);
  }
}

export function warner(io: CliIo): (message: string) => void {
  return (message) => io.stderr.write(`flowaudit: warning: ${terminalSafe(message)}\n`);
}

/** Progress on stderr, only when it is a terminal; returns a function that clears the line. */
export function progress(io: CliIo): { show: (message: string) => void; clear: () => void } {
  const tty = Boolean(io.stderr.isTTY);
  return {
    show: (message) => {
      if (tty) io.stderr.write(`\r\u001b[2K${terminalSafe(message)}…`);
    },
    clear: () => {
      if (tty) io.stderr.write('\r\u001b[2K');
    },
  };
}
