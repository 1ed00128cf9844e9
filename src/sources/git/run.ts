import { spawn } from 'node:child_process';
import { GitError } from '../../errors.js';

/**
 * Config every git process runs with. protocol.allow=never makes a partial clone's lazy fetch fail at once
 * instead of fetching: flowaudit never fetches into or writes to the repository it audits.
 */
export const GIT_CONFIG_ARGS = [
  '-c', 'core.quotepath=off',
  '-c', 'log.showSignature=false',
  '-c', 'protocol.allow=never',
  '-c', 'core.fsmonitor=false',
  // a smaller pack window and delta cache cut git's own peak memory by more than half on large histories,
  // for a few percent of time (measured by npm run bench)
  '-c', 'core.packedGitWindowSize=8m',
  '-c', 'core.packedGitLimit=64m',
  '-c', 'core.deltaBaseCacheLimit=16m',
];

/** GIT_OPTIONAL_LOCKS=0 keeps read commands from refreshing the index (a write) in the audited repository. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_OPTIONAL_LOCKS: '0',
  GIT_TERMINAL_PROMPT: '0',
  // git 2.44+ reads this; older versions rely on protocol.allow=never above
  GIT_NO_LAZY_FETCH: '1',
  LC_ALL: 'C',
};

export interface StreamOptions {
  /** byte that ends a record: 0 for `-z` output, 10 for lines */
  separator: number;
  /** written to git's stdin (for --stdin) */
  input?: string;
  /** called for git's failure instead of throwing; return true when handled */
  onFailure?: (code: number, stderr: string) => boolean;
}

/**
 * Runs git and hands each record to `onRecord` as it arrives, so memory is bounded by what the caller keeps.
 * Rejects with GitError naming git's first stderr line when git fails (unless onFailure handles it).
 */
export function streamGit(
  cwd: string,
  args: string[],
  onRecord: (record: Buffer) => void,
  options: StreamOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...GIT_CONFIG_ARGS, ...args], { cwd, env: GIT_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let pending: Buffer = Buffer.alloc(0);
    let stderr = '';
    let failed: Error | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      const buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      let start = 0;
      try {
        for (let i = buffer.indexOf(options.separator, start); i !== -1; i = buffer.indexOf(options.separator, start)) {
          onRecord(buffer.subarray(start, i));
          start = i + 1;
        }
      } catch (error) {
        failed = error as Error;
        child.kill();
        return;
      }
      // copy the tail so the large chunk it points into can be collected
      pending = Buffer.from(buffer.subarray(start));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => {
      reject(new GitError('git could not be started: is git installed and on PATH?', { cause: error }));
    });
    child.on('close', (code) => {
      if (failed) return reject(failed);
      if (pending.length > 0 && code === 0) {
        try {
          onRecord(pending);
        } catch (error) {
          return reject(error);
        }
      }
      if (code !== 0) {
        if (options.onFailure?.(code ?? 1, stderr)) return resolve();
        return reject(gitFailure(args, stderr));
      }
      resolve();
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git and returns its whole stdout: for small answers only. */
export async function gitOutput(cwd: string, args: string[], input?: string): Promise<string> {
  const parts: Buffer[] = [];
  await streamGit(cwd, args, (record) => parts.push(Buffer.from(record), Buffer.from('\n')), {
    separator: 10,
    ...(input === undefined ? {} : { input }),
  });
  return Buffer.concat(parts).toString('utf8');
}

export function gitFailure(args: string[], stderr: string): GitError {
  const first = stderr.split('\n').find((line) => line.trim() !== '') ?? 'no message';
  return new GitError(`git ${args[0] ?? ''} failed: ${first.replace(/[\u0000-\u001f\u007f]/g, '')}`);
}

/**
 * Refuses a ref that git would read as an option: user input must never reach git as a flag.
 * @throws ConfigError-style GitError with exit code 2
 */
export function assertSafeRef(ref: string, what: string): string {
  if (ref.startsWith('-') || ref.includes('\0') || ref.trim() === '') {
    throw new GitError(`invalid ${what} '${ref.replace(/[\u0000-\u001f\u007f]/g, '')}': a ref cannot start with '-' or be empty`, { exitCode: 2 });
  }
  return ref;
}
