import type { Tester } from '../patterns.js';
import { isAiToolEmail } from './ai-markers.js';

/**
 * Who is automation (SPEC section 1). Bots open or land changes without a person's work behind them and are
 * reported apart; AI coding agents are not bots: their changes are someone's work done with an AI tool, counted
 * and marked AI-assisted, since comparing them with the rest is the point.
 */

// logins and names of dependency updaters, merge services and CI identities
const BOT_NAMES = /\[bot\]|^(dependabot|renovate|greenkeeper|snyk-bot|github-actions|mergify|pre-commit-ci|allcontributors|k8s-ci-robot|gopher robot)\b/i;
// "Gopher Robot", "k8s-ci-robot", "release_bot"; "RenovateBot", "ImgBot"; one-word handles such as "rustbot".
// Case matters for the second form: a surname such as "Talbot" is not a bot
const BOT_SUFFIX = [/[\s._-](?:ro)?bot$/i, /[a-z0-9](?:Bot|Robot)$/, /^[a-z0-9_.-]*bot$/];
// CI identities by email: GitHub Actions' own address and `*-bot@` / `*.bot@` mailboxes
const BOT_EMAIL = /^(actions@github\.com|[^@\s]*[-._]bot@\S*)$/i;

/**
 * AI coding agents by login, git name or email: Claude, GitHub Copilot's coding agent, Devin, Codex, Cursor's
 * agents, Jules, Gemini's code assist. A bare "Claude" or "Devin" is a person's name: only the app login or
 * the agent's address says it is the tool.
 */
const AI_AGENT = /^(?:claude|cursor|devin|jules)\[bot\]$|^(?:copilot|copilot-swe-agent|devin-ai-integration|codex|openai-codex|chatgpt-codex-connector|cursor-agent|cursor agent|cursoragent|google-labs-jules|gemini-code-assist|claude code)(?:\[bot\])?$/i;

/** Whether a git identity or GitHub login (email '' when there is none) is an AI coding agent. */
export function isAiAgent(name: string, email: string): boolean {
  return AI_AGENT.test(name.trim()) || isAiToolEmail(email);
}

/**
 * Whether an author is automation: a known bot name or login, a CI identity by name or email, or a match of
 * the configured pattern (`extra`, tested on the name, the email's local part and the whole email). An AI
 * coding agent is never a bot, even when GitHub lists its account as one.
 */
export function isBot(name: string, email: string, extra: Tester | null = null): boolean {
  if (isAiAgent(name, email)) return false;
  const local = email.replace(/@.*$/, '').replace(/^\d+\+/, '');
  if ([name, local].some((s) => BOT_NAMES.test(s) || (extra !== null && extra.test(s)))) return true;
  if (extra !== null && extra.test(email)) return true;
  const trimmed = name.trim();
  return BOT_SUFFIX.some((pattern) => pattern.test(trimmed)) || BOT_EMAIL.test(email.trim());
}
