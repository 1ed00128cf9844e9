import type { OpenPull } from '../domain.js';
import type { GitHubOpenPull } from '../sources/github/types.js';
import type { Tester } from '../patterns.js';
import { compileCatalogue, type AiCatalogue } from './ai/compile.js';
import { aiFactsOf, type AiFacts } from './ai/facts.js';
import { pullAiEvidence } from './ai/pull.js';
import { isBot } from './bots.js';
import { pullEvents } from './pull-events.js';

/**
 * A pull request open at `now`, in domain form, with where its review stands (T2, T4, T5 by the same rules as
 * a merged one's, up to now), so the queues can place it in pickup, review or merge wait, and its AI evidence by
 * the same catalogue as a merged one's: an agent's pull request is never a bot's. Pure.
 */
export function toOpenPull(pull: GitHubOpenPull, now: number, options: { requiredApprovals: number; botPattern: Tester | null; ai?: AiCatalogue }): OpenPull {
  const bot = (login: string): boolean => isBot(login, '', options.botPattern, options.ai);
  const author = pull.author.toLowerCase();
  const events = pull.isDraft
    ? null
    : pullEvents({ ...pull, mergedAt: now, commits: [] }, { requiredApprovals: options.requiredApprovals, isBot: bot });
  const reviewedAt = pull.reviews
    .filter((r) => r.state !== 'PENDING' && r.submittedAt !== null && r.submittedAt <= now)
    .filter((r) => !r.authorIsBot && !bot(r.author) && r.author.toLowerCase() !== author)
    .map((r) => r.submittedAt as number)
    .sort((a, b) => a - b);
  const ai = options.ai ?? compileCatalogue();
  const agent = ai.pullAuthor(pull.author, pull.authorIsBot) !== null;
  return {
    number: pull.number,
    title: pull.title,
    url: /^https?:\/\//.test(pull.url) ? pull.url : null,
    author: pull.author,
    bot: !agent && (pull.authorIsBot || bot(pull.author)),
    createdAt: pull.createdAt,
    isDraft: pull.isDraft,
    events: {
      readyAt: events?.readyAt ?? null,
      firstReviewAt: events?.firstReviewAt ?? null,
      approvedAt: events?.approvedAt ?? null,
      reviewedAt,
    },
    ...openAi(aiFactsOf(pullAiEvidence({ ...pull, commits: [] }, ai))),
  };
}

/** An open pull request's AI facts, present only when it has evidence. */
function openAi(facts: AiFacts): Pick<OpenPull, 'aiEvidence' | 'aiTools' | 'aiStrength' | 'aiWeakEvidence'> {
  return facts.aiStrength === undefined ? {} : facts;
}
