import { ConfigError } from './errors.js';
import { compilePattern, nativePattern, PatternError, type Pattern } from './patterns.js';
import type { DeploySignalKind } from './domain.js';
import type { BusinessHours } from './metrics/business-hours.js';


/** One step of an audit, for a progress line: `reading history of main`, 48,676 `commits` so far. */
export interface ProgressEvent {
  step: string;
  /** how many so far, of `unit` (plural: `commits`, `pull requests`, `deploys`) */
  count?: number;
  unit?: string;
}

/** Everything `audit()` needs, resolved from flags (and later the config file). */
export interface AuditOptions {
  path: string;
  branch?: string;
  since?: string;
  until?: string;
  /** ISO time taken as "now", the time every figure is measured at (default: the window's end, or the clock when that is sooner) */
  now?: string;
  deployFrom?: DeploySignalKind;
  /** the deploy branch, with deployFrom 'branch' (--deploy-from branch:NAME) */
  deployBranch?: string;
  tagPattern?: string;
  /** count pre-release tags and releases (`-rc1`, `.beta2`) as deploys */
  includePrereleases?: boolean;
  /** seconds after a deploy within which a revert of what it shipped fails it */
  revertWindow?: number;
  includeBots?: boolean;
  botPattern?: string;
  aiMarkers?: string[];
  /** IANA zone weeks start in and times are shown in (default: the business hours', else UTC) */
  timezone?: string;
  /** count only working time in every duration */
  businessHours?: BusinessHours;
  /** --config FILE (absolute); default .flowaudit.json at the repository root */
  configFile?: string;
  /** false: git only, even with a token (--no-github) */
  github?: boolean;
  /** owner/name on GitHub (default: from origin) */
  repo?: string;
  /** GraphQL endpoint (default from the remote host or GH_HOST) */
  apiUrl?: string;
  noCache?: boolean;
  refresh?: boolean;
  /** on a rate limit that resets too late, report on what was fetched */
  partial?: boolean;
  /** longest wait for each GitHub request, in seconds (--timeout; default 30) */
  timeoutSeconds?: number;
  environment?: string;
  /** workflows whose successful runs are deploys (--deploy-from workflow), by name or file, ignoring case */
  workflow?: string;
  incidentLabel?: string;
  /** pull request labels that mark a bug fix, a regular expression (--bug-label) */
  bugLabel?: string;
  /** events files (JSON Lines or CSV) of deploys and incidents, absolute paths (--events) */
  events?: string[];
  /** seconds after a deploy within which an incident is its failure (--incident-window; default 7 days) */
  incidentWindow?: number;
  requiredApprovals?: number;
  /** where the token and GH_HOST come from (default process.env) */
  env?: NodeJS.ProcessEnv;
  /** report the GitHub query cost on stderr */
  verbose?: boolean;
  /** called as the audit goes: what it does and how far it got (the CLI shows it on a TTY) */
  progress?: (event: ProgressEvent) => void;
  /** called with warnings (stderr) */
  warn?: (message: string) => void;
}

export { measuredAt, parseTime, resolveNow, resolveWindow } from './time.js';

/**
 * Release tags: `1.2`, `v1.2.3`, and monorepo package tags `tokio-1.49.0`, `pkg@1.2.3`, `cli/v1.2.3`, and Python's
 * pin `pkg==1.2.3` (LangChain's release workflow names its packages' tags so: `langchain-core==0.3.1`); and a
 * release named by its date alone, `2026-08-17` (rust-analyzer's weekly ones), with a number after it
 * (`2026-08-17.1`) — not a date inside another name (polars' branch-named `patch/fix-cspe-panic-2026-05-12`); and
 * a name then numbers joined by underscores, to its end but for a test build's or a patch's letters (sqlalchemy's
 * `rel_2_0_52` and `rel_2_1_0b3`, curl's `curl-8_10_1`, OpenSSL's `OpenSSL_1_1_1w`, PostgreSQL's `REL_16_4`).
 */
export const DEFAULT_TAG_PATTERN = String.raw`^(?:v?\d{4}-\d{2}-\d{2}(?:\.\d+)?$|(?:[\w.@/-]*(?:[-@/_]|==))?v?\d+(?:\.\d+)+|[A-Za-z][\w.@/-]*?[-_/]?\d+(?:_\d+)+[a-zA-Z]*\d*$)`;
/** Production environments' names, for GitHub deployments. */
export const DEFAULT_ENVIRONMENT = '^(prod|production|live|prd)$';
/** Deploy workflows' names or files (`Deploy`, `release.yml`, `CD`), ignoring case. */
export const DEFAULT_WORKFLOW = 'deploy|release|publish|cd';

/** Pull request labels that mark a bug fix (a repair): `bug`, `type: bug`, `kind/bug`, `regression`, any with 🐛. */
export const DEFAULT_BUG_LABEL = '^((type|kind|t)[:/] ?)?(bug|regression)$|🐛';

/**
 * Compiles a pattern from a flag or the config (`i`: ignore case, `m`: multiline) on the linear-time engine;
 * flowaudit's own defaults, as written here, run native like every built-in pattern (their classes, `\w` and
 * `\d`, are ASCII on both engines: the same matches), so a run with the defaults never loads that engine.
 * @throws ConfigError naming the flag when `source` is not a pattern that engine can run
 */
export function compileRegex(source: string, flag: string, flags = ''): Pattern {
  if (flags === '' && (source === DEFAULT_TAG_PATTERN || source === DEFAULT_ENVIRONMENT)) return { ...nativePattern(new RegExp(source)), source };
  if (flags === 'i' && source === DEFAULT_WORKFLOW) return { ...nativePattern(new RegExp(source, 'i')), source };
  // the built-in bug-label pattern is flowaudit's own: it runs native, and a run with the defaults never loads RE2
  if (flags === 'i' && source === DEFAULT_BUG_LABEL) return { ...nativePattern(new RegExp(source, 'iu')), source };
  try {
    return compilePattern(source, { ignoreCase: flags.includes('i'), multiline: flags.includes('m') });
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    throw new ConfigError(`${flag} '${clean(source)}' is not a valid regular expression: ${error.message}`);
  }
}

function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
