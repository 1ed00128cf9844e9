import type { AuditOptions, ProgressEvent } from '../options.js';
import { withPullReferences } from '../model/copies.js';
import type { GitHubAccess } from '../sources/github/access.js';
import type { GitHubLinePull } from '../sources/github/index.js';
import { plural } from '../units.js';
import { fetchOptions, type GitHubScope } from './github-options.js';
import type { ReleaseGraph } from './release-graph.js';

/** The read's scope (`since`: pull requests updated before it are not read; the cache is kept per tracked branch). */
export interface LinePullsScope extends GitHubScope {
  /** the active release lines, by branch name, at their tips in the clone */
  lines: ReadonlyArray<{ name: string; tip: string }>;
}

/**
 * The pull requests merged into the active release lines (GitHub mode), whose titles and descriptions name the
 * changes they backport. A failure is no failure of the report: the backports are then linked from git alone,
 * said in one warning. Never throws.
 */
export async function readLinePulls(
  gh: GitHubAccess,
  options: AuditOptions,
  scope: LinePullsScope,
  report: { warn: (message: string) => void; warning: (message: string) => void; progress: (event: ProgressEvent) => void },
): Promise<readonly GitHubLinePull[]> {
  if (scope.lines.length === 0) return [];
  try {
    const env = options.env ?? process.env;
    const { defaultCacheDir, fetchLinePulls } = await import('../sources/github/index.js');
    report.progress({ step: "reading release lines' pull requests from GitHub" });
    const read = await fetchLinePulls(fetchOptions(gh, options, scope, defaultCacheDir(env), report), scope.lines);
    if (read.missing.length > 0) {
      report.warning(`GitHub listed no pull requests merged into ${read.missing.join(', ')}: backports there are linked by their commits alone`);
    }
    if (options.verbose) {
      report.warn(`GitHub release lines: ${plural(scope.lines.length, 'line')} (${read.cachedLines} from the cache), ${plural(read.requests, 'request')}, query cost ${plural(read.cost, 'point')}`);
    }
    return read.pulls;
  } catch (error) {
    report.warning(`cannot read the release lines' pull requests from GitHub (${error instanceof Error ? error.message : String(error)}): backports are linked by their commits alone`);
    return [];
  }
}

/** The release graph whose line commits carry, besides their own, the references of the pull requests they landed as. */
export function withLinePulls(lines: ReleaseGraph, pulls: readonly GitHubLinePull[]): ReleaseGraph {
  return pulls.length === 0 ? lines : { ...lines, releaseLine: withPullReferences(lines.releaseLine, pulls) };
}
