import { ConfigError } from './errors.js';
import type { DeploySignalKind } from './domain.js';
import type { BusinessHours } from './metrics/business-hours.js';


/** Everything `audit()` needs, resolved from flags (and later the config file). */
export interface AuditOptions {
  path: string;
  branch?: string;
  since?: string;
  until?: string;
  /** ISO time taken as "now": reproducible output */
  now?: string;
  deployFrom?: DeploySignalKind;
  tagPattern?: string;
  /** count pre-release tags and releases (`-rc1`, `.beta2`) as deploys */
  includePrereleases?: boolean;
  /** seconds after a deploy within which a revert of what it shipped fails it */
  revertWindow?: number;
  includeBots?: boolean;
  botPattern?: string;
  aiMarkers?: string[];
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
  environment?: string;
  incidentLabel?: string;
  requiredApprovals?: number;
  /** where the token and GH_HOST come from (default process.env) */
  env?: NodeJS.ProcessEnv;
  /** report the GitHub query cost on stderr */
  verbose?: boolean;
  /** called with progress messages (the CLI shows them on a TTY) */
  progress?: (message: string) => void;
  /** called with warnings (stderr) */
  warn?: (message: string) => void;
}

export { parseTime, resolveNow, resolveWindow } from './time.js';

/** Release tags: `1.2`, `v1.2.3`, and monorepo package tags `tokio-1.49.0`, `pkg@1.2.3`, `cli/v1.2.3`. */
export const DEFAULT_TAG_PATTERN = String.raw`^(?:[\w.@/-]*[-@/])?v?\d+(?:\.\d+)+`;
/** @throws ConfigError naming the flag when `source` is not a valid regular expression */
export function compileRegex(source: string, flag: string, flags = ''): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new ConfigError(`${flag} '${clean(source)}' is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
}

function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
