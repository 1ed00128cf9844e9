import type { Pattern } from '../patterns.js';

/**
 * AI-assistance markers in commit messages (SPEC sections 1 and 5): a trailer that names an AI tool, or the
 * footer an AI tool writes itself ("🤖 Generated with [Claude Code]"). What is found is a lower bound: most
 * assisted work carries no marker at all, and nothing is guessed from prose.
 */

// tool names that are nobody's name
const TOOLS = String.raw`anthropic|copilot|codex|openai|chatgpt|gpt|gemini|aider|windsurf|codeium|tabnine|deepseek|qwen|amazon q|claude code|cursor agent|devin ai`;
// tool names that are also people's first names: a co-author "Claude Shannon" is a person
const NAMESAKES = String.raw`claude|cursor|devin|jules|cody`;
const ANY_TOOL = new RegExp(String.raw`\b(?:${TOOLS}|${NAMESAKES})\b`, 'i');
const UNAMBIGUOUS_TOOL = new RegExp(String.raw`\b(?:${TOOLS})\b`, 'i');
// a co-author that is the tool itself: "Claude", "Claude Opus 4.1", "Cursor Agent", "Devin AI",
// "AI (Pi/Claude Opus 4.7)"
const TOOL_AS_PERSON = new RegExp(String.raw`^(?:${NAMESAKES})$|\b(?:${NAMESAKES})\s+(?:ai|agent|code|assistant|opus|sonnet|haiku|\d[\w.]*)\b`, 'i');
// addresses AI agents commit and co-author with
const TOOL_EMAIL = /^(?:noreply@anthropic\.com|cursoragent@cursor\.com|[^@]*@aider\.chat|(?:\d+\+)?(?:claude|copilot|copilot-swe-agent|devin-ai-integration|chatgpt-codex-connector|google-labs-jules|cursor)(?:\[bot\])?@users\.noreply\.github\.com)$/i;

const TRAILER = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(\S.*?)[ \t]*$/gm;
// keys that name a person who wrote the change with the author
const PERSON_KEY = /^co-?(?:authored|developed)-by$/i;
// keys that say what produced or helped the change: Generated-by, Assisted-by, Claude-Generated-By, Made-with
// … and keys about the AI used: AI-Model, X-AI-Model, AI-Tool
const TOOL_KEY = /^(?:[a-z0-9]+-)*(?:generated|assisted|made|created|written|authored|coded)(?:-(?:by|with|using|in))?$|^(?:[a-z0-9]+-)*ai(?:-[a-z]+)*$/i;
const TOOL_FOOTER = new RegExp(String.raw`^\W*generated (?:with|by|using) \[?(?:${TOOLS}|${NAMESAKES}|ai)\b.*$`, 'gim');

const MAX_EVIDENCE_LENGTH = 120;
const NONE: never[] = [];
// what every built-in marker holds somewhere (a co-author is an AI by a tool's name in its name or address): a
// message without any has none, found in one scan rather than by matching every trailer, for most commits
const MAYBE_MARKED = new RegExp(String.raw`generated (?:with|by|using)|\b(?:${TOOLS}|${NAMESAKES})\b`, 'i');

/**
 * Every line of `message` that marks it AI-assisted, trimmed (at most 120 characters each), in message
 * order; empty when there is none. `extra` patterns (configuration) are matched line by line as given.
 */
export function findAiMarkers(message: string, extra: readonly Pattern[] = []): string[] {
  const found: Array<[number, string]> = [];
  if (MAYBE_MARKED.test(message)) {
    for (const match of message.matchAll(TRAILER)) {
      if (namesAiTool(match[1] ?? '', match[2] ?? '')) found.push([match.index, match[0]]);
    }
    for (const match of message.matchAll(TOOL_FOOTER)) found.push([match.index, match[0]]);
  }
  if (found.length === 0 && extra.length === 0) return NONE;
  // configured patterns run on the linear-time engine, which gives the matched text: placed where it first occurs
  for (const pattern of extra) for (const text of pattern.matches(message)) found.push([message.indexOf(text), text]);
  const evidence: string[] = [];
  for (const [, line] of found.sort((a, b) => a[0] - b[0])) {
    const trimmed = line.trim().slice(0, MAX_EVIDENCE_LENGTH);
    if (trimmed !== '' && !evidence.includes(trimmed)) evidence.push(trimmed);
  }
  return evidence;
}

/** Whether the trailer `key: value` names an AI tool as an author or as what made the change. */
export function namesAiTool(key: string, value: string): boolean {
  if (PERSON_KEY.test(key)) {
    const m = /^(.*?)\s*<([^>]*)>\s*$/.exec(value);
    const name = (m ? m[1] : value)?.trim() ?? '';
    const email = m?.[2]?.trim() ?? '';
    // a person co-authors with an email address; a web address in its place names a project or a tool
    const notAPerson = /^https?:\/\//i.test(email) && ANY_TOOL.test(name);
    return TOOL_EMAIL.test(email) || UNAMBIGUOUS_TOOL.test(name) || TOOL_AS_PERSON.test(name) || notAPerson;
  }
  return TOOL_KEY.test(key) && (ANY_TOOL.test(key) || ANY_TOOL.test(value));
}

/** Whether a commit author's email is an AI agent's address (the agent committed the work itself). */
export function isAiToolEmail(email: string): boolean {
  return TOOL_EMAIL.test(email.trim());
}
