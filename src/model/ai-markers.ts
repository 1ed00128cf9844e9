import { nativePattern, type Pattern } from '../patterns.js';

/**
 * AI-assistance markers in commit messages (SPEC section 5). What is found is a lower bound: most assisted
 * work carries no marker at all.
 */
const AI_NAMES = String.raw`claude|anthropic|copilot|cursor|codex|openai|chatgpt|devin|gemini|aider|windsurf|codeium|amazon q|tabnine`;

export const DEFAULT_AI_MARKERS: readonly Pattern[] = [
  new RegExp(String.raw`^co-authored-by:.*\b(${AI_NAMES})\b.*$`, 'im'),
  new RegExp(String.raw`^.*\bgenerated (with|by|using) \[?(${AI_NAMES}|ai\b).*$`, 'im'),
  /^made-with:\s*\S.*$/im,
  /^(assisted|generated)-by:\s*\S.*$/im,
].map(nativePattern);

const MAX_EVIDENCE_LENGTH = 120;

/** Every line of `message` that marks it AI-assisted, trimmed; empty when there is none. */
export function findAiMarkers(message: string, extra: readonly Pattern[] = []): string[] {
  const evidence: string[] = [];
  for (const pattern of [...DEFAULT_AI_MARKERS, ...extra]) {
    for (const match of pattern.matches(message)) {
      const line = match.trim().slice(0, MAX_EVIDENCE_LENGTH);
      if (line !== '' && !evidence.includes(line)) evidence.push(line);
    }
  }
  return evidence;
}
