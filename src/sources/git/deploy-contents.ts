import { streamGit } from './run.js';
import { copySubject } from '../../title-number.js';

const SPACE = 0x20;

/**
 * The commit graph below the deploys, read once: every commit reachable from the deploy commits and not from
 * the boundary, as nodes with their parents. A parent git did not list (at or beyond the boundary) is a
 * node without parents: the walks stop there.
 */
export interface CommitGraph {
  /** sha → node */
  node: Map<string, number>;
  /** node → sha */
  sha: string[];
  /** per node: where its parents start in `parents`; -1 for a node git did not list */
  parentStart: number[];
  parentCount: number[];
  parents: number[];
}

/**
 * An empty graph, the node of a sha in it (made, without parents, on first sight) and `add`, which makes the
 * node of a sha known not to have one yet.
 */
export function growingGraph(): { graph: CommitGraph; nodeOf: (sha: string) => number; add: (sha: string) => number } {
  const graph: CommitGraph = { node: new Map(), sha: [], parentStart: [], parentCount: [], parents: [] };
  const add = (sha: string): number => {
    const n = graph.sha.length;
    graph.node.set(sha, n);
    graph.sha.push(sha);
    graph.parentStart.push(-1);
    graph.parentCount.push(0);
    return n;
  };
  const nodeOf = (sha: string): number => graph.node.get(sha) ?? add(sha);
  return { graph, nodeOf, add };
}

/**
 * Reads the graph of everything reachable from `tips` and not from `exclude` with one streaming
 * `git rev-list --parents` (parents only: no commit message is read). A tip missing from the clone (a
 * deployment of a commit never fetched) is left out rather than failing the read.
 */
export async function readCommitGraph(repo: string, tips: readonly string[], exclude: readonly string[]): Promise<CommitGraph> {
  const { graph, nodeOf } = growingGraph();
  if (tips.length === 0) return graph;
  await streamGit(
    repo,
    ['rev-list', '--parents', '--ignore-missing', '--stdin'],
    (record) => {
      // each sha decoded on its own: strings split from the line would keep the whole line alive, for every
      // commit of the history
      let end = record.indexOf(SPACE);
      if (end === -1) end = record.length;
      const n = nodeOf(record.toString('latin1', 0, end));
      graph.parentStart[n] = graph.parents.length;
      let count = 0;
      for (let from = end + 1; from < record.length; from = end + 1) {
        end = record.indexOf(SPACE, from);
        if (end === -1) end = record.length;
        graph.parents.push(nodeOf(record.toString('latin1', from, end)));
        count++;
      }
      graph.parentCount[n] = count;
    },
    { separator: 10, input: `${[...new Set(tips), ...exclude.map((sha) => `^${sha}`)].join('\n')}\n` },
  );
  return graph;
}

/** A commit on a release line (reachable from a deploy, not from the tracked branch), as copies are matched. */
export interface ReleaseLineCommit {
  sha: string;
  /** author email, author date and subject: what a cherry-pick keeps */
  key: string;
  /**
   * the keys of the commits of the pull request a line's squash landed, when the clone has them (`withSquashPull`):
   * grpc-go's `Cherry-pick recent changes from master (#9240)` holds a copy of master's `Merge commit from fork`
   */
  pulledKeys?: string[];
  /** shas named by `(cherry picked from commit X)` lines */
  cherryPickOf: string[];
  /** its Gerrit `Change-Id:` (Commit.changeId); absent from a commit without one */
  changeId?: string;
  /**
   * the changes it names by reference, by pull request number: `title` is the change's own title it gives
   * with that number (`Fix the parser (#12)`), null when a backport phrase named it (`Backport of #12`)
   */
  references: ReadonlyArray<{ number: number; title: string | null }>;
  /** the title of the change it says it backports (`Backport of <title> into v1.14 (#M)`); absent from any other commit */
  backportTitle?: string;
  /**
   * the landing shas of the changes whose title it carries under a later number and whose changed lines it repeats
   * (diffCopies): a backport bot's squash; absent from any other commit
   */
  sameDiffAs?: readonly string[];
  /**
   * a revert made on the line (its message says so): the shas its `This reverts commit` lines name, and when it
   * was committed; the title its subject quotes (`Revert "<title>"`), and the number that quote ends in
   * (`Revert "<title> (#9065)"`), read where no sha it names is a change's; absent from any other commit
   */
  reverts?: { shas: readonly string[]; at: number; title?: string; titleNumber?: number };
}

/**
 * The key a copy shares with its original: author email, author date (epoch seconds) and subject line, less a
 * leading `[branch]` a cherry-pick tool puts there (Gerrit's `[gopls-release-branch.0.22] gopls: deprecate …`,
 * `[3.13] gh-1234: …`): golang/tools' copy in gopls/v0.22.0 was missed, its change read 31 days of deploy wait for 4;
 * and less the `(#N)` it ends in, which a backport's squash gives its own pull request's number (tokio's
 * `taskdump: remove crate disambiguators from output (#8288)` on tokio-1.52.x, master's #8264 picked to the second:
 * read as no copy, #8264 shipped 19 hours late and tokio-1.52.4 was no deploy of master). The author and the second
 * of the date still have to agree.
 */
export function copyKey(authorEmail: string, authoredAt: number, subject: string): string {
  return `${authorEmail}\x1f${authoredAt}\x1f${copySubject(subject)}`;
}

/**
 * The copy keys a release line's commit holds: its own, then its squashed pull request's commits' (`pulledKeys`),
 * then its Gerrit Change-Id's (`changeIdKey`).
 */
export function lineKeys(commit: Pick<ReleaseLineCommit, 'key' | 'pulledKeys' | 'changeId'>): string[] {
  const keys = commit.pulledKeys === undefined ? [commit.key] : [commit.key, ...commit.pulledKeys];
  return commit.changeId === undefined ? keys : [...keys, changeIdKey(commit.changeId)];
}

/**
 * The copy key a Gerrit `Change-Id:` makes: a cherry-pick Gerrit makes keeps it where it may change the author date
 * or the subject (sqlalchemy's rel_2_0 `add Python 3.15 support`, authored 40 minutes after main's). No copyKey
 * starts with its mark.
 */
export function changeIdKey(changeId: string): string {
  return `\x1e${changeId}`;
}

/** Whether a copy key is a Change-Id's (`changeIdKey`), not an author's, date's and subject's. */
export function isChangeIdKey(key: string): boolean {
  return key.startsWith('\x1e');
}

/** The author date (epoch seconds) a copy key holds (`copyKey`). */
export function copyKeyAuthoredAt(key: string): number {
  return Number(key.split('\x1f')[1]);
}

/** The subject a copy key holds (`copyKey`: less a leading `[branch]` and the `(#N)` it ended in). */
export function copyKeySubject(key: string): string {
  return key.split('\x1f')[2] ?? '';
}


/**
 * Whether `ancestor` is an ancestor of `of` (or the same commit), asked of git: for the rare rollback whose
 * commit predates the history read. A commit the clone lacks (a deployment never fetched) is no ancestor.
 */
export async function isAncestor(repo: string, ancestor: string, of: string): Promise<boolean> {
  let result = true;
  await streamGit(repo, ['merge-base', '--is-ancestor', ancestor, of], () => undefined, {
    separator: 10,
    onFailure: (code) => {
      result = false;
      // 1: not an ancestor; 128: a commit git does not have
      return code === 1 || code === 128;
    },
  });
  return result;
}
