/*
 * The hostile-input suite's one way to run flowaudit and judge the outcome. Every case asserts the same
 * things (issue 13): the exit code; on an error, exactly one line (plus an optional indented hint) and no
 * stack trace; nothing half-written (a run that fails leaves no output file, a run that succeeds leaves
 * exactly its output file); no piece of the token anywhere (stdout, stderr, output and cache files); and
 * nothing executed (the marker file a hostile command would create never appears).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BIN, runCli } from '../helpers/cli-run.js';

/** The token every case has in its environment: nothing may ever print or store any 8 characters of it. */
export const TOKEN = 'ghp_h0stileT0ken9f8e7d6c5b4a3Z2Y1X0WvUtS';
export const NOW = ['--now', '2026-04-01T00:00:00Z'];


export interface Sandbox {
  /** a fresh directory for this case: the output file, the cache and the marker live here */
  dir: string;
  /** the file a hostile command would create: `touch <marker>` */
  marker: string;
  /** where `-o` writes */
  output: string;
  /** XDG_CACHE_HOME for the run */
  cache: string;
  remove(): void;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'flowaudit-hostile-'));
  return {
    dir,
    marker: join(dir, 'executed'),
    output: join(dir, 'out', 'report'),
    cache: join(dir, 'cache'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  /** the output file's text, or null when none was written */
  written: string | null;
}

interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** write the report with -o into the sandbox (default true) */
  toFile?: boolean;
  /** run bin/flowaudit.js in a child process: for cases that need the process's own environment */
  subprocess?: boolean;
  /** with subprocess: the most it may take (ms) before it is killed (default two minutes) */
  timeout?: number;
}

/** Runs `flowaudit args…` in the sandbox and checks what every hostile case must hold, whatever it expects. */
export async function run(box: Sandbox, args: string[], options: RunOptions = {}): Promise<Outcome> {
  const toFile = options.toFile ?? true;
  const env = { XDG_CACHE_HOME: box.cache, GH_TOKEN: TOKEN, ...options.env };
  const argv = toFile ? [...args, '-o', box.output] : args;
  if (toFile) mkdirOut(box);
  let result: { code: number; stdout: string; stderr: string };
  if (options.subprocess) {
    const child = spawnSync(process.execPath, [BIN, ...argv], { env: { PATH: process.env.PATH, HOME: box.dir, ...env }, encoding: 'utf8', timeout: options.timeout ?? 120_000 });
    result = { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
  } else {
    result = await runCli(argv, env);
  }
  const written = toFile && existsSync(box.output) ? readFileSync(box.output, 'utf8') : null;
  const outcome = { ...result, written };
  expectHarmless(box, outcome);
  return outcome;
}

/** No stack trace, no token, nothing run, no temp file left behind: true of every outcome. */
function expectHarmless(box: Sandbox, o: Outcome): void {
  expect(o.stderr, 'a stack trace reached stderr').not.toMatch(/\n\s+at \S|\.[jt]s:\d+:\d+/);
  expect(existsSync(box.marker), 'a hostile command ran').toBe(false);
  const files = listFiles(box.dir);
  for (const text of [o.stdout, o.stderr, ...files.map((f) => readFileSync(f, 'utf8'))]) expectNoTokenPiece(text);
  // only the output file may be in out/: a temp file left behind is something half-written
  if (existsSync(join(box.dir, 'out'))) expect(readdirSync(join(box.dir, 'out')).filter((f) => f !== 'report')).toEqual([]);
}

/** Fails when any 8 characters of the token appear in `text`. */
export function expectNoTokenPiece(text: string): void {
  for (let i = 0; i + 8 <= TOKEN.length; i++) {
    if (text.includes(TOKEN.slice(i, i + 8))) expect.fail(`8 characters of the token (${i}…) appear in: ${text.slice(0, 200)}`);
  }
}

/** The run failed as it should: `code`, one line (and an indented hint at most), nothing written. */
export function expectError(o: Outcome, code: number, message: string | RegExp): void {
  const lines = o.stderr.split('\n').filter((line) => line !== '');
  expect(lines[0]).toMatch(typeof message === 'string' ? new RegExp(`^flowaudit: ${escape(message)}$`) : message);
  expect(lines.slice(1).every((line) => line.startsWith('  ')), `more than one line of error: ${o.stderr}`).toBe(true);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(o.code).toBe(code);
  expect(o.stdout).toBe('');
  expect(o.written).toBeNull();
}

/** The run completed: exit 0 and the report written in full (a JSON report parses). */
export function expectReport(o: Outcome): string {
  expect(o.code, o.stderr).toBe(0);
  expect(o.written).not.toBeNull();
  const text = o.written ?? '';
  if (text.startsWith('{')) JSON.parse(text);
  return text;
}

/** Every bidi and zero-width control: marks, embeddings, overrides, isolates, zero-width spaces and joiners, the BOM. */
export const INVISIBLE_CONTROLS = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/** No terminal control of any kind (escape, C1, BEL) nor a bidi or zero-width control in text meant for a terminal. */
export function expectTerminalSafe(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(text).not.toMatch(INVISIBLE_CONTROLS);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mkdirOut(box: Sandbox): void {
  // the folder exists, the file does not: what is in it afterwards is what the run wrote
  rmSync(join(box.dir, 'out'), { recursive: true, force: true });
  mkdirSync(join(box.dir, 'out'), { recursive: true });
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) out.push(...listFiles(path));
    else if (stat?.isFile() && stat.size < 50 * 1024 * 1024) out.push(path);
  }
  return out;
}
