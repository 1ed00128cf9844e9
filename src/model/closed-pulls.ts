import type { ClosedPull } from '../domain.js';
import type { GitHubClosedPull } from '../sources/github/types.js';
import type { Tester } from '../patterns.js';
import { isBot } from './bots.js';
import type { AiCatalogue } from './ai/compile.js';
import { isAgentAuthor, pullAiFacts } from './pull-ai.js';

/**
 * An AI agent's failed run (issue 39): a pull request the agent opened and closed itself, either titled as an
 * attempt (`[WIP] …`, `[Failed] …`, `WIP: …`) or closed within this many seconds of opening. Copilot's coding agent
 * opens a `[WIP]` draft as it starts and closes it when the run fails: no one reviewed or rejected that work.
 */
export const FAILED_RUN_SECONDS = 3600;
const ATTEMPT_TITLE = /^\s*(?:\[\s*(?:wip|failed)\s*\]|wip\s*:)/i;

export interface ClosedPullOptions {
  /** the AI evidence catalogue, with the config's markers and labels */
  ai: AiCatalogue;
  botPattern: Tester | null;
  /** the pull request numbers the tracked branch's changes name (`(#N)`, `Merge pull request #N`, `PR-URL:`) */
  landedNumbers: ReadonlySet<number>;
}

/**
 * A pull request closed without merging, in domain form: whether it was a bot's or an agent's failed run, whether
 * it landed all the same (a change of the tracked branch names it), its AI evidence, and the reviews and comments
 * people other than its author gave it before it closed. Pure.
 */
export function toClosedPull(pull: GitHubClosedPull, options: ClosedPullOptions): ClosedPull {
  const agent = isAgentAuthor(pull.author, pull.authorIsBot, options.ai);
  const author = pull.author.toLowerCase();
  const person = (login: string, isBotType: boolean): boolean => !isBotType && !isBot(login, '', options.botPattern, options.ai) && login.toLowerCase() !== author;
  const reviewed = pull.reviews
    .filter((r) => r.state !== 'PENDING' && r.submittedAt !== null && r.submittedAt <= pull.closedAt && person(r.author, r.authorIsBot))
    .map((r) => r.submittedAt as number);
  const commented = pull.comments.filter((c) => c.createdAt <= pull.closedAt && person(c.author, c.authorIsBot)).map((c) => c.createdAt);
  const first = [...reviewed, ...commented].reduce<number | null>((min, at) => (min === null || at < min ? at : min), null);
  return {
    number: pull.number,
    title: pull.title,
    url: /^https?:\/\//.test(pull.url) ? pull.url : null,
    author: pull.author,
    bot: !agent && (pull.authorIsBot || isBot(pull.author, '', options.botPattern, options.ai)),
    createdAt: pull.createdAt,
    closedAt: pull.closedAt,
    isDraft: pull.isDraft,
    failedRun: agent && closedByItself(pull, options.ai) && (ATTEMPT_TITLE.test(pull.title) || pull.closedAt - pull.createdAt <= FAILED_RUN_SECONDS),
    landed: options.landedNumbers.has(pull.number),
    ...pullAiFacts({ author: pull.author, authorIsBot: pull.authorIsBot, headRefName: pull.headRefName, labels: pull.labels, body: pull.body, commits: pull.commitMessages.map((message) => ({ message })) }, options.ai),
    reviews: reviewed.length,
    comments: commented.length,
    firstReviewAt: first,
    closedBy: pull.closedBy?.login ?? null,
  };
}

/** The agent that opened it closed it: the same login (with or without `[bot]`), or another login of the same agent's app. */
function closedByItself(pull: GitHubClosedPull, ai: AiCatalogue): boolean {
  const closer = pull.closedBy;
  if (closer === null) return false;
  const bare = (login: string): string => login.toLowerCase().replace(/\[bot\]$/, '');
  if (bare(closer.login) === bare(pull.author)) return true;
  const closedBy = ai.pullAuthor(closer.login, closer.isBot);
  return closedBy?.strength === 'agent' && closedBy.tool === ai.pullAuthor(pull.author, pull.authorIsBot)?.tool;
}
