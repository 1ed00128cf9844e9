/** A remote's host, owner and name: `github.com`, `acme`, `tool`; a GitLab project in a subgroup has an owner `group/subgroup`. */
export interface RemoteName {
  host: string;
  owner: string;
  name: string;
  /**
   * Where the server's web pages start, when the clone URL says and they are not at the host's root: a Bitbucket
   * Data Center's `https://host:8443/bitbucket` of `https://host:8443/bitbucket/scm/KEY/tool.git`
   */
  web?: string;
}

/** A forge a remote's host names. */
export type Forge = 'github' | 'gitlab' | 'gerrit' | 'gitea' | 'bitbucket' | 'bitbucket-server' | 'azure' | 'sourcehut';

// the forges by the hosts that name them, first match wins, each host once: the links (pullsUrl), the remote's
// owner (parseRemote), where a project is reviewed (reviewHostOf) and whether GitHub mode follows an enterprise
// remote (gitHubAccess) all read this. A host that names none (`git.example.com`) may be anything, a GitHub
// Enterprise server among them
const FORGES: ReadonlyArray<readonly [RegExp, Forge]> = [
  [/github/, 'github'],
  [/gitlab/, 'gitlab'],
  // Gerrit's hosting: go.googlesource.com, opendev.org
  [/(?:^|\.)(?:googlesource\.com|opendev\.org)$/, 'gerrit'],
  // Gitea's and Forgejo's: Codeberg, gitea.com, and a server named for either (gitea.example.com)
  [/(?:^|\.)(?:codeberg\.org|gitea\.com)$|(?:^|[.-])(?:gitea|forgejo)[.-]/, 'gitea'],
  [/(?:^|\.)bitbucket\.org$/, 'bitbucket'],
  // a Bitbucket Data Center named for itself (bitbucket.example.com)
  [/(?:^|[.-])bitbucket[.-]/, 'bitbucket-server'],
  // an ssh remote's host is ssh.dev.azure.com; the older one's org.visualstudio.com
  [/(?:^|\.)(?:dev\.azure\.com|visualstudio\.com)$/, 'azure'],
  [/(?:^|\.)sr\.ht$/, 'sourcehut'],
];

/** The forge a host names (lower case, as parseRemote and remoteHost give it); null when it names none. */
export function forgeOf(host: string): Forge | null {
  return FORGES.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

/**
 * Reads https, ssh and scp-style remote URLs; null for anything else (a local path, say). GitLab nests groups
 * (`gitlab.com/acme/platform/tool`): everything before the project's name is its owner. GitHub does not, so a
 * GitHub address of more than two parts names no repository. Azure DevOps' path words are no owner's:
 * `dev.azure.com/acme/web/_git/shop` and `ssh.dev.azure.com:v3/acme/web/shop` are `acme/web`'s `shop`.
 */
export function parseRemote(url: string | null): RemoteName | null {
  if (url === null) return null;
  const dataCenter = bitbucketDataCenter(url);
  if (dataCenter !== null) return dataCenter;
  const m =
    /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/((?:[^/]+\/)*?[^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url) ??
    /^(?:[^@/]+@)?([^/:]+):((?:[^/]+\/)*?[^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  if (!m) return null;
  const host = (m[1] ?? '').toLowerCase();
  const path = m[2] ?? '';
  const forge = forgeOf(host);
  const owner = forge === 'azure' ? path.replace(/\/_git$/, '').replace(/^v3\//, '') : path;
  if (owner.includes('/') && forge === 'github') return null;
  return { host, owner, name: m[3] ?? '' };
}

// a Bitbucket Data Center's https clone URL: `https://host[:port][/context]/scm/KEY/slug.git`, a personal
// repository's KEY `~user`
const DATA_CENTER_HTTPS = /^(https?):\/\/(?:[^@/]+@)?([^/:]+)(:\d+)?((?:\/[^/]+)*?)\/scm\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/;

/**
 * A Bitbucket Data Center's https clone URL, on a host named for it: the path before the project's key is the
 * server's (a context path, then `scm`), and says where its web pages are. Null for any other URL: over ssh
 * (`ssh://git@host:7999/KEY/slug.git`) the path is the key and the slug, as `parseRemote` reads any remote's, and
 * the web pages' address (another port, perhaps a context path) is not said.
 */
function bitbucketDataCenter(url: string): RemoteName | null {
  const host = remoteHost(url);
  if (host === null || forgeOf(host) !== 'bitbucket-server') return null;
  const m = DATA_CENTER_HTTPS.exec(url);
  if (m === null) return null;
  return { host, owner: m[5] ?? '', name: m[6] ?? '', web: `${m[1] ?? 'https'}://${host}${m[3] ?? ''}${m[4] ?? ''}` };
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
 * Azure DevOps' `…/_git/NAME/pullrequest`, Bitbucket Data Center's `…/projects/KEY/repos/NAME/pull-requests` where
 * its https clone URL says where its pages are. Null for a host none of them is and for none: a host that names no
 * forge gets no guessed link, nor does a Data Center cloned over ssh, whose pages' address its URL does not give.
 */
export function pullsUrl(remote: RemoteName | null): string | null {
  if (remote === null) return null;
  const { host, owner, name } = remote;
  switch (forgeOf(host)) {
    case 'github': return `https://${host}/${owner}/${name}/pull`;
    case 'gitea': return `https://${host}/${owner}/${name}/pulls`;
    case 'bitbucket': return `https://bitbucket.org/${owner}/${name}/pull-requests`;
    // a personal repository's are under its user's pages
    case 'bitbucket-server': {
      if (remote.web === undefined) return null;
      return owner.startsWith('~') ? `${remote.web}/users/${owner.slice(1)}/repos/${name}/pull-requests` : `${remote.web}/projects/${owner}/repos/${name}/pull-requests`;
    }
    // an ssh remote's host is ssh.dev.azure.com; the web's is dev.azure.com
    case 'azure': return `https://${host.replace(/^ssh\./, '')}/${owner}/_git/${name}/pullrequest`;
    default: return null;
  }
}

/**
 * Where a GitLab project's merge requests are (`https://gitlab.gnome.org/GNOME/gnome-text-editor/-/merge_requests`),
 * when the remote is on a host other than GitHub: a history whose merges name GitLab merge requests came from
 * there. Null for a GitHub remote (a mirror: where its merge requests live is unknown) and for none.
 */
export function mergeRequestsUrl(remote: RemoteName | null): string | null {
  if (remote === null || forgeOf(remote.host) === 'github') return null;
  return `https://${remote.host}/${remote.owner}/${remote.name}/-/merge_requests`;
}
