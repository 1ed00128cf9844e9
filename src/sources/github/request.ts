import { graphql } from '@octokit/graphql';
import { ConfigError, GitHubError, RateLimitError } from '../../errors.js';
import { carriesTokenSafely, redact } from './token.js';

/** One named GraphQL operation: the name GitHub logs and the fixture server records, and its text. */
export interface Operation {
  name: string;
  query: string;
}

export interface ClientOptions {
  apiUrl: string;
  token: string;
  /** `owner/name`, for messages */
  repository: string;
  /** longest wait for a rate limit to reset, in seconds (default 600) */
  maxWaitSeconds?: number;
  /** per-request timeout in ms, reading the body included (default 30000) */
  timeoutMs?: number;
  /** wall-clock time (ms, as `now` gives it) after which no request starts and no wait begins */
  deadline?: number;
  /** called once a second while a request is waited for, with the seconds waited so far */
  onWaiting?: (seconds: number, operation: string) => void;
  /** retries of 502/503/504/timeouts, each halving the page size (default 5) */
  maxRetries?: number;
  /** injectable for tests: nothing waits for real */
  sleep?: (ms: number) => Promise<void>;
  /** wall clock in ms (rate-limit resets are compared with it) */
  now?: () => number;
  /** countdown while waiting for a rate limit: called once a second with the seconds left, then with 0 */
  onWait?: (secondsLeft: number, reason: string) => void;
  /** one line per request; the token never appears in it */
  debug?: (line: string) => void;
  fetchImpl?: typeof fetch;
}

export interface GitHubClient {
  /**
   * Sends one operation, retrying what GitHub asks to be retried. When `variables.first` is set, each retry of
   * a 502/503/504 or timeout halves it (GitHub times out expensive pages), down to 1.
   * @returns the data, GraphQL errors that came with partial data as warnings, and the page size that worked
   * @throws GitHubError (exit 2) for auth, scope, not-found, malformed and unrecoverable answers;
   *         RateLimitError (exit 3) when a rate limit resets later than `maxWaitSeconds`
   */
  request<T>(operation: Operation, variables: Record<string, unknown>): Promise<GraphQLResult<T>>;
  readonly stats: { requests: number; cost: number };
}

export interface GraphQLResult<T> {
  data: T;
  warnings: string[];
  /** the `first` that was used (after any halving); undefined when the operation takes none */
  first: number | undefined;
}

interface GraphQLErrorEntry {
  type?: string;
  message?: string;
  path?: Array<string | number>;
}

/** What came back, kept raw: rate-limit decisions need the headers, and a truncated body must be caught. */
type Exchange =
  | { kind: 'response'; status: number; headers: Headers; text: string }
  | { kind: 'network'; error: unknown };

type Verdict =
  | { kind: 'ok'; data: unknown; warnings: string[]; cost: number }
  | { kind: 'retry'; reason: string }
  | { kind: 'secondary'; waitSeconds: number }
  | { kind: 'primary'; resetAt: number | null }
  | { kind: 'fail'; error: GitHubError };

const DEFAULT_MAX_WAIT = 600;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 5;
/** a server that does not answer at all is asked again twice, not five times: each try costs a whole timeout */
const TIMEOUT_RETRIES = 2;
const SECONDARY_DEFAULT_WAIT = 60;
const MAX_RATE_LIMIT_WAITS = 3;
const BACKOFF_CAP_MS = 30_000;

/** The fetch ran past its deadline: what was fetched may be reported with --partial, as after a rate limit. */
export class DeadlineError extends GitHubError {}

/** @throws ConfigError when `apiUrl` would carry the token over plain http to another machine (see `carriesTokenSafely`) */
export function createClient(options: ClientOptions): GitHubClient {
  // apiUrlFor refuses such a URL already: checked again where the token is put in a header, whoever built the URL
  if (!URL.canParse(options.apiUrl) || !carriesTokenSafely(new URL(options.apiUrl))) {
    throw new ConfigError(`the GitHub API URL ${safeUrl(options.apiUrl)} is not https: a token is sent only over https (plain http only to a loopback address)`);
  }
  const maxWait = options.maxWaitSeconds ?? DEFAULT_MAX_WAIT;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const stats = { requests: 0, cost: 0 };
  const clean = (text: string): string => redact(text, options.token);

  async function send(operation: Operation, variables: Record<string, unknown>): Promise<Exchange> {
    let exchange: Exchange | null = null;
    const timeout = Math.max(1, Math.min(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, (options.deadline ?? Infinity) - now()));
    const recordingFetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      try {
        const response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeout) });
        // a server may echo the token (or pieces of it) anywhere in its answer: gone before anything reads it
        const text = clean(await response.text());
        exchange = { kind: 'response', status: response.status, headers: response.headers, text };
        return new Response(text, { status: response.status, headers: response.headers });
      } catch (error) {
        exchange = { kind: 'network', error };
        throw error;
      }
    };
    // @octokit/graphql builds the request (headers, user agent, body); the answer is judged from the raw exchange
    const gql = graphql.defaults({
      url: options.apiUrl,
      headers: { authorization: `bearer ${options.token}` },
      request: { fetch: recordingFetch },
    });
    stats.requests++;
    const started = now();
    const ticker = options.onWaiting ? setInterval(() => options.onWaiting?.(Math.round((now() - started) / 1000), operation.name), 1000) : null;
    try {
      await gql(operation.query, { ...variables, operationName: operation.name });
    } catch {
      // octokit throws for every non-2xx and for GraphQL errors: the exchange says which
    } finally {
      if (ticker !== null) clearInterval(ticker);
    }
    return exchange ?? { kind: 'network', error: new Error('the request was not sent') };
  }

  function judge(operation: Operation, exchange: Exchange): Verdict {
    if (exchange.kind === 'network') {
      const error = exchange.error as { name?: string; code?: string; cause?: { code?: string; message?: string }; message?: string };
      const code = error.cause?.code ?? error.code ?? '';
      if (error.name === 'TimeoutError' || error.name === 'AbortError') return { kind: 'retry', reason: 'timeout' };
      if (error.cause && typeof error.cause === 'object' && ['TimeoutError', 'AbortError'].includes((error.cause as { name?: string }).name ?? '')) return { kind: 'retry', reason: 'timeout' };
      if (['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ETIMEDOUT'].includes(code)) return { kind: 'retry', reason: code };
      return {
        kind: 'fail',
        error: new GitHubError(clean(`cannot reach GitHub at ${safeUrl(options.apiUrl)} (${code || error.cause?.message || error.message || 'network error'})`), {
          hint: 'check the network, or --api-url for GitHub Enterprise',
        }),
      };
    }
    const { status, headers, text } = exchange;
    if (status === 502 || status === 503 || status === 504) return { kind: 'retry', reason: `HTTP ${status}` };
    const body = parseJson(text);
    const message = messageOf(body.value);
    if (status === 401) {
      return { kind: 'fail', error: new GitHubError('GitHub rejected the token (401): it is wrong or expired; set GH_TOKEN to a valid token or run `gh auth login`') };
    }
    if (status === 403 || status === 429) {
      // as octokit's plugin-throttling: secondary when GitHub says so or sends retry-after; primary when the
      // budget is spent; a bare 429 is a secondary limit (wait a minute); any other 403 is about access
      const retryAfter = headers.get('retry-after');
      if (retryAfter !== null || /secondary rate limit|abuse detection/i.test(message)) {
        const seconds = Number(retryAfter);
        return { kind: 'secondary', waitSeconds: retryAfter !== null && Number.isFinite(seconds) && seconds >= 0 ? seconds : SECONDARY_DEFAULT_WAIT };
      }
      if (headers.get('x-ratelimit-remaining') === '0') return { kind: 'primary', resetAt: resetOf(headers) };
      if (status === 429) return { kind: 'secondary', waitSeconds: SECONDARY_DEFAULT_WAIT };
      return { kind: 'fail', error: scopesError(headers, status, message) };
    }
    if (status === 404) return { kind: 'fail', error: notFound(`GitHub answered 404 at ${safeUrl(options.apiUrl)}: if --api-url is set, check it`) };
    if (status >= 400 || status < 200) {
      return { kind: 'fail', error: new GitHubError(clean(`GitHub answered HTTP ${status} to ${operation.name}${message ? `: ${message}` : ''}`)) };
    }
    if (!body.ok) {
      return {
        kind: 'fail',
        error: new GitHubError(clean(`GitHub's response was not valid JSON (${body.reason}; ${text.length} bytes, HTTP ${status}, request ${safeHeader(headers.get('x-github-request-id'))})`), {
          hint: 'this is usually a connection cut short or a proxy in the way: run again',
        }),
      };
    }
    return judgeGraphQL(operation, body.value, headers);
  }

  function judgeGraphQL(operation: Operation, payload: unknown, headers: Headers): Verdict {
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      return { kind: 'fail', error: new GitHubError(`GitHub's response to ${operation.name} was JSON but not a GraphQL answer`) };
    }
    const { data, errors } = payload as { data?: unknown; errors?: unknown };
    const list: GraphQLErrorEntry[] = Array.isArray(errors) ? errors.filter((e): e is GraphQLErrorEntry => e !== null && typeof e === 'object') : [];
    if (list.some((e) => e.type === 'RATE_LIMITED')) return { kind: 'primary', resetAt: resetOf(headers) };
    if (list.some((e) => e.type === 'INSUFFICIENT_SCOPES' || e.type === 'FORBIDDEN')) {
      return { kind: 'fail', error: scopesError(headers, 200, list.map((e) => e.message ?? '').join('; ')) };
    }
    const repository = data !== null && typeof data === 'object' ? (data as { repository?: unknown }).repository : undefined;
    if (list.some((e) => e.type === 'NOT_FOUND' && e.path?.[0] === 'repository' && e.path.length === 1) || (repository === null && list.length > 0)) {
      return { kind: 'fail', error: notFound() };
    }
    if (data === null || data === undefined || typeof data !== 'object') {
      // GitHub answers a query that ran too long with 200, data null and a message about a timeout
      if (list.some((e) => /timeout|timed out|something went wrong/i.test(e.message ?? ''))) return { kind: 'retry', reason: 'GraphQL timeout' };
      const detail = list.map(formatError).join('; ') || 'no data and no error';
      return { kind: 'fail', error: new GitHubError(clean(`GitHub rejected the query ${operation.name}: ${detail}`), { hint: 'this is a flowaudit bug if it persists: please report it with --debug output' }) };
    }
    const warnings = list.map((e) => clean(`GitHub returned an error with partial data for ${operation.name}: ${formatError(e)}; that part is missing from the report`));
    const rate = (data as { rateLimit?: { cost?: unknown } | null }).rateLimit;
    const cost = typeof rate?.cost === 'number' ? rate.cost : 0;
    return { kind: 'ok', data, warnings, cost };
  }

  function notFound(detail?: string): GitHubError {
    return new GitHubError(clean(`repository ${options.repository} not found, or the token cannot see it`), {
      hint: detail ? clean(detail) : 'check --repo and that the token has access (private repositories need the `repo` scope)',
    });
  }

  function scopesError(headers: Headers, status: number, message: string): GitHubError {
    const has = headers.get('x-oauth-scopes');
    const needs = headers.get('x-accepted-oauth-scopes');
    const detail = [has !== null ? `the token has: ${has || 'no scopes'}` : '', needs ? `GitHub accepts: ${needs}` : ''].filter(Boolean).join('; ');
    return new GitHubError(
      clean(`GitHub refused access to ${options.repository} (${status}${message ? `: ${message}` : ''})${detail ? `; ${detail}` : ''}`),
      { hint: 'private repositories need a token with the `repo` and `read:org` scopes (a fine-grained token: read access to pull requests, contents, deployments, issues and checks); public repositories need no scope' },
    );
  }

  /** @throws DeadlineError when the deadline has passed, or would pass before `waitSeconds` more */
  function checkDeadline(operation: Operation, waitSeconds = 0): void {
    if (options.deadline === undefined || now() + waitSeconds * 1000 < options.deadline) return;
    throw new DeadlineError(`the GitHub fetch ran out of time before ${operation.name}`, {
      hint: 'run again (the cache keeps what was fetched only from a finished run), or with --partial to report on what was fetched',
    });
  }

  async function countdown(seconds: number, reason: string): Promise<void> {
    let left = Math.max(0, Math.ceil(seconds));
    while (left > 0) {
      options.onWait?.(left, reason);
      const step = Math.min(1, left);
      await sleep(step * 1000);
      left -= step;
    }
    options.onWait?.(0, reason);
  }

  async function request<T>(operation: Operation, variables: Record<string, unknown>): Promise<GraphQLResult<T>> {
    const vars = { ...variables };
    let retries = 0;
    let timeouts = 0;
    let rateWaits = 0;
    for (;;) {
      checkDeadline(operation);
      const started = now();
      const exchange = await send(operation, vars);
      const verdict = judge(operation, exchange);
      options.debug?.(clean(debugLine(operation, vars, exchange, verdict, now() - started)));
      switch (verdict.kind) {
        case 'ok':
          stats.cost += verdict.cost;
          return { data: verdict.data as T, warnings: verdict.warnings, first: typeof vars.first === 'number' ? vars.first : undefined };
        case 'fail':
          throw verdict.error;
        case 'retry': {
          if (verdict.reason === 'timeout' && timeouts++ >= TIMEOUT_RETRIES) {
            const seconds = Number(((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000).toFixed(1));
            throw new GitHubError(clean(`GitHub did not answer ${operation.name} within ${seconds} s, ${timeouts} times`), {
              hint: 'check the network and --api-url, or allow longer with --timeout SECONDS',
            });
          }
          if (retries >= (options.maxRetries ?? DEFAULT_RETRIES)) {
            throw new GitHubError(clean(`GitHub kept failing ${operation.name} (${verdict.reason}) after ${retries} retries`), {
              hint: 'GitHub may be having trouble (https://www.githubstatus.com): run again later',
            });
          }
          await sleep(Math.min(BACKOFF_CAP_MS, 1000 * 2 ** retries));
          retries++;
          if (typeof vars.first === 'number') vars.first = Math.max(1, Math.floor(vars.first / 2));
          break;
        }
        case 'secondary': {
          if (verdict.waitSeconds > maxWait || rateWaits >= MAX_RATE_LIMIT_WAITS) {
            throw new RateLimitError(`GitHub's secondary rate limit asks flowaudit to wait ${verdict.waitSeconds} s, longer than it waits`, new Date(now() + verdict.waitSeconds * 1000), {
              hint: 'run again in a few minutes, or with --partial to report on what was fetched',
            });
          }
          rateWaits++;
          checkDeadline(operation, verdict.waitSeconds);
          await countdown(verdict.waitSeconds, 'secondary rate limit');
          break;
        }
        case 'primary': {
          const wait = verdict.resetAt === null ? Infinity : Math.max(0, verdict.resetAt - now() / 1000) + 1;
          const resetDate = verdict.resetAt === null ? undefined : new Date(verdict.resetAt * 1000);
          if (wait > maxWait || rateWaits >= MAX_RATE_LIMIT_WAITS) {
            const when = resetDate ? `until ${resetDate.toISOString()} (${Math.ceil(wait / 60)} min)` : 'for an unknown time';
            throw new RateLimitError(`GitHub's API rate limit is used up ${when}, longer than flowaudit waits (${maxWait} s)`, resetDate, {
              hint: 'run again after the reset, or with --partial to report on what was fetched',
            });
          }
          rateWaits++;
          checkDeadline(operation, wait);
          await countdown(wait, 'rate limit');
          break;
        }
      }
    }
  }

  return { request, stats };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; value: undefined; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // JSON.parse's message quotes the body: only where it broke is said
    const at = /position (\d+)/.exec((error as Error).message);
    return { ok: false, value: undefined, reason: text.trim() === '' ? 'empty body' : at ? `broken at byte ${at[1]}` : 'not JSON' };
  }
}

function messageOf(body: unknown): string {
  if (body !== null && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    return (body as { message: string }).message;
  }
  return '';
}

function resetOf(headers: Headers): number | null {
  const reset = Number(headers.get('x-ratelimit-reset'));
  return headers.has('x-ratelimit-reset') && Number.isFinite(reset) && reset > 0 ? reset : null;
}

/** A header value for a message: short, printable, or 'unknown'. */
function safeHeader(value: string | null): string {
  return value !== null && /^[\w:.-]{1,64}$/.test(value) ? value : 'unknown';
}

function formatError(e: GraphQLErrorEntry): string {
  const where = e.path && e.path.length > 0 ? `${e.path.join('.')}: ` : '';
  return `${where}${e.type ? `${e.type} ` : ''}${e.message ?? 'unknown error'}`.trim();
}

function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    return u.toString();
  } catch {
    return 'the API URL';
  }
}

function debugLine(operation: Operation, vars: Record<string, unknown>, exchange: Exchange, verdict: Verdict, ms: number): string {
  const answer = exchange.kind === 'network' ? `network error (${(exchange.error as Error).name ?? 'error'})` : `HTTP ${exchange.status}`;
  const cost = verdict.kind === 'ok' ? ` cost ${verdict.cost}` : '';
  return `github: ${operation.name} ${JSON.stringify(vars)} → ${answer} ${verdict.kind}${cost} in ${Math.round(ms)} ms`;
}
