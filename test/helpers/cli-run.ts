import { run } from '../../src/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A captured stream that takes each write at once, as a pipe with room does. */
export function capture(): { text: () => string; write: (s: string, done?: (error?: Error | null) => void) => boolean; isTTY: false } {
  let text = '';
  return {
    text: () => text,
    write: (s, done) => {
      text += s;
      done?.();
      return true;
    },
    isTTY: false,
  };
}

/** Runs the CLI in-process with captured output, as a user's terminal-less shell would (no TTY, no colour). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): Promise<CliResult> {
  const stdout = capture();
  const stderr = capture();
  const code = await run(args, { stdout, stderr, env, cwd });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
