/** A remote's host, owner and name: `github.com`, `acme`, `tool`; a GitLab project in a subgroup has an owner `group/subgroup`. */
export interface RemoteName {
  host: string;
  owner: string;
  name: string;
}

/**
 * Reads https, ssh and scp-style remote URLs; null for anything else (a local path, say). GitLab nests groups
 * (`gitlab.com/acme/platform/tool`): everything before the project's name is its owner. GitHub does not, so a
 * GitHub address of more than two parts names no repository.
 */
export function parseRemote(url: string | null): RemoteName | null {
  if (url === null) return null;
  const m =
    /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/((?:[^/]+\/)*?[^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url) ??
    /^(?:[^@/]+@)?([^/:]+):((?:[^/]+\/)*?[^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  if (!m) return null;
  const host = (m[1] ?? '').toLowerCase();
  const owner = m[2] ?? '';
  if (owner.includes('/') && /github/.test(host)) return null;
  return { host, owner, name: m[3] ?? '' };
}

/**
 * The host of a remote URL (https, ssh, git or scp-style), lower case, whatever its path: a Gerrit project's is one
 * part (`https://go.googlesource.com/tools`), which names no owner. Null for a local path.
 */
export function remoteHost(url: string | null): string | null {
  if (url === null) return null;
  const m = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\//.exec(url) ?? /^(?:[^@/]+@)?([^/:]{2,}):(?!\/\/)/.exec(url);
  return m?.[1]?.toLowerCase() ?? null;
}

export function webUrl(remote: RemoteName | null): string | null {
  if (remote === null || !/github/.test(remote.host)) return null;
  return `https://${remote.host}/${remote.owner}/${remote.name}`;
}

/**
 * Where a GitLab project's merge requests are (`https://gitlab.gnome.org/GNOME/gnome-text-editor/-/merge_requests`),
 * when the remote is on a host other than GitHub: a history whose merges name GitLab merge requests came from
 * there. Null for a GitHub remote (a mirror: where its merge requests live is unknown) and for none.
 */
export function mergeRequestsUrl(remote: RemoteName | null): string | null {
  if (remote === null || /github/.test(remote.host)) return null;
  return `https://${remote.host}/${remote.owner}/${remote.name}/-/merge_requests`;
}
