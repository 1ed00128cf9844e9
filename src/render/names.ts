import type { Report } from '../report/schema.js';

/*
 * What a repository is called on the page: its remote (`owner/name`), else its folder's name — never a path
 * of the machine the report was made on (the path stays in the JSON, under `repository.path`).
 */

const parts = (path: string): string[] => path.split(/[\\/]+/).filter(Boolean);

/** A path as the tool was given it (absolute, home-relative, relative or a Windows drive), not an `owner/name`. */
function isPath(name: string): boolean {
  return /^([/\\~.]|[A-Za-z]:[\\/])/.test(name);
}

/** `owner/name` from the remote, else the folder's name. */
export function repositoryName(repository: { path: string; remote: string | null }): string {
  return repository.remote ?? parts(repository.path).at(-1) ?? repository.path;
}

/**
 * For a report over several repositories: the name each is shown by, from the name the report keys it by (a
 * row's `name`, a change's or deploy's `repository`). Where two folders share a name (`…/a/repo`, `…/b/repo`),
 * each takes as many of its path's last parts as tell it apart (`a/repo`, `b/repo`). A name no row has is
 * shown as is, or by its folder's name when it is a path.
 */
export function repositoryNamer(report: Pick<Report, 'repositories'>): (name: string) => string {
  const rows = report.repositories ?? [];
  const local = rows.filter((r) => r.remote === null);
  const tail = (path: string, k: number): string => parts(path).slice(-k).join('/');
  const shown = new Map<string, string>();
  for (const row of rows) {
    if (row.remote !== null) {
      shown.set(row.name, row.remote);
      continue;
    }
    // the builder names a repository without a path since it names them alike (aggregate/names.ts); a report
    // an older flowaudit wrote keyed a local repository by its path, which is shortened here as before
    if (!isPath(row.name)) {
      shown.set(row.name, row.name);
      continue;
    }
    const depth = parts(row.path).length;
    let k = 1;
    while (k < depth && local.some((o) => o !== row && o.path !== row.path && tail(o.path, k) === tail(row.path, k))) k++;
    shown.set(row.name, tail(row.path, k) || row.path);
  }
  return (name) => shown.get(name) ?? (isPath(name) ? parts(name).at(-1) ?? name : name);
}
