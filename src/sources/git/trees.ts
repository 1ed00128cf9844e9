import { streamGitRanges } from './run.js';

/** A first-parent commit with one parent, its tree and its parent's. */
export interface LineTree {
  sha: string;
  tree: string;
  /** its parent's tree; undefined when the parent was not read (the boundary of the history) */
  parentTree: string | undefined;
  committedAt: number;
}

const UNIT = 0x1f;
const SPACE = 0x20;

/**
 * The first-parent commits from `tip` down to `exclude` that have one parent and whose committer email `keep` takes,
 * each with its tree and its parent's, in one `git log --first-parent`: the line is one chain, so each commit's parent
 * is the line after it, and only the commits kept are decoded (rails' whole history: 46,177 commits, 754 of them
 * of one parent and committed by GitHub). A failure reads none.
 */
export async function readLineTrees(cwd: string, tip: string, exclude: readonly string[], keep: (committerEmail: string) => boolean): Promise<LineTree[]> {
  const found: LineTree[] = [];
  // the last commit kept, waiting for its parent's line: the next one
  let waiting: LineTree | null = null;
  let parent = '';
  await streamGitRanges(cwd, ['log', '--first-parent', '--format=%H%x1f%T%x1f%ct%x1f%P%x1f%ce', '--stdin'], (buffer, start, end) => {
    const next = (from: number): number => {
      const i = buffer.indexOf(UNIT, from);
      return i === -1 || i >= end ? -1 : i;
    };
    const shaEnd = next(start);
    const treeEnd = shaEnd === -1 ? -1 : next(shaEnd + 1);
    const dateEnd = treeEnd === -1 ? -1 : next(treeEnd + 1);
    const parentsEnd = dateEnd === -1 ? -1 : next(dateEnd + 1);
    if (parentsEnd === -1) return;
    if (waiting !== null && buffer.toString('latin1', start, shaEnd) === parent) waiting.parentTree = buffer.toString('latin1', shaEnd + 1, treeEnd);
    waiting = null;
    const space = buffer.indexOf(SPACE, dateEnd + 1);
    const oneParent = parentsEnd > dateEnd + 1 && (space === -1 || space >= parentsEnd);
    if (!oneParent || !keep(buffer.toString('utf8', parentsEnd + 1, end))) return;
    waiting = {
      sha: buffer.toString('latin1', start, shaEnd),
      tree: buffer.toString('latin1', shaEnd + 1, treeEnd),
      parentTree: undefined,
      committedAt: Number(buffer.toString('latin1', treeEnd + 1, dateEnd)),
    };
    parent = buffer.toString('latin1', dateEnd + 1, parentsEnd);
    found.push(waiting);
  }, { separator: 10, input: `${[tip, ...exclude.map((sha) => `^${sha}`)].join('\n')}\n`, onFailure: () => true });
  return found;
}

/**
 * The pull requests whose `refs/pull/N/head` (or `refs/remotes/origin/pull/N/head`) has one of `trees`, by tree, in
 * one `for-each-ref` streamed through: no other ref's tree is kept, however many the clone has (rails' 51,753). A
 * failure reads none.
 */
export async function readPullTrees(cwd: string, trees: ReadonlySet<string>): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>();
  if (trees.size === 0) return found;
  await streamGitRanges(cwd, ['for-each-ref', '--format=%(tree)%1f%(refname)', 'refs/pull', 'refs/remotes/origin/pull'], (buffer, start, end) => {
    const treeEnd = buffer.indexOf(UNIT, start);
    if (treeEnd === -1 || treeEnd >= end) return;
    const tree = buffer.toString('latin1', start, treeEnd);
    if (!trees.has(tree)) return;
    const m = /\/pull\/(\d+)\/head$/.exec(buffer.toString('utf8', treeEnd + 1, end));
    if (m === null) return;
    const numbers = found.get(tree) ?? [];
    if (!numbers.includes(Number(m[1]))) numbers.push(Number(m[1]));
    found.set(tree, numbers);
  }, { separator: 10, onFailure: () => true });
  return found;
}

/**
 * Of `shas` (commits off the tracked line: a release line's), those with one parent whose committer email `keep`
 * takes, each with its tree and its parent's: one `git log --no-walk` of them, then one of the parents of those kept
 * (rails' lines hold thousands of commits, few of them GitHub's: no tree of the others is held). A failure reads none.
 */
export async function readCommitTrees(cwd: string, shas: readonly string[], keep: (committerEmail: string) => boolean): Promise<LineTree[]> {
  const kept: Array<{ sha: string; tree: string; committedAt: number; parent: string }> = [];
  await streamGitRanges(cwd, ['log', '--no-walk=unsorted', '--format=%H%x1f%T%x1f%ct%x1f%P%x1f%ce', '--stdin'], (buffer, start, end) => {
    const [sha, tree, at, parents, committer] = buffer.toString('utf8', start, end).split('\x1f');
    if (sha === undefined || tree === undefined || parents === undefined || committer === undefined) return;
    const parentList = parents === '' ? [] : parents.split(' ');
    if (parentList.length === 1 && keep(committer)) kept.push({ sha, tree, committedAt: Number(at), parent: parentList[0] as string });
  }, { separator: 10, input: `${shas.join('\n')}\n`, onFailure: () => true });
  if (kept.length === 0) return [];
  const trees = await readTrees(cwd, [...new Set(kept.map((c) => c.parent))]);
  return kept.map(({ sha, tree, committedAt, parent }) => ({ sha, tree, parentTree: trees.get(parent), committedAt }));
}

/** The tree of each of `shas`, in one `git log --no-walk`. A failure (a commit the clone lacks among them) reads none. */
export async function readTrees(cwd: string, shas: readonly string[]): Promise<Map<string, string>> {
  const trees = new Map<string, string>();
  await streamGitRanges(cwd, ['log', '--no-walk=unsorted', '--format=%H %T', '--stdin'], (buffer, start, end) => {
    const [sha, tree] = buffer.toString('latin1', start, end).split(' ');
    if (sha !== undefined && tree !== undefined) trees.set(sha, tree);
  }, { separator: 10, input: `${shas.join('\n')}\n`, onFailure: () => true });
  return trees;
}
