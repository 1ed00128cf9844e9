import { spawnSync } from 'node:child_process';
import { ConfigError } from '../../errors.js';

export type TokenSource = 'GH_TOKEN' | 'GITHUB_TOKEN' | 'gh auth token';

export interface FoundToken {
  token: string;
  source: TokenSource;
}

export const DEFAULT_API_URL = 'https://api.github.com/graphql';
const GITHUB_HOSTS = new Set(['github.com', 'www.github.com', 'ssh.github.com', 'api.github.com']);
const GH_TIMEOUT_MS = 5000;

/**
 * The token GitHub mode uses: `GH_TOKEN`, then `GITHUB_TOKEN`, then `gh auth token --hostname HOST` when
 * `ghCli` is true and gh is on `env.PATH`. Quiet: a missing or failing gh gives null, never an error.
 * `host` defaults to `GH_HOST`, else github.com.
 */
export function findToken(env: NodeJS.ProcessEnv, options: { ghCli: boolean; host?: string }): FoundToken | null {
  for (const source of ['GH_TOKEN', 'GITHUB_TOKEN'] as const) {
    const value = env[source]?.trim();
    if (value) return { token: value, source };
  }
  if (!options.ghCli) return null;
  const host = options.host ?? (env.GH_HOST?.trim() || 'github.com');
  try {
    const result = spawnSync('gh', ['auth', 'token', '--hostname', host], {
      env: { ...env, GH_PROMPT_DISABLED: '1', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: GH_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const token = result.status === 0 && typeof result.stdout === 'string' ? result.stdout.trim() : '';
    // gh prints one token; anything else (a prompt, an upgrade notice) is not one
    return token !== '' && !/\s/.test(token) ? { token, source: 'gh auth token' } : null;
  } catch {
    return null;
  }
}

/**
 * The GraphQL endpoint: `--api-url` when given; else GitHub Enterprise `https://HOST/api/graphql` when the
 * repository's remote host (or, without a remote, `GH_HOST`) is not github.com; else api.github.com.
 * @throws ConfigError when `apiUrlFlag` is not an http(s) URL
 */
export function apiUrlFor(input: { remoteHost?: string | null; apiUrlFlag?: string | null; env: NodeJS.ProcessEnv }): string {
  if (input.apiUrlFlag) {
    let url: URL;
    try {
      url = new URL(input.apiUrlFlag);
    } catch {
      throw new ConfigError(`--api-url '${stripControl(input.apiUrlFlag)}' is not a URL: use e.g. https://github.example.com/api/graphql`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ConfigError(`--api-url must be an http(s) URL, not ${stripControl(url.protocol)}`);
    }
    return url.toString();
  }
  const host = (input.remoteHost?.trim() || input.env.GH_HOST?.trim() || 'github.com').toLowerCase();
  return GITHUB_HOSTS.has(host) ? DEFAULT_API_URL : `https://${host}/api/graphql`;
}

/** The host an API URL belongs to, as the cache and `gh auth token --hostname` name it (api.github.com → github.com). */
export function apiHostOf(apiUrl: string): string {
  let host: string;
  try {
    host = new URL(apiUrl).host.toLowerCase();
  } catch {
    return 'unknown-host';
  }
  return host === 'api.github.com' ? 'github.com' : host;
}

/**
 * Removes the token from text bound for a message, a log line or a file: the token itself, its URL-encoded
 * form and any `Authorization` header value. Every error and log path of the GitHub source goes through this.
 */
export function redact(text: string, token: string | null | undefined): string {
  let out = text;
  if (token) {
    for (const form of new Set([token, encodeURIComponent(token)])) out = out.split(form).join('***');
  }
  return out
    .replace(/(authorization["']?\s*[:=]\s*["']?)(bearer|token|basic)\s+[^\s"',}]+/gi, '$1$2 ***')
    .replace(/(https?:\/\/)[^/\s:@]+:[^/\s@]+@/gi, '$1***@');
}

function stripControl(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
