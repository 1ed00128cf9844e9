import { spawn, spawnSync } from 'node:child_process';
import { GitError } from '../../errors.js';
import { append } from '../../lists.js';

/*
 * The one way flowaudit runs git. The audited repository is untrusted (a stranger's history, a CI checkout's
 * .git/config): no call may fetch, contact a remote, write to the repository or run a program the repository
 * names. Every git process gets the same arguments and environment, built here, and only read commands run.
 *
 * The user's global and system config are not read (GIT_CONFIG_GLOBAL=/dev/null, GIT_CONFIG_NOSYSTEM): the same
 * repository then gives the same figures on every machine (diff.renames, diff.algorithm… change line counts),
 * and nothing in them (a credential helper, a pager) can run. Only `safe.directory` is carried over from them,
 * as `-c`: CI checkouts owned by another user rely on it. It is read only when git refuses a repository for its
 * owner, so the usual run starts no git process for it.
 */

/** The only subcommands flowaudit runs: each reads, none writes or fetches. */
const READ_COMMANDS = new Set(['log', 'diff-tree', 'rev-list', 'rev-parse', 'for-each-ref', 'cat-file', 'ls-tree', 'config', 'symbolic-ref', 'merge-base']);
/** Subcommands that can produce a diff: an external diff or textconv driver would run a program. */
const DIFF_COMMANDS = new Set(['log', 'diff-tree']);
const CONFIG_READS = new Set(['--get', '--get-all', '--get-regexp', '--list']);
/** Flags that make a read command run a program: never passed. */
const PROGRAM_FLAGS = new Set(['--ext-diff', '--textconv', '--filters', '--show-signature', '--upload-pack', '--paginate']);

/**
 * Config every git process runs with. `-c` outranks every config file, so a repository cannot undo these;
 * keys a repository could set under another name (protocol.<name>.allow) are closed by GIT_ALLOW_PROTOCOL below.
 */
export const GIT_CONFIG_ARGS = [
  '-c', 'core.quotepath=off',
  '-c', 'log.showSignature=false',
  // a partial clone's lazy fetch of a missing object fails at once instead of contacting the promisor remote
  '-c', 'protocol.allow=never',
  '-c', 'core.fsmonitor=false',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'core.pager=cat',
  '-c', 'core.sshCommand=false',
  // an empty helper resets the list: no credential helper runs
  '-c', 'credential.helper=',
  '-c', 'core.askPass=',
  '-c', 'core.attributesFile=/dev/null',
  '-c', 'gc.auto=0',
  '-c', 'maintenance.auto=false',
  // a smaller pack window and delta cache cut git's own peak memory by more than half on large histories,
  // for a few percent of time (measured by npm run bench)
  '-c', 'core.packedGitWindowSize=8m',
  '-c', 'core.packedGitLimit=64m',
  '-c', 'core.deltaBaseCacheLimit=16m',
];

/**
 * Variables kept from the caller's GIT_* environment. Everything else named GIT_* is dropped: GIT_DIR,
 * GIT_WORK_TREE, GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY (which would make calls read another repository than the
 * audited path), GIT_CONFIG_* (config injected from outside), GIT_SSH*, GIT_ASKPASS, GIT_EXTERNAL_DIFF,
 * GIT_PAGER, GIT_TRACE* (files written). GIT_EXEC_PATH only says where this git's own programs are, and
 * GIT_CEILING_DIRECTORIES only narrows where a repository is looked for.
 */
const KEPT_GIT_VARIABLES = new Set(['GIT_EXEC_PATH', 'GIT_CEILING_DIRECTORIES']);

/** The environment of every git process, from `base` (the process's own). */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (!key.toUpperCase().startsWith('GIT_') || KEPT_GIT_VARIABLES.has(key)) env[key] = value;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    // read commands never refresh the index (a write) in the audited repository
    GIT_OPTIONAL_LOCKS: '0',
    GIT_TERMINAL_PROMPT: '0',
    // git 2.44+ does not even start the fetch of a missing object; older ones get as far as the line below
    GIT_NO_LAZY_FETCH: '1',
    // a list of allowed transports outranks every protocol.*.allow key a repository sets; no transport is
    // named "/", so none is allowed (an ext:: remote's command, ssh, file and http all stay closed)
    GIT_ALLOW_PROTOCOL: '/',
    // log writes whole buffers rather than one write per commit, as it does into a pipe: a history of 150,000
    // commits came in as many reads of the pipe, each a call into this process (about a second of CPU)
    GIT_FLUSH: '0',
    LC_ALL: 'C',
  };
}

let environment: NodeJS.ProcessEnv | null = null;
let safeDirectories: string[] | null = null;

/**
 * `safe.directory` entries of the user's global and system config, read once, as `-c` arguments: git honours
 * them on the command line, and without them a checkout owned by another user is refused.
 */
function carriedSafeDirectories(): string[] {
  if (safeDirectories !== null) return safeDirectories;
  // where the user's config lives is theirs to say (undefined values are left out of the environment)
  const env = { ...gitEnvironment(), ...Object.fromEntries(['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM'].map((k) => [k, process.env[k]])) };
  const found: string[] = [];
  for (const scope of ['--system', '--global']) {
    // run from / so no repository's config is in play; `config --get-all` only reads files
    const result = spawnSync('git', ['config', scope, '--get-all', 'safe.directory'], { cwd: '/', env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    if (result.status === 0) append(found, result.stdout.split('\n').filter((line) => line !== ''));
  }
  safeDirectories = found.flatMap((dir) => ['-c', `safe.directory=${dir}`]);
  return safeDirectories;
}

/**
 * The argument list and environment of one git call: what `streamGit` spawns, exported so tests can run the
 * same hardening around commands flowaudit itself never runs.
 * @throws Error when `args` is not one of the read commands (a bug in flowaudit)
 */
export function gitInvocation(args: readonly string[]): { args: string[]; env: NodeJS.ProcessEnv } {
  const command = args[0] ?? '';
  if (
    !READ_COMMANDS.has(command) ||
    (command === 'config' && !args.slice(1).some((a) => CONFIG_READS.has(a))) ||
    args.some((a) => PROGRAM_FLAGS.has(a.split('=')[0] ?? ''))
  ) {
    // a programming error, not a user's: it surfaces as an unexpected error
    throw new Error(`flowaudit only runs git commands that read: refused git ${command}`);
  }
  environment ??= gitEnvironment();
  const safe = DIFF_COMMANDS.has(command) ? [command, '--no-ext-diff', '--no-textconv', ...args.slice(1)] : [...args];
  return { args: ['--no-pager', ...GIT_CONFIG_ARGS, ...(safeDirectories ?? []), ...safe], env: environment };
}

const DUBIOUS = /dubious ownership/i;

export interface StreamOptions {
  /** byte that ends a record: 0 for `-z` output, 10 for lines */
  separator: number;
  /** written to git's stdin (for --stdin) */
  input?: string;
  /** called for git's failure instead of throwing; return true when handled */
  onFailure?: (code: number, stderr: string) => boolean;
  /** stops git when aborted: the promise rejects with the abort's AbortError */
  signal?: AbortSignal;
}

/**
 * Runs git and hands each record to `onRecord` as it arrives, so memory is bounded by what the caller keeps;
 * `onRecord` returning `false` stops git there (the promise resolves). Rejects with GitError naming git's
 * first stderr line when git fails (unless onFailure handles it).
 */
export function streamGit(
  cwd: string,
  args: string[],
  onRecord: (record: Buffer) => unknown,
  options: StreamOptions,
): Promise<void> {
  return streamGitRanges(cwd, args, (buffer, start, end) => onRecord(buffer.subarray(start, end)), options);
}

/**
 * `streamGit` for the large reads: each record is `buffer[start, end)`, valid only during the call (decode what
 * is kept), so no object is made per record. Records are cut where git wrote them; only a record split between
 * two reads of the pipe is copied.
 */
export function streamGitRanges(
  cwd: string,
  args: string[],
  onRecord: (buffer: Buffer, start: number, end: number) => unknown,
  options: StreamOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) return reject(signal.reason);
    // whether the user's safe.directory entries were known (and passed) when this git started
    const withSafeDirectories = safeDirectories !== null;
    const invocation = gitInvocation(args);
    const child = spawn('git', invocation.args, { cwd, env: invocation.env, stdio: ['pipe', 'pipe', 'pipe'] });
    // stopped here rather than by spawn's own `signal`: Node 20 kills a child whose spawn failed (a directory
    // that does not exist) with a pid it never had, which can be 0 (this process's group) or another process
    const abort = (): void => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.kill();
    };
    signal?.addEventListener('abort', abort, { once: true });
    const { separator } = options;
    // the start of a record the last read cut off, waiting for the rest
    let pending: Buffer | null = null;
    let stderr = '';
    let failed: Error | null = null;
    let stopped = false;
    const stop = (): void => {
      stopped = true;
      child.kill();
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed || stopped) return;
      let start = 0;
      try {
        if (pending !== null) {
          const end = chunk.indexOf(separator);
          if (end === -1) {
            pending = Buffer.concat([pending, chunk]);
            return;
          }
          const record: Buffer = Buffer.concat([pending, chunk.subarray(0, end)]);
          pending = null;
          start = end + 1;
          if (onRecord(record, 0, record.length) === false) return stop();
        }
        for (let i = chunk.indexOf(separator, start); i !== -1; i = chunk.indexOf(separator, start)) {
          if (onRecord(chunk, start, i) === false) return stop();
          start = i + 1;
        }
      } catch (error) {
        failed = error as Error;
        child.kill();
        return;
      }
      // a copy, so the large chunk the tail sits in can be collected
      if (start < chunk.length) pending = Buffer.from(chunk.subarray(start));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => {
      signal?.removeEventListener('abort', abort);
      reject(new GitError('git could not be started: is git installed and on PATH?', { cause: error }));
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', abort);
      // stopped on purpose: the abort's error
      if (signal?.aborted) return reject(signal.reason);
      if (failed) return reject(failed);
      if (stopped) return resolve();
      if (pending !== null && code === 0) {
        try {
          onRecord(pending, 0, pending.length);
        } catch (error) {
          return reject(error);
        }
      }
      if (code !== 0) {
        // refused for its owner before a byte was read: once the user's safe.directory entries are known, again
        if (!withSafeDirectories && DUBIOUS.test(stderr) && carriedSafeDirectories().length > 0) {
          return streamGitRanges(cwd, args, onRecord, options).then(resolve, reject);
        }
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

/** Like gitOutput, but null when git fails: for questions whose failure means "no". */
export async function gitAnswer(cwd: string, args: string[]): Promise<string | null> {
  try {
    return await gitOutput(cwd, args);
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}

export function gitFailure(args: string[], stderr: string): GitError {
  const first = stderr.split('\n').find((line) => line.trim() !== '') ?? 'no message';
  return new GitError(`git ${args[0] ?? ''} failed: ${first.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}`);
}

/**
 * Refuses a ref that git would read as an option: user input must never reach git as a flag.
 * @throws GitError (exit 2)
 */
export function assertSafeRef(ref: string, what: string): string {
  if (ref.startsWith('-') || ref.includes('\0') || ref.trim() === '') {
    throw new GitError(`invalid ${what} '${ref.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}': a ref cannot start with '-' or be empty`, { exitCode: 2 });
  }
  return ref;
}
