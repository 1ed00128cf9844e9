/**
 * The AI tools the evidence catalogue (`catalogue.ts`) can name, by a stable id: what the report's `aiTools` and
 * `summary.ai.tools` hold, and the slices `ai:TOOL` will take. `words` are how a trailer's value or a co-author's
 * name names the tool when no signature of its own matched ("Generated-by: GitHub Copilot", "Assisted-by:
 * Claude Opus 4.7"), whole words, in the order of this table: a product before the model it runs ("GPT-5 Codex"
 * is Codex, "AI (Pi/Claude Opus 4.7)" is Pi), the model families last.
 */
export interface AiTool {
  /** as the report writes it */
  readonly name: string;
  /** the words that name it in free text (whole words, case-insensitive) */
  readonly words?: readonly string[];
}

export const AI_TOOLS = {
  aider: { name: 'aider', words: ['aider'] },
  openhands: { name: 'OpenHands', words: ['openhands', 'opendevin'] },
  amp: { name: 'Amp' },
  warp: { name: 'Warp (Oz)' },
  kiro: { name: 'Kiro', words: ['kiro'] },
  opencode: { name: 'opencode', words: ['opencode', 'oh-my-opencode'] },
  atomcode: { name: 'AtomCode', words: ['atomcode'] },
  codebuff: { name: 'Codebuff', words: ['codebuff'] },
  sisyphus: { name: 'Sisyphus (oh-my-opencode)', words: ['sisyphus'] },
  blink: { name: 'Blink' },
  factory: { name: 'Factory (Droid)' },
  codegen: { name: 'Codegen' },
  sweep: { name: 'Sweep' },
  mentat: { name: 'Mentat' },
  codeflash: { name: 'Codeflash' },
  continue: { name: 'Continue' },
  cline: { name: 'Cline' },
  cubic: { name: 'cubic' },
  greptile: { name: 'Greptile', words: ['greptile'] },
  ellipsis: { name: 'Ellipsis' },
  'amazon-q': { name: 'Amazon Q Developer', words: ['amazon q'] },
  coderabbit: { name: 'CodeRabbit', words: ['coderabbit'] },
  windsurf: { name: 'Windsurf', words: ['windsurf', 'codeium'] },
  pi: { name: 'Pi' },
  // Copilot runs OpenAI's codex models: `github-copilot-cli:gpt-5.2-codex` is Copilot
  copilot: { name: 'GitHub Copilot', words: ['copilot'] },
  codex: { name: 'OpenAI Codex', words: ['codex'] },
  cursor: { name: 'Cursor', words: ['cursor agent', 'cursor'] },
  devin: { name: 'Devin', words: ['devin ai', 'devin'] },
  jules: { name: 'Jules', words: ['jules'] },
  'claude-code': { name: 'Claude Code', words: ['claude code', 'claude', 'anthropic'] },
  gemini: { name: 'Gemini', words: ['gemini'] },
  openai: { name: 'OpenAI (ChatGPT, GPT models)', words: ['chatgpt', 'openai', 'gpt'] },
  tabnine: { name: 'Tabnine', words: ['tabnine'] },
  deepseek: { name: 'DeepSeek', words: ['deepseek'] },
  qwen: { name: 'Qwen', words: ['qwen'] },
  unknown: { name: 'an AI tool it does not name' },
  configured: { name: 'your configured markers' },
} as const satisfies Readonly<Record<string, AiTool>>;

export type AiToolId = keyof typeof AI_TOOLS;

/** Every tool id, in the table's order. */
export const AI_TOOL_IDS = Object.keys(AI_TOOLS) as AiToolId[];

const NAMING: ReadonlyArray<[AiToolId, RegExp]> = AI_TOOL_IDS.flatMap((id): Array<[AiToolId, RegExp]> => {
  const words = (AI_TOOLS[id] as AiTool).words;
  // a word after a hyphen names it too (`github-copilot-cli`), as one before a hyphen does (`gemini-cli`)
  return words === undefined ? [] : [[id, new RegExp(String.raw`(?:^|[^\w])(?:${words.map(escapeWord).join('|')})(?![\w])`, 'i')]];
});

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first tool of the table whose words `text` holds, else null. */
export function toolNamedIn(text: string): AiToolId | null {
  for (const [id, words] of NAMING) if (words.test(text)) return id;
  return null;
}

/** A tool's display name; an id the table does not hold (a report written by another version) as itself. */
export function toolName(id: string): string {
  return Object.hasOwn(AI_TOOLS, id) ? AI_TOOLS[id as AiToolId].name : id;
}
