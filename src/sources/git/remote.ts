/** A remote's host, owner and name: `github.com`, `acme`, `tool`; a GitLab project in a subgroup has an owner `group/subgroup`. */
export interface RemoteName {
  host: string;
  owner: string;
  name: string;
}

// Azure DevOps' hosts: its remote paths carry words of its own (`_git`, `v3`)
const AZURE_HOST = /(?:^|\.)(?:dev\.azure\.com|visualstudio\.com)$/;

/**
 * Reads https, ssh and scp-style remote URLs; null for anything else (a local path, say). GitLab nests groups
 * (`gitlab.com/acme/platform/tool`): everything before the project's name is its owner. GitHub does not, so a
 * GitHub address of more than two parts names no repository. Azure DevOps' path words are no owner's:
 * `dev.azure.com/acme/web/_git/shop` and `ssh.dev.azure.com:v3/acme/web/shop` are `acme/web`'s `shop`.
 */
export function parseRemote(url: string | null): RemoteName | null {
  if (url === null) return null;
  const m =
    /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/((?:[^/]+\/)*?[^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url) ??
    /^(?:[^@/]+@)?([^/:]+):((?:[^/]+\/)*?[^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  if (!m) return null;
  const host = (m[1] ?? '').toLowerCase();
  const path = m[2] ?? '';
  const owner = AZURE_HOST.test(host) ? path.replace(/\/_git$/, '').replace(/^v3\//, '') : path;
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

/**
 * Where a remote's pull requests are, to which `/N` is added: GitHub's (GitHub Enterprise's too) `…/pull`, Gitea's
 * and Forgejo's `…/pulls` (Codeberg, gitea.com, a server named for either), Bitbucket Cloud's `…/pull-requests`,
 * Azure DevOps' `…/_git/NAME/pullrequest`. Null for a host none of them is and for none: a host that names no forge
 * gets no guessed link, nor does Bitbucket Data Center, whose addresses (`/projects/KEY/repos/…`) its clone URL
 * does not give.
 */
export function pullsUrl(remote: RemoteName | null): string | null {
  if (remote === null) return null;
  const { host, owner, name } = remote;
  if (/github/.test(host)) return `https://${host}/${owner}/${name}/pull`;
  if (/(?:^|\.)(?:codeberg\.org|gitea\.com)$|(?:^|[.-])(?:gitea|forgejo)[.-]/.test(host)) return `https://${host}/${owner}/${name}/pulls`;
  if (/(?:^|\.)bitbucket\.org$/.test(host)) return `https://bitbucket.org/${owner}/${name}/pull-requests`;
  // an ssh remote's host is ssh.dev.azure.com; the web's is dev.azure.com
  if (AZURE_HOST.test(host)) return `https://${host.replace(/^ssh\./, '')}/${owner}/_git/${name}/pullrequest`;
  return null;
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
