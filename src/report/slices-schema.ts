import { z } from 'zod';
import { STAGES, type StageName } from '../domain.js';
import { recommendationSchema } from '../advice/types.js';
import { FEW_CHANGES } from './few-changes.js';
import { groupingChoices, groupingNouns, orList } from '../model/slices.js';

const seconds = z.number().nonnegative().nullable();
const share = z.number().min(0).max(1).nullable();

export const sliceRowSchema = z.object({
  name: z.string().describe('the slice as a command names it: team:payments, product:@acme/api, path:src/api, label:bug, team:unowned'),
  changes: z.number().int().nonnegative().describe('counted changes of the window in the slice'),
  stages: z
    .object(Object.fromEntries(STAGES.map((s) => [s, z.object({ p50: seconds, share, atLeast: seconds.optional() })])) as Record<StageName, z.ZodObject<{ p50: typeof seconds; share: typeof share; atLeast: z.ZodOptional<typeof seconds> }>>)
    .describe('each stage\'s median and share of the typical change, over the slice\'s changes; atLeast: where the median is null with changes still waiting, a true lower bound of it (seconds); the coding share is null from git alone when most changes landed as one commit (or commits of one moment), as for the whole report'),
  cycleTimeP50: seconds,
  leadTimeP50: seconds,
  leadTimeAtLeast: seconds.describe('when leadTimeP50 is null with changes still waiting: a true lower bound of it (seconds)'),
  unreleased: z.number().int().nonnegative().describe('its changes merged in the window and not deployed at now'),
  deploys: z.number().int().nonnegative().optional().describe('where the slice is a product: its own deploys in the window'),
  changeFailureRate: share.optional().describe('where the slice is a product: its failed deploys ÷ its deploys'),
  aiShare: share.describe('the share of its changes with AI evidence (a lower bound)'),
  reviewsPerChange: z.number().nonnegative().nullable().describe('reviews per change (GitHub mode; null from git alone)'),
  topRecommendation: recommendationSchema.pick({ id: true, measure: true, value: true }).nullable().describe('the slice\'s own first recommendation, its figures over its changes alone; null when healthy or with too few changes (fewChanges)'),
  fewChanges: z.literal(true).optional().describe(`fewer than ${FEW_CHANGES} counted changes: too few to name a first fix (topRecommendation is null), its medians those of a handful`),
  repositories: z.array(z.string()).optional().describe('in a report over several repositories: those the slice has changes in, its changes pooled from them'),
});
export type SliceRow = z.infer<typeof sliceRowSchema>;

export const slicesSchema = z
  .object({
    by: z.string().describe(`the grouping asked for: ${orList(groupingChoices())}`),
    owners: z.string().nullable().describe('with --by team: the CODEOWNERS file read at the window\'s end; null when there is none'),
    unownedShare: share.describe('with --by team: the share of the counted changes no team owns a third of'),
    rows: z.array(sliceRowSchema).describe('one row per slice, most changes first; a change is in every slice owning a third of its changed lines'),
    ungrouped: z.string().optional().describe('why there are no rows: the repository has nothing to group so (with --by product, a repository of one product: its figures are the whole report\'s)'),
  })
  .describe(`--by: the window's changes one row per ${orList(groupingNouns())}`);
export type Slices = z.infer<typeof slicesSchema>;
