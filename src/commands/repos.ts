import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { terminalSafe } from '../render/sanitize.js';
import { apiHostOf, apiUrlFor, findToken } from '../sources/github/token.js';
import { listOrgRepositories, type OrgRepository } from '../sources/github/org-repositories.js';
import { createClient } from '../sources/github/request.js';
import { parseTime, resolveNow } from '../time.js';
import { plural } from '../units.js';
import { emit, warner, type CliIo, type OutputFlags } from './io.js';
import type { REPOS_FORMATS } from './report-options.js';
import { largest } from '../lists.js';

export interface ReposFlags extends OutputFlags {
  activeSince: string;
  format: (typeof REPOS_FORMATS)[number];
  maxJobs: string;
  forks?: boolean;
  apiUrl?: string;
  now?: string;
  verbose?: boolean;
}

/** GitHub runs at most 256 jobs of one matrix */
const MATRIX_LIMIT = 256;
// GitHub's rule for organisation logins: letters, digits and single hyphens, at most 39
const LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;
// what GitHub allows in owner/name: a name outside it (a broken or hostile API) never reaches a workflow's shell
const SAFE_NAME = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

const activeSchema = z.object({ repository: z.string(), defaultBranch: z.string(), lastCommitAt: z.string() });
/** An active repository as `repos` lists it. Times are ISO. */
type Active = z.infer<typeof activeSchema>;

/** `repos --format json`, as `aggregate --expect` reads it back. */
export const reposListSchema = z.object({ organization: z.string(), activeSince: z.string(), repositories: z.array(activeSchema) });

/**
 * `flowaudit repos ORG`: the organisation's active repositories — not archived, not empty, not a fork unless
 * `--forks`, with a commit on the default branch since `--active-since` — through the GraphQL API, as a GitHub
 * Actions matrix (one job per repository, or per batch when there are more than `--max-jobs`), JSON or text.
 * @throws ConfigError (exit 2) for a bad flag or no token; GitHubError / RateLimitError from the API
 */
export async function reposCommand(org: string, flags: ReposFlags, io: CliIo): Promise<number> {
  if (!LOGIN.test(org)) throw new ConfigError(`'${org}' is not an organisation name: letters, digits and hyphens, at most 39`);
  const now = resolveNow(flags.now);
  const since = parseTime(flags.activeSince, now, '--active-since');
  if (since >= now) throw new ConfigError(`--active-since '${flags.activeSince}' is not in the past`);
  const maxJobs = Number(flags.maxJobs);
  if (!Number.isInteger(maxJobs) || maxJobs < 1 || maxJobs > MATRIX_LIMIT) {
    throw new ConfigError(`--max-jobs '${flags.maxJobs}' must be a whole number from 1 to ${MATRIX_LIMIT} (GitHub runs at most ${MATRIX_LIMIT} jobs of a matrix)`);
  }
  const apiUrl = apiUrlFor({ remoteHost: null, apiUrlFlag: flags.apiUrl ?? null, env: io.env });
  const host = apiHostOf(apiUrl);
  // a token goes to a GitHub Enterprise host only when the user named it (--api-url, GH_HOST), as for an audit
  const ghHost = io.env.GH_HOST?.trim().toLowerCase() || null;
  const token = findToken(io.env, { ghCli: io.env === process.env, host, named: flags.apiUrl !== undefined || ghHost === host });
  if (!token) throw new ConfigError('repos reads the GitHub API: set GH_TOKEN (or GITHUB_TOKEN; GH_ENTERPRISE_TOKEN for GitHub Enterprise), or run `gh auth login`');
  const warn = warner(io, flags.quiet);
  const client = createClient({ apiUrl, token: token.token, repository: org, ...(flags.verbose && { debug: (line: string) => io.stderr.write(`${line}\n`) }) });
  const listed = await listOrgRepositories(client, { login: org, pushedSince: since, forks: Boolean(flags.forks), warn });
  const safe = listed.filter((r) => SAFE_NAME.test(r.name));
  if (safe.length < listed.length) warn(`left out ${plural(listed.length - safe.length, 'repository name')} GitHub would not allow: ${listed.filter((r) => !SAFE_NAME.test(r.name)).map((r) => JSON.stringify(r.name)).join(', ')}`);
  const active = activeRepositories(safe, since);
  if (flags.verbose) warn(`${active.length} active of ${listed.length} pushed to since ${iso(since)}; GitHub: ${plural(client.stats.requests, 'request')}, query cost ${client.stats.cost}`);
  const text = flags.format === 'matrix' ? matrix(active, maxJobs) : flags.format === 'json' ? `${JSON.stringify({ organization: org, activeSince: iso(since), repositories: active }, null, 2)}\n` : textOf(active);
  await emit(io, text, flags.output);
  return 0;
}

/**
 * The repositories with a commit on their default branch since `since` (epoch seconds), by name: what an
 * audit of the window would find changes in. Empty and disabled repositories are left out. Pure.
 */
export function activeRepositories(listed: readonly OrgRepository[], since: number): Active[] {
  return listed
    .filter((r) => !r.isEmpty && !r.isDisabled && r.defaultBranch !== null && r.lastCommitAt !== null && r.lastCommitAt >= since)
    .map((r) => ({ repository: r.name, defaultBranch: r.defaultBranch as string, lastCommitAt: iso(r.lastCommitAt as number) }))
    .sort((a, b) => (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0));
}

/**
 * `{"include":[{"name":…,"repositories":"owner/a owner/b"}]}` on one line, for `$GITHUB_OUTPUT` and
 * `fromJSON()`: one entry per repository, or, past `maxJobs`, the repositories dealt into `maxJobs` batches
 * (each job audits its batch one after another). Pure.
 */
export function matrix(active: readonly Active[], maxJobs: number): string {
  const jobs = Math.min(maxJobs, active.length);
  const batches: string[][] = Array.from({ length: jobs }, () => []);
  active.forEach((r, i) => batches[i % jobs]?.push(r.repository));
  const include = batches.map((names) => ({ name: names.length === 1 ? (names[0] as string) : `${names[0] as string} and ${names.length - 1} more`, repositories: names.join(' ') }));
  return `${JSON.stringify({ include })}\n`;
}

function textOf(active: readonly Active[]): string {
  const width = Math.max(0, largest(active.map((r) => r.repository.length)));
  return active.map((r) => `${terminalSafe(r.repository).padEnd(width)}  ${terminalSafe(r.defaultBranch)}  last commit ${r.lastCommitAt.slice(0, 10)}\n`).join('');
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
