import { spawnSync } from 'node:child_process';
import { ConfigError } from '../../errors.js';
import { escapeRegExp } from '../../patterns.js';

export type TokenSource = 'GH_TOKEN' | 'GITHUB_TOKEN' | 'GH_ENTERPRISE_TOKEN' | 'GITHUB_ENTERPRISE_TOKEN' | 'gh auth token';

export interface FoundToken {
  token: string;
  source: TokenSource;
}

export const DEFAULT_API_URL = 'https://api.github.com/graphql';
const GITHUB_HOSTS = new Set(['github.com', 'www.github.com', 'ssh.github.com', 'api.github.com']);
const GH_TIMEOUT_MS = 5000;

/** github.com itself (any of its API and git host names), as opposed to a GitHub Enterprise host. */
export function isGitHubDotCom(host: string): boolean {
  return GITHUB_HOSTS.has(host.toLowerCase());
}

/**
 * The token for one API host, bound to it as the gh CLI binds them: `GH_TOKEN`, then `GITHUB_TOKEN`, only for
 * github.com; `GH_ENTERPRISE_TOKEN`, then `GITHUB_ENTERPRISE_TOKEN`, only for another host the user named
 * (`named`: --api-url or GH_HOST names it, not merely the repository's remote); then, when `ghCli` is true,
 * `gh auth token --hostname HOST`, which answers only for a host the user logged in to. A host that is
 * neither github.com nor named nor known to gh gets no token. Quiet: a missing or failing gh gives null.
 */
export function findToken(env: NodeJS.ProcessEnv, options: { ghCli: boolean; host: string; named: boolean }): FoundToken | null {
  const dotCom = isGitHubDotCom(options.host);
  const variables = dotCom ? (['GH_TOKEN', 'GITHUB_TOKEN'] as const) : options.named ? (['GH_ENTERPRISE_TOKEN', 'GITHUB_ENTERPRISE_TOKEN'] as const) : [];
  for (const source of variables) {
    const value = env[source]?.trim();
    if (value) return { token: value, source };
  }
  if (!options.ghCli) return null;
  try {
    const result = spawnSync('gh', ['auth', 'token', '--hostname', dotCom ? 'github.com' : options.host], {
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
 * @throws ConfigError when `apiUrlFlag` is not an http(s) URL, or is plain http to a host that is not this machine
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
    if (!carriesTokenSafely(url)) {
      throw new ConfigError(`--api-url ${stripControl(url.host)} is plain http: a token is sent only over https (plain http only to a loopback address: 127.0.0.1, ::1, localhost); use https://${stripControl(url.host)}${stripControl(url.pathname)}`);
    }
    return url.toString();
  }
  const host = (input.remoteHost?.trim() || input.env.GH_HOST?.trim() || 'github.com').toLowerCase();
  return GITHUB_HOSTS.has(host) ? DEFAULT_API_URL : `https://${host}/api/graphql`;
}

/**
 * Whether a token may be sent to `url`: over https, or over plain http only to this machine (a local stand-in
 * for GitHub, as tests and mirrors run), where nothing crosses a network. A token bound to a host is bound to
 * TLS too: over plain http anyone on the way reads it. The WHATWG URL parser has already normalised the host
 * (`127.1` and `0x7f.0.0.1` are `127.0.0.1`, `[::1]` is written with brackets).
 */
export function carriesTokenSafely(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
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

/** The variables a token can come from: what `redactEnvTokens` removes. */
export const TOKEN_VARIABLES = ['GH_TOKEN', 'GITHUB_TOKEN', 'GH_ENTERPRISE_TOKEN', 'GITHUB_ENTERPRISE_TOKEN'] as const;

/**
 * `redact` for every token in `env`: the last guard of each line the CLI writes to stderr, whatever code
 * path built it.
 */
export function redactEnvTokens(text: string, env: NodeJS.ProcessEnv): string {
  let out = text;
  for (const name of TOKEN_VARIABLES) {
    const token = env[name]?.trim();
    if (token) out = redact(out, token);
  }
  return out;
}

/** Runs of the token this long or longer are removed wherever they appear: a server that echoes part of it
 * (a JSON.parse message quotes the first characters of a body) must not print a usable piece. */
const RUN = 8;

/**
 * Removes the token from text bound for a message, a log line or a file: every run of 8 or more of its
 * characters (so a part of it too), its URL-encoded form and any `Authorization` header value. Every error
 * and log path of the GitHub source goes through this.
 */
export function redact(text: string, token: string | null | undefined): string {
  let out = text;
  if (token) {
    out = token.length < RUN ? standingApart(out, encodeURIComponent(token)) : out.split(encodeURIComponent(token)).join('***');
    out = removeRuns(out, token);
  }
  return out
    .replace(/(authorization["']?\s*[:=]\s*["']?)(bearer|token|basic)\s+[^\s"',}]+/gi, '$1$2 ***')
    .replace(/(https?:\/\/)[^/\s:@]+:[^/\s@]+@/gi, '$1***@');
}

/** `text` with `piece` replaced by `***` wherever it stands apart, not inside a longer word. */
function standingApart(text: string, piece: string): string {
  return text.replace(new RegExp(`(?<![\\w-])${escapeRegExp(piece)}(?![\\w-])`, 'g'), '***');
}

/**
 * `text` with every stretch covered by some RUN-character piece of `token` replaced by `***`. A token shorter than
 * that (no token GitHub issues is) is removed whole wherever it stands apart, not inside a longer word: `x`, set to
 * try a host, made every message unreadable ("e***pected").
 */
function removeRuns(text: string, token: string): string {
  if (token.length < RUN) return standingApart(text, token);
  // every RUN-character piece holds one of the token's half-RUN pieces that start at a multiple of RUN/2:
  // looking for those few first keeps the usual case (no piece at all) to a handful of searches
  let candidate = false;
  for (let j = 0; j + RUN / 2 <= token.length && !candidate; j += RUN / 2) candidate = text.includes(token.slice(j, j + RUN / 2));
  if (!candidate) return text;
  const pieces = new Set<string>();
  for (let i = 0; i + RUN <= token.length; i++) pieces.add(token.slice(i, i + RUN));
  const covered = new Uint8Array(text.length);
  for (let i = 0; i + RUN <= text.length; i++) {
    if (pieces.has(text.slice(i, i + RUN))) covered.fill(1, i, i + RUN);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (covered[i] === 0) out += text[i];
    else if (i === 0 || covered[i - 1] === 0) out += '***';
  }
  return out;
}

function stripControl(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
