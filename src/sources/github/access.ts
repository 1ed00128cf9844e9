import { ConfigError } from '../../errors.js';
import { forgeOf, type RemoteName } from '../git/remote.js';
import { apiHostOf, apiUrlFor, findToken, isGitHubDotCom, TOKEN_VARIABLES } from './token.js';

/** Where GitHub mode reads from, and with which token. */
export interface GitHubAccess {
  owner: string;
  name: string;
  apiUrl: string;
  token: string;
}

export interface AccessOptions {
  /** false: git only (--no-github) */
  github?: boolean;
  /** `owner/name` (--repo); default from the remote */
  repo?: string;
  /** --api-url */
  apiUrl?: string;
  /** where tokens and GH_HOST come from; `gh auth token` is asked only when this is the process's own */
  env?: NodeJS.ProcessEnv;
}

/**
 * GitHub mode starts by itself when the repository is on GitHub (or --repo names it) and a token bound to the
 * API host is found (see `findToken`): GH_TOKEN goes to github.com only; a GitHub Enterprise host gets
 * GH_ENTERPRISE_TOKEN only when --api-url or GH_HOST names it. A remote's host alone (the audited
 * repository's .git/config, which a stranger may have written) never decides where a token is sent.
 * Returns null for git only; `warn` says why when a token was there but not sent.
 * @throws ConfigError for a malformed --repo or --api-url
 */
export async function gitHubAccess(options: AccessOptions, remote: RemoteName | null, warn: (message: string) => void = () => undefined): Promise<GitHubAccess | null> {
  if (options.github === false) return null;
  const env = options.env ?? process.env;
  let owner = remote?.owner;
  let name = remote?.name;
  if (options.repo !== undefined) {
    const m = /^([\w.-]+)\/([\w.-]+)$/.exec(options.repo);
    if (!m) throw new ConfigError(`--repo '${options.repo.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}' is not owner/name`);
    [owner, name] = [m[1], m[2]];
  }
  if (!owner || !name) return null;
  const ghHost = env.GH_HOST?.trim().toLowerCase() || null;
  const remoteHost = options.repo === undefined ? (remote?.host ?? null) : null;
  // an enterprise remote is followed only when it names GitHub (the forges' table) or GH_HOST names it; the rest
  // are not GitHub. Following it decides where the API is asked, never alone whether a token goes there (findToken)
  if (options.apiUrl === undefined && remoteHost !== null && !isGitHubDotCom(remoteHost) && forgeOf(remoteHost) !== 'github' && remoteHost !== ghHost) return null;
  const apiUrl = apiUrlFor({ remoteHost: remote?.host ?? null, apiUrlFlag: options.apiUrl ?? null, env });
  const host = apiHostOf(apiUrl);
  const named = options.apiUrl !== undefined || (ghHost !== null && ghHost === host);
  const token = findToken(env, { ghCli: env === process.env, host, named });
  if (token === null) {
    if (!isGitHubDotCom(host) && TOKEN_VARIABLES.some((v) => env[v]?.trim())) {
      warn(
        named
          ? `no token for ${host}: GH_TOKEN and GITHUB_TOKEN are sent to github.com only; set GH_ENTERPRISE_TOKEN for a GitHub Enterprise host (git only for now)`
          : `origin is on ${host}, not github.com: no token is sent there unless you name the host; for GitHub Enterprise set GH_HOST=${host} and GH_ENTERPRISE_TOKEN (git only for now)`,
      );
    }
    return null;
  }
  return { owner, name, apiUrl, token: token.token };
}
