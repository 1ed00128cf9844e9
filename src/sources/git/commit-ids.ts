import { streamGit } from './run.js';

/*
 * Commits named by their ids, whole or abbreviated, as a file another system wrote names them (an events
 * file's shas). git reads an abbreviated id as a revision, where a branch or tag of that name comes first: a
 * tag `abc1234` would stand in for the commit abc1234… and a deploy would count as another commit's. So the
 * digits never reach git: the repository's object ids are listed, the ids each prefix starts are found here,
 * and only whole ids, which git never reads as a ref, are asked what they are.
 */

/** The commits each id (lower-case hex) names: its own when whole, every commit starting with it when shorter. */
export type CommitsNamed = Map<string, string[]>;

/**
 * The commits whose ids are, or start with, each of `ids` (lower-case hex). `hexLength` is the length of the
 * repository's ids (40 for SHA-1, 64 for SHA-256) when known: an id of that length is a whole id, one longer
 * names nothing; when unknown, every id is looked up by prefix. One `cat-file --batch-all-objects` lists the
 * objects when an id is shorter (every object of the repository and its alternates, reachable or not: git's own
 * sense of an abbreviation), and one `cat-file --batch-check` of whole ids says which are commits.
 * Memory: the ids asked for and those they match, never the whole list.
 */
export async function commitsNamed(cwd: string, ids: readonly string[], hexLength: number | null): Promise<CommitsNamed> {
  const matches = new Map<string, string[]>(ids.map((id) => [id, []]));
  const prefixes = new Map<number, Set<string>>();
  const candidates = new Set<string>();
  for (const id of new Set(ids)) {
    if (hexLength !== null && id.length === hexLength) {
      matches.get(id)?.push(id);
      candidates.add(id);
    } else if (hexLength === null || id.length < hexLength) {
      let same = prefixes.get(id.length);
      if (same === undefined) prefixes.set(id.length, (same = new Set()));
      same.add(id);
    }
  }
  if (prefixes.size > 0) {
    const lengths = [...prefixes];
    await streamGit(cwd, ['cat-file', '--batch-all-objects', '--unordered', '--batch-check=%(objectname)'], (record) => {
      const oid = record.toString('latin1');
      for (const [length, set] of lengths) {
        const prefix = oid.slice(0, length);
        if (set.has(prefix)) {
          matches.get(prefix)?.push(oid);
          candidates.add(oid);
        }
      }
    }, { separator: 10 });
  }
  const commits = await commitsAmong(cwd, candidates);
  for (const [id, found] of matches) matches.set(id, found.filter((oid) => commits.has(oid)));
  return matches;
}

/** Which of the whole ids `oids` are commits the repository holds (one `cat-file --batch-check`). */
async function commitsAmong(cwd: string, oids: ReadonlySet<string>): Promise<Set<string>> {
  const commits = new Set<string>();
  if (oids.size === 0) return commits;
  // whole hex ids only: git reads one as the object it names, never as a ref
  await streamGit(cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], (record) => {
    const [oid = '', type] = record.toString('latin1').split(' ');
    if (type === 'commit') commits.add(oid);
  }, { separator: 10, input: `${[...oids].join('\n')}\n` });
  return commits;
}
