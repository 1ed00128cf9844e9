import type { FetchGitHubOptions } from './options.js';
import { createClient, type GitHubClient } from './request.js';

const DEFAULT_DEADLINE = 30 * 60;

/** The client of one fetch: its retries, waits, deadline and test hooks from the fetch's options. */
export function clientFor(options: FetchGitHubOptions): GitHubClient {
  const clock = options.clock ?? Date.now;
  return createClient({
    apiUrl: options.apiUrl,
    token: options.token,
    repository: `${options.owner}/${options.name}`,
    maxWaitSeconds: options.maxWaitSeconds,
    deadline: clock() + (options.deadlineSeconds ?? DEFAULT_DEADLINE) * 1000,
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.onProgress && { onWaiting: (seconds: number, operation: string) => options.onProgress?.(`waiting for GitHub to answer ${operation} (${seconds} s)`) }),
    ...(options.sleep && { sleep: options.sleep }),
    ...(options.clock && { now: options.clock }),
    ...(options.onWait && { onWait: options.onWait }),
    ...(options.debug && { debug: options.debug }),
    ...(options.fetchImpl && { fetchImpl: options.fetchImpl }),
  });
}
