import type { Pattern } from '../patterns.js';
import { findAiMarkers } from './ai-markers.js';
import { isAiAgent } from './bots.js';
import { append } from '../lists.js';

/*
 * The seam between acceptance and the AI detector: what marks a pull request AI-assisted, and which tools a
 * change's or pull request's evidence names. Acceptance reads AI evidence through these two functions only, so a
 * detector that reads more (the branch, per-tool ids and strengths) replaces them here and nowhere else.
 */

/** What a pull request says of who made it: its author, head branch, labels, description and commit messages. */
export interface PullFacts {
  author: string;
  /** GitHub says the author is a `Bot` (an app) */
  authorIsBot: boolean;
  headRefName: string;
  labels: readonly string[];
  body: string;
  commitMessages: readonly string[];
}

export interface PullEvidenceOptions {
  /** pull request labels that mark it AI-assisted (the config's `ai.labels`) */
  aiLabels: readonly string[];
  /** the config's `ai.markers` */
  aiMarkers: readonly Pattern[];
}

/**
 * Every line that marks a pull request AI-assisted, as a merged one's change gets them: an AI tool's trailer or
 * footer in a commit message or in its description, a configured label, an AI agent as its author. Empty when
 * none does (a lower bound, as everywhere).
 */
export function pullAiEvidence(pull: PullFacts, options: PullEvidenceOptions): string[] {
  const evidence: string[] = [];
  for (const message of pull.commitMessages) append(evidence, findAiMarkers(message, options.aiMarkers));
  append(evidence, findAiMarkers(pull.body, options.aiMarkers));
  for (const label of pull.labels) if (options.aiLabels.includes(label)) evidence.push(`label: ${label}`);
  if (isAgentAuthor(pull.author, pull.authorIsBot)) evidence.push(`PR author: ${pull.author}`);
  return [...new Set(evidence)];
}

/** Whether a pull request's author (or whoever closed it) is an AI agent's app: GitHub lists an app's login without `[bot]`. */
export function isAgentAuthor(login: string, isBotType: boolean): boolean {
  return isAiAgent(login, '') || (isBotType && isAiAgent(`${login.replace(/\[bot\]$/i, '')}[bot]`, ''));
}

/** The tools an evidence line can name, by id, in the order they are tried; the first that matches is the line's. */
const TOOLS: ReadonlyArray<readonly [id: string, names: RegExp]> = [
  ['claude-code', /\bclaude\b|anthropic/i],
  ['copilot', /copilot/i],
  ['codex', /codex/i],
  ['cursor', /cursor/i],
  ['devin', /devin/i],
  ['jules', /jules/i],
  ['gemini', /gemini/i],
  ['aider', /aider/i],
  ['windsurf', /windsurf|codeium/i],
  ['chatgpt', /chatgpt|openai|\bgpt\b/i],
];

/** the tool of evidence that names none of them: a configured label or marker (`ai-generated`) */
export const UNNAMED_TOOL = 'unnamed';

/**
 * The AI tools a change's or a pull request's evidence names, by id (`claude-code`, `copilot`, `codex`, …),
 * sorted; `unnamed` for evidence that names no known tool; empty when there is no evidence.
 */
export function aiToolsOf(item: { readonly aiEvidence: readonly string[] }): string[] {
  if (item.aiEvidence.length === 0) return [];
  const tools = new Set<string>();
  for (const line of item.aiEvidence) tools.add(TOOLS.find(([, names]) => names.test(line))?.[0] ?? UNNAMED_TOOL);
  return [...tools].sort();
}
