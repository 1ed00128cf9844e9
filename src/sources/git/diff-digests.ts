import { createHash, type Hash } from 'node:crypto';
import { streamGitRanges } from './run.js';

const NEWLINE = 0x0a;
const NUL = 0x00;
const COLON = 0x3a;
const RECORD = 0x1e;
const PLUS = 0x2b;
const MINUS = 0x2d;
const BACKSLASH = 0x5c;
const AT = 0x40;

/**
 * A digest of the changed lines of some files of some commits (`wanted`: sha → paths), merges against their first
 * parent (the whole pull request), by `git log -p -U0 --diff-filter=MT --no-walk` over the commits: every line a
 * file's change adds or removes, in git's order. What is left out is what differs between two copies of one change
 * made on different lines of a project: the unchanged lines around each change (`-U0`), the line numbers (hunk
 * headers) and the blobs' ids; a binary file's change is known by the blob it leaves. Only modified files are read:
 * one added or deleted is known by its blob (readChangedBlobs), and an added bundle of megabytes costs nothing. Git
 * is not told the paths: a pathspec per file asked for made it twice as slow as printing every file (electron's
 * year: 300 paths over 1,257 commits, 1.4 s against 0.6 s); the files not asked for are skipped unread. A file whose
 * diff git could not finish (a partial clone lacking its contents) has none, nor has any file after it in its half:
 * a failure reads what was read before it. A path git quotes (a tab, a quote, a backslash in it) has none.
 * @returns sha → path → digest
 */
export async function readDiffDigests(cwd: string, wanted: ReadonlyMap<string, readonly string[]>): Promise<Map<string, Map<string, string>>> {
  const digests = new Map<string, Map<string, string>>();
  // two halves, two git processes: the report waits on them, and git's diffs are the time (electron's year: 2,865
  // commits, 1.5 s of git in one)
  const shas = [...wanted.keys()];
  const half = Math.ceil(shas.length / 2);
  await Promise.all([shas.slice(0, half), shas.slice(half)].map((part) => readPart(cwd, part, wanted, digests)));
  return digests;
}

async function readPart(cwd: string, shas: readonly string[], wanted: ReadonlyMap<string, readonly string[]>, digests: Map<string, Map<string, string>>): Promise<void> {
  if (shas.length === 0) return;
  let files: Map<string, string> | null = null;
  // the paths asked of the commit being read
  let paths: ReadonlySet<string> = new Set();
  let current: { path: string; hash: Hash } | null = null;
  // the blob a file's change leaves, from its `index` line: what a binary file's change is known by
  let blob = '';
  // between a file's `diff --git` line and its first hunk
  let header = false;
  const finish = (): void => {
    if (current !== null) files?.set(current.path, current.hash.digest('hex'));
    current = null;
  };
  const read = await readToEnd(
    cwd,
    ['log', '-p', '-U0', '--diff-filter=MT', '--no-renames', '--no-color', '--no-walk=unsorted', '--diff-merges=first-parent', '--format=%x1e%H', '--stdin', '--'],
    (buffer, start, end) => {
      const first = buffer[start];
      if (first === RECORD) {
        finish();
        const sha = buffer.toString('latin1', start + 1, end);
        files = new Map();
        digests.set(sha, files);
        paths = new Set(wanted.get(sha));
        return;
      }
      if (files === null || start === end) return;
      if (startsWith(buffer, start, end, 'diff --git ')) {
        finish();
        header = true;
        blob = '';
        // `diff --git a/<path> b/<path>`, its two halves alike (no renames): a quoted path is none to read
        const line = buffer.toString('utf8', start, end);
        const length = (line.length - 'diff --git a/ b/'.length) / 2;
        const path = line.slice('diff --git a/'.length, 'diff --git a/'.length + length);
        if (Number.isInteger(length) && paths.has(path) && line === `diff --git a/${path} b/${path}`) current = { path, hash: createHash('sha1') };
        return;
      }
      if (current === null) return;
      if (first === PLUS || first === MINUS) {
        // in a file's header, `--- a/x` and `+++ b/x` repeat its name
        if (header) return;
        current.hash.update(buffer.subarray(start, end));
        current.hash.update('\n');
      } else if (first === BACKSLASH) {
        current.hash.update(buffer.subarray(start, end));
        current.hash.update('\n');
      } else if (first === AT) {
        // a hunk's header holds line numbers, which two copies of a change need not share
        header = false;
      } else if (startsWith(buffer, start, end, 'index ')) {
        const dots = buffer.indexOf('..', start);
        const space = buffer.indexOf(' ', dots);
        blob = dots === -1 || dots >= end ? '' : buffer.toString('latin1', dots + 2, space === -1 || space > end ? end : space);
      } else if (startsWith(buffer, start, end, 'Binary files ')) {
        current.hash.update(`binary ${blob}\n`);
      }
    },
    NEWLINE,
    shas,
  );
  // the file being printed when git failed may be cut short: not trusted
  if (read) finish();
}

function startsWith(buffer: Buffer, start: number, end: number, text: string): boolean {
  return end - start >= text.length && buffer.toString('latin1', start, start + text.length) === text;
}

/** A file a commit changed, as `git log --raw` gives it: its blobs before and after (git's 40 zeros for none), with their modes. */
export interface ChangedBlob {
  path: string;
  /** git's status letter: A added, D deleted, M modified, T its type changed */
  status: string;
  before: string;
  after: string;
}

/**
 * The files each of `shas` changed, merges against their first parent, with the blobs before and after, in one
 * `git log --raw --no-walk` over them all: trees only, no file's contents, so a blobless clone answers too and
 * a file of megabytes costs nothing. Two commits that change the same files from the same blobs to the same blobs
 * made one change; where the blobs differ, their changed lines say (readDiffDigests). A commit git cannot read has
 * no entry; a failure reads what was read before it.
 */
export async function readChangedBlobs(cwd: string, shas: readonly string[]): Promise<Map<string, ChangedBlob[]>> {
  const changed = new Map<string, ChangedBlob[]>();
  if (shas.length === 0) return changed;
  let current: { sha: string; files: ChangedBlob[] } | null = null;
  // a file's `:<mode> <mode> <blob> <blob> <status>` entry, waiting for its path: the next field
  let entry: Omit<ChangedBlob, 'path'> | null = null;
  const finish = (): void => {
    if (current !== null) changed.set(current.sha, current.files);
    current = null;
  };
  const read = await readToEnd(
    cwd,
    ['log', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-walk=unsorted', '--diff-merges=first-parent', '--format=%x1e%H', '--stdin', '--'],
    (buffer, start, end) => {
      // a commit's line and its first entry follow a newline
      let from = start;
      while (from < end && buffer[from] === NEWLINE) from++;
      if (from === end) return;
      if (buffer[from] === RECORD) {
        finish();
        current = { sha: buffer.toString('latin1', from + 1, end), files: [] };
        entry = null;
        return;
      }
      if (current === null) return;
      if (entry === null && buffer[from] === COLON) {
        const [beforeMode, afterMode, before, after, status] = buffer.toString('latin1', from + 1, end).split(' ');
        entry = { status: status ?? '', before: `${beforeMode ?? ''} ${before ?? ''}`, after: `${afterMode ?? ''} ${after ?? ''}` };
        return;
      }
      if (entry !== null) {
        current.files.push({ path: buffer.toString('utf8', start, end), ...entry });
        entry = null;
      }
    },
    NUL,
    shas,
  );
  // the commit being printed when git failed may be cut short: not trusted
  if (read) finish();
  return changed;
}

/**
 * One `git log … --stdin` over `shas`, its records (ended by `separator`) handed to `onRecord`: whether git read to
 * the end. A failure (a blob a partial clone lacks, a sha it does not have) stops the read, not the run.
 */
async function readToEnd(cwd: string, args: string[], onRecord: (buffer: Buffer, start: number, end: number) => void, separator: number, shas: readonly string[]): Promise<boolean> {
  let read = true;
  await streamGitRanges(cwd, args, onRecord, {
    separator,
    input: `${shas.join('\n')}\n`,
    onFailure: () => {
      read = false;
      return true;
    },
  });
  return read;
}
