import { z } from 'zod';
import { AI_STRENGTHS } from '../domain.js';

const time = z.iso.datetime({ offset: true });

/** A pull request closed without merging in the window, as the report lists it (GitHub mode). */
export const closedPullSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  url: z.string().nullable(),
  author: z.string(),
  bot: z.boolean().describe('automation (never an AI agent): in no figure unless bots are counted'),
  createdAt: time,
  closedAt: time,
  isDraft: z.boolean().describe('still a draft when closed: never put up for review, in no rate'),
  failedRun: z.boolean().describe('closed by the AI agent that opened it (titled [WIP]/[Failed], or within the hour): a failed run, in no rate'),
  landed: z.boolean().describe('a change of the tracked branch names it: it landed all the same (pushed, or by a commit queue), and counts as merged'),
  aiEvidence: z.array(z.string()).describe('what marks it AI-assisted'),
  aiTools: z.array(z.string()).describe('the AI tools of its AI-assisted evidence (empty when it is not AI-assisted)'),
  aiStrength: z.enum(AI_STRENGTHS).optional().describe('the strength of its strongest AI evidence: agent, assisted or weak'),
  aiWeakEvidence: z.array(z.string()).optional().describe('its weak AI evidence (a branch name), apart: never AI-assisted on its own'),
  reviews: z.number().int().nonnegative().describe('submitted reviews by people other than the author (no bot), before the close'),
  comments: z.number().int().nonnegative().describe('conversation comments by people other than the author (no bot), before the close'),
  firstReviewAt: time.nullable().describe('the first of those reviews and comments'),
  closedBy: z.string().nullable().describe('who closed it, when GitHub says'),
  repository: z.string().optional(),
});
export type ReportClosedPull = z.infer<typeof closedPullSchema>;
