import { GitHubError } from '../../errors.js';

/** One page of a connection, already unwrapped from the response. */
export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface PaginateOptions<T> {
  /** what is being listed, for the cursor-guard message */
  label: string;
  /** a page already fetched (the first request of a run fetches every list's first page at once) */
  firstPage?: Page<T>;
  /**
   * Stop early at the first node for which this is true (it and everything after it are not yielded):
   * lists ordered newest first stop when they reach what is older than the window or already cached.
   */
  stopAt?: (node: T) => boolean;
}

/**
 * Pages through a connection as an async generator of pages (arrays of nodes), fetching the next page only
 * when the consumer asks for it. `fetchPage(cursor)` gets null for the first page.
 * @throws GitHubError when GitHub says there is a next page but the cursor did not move (a loop otherwise)
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  options: PaginateOptions<T>,
): AsyncGenerator<T[], void, undefined> {
  let cursor: string | null = null;
  let page = options.firstPage ?? (await fetchPage(null));
  for (;;) {
    const stop = options.stopAt ? page.nodes.findIndex(options.stopAt) : -1;
    if (stop !== -1) {
      if (stop > 0) yield page.nodes.slice(0, stop);
      return;
    }
    yield page.nodes;
    if (!page.hasNextPage) return;
    if (page.endCursor === null || page.endCursor === cursor) {
      throw new GitHubError(`GitHub's pagination of ${options.label} did not move past cursor ${JSON.stringify(cursor)}: stopping rather than looping`, {
        hint: 'run again; if it persists, report it with --debug output',
      });
    }
    cursor = page.endCursor;
    page = await fetchPage(cursor);
  }
}
