import { ownAscii } from './own-string.js';
import { streamGit } from './run.js';

/** A commit of a deploy branch's first-parent line: its committer date and parents. */
export interface LineCommit {
  sha: string;
  /** committer date, epoch seconds */
  at: number;
  parents: string[];
}

/** The first-parent line of `tip`, newest first (one `git log`); with `since`, back to that committer date only. */
export async function readLine(cwd: string, tip: string, since?: number): Promise<LineCommit[]> {
  const line: LineCommit[] = [];
  await streamGit(cwd, ['log', '--first-parent', ...(since === undefined ? [] : [`--max-age=${Math.floor(since)}`]), '--format=%H %ct %P', tip, '--'], (record) => {
    const [sha, at, ...parents] = record.toString('utf8').trim().split(' ');
    if (sha && at) line.push({ sha: ownAscii(sha), at: Number(at), parents: parents.filter((p) => p !== '').map(ownAscii) });
  }, { separator: 10 });
  return line;
}

/**
 * Every commit of `tip`'s history (one `git rev-list`): what the tracked branch holds; with `exclude`, less what
 * those commits reach (shas, never refs a user named).
 */
export async function readHistorySet(cwd: string, tip: string, exclude: readonly string[] = []): Promise<Set<string>> {
  const shas = new Set<string>();
  await streamGit(cwd, ['rev-list', tip, ...exclude.map((sha) => `^${sha}`), '--'], (record) => shas.add(record.toString('latin1').trim()), { separator: 10 });
  return shas;
}
