import type { AiCatalogue } from './ai/compile.js';
import { aiFactsOf, type AiFacts } from './ai/facts.js';
import { pullAiEvidence } from './ai/pull.js';
import type { PullAiInput } from './ai/pull.js';

/*
 * What acceptance reads of a pull request's AI evidence, through the one evidence catalogue (`src/model/ai/`), so a
 * closed pull request is judged exactly as a merged one's change: its author, head branch, labels, description and
 * commits.
 */

/** A pull request's AI facts (evidence lines, tools, strength, weak evidence apart), by the catalogue. */
export function pullAiFacts(pull: PullAiInput, catalogue: AiCatalogue): AiFacts {
  return aiFactsOf(pullAiEvidence(pull, catalogue));
}

/** Whether a pull request's author (or whoever closed it) is an AI agent's app or account, by the catalogue. */
export function isAgentAuthor(login: string, isBotType: boolean, catalogue: AiCatalogue): boolean {
  return catalogue.pullAuthor(login, isBotType)?.strength === 'agent';
}

/** the tool of AI-assisted evidence that names no tool the catalogue knows (a line made elsewhere) */
export const UNNAMED_TOOL = 'unknown';

/**
 * The AI tools of an AI-assisted change or pull request, by id (`claude-code`, `copilot`, `codex`, …), sorted;
 * empty when it is not AI-assisted (weak evidence alone makes nothing AI-assisted).
 */
export function aiToolsOf(item: { readonly aiEvidence: readonly string[]; readonly aiTools?: readonly string[] }): string[] {
  if (item.aiEvidence.length === 0) return [];
  return item.aiTools === undefined || item.aiTools.length === 0 ? [UNNAMED_TOOL] : [...item.aiTools].sort();
}
