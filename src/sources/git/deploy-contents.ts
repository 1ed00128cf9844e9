import type { TagRef } from './repo.js';
import { streamGit } from './run.js';

/** A deploy candidate with the landing commits it shipped first (from one rev-list per consecutive pair). */
export interface DeployContents {
  ref: string;
  sha: string;
  at: number;
  /** landing shas reachable from this deploy and not from the one before it */
  shipped: string[];
  /** this deploy's commit is an ancestor of the previous deploy's (and not the same commit) */
  rollback: boolean;
}

/**
 * What each tag shipped first, filtered to the landing commits of the changes (never an ancestry query per
 * change). A tag on the tracked branch's first-parent line (`line`: sha → position, oldest first) shipped the
 * landing commits up to its position, which needs no git process; any other tag gets one
 * `rev-list <tag> ^<previous tag>` per consecutive pair, bounded by `boundary` to the history that was read.
 * Overlaps are fine: the first deploy in time order that lists a change gets it. Tags older than `from`
 * only serve as the first "previous".
 */
export async function tagContents(
  repo: string,
  tags: TagRef[],
  landing: Set<string>,
  boundary: string[],
  from: number,
  line: FirstParentLine = { position: new Map(), shas: [] },
): Promise<DeployContents[]> {
  const ordered = [...tags].sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
  const firstIndex = ordered.findIndex((t) => t.at >= from);
  if (firstIndex === -1) return [];
  // each pair is its own question, so a few run at once (most of the cost is starting git)
  const indexes = ordered.map((_, i) => i).slice(firstIndex);
  const contents: DeployContents[] = new Array(indexes.length);
  // tags on the line, in time order: each ships the part of the line above what earlier ones covered
  let covered = -1;
  const offLine: number[] = [];
  for (let slot = 0; slot < indexes.length; slot++) {
    const i = indexes[slot] as number;
    const at = line.position.get((ordered[i] as TagRef).sha);
    if (at === undefined) {
      offLine.push(slot);
      continue;
    }
    contents[slot] = await onLineContents(repo, ordered, i, landing, line, covered);
    covered = Math.max(covered, at);
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < offLine.length) {
      const slot = offLine[next++] as number;
      contents[slot] = await pairContents(repo, ordered, indexes[slot] as number, landing, boundary);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, offLine.length) }, worker));
  return contents;
}

const PARALLEL = 4;

/** The tracked branch's first-parent commits, oldest first, and each one's position. */
export interface FirstParentLine {
  position: Map<string, number>;
  shas: string[];
}

async function onLineContents(repo: string, ordered: TagRef[], i: number, landing: Set<string>, line: FirstParentLine, covered: number): Promise<DeployContents> {
  const tag = ordered[i] as TagRef;
  const previous = i > 0 ? ordered[i - 1] : undefined;
  const at = line.position.get(tag.sha) as number;
  const previousAt = previous ? line.position.get(previous.sha) : undefined;
  // everything on the line up to the tag is its history; what earlier tags on the line covered is theirs
  const shipped = line.shas.slice(covered + 1, at + 1).filter((sha) => landing.has(sha));
  const rollback =
    previous !== undefined && previous.sha !== tag.sha &&
    (previousAt !== undefined ? at < previousAt : await isAncestor(repo, tag.sha, previous.sha));
  return { ref: tag.name, sha: tag.sha, at: tag.at, shipped, rollback };
}

async function pairContents(repo: string, ordered: TagRef[], i: number, landing: Set<string>, boundary: string[]): Promise<DeployContents> {
  const tag = ordered[i] as TagRef;
  const previous = i > 0 ? ordered[i - 1] : undefined;
  const shipped: string[] = [];
  let any = false;
  let missing = false;
  if (previous?.sha !== tag.sha) {
    const exclude = [...(previous ? [previous.sha] : []), ...boundary].map((sha) => `^${sha}`);
    await streamGit(
      repo,
      ['rev-list', '--stdin'],
      (line) => {
        any = true;
        const sha = line.toString('utf8');
        if (landing.has(sha)) shipped.push(sha);
      },
      {
        separator: 10,
        input: [tag.sha, ...exclude].join('\n') + '\n',
        // a deployment's commit may be missing from this clone: it then ships nothing that git can see
        onFailure: () => {
          missing = true;
          return true;
        },
      },
    );
  }
  // an empty walk may only mean the boundary cut it: ask git directly, once, in that case
  const rollback = previous !== undefined && previous.sha !== tag.sha && !any && !missing && (await isAncestor(repo, tag.sha, previous.sha));
  return { ref: tag.name, sha: tag.sha, at: tag.at, shipped, rollback };
}

async function isAncestor(repo: string, ancestor: string, of: string): Promise<boolean> {
  let result = true;
  await streamGit(repo, ['merge-base', '--is-ancestor', ancestor, of], () => undefined, {
    separator: 10,
    onFailure: (code) => {
      result = false;
      return code === 1;
    },
  });
  return result;
}
