/**
 * Workflow runs of the tracked branch's commits (--deploy-from workflow): each commit's check suites and the
 * GitHub Actions run behind each, asked by aliased `object(oid:)` lookups, a hundred commits a request (a point
 * of the rate limit). The commits come from git, so no request lists them; a commit with more check suites than
 * the first page holds is asked again for the rest, with the others that overflowed. Settled commits come from
 * the cache: a warm run asks only for what is new, and nothing while the tip has not moved since GitHub answered
 * no run (a repository without workflows costs its warm runs no request). Budget (bench/github.mjs): at most 2
 * requests per 100 commits cold, 1 warm.
 */
import { RateLimitError } from '../../errors.js';
import { plural } from '../../units.js';
import { redact } from './token.js';
import { clientFor } from './client.js';
import { present, seconds, text } from './map.js';
import type { FetchGitHubOptions } from './options.js';
import { workflowRunsOperation, type RawWorkflowSuite, type WorkflowRunsData } from './queries.js';
import { DeadlineError } from './request.js';
import { workflowCache, type CachedCommit, type GitHubWorkflowRun } from './workflow-cache.js';
import { append } from '../../lists.js';

const PER_REQUEST = 100;
/** runs of a commit may still start (a re-run, a manual dispatch) for this long after it: not settled before */
const SETTLE = 86400;

/** A commit of the tracked branch whose runs are asked for. */
export interface BranchCommit {
  sha: string;
  /** committer date, epoch s */
  at: number;
}

export interface WorkflowRunsRead {
  runs: GitHubWorkflowRun[];
  requests: number;
  cost: number;
  /** commits taken from the cache */
  cached: number;
  partial: boolean;
}

/**
 * The workflow runs of `commits` (any order), from the cache and GitHub; the cache is refreshed. `tip`, the
 * tracked branch's tip the commits were read from, lets an empty answer stand until it moves.
 * @throws GitHubError (exit 2) for a bad token or a broken answer; RateLimitError (exit 3) when a rate limit
 *         resets too late and `partial` is false
 */
export async function fetchWorkflowRuns(options: FetchGitHubOptions, commits: readonly BranchCommit[], tip?: string): Promise<WorkflowRunsRead> {
  const warn = (message: string): void => options.warn?.(redact(message, options.token));
  const cache = workflowCache.open(options, warn);
  const known = cache.known;
  const asked = [...new Map(commits.map((c) => [c.sha, c])).values()];
  const stands = (entry: CachedCommit | undefined): boolean => entry !== undefined && (entry.settled || (tip !== undefined && entry.emptyAt === tip));
  const wanted = asked.filter((c) => !stands(known.get(c.sha)));
  const at = new Map(wanted.map((c) => [c.sha, c.at]));

  const client = clientFor(options);
  const fetched = new Map<string, Array<Omit<GitHubWorkflowRun, 'sha'>>>();
  const complete = new Set<string>();
  // commits GitHub does not know (never pushed, or gone): nothing to page, nothing to come while the tip stands
  const unknown = new Set<string>();
  let partial = false;
  try {
    // first pages of every commit before any follow-up, so the follow-ups of many commits share requests
    const pending: Array<{ oid: string; after?: string }> = wanted.map((c) => ({ oid: c.sha }));
    while (pending.length > 0) {
      const batch = pending.splice(0, PER_REQUEST);
      options.onProgress?.(`reading workflow runs from GitHub (${plural(fetched.size, 'commit')} of ${wanted.length})`);
      const { operation, variables } = workflowRunsOperation(batch);
      const result = await client.request<WorkflowRunsData>(operation, { owner: options.owner, name: options.name, ...variables });
      for (const w of result.warnings) warn(w);
      batch.forEach((ask, i) => {
        const suites = result.data?.repository?.[`c${i}`]?.checkSuites ?? null;
        const runs = fetched.get(ask.oid) ?? [];
        fetched.set(ask.oid, runs);
        append(runs, present(suites?.nodes).flatMap(runOf));
        const next = suites?.pageInfo?.hasNextPage === true ? suites.pageInfo.endCursor : null;
        // a cursor that does not move would page forever: the commit stays unsettled, asked again next run
        if (next !== null && next !== ask.after) pending.push({ oid: ask.oid, after: next });
        else if (suites !== null && next === null) complete.add(ask.oid);
        else if (suites === null) unknown.add(ask.oid);
      });
    }
  } catch (error) {
    if (!(error instanceof RateLimitError || error instanceof DeadlineError) || !options.partial) throw error;
    partial = true;
    warn(`${error.message}: stopped early (--partial), so the workflow runs of ${plural(wanted.length - complete.size, 'commit')} are missing`);
  }

  const commitsNow = new Map(known);
  for (const [sha, runs] of fetched) {
    const committed = at.get(sha) ?? options.now;
    const settled = complete.has(sha) && options.now - committed >= SETTLE && runs.every((r) => r.status === 'COMPLETED');
    // no run at all, nor a page left to read: GitHub has nothing for it as the branch is now
    const empty = !settled && runs.length === 0 && tip !== undefined && (complete.has(sha) || unknown.has(sha));
    commitsNow.set(sha, { at: committed, settled, runs, ...(empty && { emptyAt: tip }) });
  }
  if (!partial) cache.save(commitsNow, options.now);
  const runs = asked.flatMap((c) => (commitsNow.get(c.sha)?.runs ?? []).map((r) => ({ sha: c.sha, ...r })));
  return { runs, requests: client.stats.requests, cost: client.stats.cost, cached: asked.length - wanted.length, partial };
}

/** A check suite's run in domain form; none for a suite no workflow ran (another app's checks). */
function runOf(suite: RawWorkflowSuite): Array<Omit<GitHubWorkflowRun, 'sha'>> {
  const run = suite.workflowRun;
  const updatedAt = seconds(run?.updatedAt);
  if (run === null || updatedAt === null) return [];
  return [{
    workflow: text(run.workflow?.name), path: text(run.file?.path) || text(run.workflow?.resourcePath), event: text(run.event),
    status: text(suite.status), conclusion: suite.conclusion ?? null, updatedAt,
  }];
}
