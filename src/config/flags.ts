import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { THRESHOLD_DEFAULTS } from './defaults.js';
import { FIELDS, thresholdField } from './schema.js';
import type { Config, Thresholds } from './types.js';

/**
 * Command-line values that override the config file, as the CLI parsed them (strings where the shell gave
 * strings). Each is named here by the flag it is meant for; a list flag replaces the file's list.
 */
export interface ConfigFlags {
  /** --bot-pattern REGEX: replaces `bots` */
  botPattern?: string;
  /** --deploy-from auto|deployments|releases|tags|merge */
  deployFrom?: string;
  /** --tag-pattern REGEX */
  tagPattern?: string;
  /** --environment REGEX */
  environment?: string;
  /** --incident-label NAME */
  incidentLabel?: string;
  /** --ai-marker REGEX (repeatable) */
  aiMarkers?: string[];
  /** --ai-label NAME (repeatable) */
  aiLabels?: string[];
  /** --required-approvals N */
  requiredApprovals?: number | string;
  /** --business-hours / --no-business-hours */
  businessHours?: boolean;
  /** --timezone IANA-NAME */
  timezone?: string;
  /** --threshold NAME=VALUE (repeatable), e.g. pickupP50=12h, changeFailureRate=10% */
  threshold?: string[];
  /** --size-exclude GLOB (repeatable) */
  sizeExcluded?: string[];
  /** --check EXPR (repeatable) */
  check?: string[];
}

/**
 * The config with every given flag in place of the file's value. Pure: returns a new object.
 * @throws ConfigError naming the flag and the value, e.g. "--timezone 'Mars/Base' must be an IANA time zone…"
 */
export function mergeFlags(config: Config, flags: ConfigFlags): Config {
  const out: Config = {
    ...config,
    deploy: { ...config.deploy },
    ai: { ...config.ai },
    businessHours: { ...config.businessHours },
    thresholds: { ...config.thresholds },
  };
  if (flags.botPattern !== undefined) out.bots = [valid(FIELDS.bot, flags.botPattern, '--bot-pattern')];
  if (flags.deployFrom !== undefined) out.deploy.from = valid(FIELDS.deployFrom, flags.deployFrom, '--deploy-from');
  if (flags.tagPattern !== undefined) out.deploy.tagPattern = valid(FIELDS.tagPattern, flags.tagPattern, '--tag-pattern');
  if (flags.environment !== undefined) out.deploy.environment = valid(FIELDS.environment, flags.environment, '--environment');
  if (flags.incidentLabel !== undefined) out.incidentLabel = valid(FIELDS.incidentLabel, flags.incidentLabel, '--incident-label');
  if (flags.aiMarkers !== undefined) out.ai.markers = flags.aiMarkers.map((m) => valid(FIELDS.aiMarker, m, '--ai-marker'));
  if (flags.aiLabels !== undefined) out.ai.labels = flags.aiLabels.map((l) => valid(FIELDS.label, l, '--ai-label'));
  if (flags.requiredApprovals !== undefined) {
    const given = flags.requiredApprovals;
    const n = typeof given === 'string' && /^\s*\d+\s*$/.test(given) ? Number(given) : given;
    out.requiredApprovals = valid(FIELDS.requiredApprovals, n, '--required-approvals', String(given));
  }
  if (flags.businessHours !== undefined) out.businessHours.enabled = flags.businessHours;
  if (flags.timezone !== undefined) out.businessHours.timezone = valid(FIELDS.timezone, flags.timezone, '--timezone');
  for (const entry of flags.threshold ?? []) {
    const [name, value] = splitThreshold(entry);
    out.thresholds[name] = valid(thresholdField(THRESHOLD_DEFAULTS[name].kind), value, `--threshold ${name}`);
  }
  if (flags.sizeExcluded !== undefined) out.sizeExcluded = flags.sizeExcluded.map((g) => valid(FIELDS.pathPattern, g, '--size-exclude'));
  if (flags.check !== undefined) out.check = flags.check.map((c) => valid(FIELDS.expression, c, '--check'));
  return out;
}

function valid<T extends z.ZodType>(schema: T, value: unknown, flag: string, shown = String(value)): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? 'is not valid';
  throw new ConfigError(`${flag} '${shown}' ${message}`);
}

/** `pickupP50=12h` → ['pickupP50', '12h'] @throws ConfigError for a malformed entry or an unknown name */
function splitThreshold(entry: string): [keyof Thresholds, string] {
  const at = entry.indexOf('=');
  if (at <= 0) throw new ConfigError(`--threshold '${entry}' must be NAME=VALUE, like pickupP50=12h`);
  const name = entry.slice(0, at).trim();
  const known = Object.keys(THRESHOLD_DEFAULTS);
  if (!known.includes(name)) {
    throw new ConfigError(`--threshold '${entry}': ${name} is not a known threshold`, { hint: `known thresholds: ${known.join(', ')}` });
  }
  return [name as keyof Thresholds, entry.slice(at + 1).trim()];
}
