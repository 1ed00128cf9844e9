/*
 * The names a report over several repositories gives them, in its JSON (`repositories[].name`, each change's,
 * deploy's and pull request's `repository`) and so on every page: never a path of the machine it was made on,
 * which stays in each row's `path`, where it tells apart two folders of one name and one repository given twice.
 */

const parts = (path: string): string[] => path.split(/[\\/]+/).filter(Boolean);

/** A repository as the aggregate keys it: `key` is its remote, else its path (`nameOf`). */
export interface NamedRepository {
  key: string;
  path: string;
  remote: string | null;
}

/**
 * Each key's name: the remote's `owner/name`, else the folder's name, with as many of its path's last parts as
 * tell it apart from every other repository's name (`a/repo`, `b/repo`); two paths alike to their root are told
 * apart by a number (`repo (2)`). The same key always gets the same name, whatever the order. Pure.
 */
export function repositoryNames(repositories: readonly NamedRepository[]): Map<string, string> {
  const names = new Map<string, string>();
  const remotes = new Set<string>();
  for (const r of repositories) {
    if (r.remote === null || names.has(r.key)) continue;
    names.set(r.key, r.remote);
    remotes.add(r.remote);
  }
  const local = [...new Map(repositories.filter((r) => r.remote === null).map((r) => [r.key, r.path])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const tail = (path: string, k: number): string => parts(path).slice(-k).join('/') || path;
  const taken = new Set<string>(remotes);
  for (const [key, path] of local) {
    const depth = Math.max(1, parts(path).length);
    let k = 1;
    const clashes = (name: string): boolean => remotes.has(name) || local.some(([other, otherPath]) => other !== key && tail(otherPath, k) === name);
    while (k < depth && clashes(tail(path, k))) k++;
    let name = tail(path, k);
    for (let n = 2; taken.has(name); n++) name = `${tail(path, k)} (${n})`;
    names.set(key, name);
    taken.add(name);
  }
  return names;
}
