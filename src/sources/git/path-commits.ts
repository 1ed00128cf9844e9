import { streamGitRanges } from './run.js';

/** A commit that added or deleted some of the paths asked about, and which. */
export interface PathCommit {
  sha: string;
  /** its commit date, epoch seconds */
  at: number;
  added: string[];
  deleted: string[];
}

/**
 * The commits in `tip`'s history past `exclude` that added or deleted (as `filter` asks) a path `pathspecs` match,
 * newest first, in one `git log --name-status`: when a package was born, moved or removed. Names only, no rename
 * detection: git compares trees and reads no blob (a partial clone answers). A git that fails reads as none.
 * `firstParent` reads `tip`'s first-parent line alone, a merge diffed against its first parent: when a path
 * changed on that line, not on the branch where a commit made it.
 */
export async function readPathCommits(
  cwd: string,
  tip: string,
  exclude: string | null,
  pathspecs: readonly string[],
  filter: 'A' | 'D' | 'AD',
  firstParent = false,
): Promise<PathCommit[]> {
  const commits: PathCommit[] = [];
  if (pathspecs.length === 0) return commits;
  let current: PathCommit | null = null;
  // `-z` writes each entry as its status then its path, each ended by a NUL
  let status: string | null = null;
  await streamGitRanges(
    cwd,
    ['log', '-z', ...(firstParent ? ['--first-parent', '--diff-merges=first-parent'] : []), `--diff-filter=${filter}`, '--name-status', '--no-renames', '--format=%x1e%H %ct', tip, ...(exclude === null ? [] : [`^${exclude}`]), '--', ...pathspecs],
    (buffer, start, end) => {
      const text = buffer.toString('utf8', start, end).replace(/^\n+/, '');
      if (text.startsWith('\x1e')) {
        const [sha = '', at = ''] = text.slice(1).trim().split(' ');
        current = { sha, at: Number(at), added: [], deleted: [] };
        commits.push(current);
        status = null;
      } else if (text !== '' && current !== null) {
        if (status === null) status = text;
        else {
          if (status === 'A') current.added.push(text);
          else if (status === 'D') current.deleted.push(text);
          status = null;
        }
      }
    },
    { separator: 0, onFailure: () => true },
  );
  return commits;
}

/** `paths` as pathspecs that match each one alone, whatever characters it holds. */
export function literalPaths(paths: readonly string[]): string[] {
  return paths.map((p) => `:(literal)${p}`);
}
