/** One page of a connection, already unwrapped from the response. */
export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
  /** nodes GitHub sent, nulls included (0: an empty page) */
  sent: number;
  /** GitHub's count of the whole list, when it gave one */
  totalCount: number | null;
}

export interface PaginateOptions<T> {
  /** what is being listed, for warnings */
  label: string;
  /** a page already fetched (the first request of a run fetches every list's first page at once) */
  firstPage?: Page<T>;
  /**
   * Stop early at the first node for which this is true (it and everything after it are not yielded):
   * lists ordered newest first stop when they reach what is older than the window or already cached.
   */
  stopAt?: (node: T) => boolean;
  /** told why paging stopped before GitHub said the list was done */
  warn: (message: string) => void;
}

/**
 * Why paging must stop although the page says there is a next one, or null to go on. A server that is not
 * GitHub (or a GitHub bug) could otherwise keep a run paging forever: a cursor that comes back, an empty page
 * that claims more, or more nodes than the list's own count. Lists grow while they are paged, so the count
 * is passed by a margin first: a tenth of it, or the largest page, whichever is more.
 */
export class CursorGuard {
  private readonly seen = new Set<string>();
  private sent = 0;
  private largest = 0;
  private total: number | null = null;

  constructor(private readonly label: string) {}

  /** Records `page`; returns why not to fetch the page after it, or null. */
  refuse(page: Pick<Page<unknown>, 'endCursor' | 'sent' | 'totalCount'>): string | null {
    this.sent += page.sent;
    this.largest = Math.max(this.largest, page.sent);
    if (page.totalCount !== null && (this.total === null || page.totalCount > this.total)) this.total = page.totalCount;
    if (page.sent === 0) return `GitHub sent an empty page of ${this.label} that claims more: stopped there, so the list may be incomplete`;
    if (page.endCursor === null || this.seen.has(page.endCursor)) {
      return `GitHub's paging of ${this.label} came back to a cursor it had given before: stopped there, so the list may be incomplete`;
    }
    if (this.total !== null && this.sent >= this.total + Math.max(this.largest, Math.ceil(this.total / 10))) {
      return `GitHub kept paging ${this.label} past the ${this.total} it counts: stopped after ${this.sent}`;
    }
    this.seen.add(page.endCursor);
    return null;
  }
}

/**
 * Pages through a connection as an async generator of pages (arrays of nodes), fetching the next page only
 * when the consumer asks for it. `fetchPage(cursor)` gets null for the first page. Paging that would not end
 * (see CursorGuard) stops with a warning.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  options: PaginateOptions<T>,
): AsyncGenerator<T[], void, undefined> {
  const guard = new CursorGuard(options.label);
  let page = options.firstPage ?? (await fetchPage(null));
  for (;;) {
    const stop = options.stopAt ? page.nodes.findIndex(options.stopAt) : -1;
    if (stop !== -1) {
      if (stop > 0) yield page.nodes.slice(0, stop);
      return;
    }
    yield page.nodes;
    if (!page.hasNextPage) return;
    const refusal = guard.refuse(page);
    if (refusal !== null) {
      options.warn(refusal);
      return;
    }
    page = await fetchPage(page.endCursor);
  }
}
