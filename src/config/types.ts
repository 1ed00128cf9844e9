import type { Thresholds } from '../advice/types.js';
import type { DeploySignalKind } from '../domain.js';

export type { Thresholds } from '../advice/types.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** How a threshold is written in the file: `24h`/seconds, `0.15`/`15%`, a plain number, a factor ≥ 1. */
export type ThresholdKind = 'duration' | 'ratio' | 'count' | 'factor';

/** The resolved configuration: every field filled in (file over defaults, flags over file). */
export interface Config {
  /** extra bot-author patterns (regular expression sources, matched case-insensitively) */
  bots: string[];
  deploy: {
    /** `auto`: the first signal the repository has (SPEC section 3) */
    from: DeploySignalKind | 'auto';
    tagPattern: string;
    /** GitHub deployment environments that count as production (regular expression source) */
    environment: string;
    /** workflows whose successful runs are deploys, by name or file (regular expression source, case-insensitive) */
    workflow: string;
    /** pre-release tags and releases count as deploys */
    includePrereleases: boolean;
  };
  /** seconds after a deploy within which a revert of what it shipped fails it */
  revertWindow: number;
  /** an issue with this label, opened after a deploy, marks it failed */
  incidentLabel: string;
  /** pull request labels that mark a bug fix, a repair (regular expression source, case-insensitive) */
  bugLabel: string;
  ai: {
    /** extra AI markers in commit messages (regular expression sources) */
    markers: string[];
    /** pull request labels that mark a change AI-assisted */
    labels: string[];
    /** the accounts of AI agents the built-in catalogue does not know: logins, app slugs or addresses */
    agents: string[];
  };
  /** non-author approvals needed for a change to count as approved (T5) */
  requiredApprovals: number;
  businessHours: {
    enabled: boolean;
    /** IANA time zone name */
    timezone: string;
    /** working days, in week order */
    days: Weekday[];
    /** `HH:MM`, local to `timezone`; start is before end */
    start: string;
    end: string;
  };
  /** recommendation thresholds: durations in seconds, shares as ratios 0–1 */
  thresholds: Thresholds;
  /** gitignore-style patterns of paths that do not count toward change size */
  sizeExcluded: string[];
  /** threshold expressions for CI, parsed elsewhere */
  check: string[];
  /** products of a monorepo the config names: paths (gitignore-style) and the source of its tags' pattern (null: tags named for it) */
  products: Record<string, { paths: string[]; tags: string | null }>;
  /** the file it was read from; null when nothing was read (defaults) */
  source: string | null;
}
