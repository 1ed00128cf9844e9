import { z } from 'zod';
import { THRESHOLD_DEFAULTS } from './defaults.js';
import type { Thresholds } from './types.js';
import { WEEKDAYS } from './types.js';
import type { DeploySignalKind } from '../domain.js';
import { globProblem } from '../glob.js';
import { patternProblem } from '../patterns.js';
import { DEPLOY_SOURCE_NAMES } from '../sources/deploys/index.js';
import { isTimeZone, KIND_MESSAGES, parseClock, parseThreshold } from './values.js';

/*
 * The shape of `.flowaudit.json`. Every key is optional (defaults fill the rest, see load.ts); unknown keys
 * are errors, so a typo does not silently fall back to a default. Each field carries the message a user
 * sees after its name: "thresholds.pickupP50 must be a duration like 24h or a number of seconds".
 */

const OBJECT = 'must be an object';

const DEPLOY_FROM: ['auto', ...DeploySignalKind[]] = ['auto', ...DEPLOY_SOURCE_NAMES];

/** A regular expression source, compiled with `flags` to check it. */
export function regexField(flags: string) {
  return z.string({ error: 'must be a regular expression (a string)' }).superRefine((source, ctx) => {
    const problem = patternProblem(source, { ignoreCase: flags.includes('i'), multiline: flags.includes('m') });
    if (problem !== null) ctx.addIssue({ code: 'custom', message: `is not a valid regular expression: ${problem}` });
  });
}

function nonEmpty(what: string) {
  return z.string({ error: `must be ${what} (a non-empty string)` }).trim().min(1, { error: `must be ${what} (a non-empty string)` });
}

function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: `must be a list of ${what}` });
}

// the JSON Schema editors complete from (schema/config.schema.json) sees a threshold as a string or a number
const thresholdShape = Object.fromEntries(
  Object.entries(THRESHOLD_DEFAULTS).map(([key, spec]) => [
    key,
    thresholdField(spec.kind).optional().meta({ type: ['string', 'number'], description: `${spec.reason}; ${KIND_MESSAGES[spec.kind].replace(/^must be /, '')}` }),
  ]),
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

// an agent's account: a GitHub login or app slug (`acme-agent`, `acme-agent[bot]`), or a whole address
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
function agentAccount() {
  const what = 'a GitHub login like "acme-agent" or "acme-agent[bot]", or an email address like "agent@acme.dev"';
  return z.string({ error: `must be ${what}` }).trim().refine((v) => LOGIN.test(v) || ADDRESS.test(v), { error: `must be ${what}` });
}
// matched in time linear in the path (src/glob.ts); a glob past what one may cost is refused here, named by field
const pathPattern = nonEmpty('a path pattern').superRefine((source, ctx) => {
  const problem = source === '' ? null : globProblem(source, 'gitignore');
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `is not a path pattern flowaudit matches: ${problem}` });
});
const expression = nonEmpty('a threshold expression');

/** Each field's schema, and the list fields' element schemas, also used to check the flags that override them. */
export const FIELDS = {
  bots: list(regexField('i'), 'regular expressions'),
  bot: regexField('i'),
  // the registry's sources, so a new one is a value of deploy.from by its registry line alone
  deployFrom: z.enum(DEPLOY_FROM, { error: `must be one of ${DEPLOY_FROM.join(', ')}` }),
  tagPattern: regexField(''),
  environment: regexField('i'),
  workflow: regexField('i'),
  incidentLabel: label,
  bugLabel: regexField('i'),
  revertWindow: thresholdField('duration'),
  aiMarkers: list(regexField('im'), 'regular expressions'),
  aiMarker: regexField('im'),
  aiLabels: list(label, 'label names'),
  aiAgents: list(agentAccount(), 'GitHub logins or email addresses'),
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
  productPaths: list(pathPattern, 'path patterns like "services/api/**"').min(1, { error: 'must name at least one path pattern like "services/api/**"' }),
};

/** A product the config names (SPEC section 3): where its code is, and which tags version it. */
const productSchema = z.strictObject(
  {
    paths: FIELDS.productPaths.describe('where the product\'s code is: gitignore-style patterns like "services/api/**"'),
    tags: FIELDS.tagPattern.optional().describe('its release tags (regular expression), e.g. "^api-v"; by default tags named for it (api@1.2.3, api-v1.2.3, api/v1.2.3)'),
  },
  { error: 'must be an object like {"paths": ["services/api/**"], "tags": "^api-v"}' },
);

// descriptions are for editors completing the file from its JSON Schema; error messages come from FIELDS
export const configSchema = z.strictObject(
  {
    $schema: z.string().optional().describe('the JSON Schema of this file, for editors (flowaudit init writes it)'),
    bots: FIELDS.bots.optional().describe('extra bot authors, regular expressions (case-insensitive), on top of Renovate, Dependabot and [bot] logins'),
    deploy: z
      .strictObject(
        {
          from: FIELDS.deployFrom.optional().describe('where deploys come from: auto (the first the repository has), events (the --events files), branch (as the flag --deploy-from branch:NAME only), deployments, workflow (runs of the workflows deploy.workflow matches), releases, tags or merge'),
          tagPattern: FIELDS.tagPattern.optional().describe('tags that count as deploys (regular expression)'),
          environment: FIELDS.environment.optional().describe('GitHub deployment environments that count as production (regular expression)'),
          workflow: FIELDS.workflow.optional().describe('GitHub Actions workflows whose successful runs are deploys, matched against the workflow\'s name or its file (regular expression, case-insensitive)'),
          includePrereleases: FIELDS.enabled.optional().describe('count pre-release tags and GitHub pre-releases (-alpha, -beta.2, -rc1, .beta1) as deploys; by default they are test builds, not production'),
        },
        { error: OBJECT },
      )
      .optional(),
    revertWindow: FIELDS.revertWindow.optional().describe('a deploy failed when a change it shipped was reverted within this long of it (a later revert is a redesign), e.g. 14d'),
    incidentLabel: FIELDS.incidentLabel.optional().describe('an issue with this label, opened after a deploy and before the next, marks that deploy failed'),
    bugLabel: FIELDS.bugLabel.optional().describe('pull request labels that mark a bug fix, counted as a repair (regular expression, case-insensitive)'),
    ai: z
      .strictObject(
        {
          markers: FIELDS.aiMarkers.optional().describe('extra markers of AI-assisted commits (regular expressions matched anywhere in a commit message), on top of the built-in evidence catalogue: entries of the tool "configured"'),
          labels: FIELDS.aiLabels.optional().describe('pull request labels that mark a change AI-assisted (exact names): entries of the tool "configured"'),
          agents: FIELDS.aiAgents.optional().describe('the accounts of AI agents the built-in catalogue does not know, such as a team\'s own: GitHub logins or app slugs ("acme-agent", "acme-agent[bot]") or email addresses. Their commits and pull requests are agent work of the tool "configured", never a bot\'s'),
        },
        { error: OBJECT },
      )
      .optional(),
    requiredApprovals: FIELDS.requiredApprovals.optional().describe('approvals from someone other than the author before a change counts as approved'),
    businessHours: z
      .strictObject(
        {
          enabled: FIELDS.enabled.optional().describe('count only working time in every duration'),
          timezone: FIELDS.timezone.optional().describe('IANA time zone of the working day, e.g. Europe/Berlin'),
          days: FIELDS.days.optional().describe('working days: mon … sun'),
          start: clock.optional().describe('start of the working day, HH:MM'),
          end: clock.optional().describe('end of the working day, HH:MM'),
        },
        { error: OBJECT },
      )
      .optional(),
    thresholds: z.strictObject(thresholdShape, { error: OBJECT }).optional().describe('when a recommendation fires: each is the largest healthy value'),
    sizeExcluded: FIELDS.sizeExcluded.optional().describe('paths that do not count toward change size (gitignore-style)'),
    check: FIELDS.check.optional().describe('threshold expressions for flowaudit check, e.g. "leadTime.p50<=7d"'),
    products: z
      .record(z.string().trim().min(1, { error: 'must be named (a non-empty key)' }), productSchema, { error: 'must be an object of products by name, like {"api": {"paths": ["services/api/**"]}}' })
      .optional()
      .describe('the products of a monorepo beyond those its workspace packages and tags show, by name: each with its paths and, optionally, the pattern of its tags'),
  },
  { error: 'must be a JSON object' },
);

export type ConfigFile = z.output<typeof configSchema>;
