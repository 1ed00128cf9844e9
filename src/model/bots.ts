import type { Tester } from '../patterns.js';
import { compileCatalogue, type AiCatalogue } from './ai/compile.js';
import { botByName } from './bot-names.js';

/**
 * Who is automation (SPEC section 1). Bots open or land changes without a person's work behind them and are
 * reported apart; AI coding agents are not bots: their changes are work done with an AI tool, counted and marked
 * AI-assisted, since comparing them with the rest is the point. An app whose commits are generated code (Factory's
 * Droid, Codegen, Sweep, Amazon Q's agent, CodeRabbit's generated tests) is such an agent: the evidence catalogue
 * (`ai/catalogue.ts`) knows them, and what it knows as an author is never a bot.
 */

/**
 * Whether a git identity (email '' when there is none: a login) is an AI coding agent the catalogue knows, the
 * built-in one unless `ai` is the run's (with the config's `ai.agents`).
 */
export function isAiAgent(name: string, email: string, ai: AiCatalogue = compileCatalogue()): boolean {
  return ai.author(name, email) !== null;
}

/**
 * Whether an author is automation: a known bot name or login, a CI identity by name or email, or a match of
 * the configured pattern (`extra`, tested on the name, the email's local part and the whole email). An AI
 * coding agent (of `ai`, the built-in catalogue unless given) is never a bot, even when GitHub lists its
 * account as one.
 */
export function isBot(name: string, email: string, extra: Tester | null = null, ai?: AiCatalogue): boolean {
  return !isAiAgent(name, email, ai) && botByName(name, email, extra);
}
