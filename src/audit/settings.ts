import type { DeploySignalKind } from '../domain.js';
import { loadConfig, type Config } from '../config/index.js';
import { isTimeZone } from '../config/values.js';
import { ConfigError } from '../errors.js';
import { validateBusinessHours, type BusinessHours } from '../metrics/business-hours.js';
import { compileRegex, type AuditOptions } from '../options.js';
import type { Pattern } from '../patterns.js';
import type { Policy } from '../report/schema.js';
import { compileCatalogue, type AiCatalogue } from '../model/ai/compile.js';

/** What one audit runs with: the config file under the flags, compiled and validated. */
export interface AuditSettings {
  config: Config;
  tagPattern: Pattern;
  includePrereleases: boolean;
  /** seconds */
  revertWindow: number;
  botPattern: Pattern | null;
  /** the AI evidence catalogue, with the config's markers and labels as entries of their own */
  ai: AiCatalogue;
  environment: Pattern;
  /** the workflows whose successful runs are deploys (--workflow), by name or file */
  workflow: Pattern;
  /** the deploy signal asked for (flag, else config); undefined: the first the repository has */
  deployFrom: DeploySignalKind | undefined;
  /** the deploy signal was asked for by flag, so a signal that cannot be read is an error, not a fallback */
  deployFromFlag: boolean;
  /** the deploy branch (--deploy-from branch:NAME) */
  deployBranch: string | undefined;
  businessHours: BusinessHours | null;
  /** IANA zone weeks start in and times are shown in */
  timezone: string;
  incidentLabel: string;
  /** pull request labels that mark a bug fix, a repair */
  bugLabel: Pattern;
  /** seconds after a deploy within which an incident is its failure */
  incidentWindow: number;
  policy: Policy;
}

// a week: an incident later than that after the last deploy is no failure of it (issue 29)
const DEFAULT_INCIDENT_WINDOW = 7 * 86400;

const WEEKDAY_NUMBERS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/**
 * Flags over the config file over the defaults (SPEC section 1's "configurable" parts), for the repository at
 * `repoRoot`.
 * @throws ConfigError naming the flag or config field that is wrong
 */
export async function resolveSettings(options: AuditOptions, repoRoot: string): Promise<AuditSettings> {
  const config = await loadConfig({ repoRoot, ...(options.configFile !== undefined && { file: options.configFile }) });
  const botSource = options.botPattern ?? (config.bots.length > 0 ? config.bots.join('|') : null);
  const hours = options.businessHours ?? (config.businessHours.enabled ? fromConfigHours(config.businessHours) : undefined);
  const includePrereleases = options.includePrereleases ?? config.deploy.includePrereleases;
  const revertWindow = options.revertWindow ?? config.revertWindow;
  return {
    config,
    tagPattern: compileRegex(options.tagPattern ?? config.deploy.tagPattern, '--tag-pattern'),
    includePrereleases,
    revertWindow,
    botPattern: botSource !== null ? compileRegex(botSource, 'bots', 'i') : null,
    ai: compileCatalogue({
      markers: [...config.ai.markers, ...(options.aiMarkers ?? [])].map((m) => compileRegex(m, 'ai.markers', 'im')),
      labels: config.ai.labels,
      agents: config.ai.agents,
    }),
    environment: compileRegex(options.environment ?? config.deploy.environment, '--environment'),
    workflow: compileRegex(options.workflow ?? config.deploy.workflow, options.workflow !== undefined ? '--workflow' : 'deploy.workflow', 'i'),
    deployFrom: options.deployFrom ?? (config.deploy.from === 'auto' ? undefined : config.deploy.from),
    deployFromFlag: options.deployFrom !== undefined,
    deployBranch: options.deployBranch,
    businessHours: hours ? validateBusinessHours(hours) : null,
    timezone: timeZoneOf(options.timezone ?? hours?.timezone ?? 'UTC'),
    incidentLabel: options.incidentLabel ?? config.incidentLabel,
    bugLabel: compileRegex(options.bugLabel ?? config.bugLabel, options.bugLabel !== undefined ? '--bug-label' : 'bugLabel', 'i'),
    incidentWindow: options.incidentWindow ?? DEFAULT_INCIDENT_WINDOW,
    policy: {
      includeBots: Boolean(options.includeBots),
      requiredApprovals: options.requiredApprovals ?? config.requiredApprovals,
      revertWindow,
      includePrereleases,
      thresholds: config.thresholds,
    },
  };
}

function fromConfigHours(hours: Config['businessHours']): BusinessHours {
  return { timezone: hours.timezone, days: hours.days.map((d) => WEEKDAY_NUMBERS[d] ?? 1), start: hours.start, end: hours.end };
}

/** @throws ConfigError when `name` is not a time zone this Node knows */
function timeZoneOf(name: string): string {
  if (!isTimeZone(name)) throw new ConfigError(`--timezone '${name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}' is not a known time zone: use an IANA name such as Europe/Berlin or America/New_York`);
  return name;
}
