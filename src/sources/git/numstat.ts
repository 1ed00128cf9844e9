import type { Size } from '../../domain.js';
import { streamGit } from './run.js';

export interface NumstatResult {
  /** size per first-parent commit; absent when its file contents were missing (partial clone) */
  sizes: Map<string, Size>;
  /** commits whose size could not be read */
  unknown: string[];
}

// a blobless clone lacks every blob: past this many failures the rest of the sizes stay unknown
const MAX_RESTARTS = 25;

/**
 * Line counts of every first-parent commit between `tip` and `exclude`, merges diffed against their first
 * parent (the whole pull request). `counts(path)` says whether a path counts toward size (lock files and
 * generated files do not). In a partial clone git dies on a missing blob instead of fetching it: the commit
 * it died on gets an unknown size and the walk goes on from its parent, up to MAX_RESTARTS times.
 */
export async function readSizes(
  repo: string,
  tip: string,
  exclude: string[],
  counts: (path: string) => boolean,
): Promise<NumstatResult> {
  const sizes = new Map<string, Size>();
  const unknown: string[] = [];
  let from: string | null = tip;
  for (let restart = 0; from !== null; restart++) {
    let current: string | null = null;
    let size: Size = { additions: 0, deletions: 0, files: 0 };
    let missing = false;
    const start: string = from;
    await streamGit(
      repo,
      ['log', '--first-parent', '--diff-merges=first-parent', '--numstat', '--no-renames', '--no-ext-diff', '--no-textconv', '--format=%x1e%H', start, ...exclude.map((sha) => `^${sha}`), '--'],
      (line) => {
        const text = line.toString('utf8');
        if (text.startsWith('\x1e')) {
          if (current !== null) sizes.set(current, size);
          current = text.slice(1);
          size = { additions: 0, deletions: 0, files: 0 };
          return;
        }
        const tab = text.indexOf('\t');
        if (tab === -1 || current === null) return;
        const tab2 = text.indexOf('\t', tab + 1);
        const path = unquote(text.slice(tab2 + 1));
        size.files++;
        if (!counts(path)) return;
        const added = Number(text.slice(0, tab));
        const deleted = Number(text.slice(tab + 1, tab2));
        // binary files show '-': no lines to count
        if (Number.isFinite(added)) size.additions += added;
        if (Number.isFinite(deleted)) size.deletions += deleted;
      },
      {
        separator: 10,
        onFailure: (_code, stderr) => {
          if (!/unable to read|missing|could not fetch|promisor|bad object|not allowed/i.test(stderr)) return false;
          missing = true;
          return true;
        },
      },
    );
    if (current !== null) sizes.set(current, size);
    if (!missing || restart >= MAX_RESTARTS) break;
    // git prints a commit only once its diff is done (and flushes each one to a pipe), so the commit it died
    // on is the one after the last it printed: the start, or the last one's first parent
    const failed = await resolveCommit(repo, current === null ? start : `${current}^1`);
    if (failed === null) break;
    unknown.push(failed.sha);
    if (failed.parent === null || exclude.includes(failed.parent)) break;
    from = failed.parent;
  }
  return { sizes, unknown };
}

async function resolveCommit(repo: string, rev: string): Promise<{ sha: string; parent: string | null } | null> {
  let line = '';
  await streamGit(repo, ['rev-list', '--parents', '-n', '1', rev, '--'], (l) => (line = l.toString('utf8')), { separator: 10, onFailure: () => true });
  const [sha, parent] = line.trim().split(' ');
  return sha ? { sha, parent: parent ?? null } : null;
}

/** git quotes unusual paths C-style ("a\tb"); only the name matters here, so undo the quoting loosely. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  return path.slice(1, -1).replace(/\\(.)/g, '$1');
}
