import { realpathSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { ConfigError } from '../errors.js';
import { writeStdout, type OutStream } from '../io/stdout.js';
import { writeOutputFile } from '../io/write-atomic.js';
import type { ProgressEvent } from '../options.js';
import { terminalSafe } from '../render/sanitize.js';
import { redactEnvTokens } from '../sources/github/token.js';

/** What a command needs from its surroundings: injectable so tests run the CLI in-process. */
export interface CliIo {
  stdout: OutStream;
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * The colour level stdout supports (0 none … 3 truecolor) as supports-color (chalk's) decides it from
   * FORCE_COLOR, the TTY, TERM and CI; the CLI fills it in from the real process. Absent: 0.
   */
  stdoutColorLevel?: number;
}

/** Flags every command that prints takes. */
export interface OutputFlags {
  output?: string;
  /** true --color, false --no-color, undefined: decide */
  color?: boolean;
  width?: string;
  quiet?: boolean;
}

/** `path` from `cwd` (an absolute one as it is: `/x`, and on Windows `C:\x` too, as a runner's paths are). */
export function resolvePath(path: string, cwd: string): string {
  return isAbsolute(path) ? path : `${cwd}/${path}`;
}

/** The path with links resolved, to tell the same file or repository given twice; as given when it is missing (reading it says why). */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * No -o, `-o -` and `-o /dev/stdout` all mean stdout: the last is written as stdout is, since opening it again
 * fails where stdout is a socket (as a spawning program's pipe may be).
 */
export function toStdout(output: string | undefined): boolean {
  return output === undefined || output === '-' || output === '/dev/stdout';
}

/**
 * Colour: --color / --no-color first; never into a file; then as supports-color decides (FORCE_COLOR=0 off,
 * FORCE_COLOR=1 on even into a pipe, else only a terminal that is not TERM=dumb); NO_COLOR turns it off unless
 * FORCE_COLOR asks for it.
 */
export function useColor(io: CliIo, flags: Pick<OutputFlags, 'color' | 'output'>): boolean {
  if (flags.color === false || !toStdout(flags.output)) return false;
  if (flags.color === true) return true;
  if (!('FORCE_COLOR' in io.env) && (io.env.NO_COLOR ?? '') !== '') return false;
  return (io.stdoutColorLevel ?? 0) > 0;
}

const MIN_WIDTH = 60;
const MAX_WIDTH = 120;

/**
 * Columns the text report is laid out to: --width, else the terminal's, else $COLUMNS, else 80; kept within
 * 60–120 (wider lines are harder to read, not more useful; narrower ones cannot hold the tables).
 * @throws ConfigError when --width is not a whole number from 60 to 400
 */
export function layoutWidth(io: CliIo, flag: string | undefined): number {
  if (flag !== undefined) {
    const n = Number(flag);
    if (!Number.isInteger(n) || n < MIN_WIDTH || n > 400) throw new ConfigError(`--width '${flag}' must be a whole number of columns from ${MIN_WIDTH} to 400`);
    return n;
  }
  const detected = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : Number(io.env.COLUMNS);
  if (!Number.isInteger(detected) || detected <= 0) return 80;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, detected));
}

/** The report goes to --output (a file, or `-` for stdout) or stdout; nothing else goes to stdout. */
export async function emit(io: CliIo, text: string | Iterable<string>, output: string | undefined): Promise<void> {
  if (toStdout(output)) await writeStdout(io.stdout, text);
  else await writeOutputFile(resolvePath(output as string, io.cwd), text);
}

/** Warnings on stderr; on a terminal each first clears the line, where a progress line may stand unfinished. */
export function warner(io: CliIo, quiet = false): (message: string) => void {
  const clear = io.stderr.isTTY ? '\r\u001b[2K' : '';
  return (message) => {
    if (!quiet) io.stderr.write(`${clear}flowaudit: warning: ${terminalSafe(redactEnvTokens(message, io.env))}\n`);
  };
}

export interface ProgressLine {
  update: (event: ProgressEvent) => void;
  /** clears the line: call before the report is written */
  done: () => void;
}

const FRAMES = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
const REDRAW_MS = 100;

/**
 * One progress line on stderr — `⠹ reading history of main · 48,676 commits · 12s` — redrawn at most every
 * 100 ms and each second for the elapsed time; only on a terminal, and never with --quiet.
 */
export function progressLine(io: CliIo, quiet = false, now: () => number = Date.now): ProgressLine {
  if (quiet || !io.stderr.isTTY) return { update: () => undefined, done: () => undefined };
  // made here, not when the module loads: a number format costs ~10 ms to set up, and most runs draw no line
  const count = new Intl.NumberFormat('en-US');
  const started = now();
  let last: ProgressEvent | null = null;
  let drawnAt = 0;
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  const draw = (): void => {
    if (last === null) return;
    drawnAt = now();
    const parts = [terminalSafe(last.step)];
    if (last.count !== undefined) parts.push(`${count.format(last.count)}${last.unit ? ` ${last.unit}` : ''}`);
    parts.push(`${Math.floor((drawnAt - started) / 1000)}s`);
    io.stderr.write(`\r\u001b[2K${FRAMES[frame++ % FRAMES.length]} ${parts.join(' · ')}`);
  };
  return {
    update: (event) => {
      const stepChanged = last?.step !== event.step;
      last = event;
      if (timer === null) {
        timer = setInterval(draw, 1000);
        // the line must never keep the process alive
        timer.unref();
      }
      if (stepChanged || now() - drawnAt >= REDRAW_MS) draw();
    },
    done: () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
      if (last !== null) io.stderr.write('\r\u001b[2K');
      last = null;
    },
  };
}
