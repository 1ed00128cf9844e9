import { z } from 'zod';
import { THRESHOLD_DEFAULTS } from './defaults.js';
import type { Thresholds } from './types.js';
import { WEEKDAYS } from './types.js';
import { isTimeZone, KIND_MESSAGES, parseClock, parseThreshold, regexProblem } from './values.js';

/*
 * The shape of `.flowaudit.json`. Every key is optional (defaults fill the rest, see load.ts); unknown keys
 * are errors, so a typo does not silently fall back to a default. Each field carries the message a user
 * sees after its name: "thresholds.pickupP50 must be a duration like 24h or a number of seconds".
 */

const OBJECT = 'must be an object';

/** A regular expression source, compiled with `flags` to check it. */
export function regexField(flags: string) {
  return z.string({ error: 'must be a regular expression (a string)' }).superRefine((source, ctx) => {
    const problem = regexProblem(source, flags);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: `is not a valid regular expression: ${problem}` });
  });
}

function nonEmpty(what: string) {
  return z.string({ error: `must be ${what} (a non-empty string)` }).trim().min(1, { error: `must be ${what} (a non-empty string)` });
}

function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: `must be a list of ${what}` });
}

const thresholdShape = Object.fromEntries(
  Object.entries(THRESHOLD_DEFAULTS).map(([key, spec]) => [key, thresholdField(spec.kind).optional()]),
) as { [K in keyof Thresholds]: z.ZodOptional<ReturnType<typeof thresholdField>> };

export function thresholdField(kind: keyof typeof KIND_MESSAGES) {
  return z.unknown().transform((value, ctx) => {
    const parsed = parseThreshold(kind, value);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: KIND_MESSAGES[kind] });
      return z.NEVER;
    }
    return parsed;
  });
}

const clock = z.string({ error: 'must be a time of day like 09:00' }).refine((v) => parseClock(v) !== null, { error: 'must be a time of day like 09:00' });

const label = nonEmpty('a label name');
const pathPattern = nonEmpty('a path pattern');
const expression = nonEmpty('a threshold expression');

/** Each field's schema, and the list fields' element schemas, also used to check the flags that override them. */
export const FIELDS = {
  bots: list(regexField('i'), 'regular expressions'),
  bot: regexField('i'),
  deployFrom: z.enum(['auto', 'deployments', 'releases', 'tags', 'merge'], { error: 'must be one of auto, deployments, releases, tags, merge' }),
  tagPattern: regexField(''),
  environment: regexField('i'),
  incidentLabel: label,
  revertWindow: thresholdField('duration'),
  aiMarkers: list(regexField('im'), 'regular expressions'),
  aiMarker: regexField('im'),
  aiLabels: list(label, 'label names'),
  label,
  requiredApprovals: z.number({ error: 'must be a whole number of at least 1' }).int({ error: 'must be a whole number of at least 1' }).min(1, { error: 'must be a whole number of at least 1' }),
  enabled: z.boolean({ error: 'must be true or false' }),
  timezone: z.string({ error: 'must be an IANA time zone like Europe/Berlin or UTC' }).refine(isTimeZone, { error: 'must be an IANA time zone like Europe/Berlin or UTC' }),
  days: list(z.enum(WEEKDAYS, { error: `must be one of ${WEEKDAYS.join(', ')}` }), 'days like ["mon", "tue"]').min(1, { error: 'must name at least one day' }),
  clock,
  sizeExcluded: list(pathPattern, 'path patterns like "docs/**"'),
  pathPattern,
  check: list(expression, 'threshold expressions (strings)'),
  expression,
};

export const configSchema = z.strictObject(
  {
    bots: FIELDS.bots.optional(),
    deploy: z
      .strictObject(
        { from: FIELDS.deployFrom.optional(), tagPattern: FIELDS.tagPattern.optional(), environment: FIELDS.environment.optional(), includePrereleases: FIELDS.enabled.optional() },
        { error: OBJECT },
      )
      .optional(),
    revertWindow: FIELDS.revertWindow.optional(),
    incidentLabel: FIELDS.incidentLabel.optional(),
    ai: z.strictObject({ markers: FIELDS.aiMarkers.optional(), labels: FIELDS.aiLabels.optional() }, { error: OBJECT }).optional(),
    requiredApprovals: FIELDS.requiredApprovals.optional(),
    businessHours: z
      .strictObject(
        {
          enabled: FIELDS.enabled.optional(),
          timezone: FIELDS.timezone.optional(),
          days: FIELDS.days.optional(),
          start: clock.optional(),
          end: clock.optional(),
        },
        { error: OBJECT },
      )
      .optional(),
    thresholds: z.strictObject(thresholdShape, { error: OBJECT }).optional(),
    sizeExcluded: FIELDS.sizeExcluded.optional(),
    check: FIELDS.check.optional(),
  },
  { error: 'must be a JSON object' },
);

export type ConfigFile = z.output<typeof configSchema>;
