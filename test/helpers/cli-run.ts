import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli.js';
import { expectValidReport, looksLikeReport } from './report-schema.js';

/** The built command line, as a user's shell runs it (`npx flowaudit`): through its shebang. */
export const BIN = fileURLToPath(new URL('../../bin/flowaudit.js', import.meta.url));

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
  // every JSON report a test produces, on stdout or in an --output file, is checked against the published JSON Schema
  if (looksLikeReport(stdout.text())) expectValidReport(stdout.text());
  const at = args.findIndex((a) => a === '-o' || a === '--output');
  const output = at === -1 ? undefined : args[at + 1];
  if (output !== undefined && output !== '-') {
    const path = resolve(cwd, output);
    const text = existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : '';
    if (looksLikeReport(text)) expectValidReport(text);
  }
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
