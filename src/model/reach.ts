import { growingGraph, type CommitGraph } from '../sources/git/deploy-contents.js';

/**
 * The graph of every commit reachable from `tips` among those read (`parentsOf` answers undefined for a commit
 * not read), as `git rev-list --parents <tips> ^<boundary>` lists it: a parent not read (at or beyond the
 * boundary) is a node without parents, where the walks stop. A tip not read reaches nothing. Pure.
 */
export function commitGraph(tips: Iterable<string>, parentsOf: (sha: string) => readonly string[] | undefined): CommitGraph {
  const { graph, add } = growingGraph();
  // a node waiting to have its parents listed, with them: each sha is looked up once (the graph of the release
  // bench case has 150,000)
  const nodes: number[] = [];
  const parentsWaiting: Array<readonly string[]> = [];
  for (const tip of tips) {
    if (graph.node.has(tip)) continue;
    const tipParents = parentsOf(tip);
    if (tipParents === undefined) continue;
    nodes.push(add(tip));
    parentsWaiting.push(tipParents);
    while (nodes.length > 0) {
      const n = nodes.pop() as number;
      const parents = parentsWaiting.pop() as readonly string[];
      graph.parentStart[n] = graph.parents.length;
      graph.parentCount[n] = parents.length;
      for (const parent of parents) {
        // a parent seen before is listed or waiting; one not read stays without parents
        let p = graph.node.get(parent);
        if (p === undefined) {
          p = add(parent);
          const grandparents = parentsOf(parent);
          if (grandparents !== undefined) {
            nodes.push(p);
            parentsWaiting.push(grandparents);
          }
        }
        graph.parents.push(p);
      }
    }
  }
  return graph;
}

/**
 * For every node of the graph, the index of the first tip (in the order given) whose history contains it;
 * -1 when none does. One pass over the graph for all tips together: each tip's walk stops at what earlier
 * tips reached, since their history is already marked (what is marked is always closed under parents).
 * A tip outside the graph reaches nothing. Pure.
 */
export function firstReach(graph: CommitGraph, tips: readonly string[]): Int32Array {
  const reach = new Int32Array(graph.parentStart.length).fill(-1);
  const stack: number[] = [];
  tips.forEach((sha, t) => {
    const start = graph.node.get(sha);
    if (start === undefined || reach[start] !== -1) return;
    reach[start] = t;
    stack.push(start);
    while (stack.length > 0) {
      const n = stack.pop() as number;
      const from = graph.parentStart[n] as number;
      if (from === -1) continue;
      const to = from + (graph.parentCount[n] as number);
      for (let i = from; i < to; i++) {
        const parent = graph.parents[i] as number;
        if (reach[parent] !== -1) continue;
        reach[parent] = t;
        stack.push(parent);
      }
    }
  });
  return reach;
}

/**
 * The nodes whose history holds one of `shas` (they themselves included): 1 for each, 0 for the rest. Builds the
 * graph's children once per call: for the few commits that need it. Pure.
 */
export function descendantsOf(graph: CommitGraph, shas: readonly string[]): Uint8Array {
  const n = graph.parentStart.length;
  const childCount = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const from = graph.parentStart[i] as number;
    if (from !== -1) for (let j = from; j < from + (graph.parentCount[i] as number); j++) (childCount[(graph.parents[j] as number) + 1] as number)++;
  }
  for (let i = 0; i < n; i++) childCount[i + 1] = (childCount[i + 1] as number) + (childCount[i] as number);
  const children = new Int32Array(childCount[n] as number);
  const filled = childCount.slice(0, n);
  for (let i = 0; i < n; i++) {
    const from = graph.parentStart[i] as number;
    if (from !== -1) for (let j = from; j < from + (graph.parentCount[i] as number); j++) children[(filled[graph.parents[j] as number] as number)++] = i;
  }
  const found = new Uint8Array(n);
  const stack = shas.flatMap((sha) => graph.node.get(sha) ?? []);
  for (const start of stack) found[start] = 1;
  while (stack.length > 0) {
    const at = stack.pop() as number;
    for (let j = childCount[at] as number; j < (childCount[at + 1] as number); j++) {
      const child = children[j] as number;
      if (found[child] === 0) {
        found[child] = 1;
        stack.push(child);
      }
    }
  }
  return found;
}

/**
 * Whether a walk along parents from node `start` meets node `target`, marking each node it visits with `epoch` in
 * `marks` (a node already so marked is not walked again) and working on `stack`, which it empties first.
 */
function walkMeets(graph: CommitGraph, start: number, target: number, marks: Uint8Array | Uint32Array, epoch: number, stack: number[]): boolean {
  stack.length = 0;
  stack.push(start);
  marks[start] = epoch;
  while (stack.length > 0) {
    const n = stack.pop() as number;
    if (n === target) return true;
    const from = graph.parentStart[n] as number;
    if (from === -1) continue;
    for (let i = from; i < from + (graph.parentCount[n] as number); i++) {
      const parent = graph.parents[i] as number;
      if (marks[parent] !== epoch) {
        marks[parent] = epoch;
        stack.push(parent);
      }
    }
  }
  return false;
}

/**
 * Whether `ancestor` is in the history of `of`: true, false, or null when the graph cannot tell — `ancestor`
 * is at or beyond the boundary (older than what was read) and no path within the graph leads to it. Pure.
 */
export function reachesWithin(graph: CommitGraph, of: string, ancestor: string): boolean | null {
  const target = graph.node.get(ancestor);
  const start = graph.node.get(of);
  if (target === undefined) return null;
  // a commit git listed is not an ancestor of the boundary, so no path outside the graph leads to it
  const unknown = graph.parentStart[target] === -1 ? null : false;
  if (start === undefined) return unknown;
  return walkMeets(graph, start, target, new Uint8Array(graph.parentStart.length), 1, []) ? true : unknown;
}

/**
 * Whether a commit's history within the graph holds another (false where the graph cannot tell), remembered, the
 * walks sharing one mark array made once: rails' whole history asked it hundreds of times, and a fresh walk's
 * arrays each time raised its peak by 3 to 20 MB.
 */
export function historyHolds(graph: CommitGraph): (of: string, ancestor: string) => boolean {
  let marks: Uint32Array | undefined;
  let epoch = 0;
  const stack: number[] = [];
  const known = new Map<string, boolean>();
  return (of, ancestor) => {
    const key = `${of}\u0000${ancestor}`;
    const remembered = known.get(key);
    if (remembered !== undefined) return remembered;
    const start = graph.node.get(of);
    const target = graph.node.get(ancestor);
    marks ??= new Uint32Array(graph.parentStart.length);
    const found = start !== undefined && target !== undefined && walkMeets(graph, start, target, marks, ++epoch, stack);
    known.set(key, found);
    return found;
  };
}

/**
 * The commits a release line carries of its own: those reachable from `tips` without passing through the
 * tracked branch's first-parent line (from `tip`). A stable branch's commits, and its backports, are found
 * this way even when a sync merge later brought them into the tracked branch; a pull request's commits,
 * behind the merge that landed them on the line, are not. Pure.
 * @returns their shas
 */
export function releaseLineCommits(graph: CommitGraph, tip: string, tips: readonly string[]): string[] {
  const size = graph.parentStart.length;
  const line = new Uint8Array(size);
  for (let n = graph.node.get(tip); n !== undefined && line[n] === 0; ) {
    line[n] = 1;
    const from = graph.parentStart[n] as number;
    n = from === -1 || graph.parentCount[n] === 0 ? undefined : graph.parents[from];
  }
  const seen = new Uint8Array(size);
  const found: string[] = [];
  const stack: number[] = [];
  for (const sha of tips) {
    const start = graph.node.get(sha);
    if (start === undefined || line[start] === 1 || seen[start] === 1) continue;
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const n = stack.pop() as number;
      const from = graph.parentStart[n] as number;
      // a commit git did not list lies beyond the boundary: older than the history read
      if (from === -1) continue;
      found.push(graph.sha[n] as string);
      for (let i = from; i < from + (graph.parentCount[n] as number); i++) {
        const parent = graph.parents[i] as number;
        if (line[parent] === 0 && seen[parent] === 0) {
          seen[parent] = 1;
          stack.push(parent);
        }
      }
    }
  }
  return found;
}

/**
 * The parents of every commit the graph reaches from `tips` but not from `tip` (the tracked branch): the shape
 * of release lines beyond the branch, as `git rev-list --parents <tips> ^<tip>` lists it. Nodes git did not list
 * (at or beyond the boundary) are left out, as that read leaves out what the boundary reaches. Pure.
 * @returns sha → parent shas, in git's parent order
 */
export function parentsBeyond(graph: CommitGraph, tip: string, tips: readonly string[]): Map<string, string[]> {
  const onBranch = new Uint8Array(graph.parentStart.length);
  const walk = (starts: Iterable<number>, marked: Uint8Array, visit: (n: number) => void): void => {
    const stack: number[] = [];
    for (const start of starts) {
      if (marked[start] === 1) continue;
      marked[start] = 1;
      stack.push(start);
      while (stack.length > 0) {
        const n = stack.pop() as number;
        const from = graph.parentStart[n] as number;
        if (from === -1) continue;
        visit(n);
        for (let i = from; i < from + (graph.parentCount[n] as number); i++) {
          const parent = graph.parents[i] as number;
          if (marked[parent] === 0) {
            marked[parent] = 1;
            stack.push(parent);
          }
        }
      }
    }
  };
  const nodes = (shas: readonly string[]): number[] => shas.flatMap((sha) => graph.node.get(sha) ?? []);
  walk(nodes([tip]), onBranch, () => undefined);
  const beyond = new Map<string, string[]>();
  walk(nodes(tips), onBranch, (n) => {
    const from = graph.parentStart[n] as number;
    const parents: string[] = [];
    for (let i = from; i < from + (graph.parentCount[n] as number); i++) parents.push(graph.sha[graph.parents[i] as number] as string);
    beyond.set(graph.sha[n] as string, parents);
  });
  return beyond;
}
