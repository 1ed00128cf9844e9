import { readBlobs } from './blobs.js';
import { gitAnswer, streamGitRanges } from './run.js';

/** One file a change touched and its changed lines (added + deleted; 0 for a binary file or one size leaves out). */
export interface ChangedFile {
  path: string;
  lines: number;
}

/** Where GitHub looks for a CODEOWNERS file, in its order of precedence: the first that exists is the one used. */
const CODEOWNERS_PATHS: readonly string[] = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/**
 * The files each of `shas` touched and their changed lines, merges diffed against their first parent (the whole
 * pull request), with git's rename detection, in one `git log --no-walk` over them all: read only when a slice
 * asks which files a change touched (the size read keeps only the sums). A file `counts` leaves out of sizes
 * (lock files, generated files) is kept with 0 lines: it names an owner only when nothing else does.
 */
export async function readChangedFiles(cwd: string, shas: readonly string[], counts: (path: string) => boolean = () => true): Promise<Map<string, ChangedFile[]>> {
  const files = new Map<string, ChangedFile[]>();
  if (shas.length === 0) return files;
  let current: ChangedFile[] | null = null;
  // a rename's entry is `added\tdeleted\t` followed by the old and the new path as tokens of their own
  let pending: { lines: number; paths: number } | null = null;
  const add = (lines: number, path: string): void => {
    current?.push({ path, lines: counts(path) && Number.isFinite(lines) ? lines : 0 });
  };
  await streamGitRanges(
    cwd,
    ['log', '-z', '--no-walk=unsorted', '--diff-merges=first-parent', '--numstat', '-M', '--format=%x1e%H', '--stdin', '--'],
    (buffer, start, end) => {
      const token = buffer.toString('utf8', start, end);
      if (pending !== null) {
        if (--pending.paths === 0) {
          add(pending.lines, token);
          pending = null;
        }
        return;
      }
      const text = token.replace(/^\n+/, '');
      if (text.startsWith('\x1e')) {
        current = [];
        files.set(text.slice(1), current);
        return;
      }
      const m = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/.exec(text);
      if (!m) return;
      // binary files show '-': no lines to count
      const lines = Number(m[1]) + Number(m[2]);
      if (m[3] === '') pending = { lines, paths: 2 };
      else add(lines, m[3] ?? '');
    },
    // a commit whose contents a partial clone lacks has no files: its change is unowned rather than the run failed
    { separator: 0, input: `${shas.join('\n')}\n`, onFailure: () => true },
  );
  return files;
}

/**
 * The earlier commits of each rebase-merged change, by its landing sha (the run's last commit): a rebase merge
 * lands its pull request's commits one after another on the first-parent line, and the files the change touched
 * are all of theirs, not its last commit's alone (terraform's #37525 rebase-merged seven commits; its last touched
 * 528 of the 1,799 lines the team slice weighs). Read in one first-parent walk back from the newest of them: each
 * run goes back from its landing for its `commits` less one, and stops at another change's landing.
 */
export async function readRebaseRuns(cwd: string, changes: ReadonlyArray<{ sha: string; kind: string; commits: number | null; mergedAt: string }>): Promise<Map<string, string[]>> {
  const runs = new Map<string, string[]>();
  const rebases = changes.filter((c) => c.kind === 'rebase' && (c.commits ?? 0) > 1);
  if (rebases.length === 0) return runs;
  const landings = new Set(changes.map((c) => c.sha));
  const wanted = new Map(rebases.map((c) => [c.sha, (c.commits ?? 1) - 1]));
  const newest = rebases.reduce((a, b) => (b.mergedAt > a.mergedAt ? b : a));
  // every first-parent commit of the window is one change's: their commits bound the walk
  const most = changes.reduce((n, c) => n + Math.max(1, c.commits ?? 1), 0);
  let current: { list: string[]; left: number } | null = null;
  await streamGitRanges(
    cwd,
    ['rev-list', '--first-parent', `--max-count=${most}`, newest.sha, '--'],
    (buffer, start, end) => {
      const sha = buffer.toString('latin1', start, end).trim();
      if (sha === '') return;
      if (landings.has(sha)) {
        const left = wanted.get(sha);
        current = left === undefined ? null : { list: [], left };
        if (current !== null) runs.set(sha, current.list);
        return;
      }
      if (current === null) return;
      current.list.push(sha);
      if (--current.left === 0) current = null;
    },
    // a shallow clone's walk ends early: the runs read so far stand
    { separator: 10, onFailure: () => true },
  );
  return runs;
}

// GitHub does not load a CODEOWNERS file of 3 MB or more ("About code owners"): neither does flowaudit
const CODEOWNERS_LIMIT = 3 * 1024 * 1024 - 1;

/**
 * The CODEOWNERS file GitHub would use at `sha` (the first of its three places that exists), read as a blob
 * (`cat-file`: the runner runs only reads, and no textconv); its size alone when it is past the 3 MB GitHub
 * reads; null: none.
 */
export async function readCodeowners(cwd: string, sha: string): Promise<{ path: string; text: string } | { path: string; tooLarge: number } | null> {
  const blobs = await readBlobs(cwd, CODEOWNERS_PATHS.map((path) => `${sha}:${path}`), CODEOWNERS_LIMIT);
  for (const path of CODEOWNERS_PATHS) {
    const blob = blobs.get(`${sha}:${path}`);
    if (blob !== undefined) return { path, ...blob };
  }
  return null;
}

/** The tracked branch's last commit before `until` (epoch seconds): the window's end, where its owners are read. */
export async function commitBefore(cwd: string, branch: string, until: number): Promise<string | null> {
  const sha = await gitAnswer(cwd, ['rev-list', '-n', '1', '--first-parent', `--before=${until}`, branch, '--']);
  return sha?.trim() || null;
}
