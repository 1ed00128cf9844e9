import type { AiSignature, IdentityRule } from './signature.js';

/*
 * The AI evidence catalogue (SPEC section 5): every sign that a change involved an AI tool, one entry each, as the
 * field writes it. An entry is its `meta` — the tool, where it is read, the rule in users' words and real examples
 * (each the text as a public repository holds it: `test/model/ai/catalogue.test.ts` runs every one) — beside how
 * it matches. Its strength comes from its place (`PLACE_STRENGTH`): an agent's own identity as author is the
 * agent's work, a trailer, footer, label or description a person's change naming the tool, a branch name a hint.
 * docs/definitions.md's rules are made from this table (`test/model/ai/catalogue-docs.test.ts`); the config's
 * `ai.markers` and `ai.labels` join it as entries of the tool `configured` (`compile.ts`).
 *
 * To add a sign: its entry here, with the real text it was seen in. An identity names the agent by what only the
 * agent's own account holds (its address, its GitHub App or account), never by an address's domain: the tools'
 * own people commit from `@anthropic.com`, `@openai.com`, `@aider.chat` and `@all-hands.dev`.
 */

// the agents' own identities, shared by where they are read (a commit's author, a co-author, a pull request's author)
const CLAUDE: IdentityRule = { emails: ['noreply@anthropic.com', '242468646+claude@users.noreply.github.com'], apps: ['claude', 'anthropic-code-agent', 'claude-code-action'] };
// `github-copilot[bot]` co-authors what Copilot wrote in an editor or on github.com (electron's #51376)
const COPILOT: IdentityRule = { accounts: ['copilot'], apps: ['copilot-swe-agent', 'github-copilot'] };
const CODEX: IdentityRule = { emails: ['codex@openai.com', 'noreply@openai.com'], apps: ['chatgpt-codex-connector', 'openai-codex'] };
const CURSOR: IdentityRule = { emails: ['cursoragent@cursor.com'], apps: ['cursor-agent', 'cursoragent'] };
const DEVIN: IdentityRule = { apps: ['devin-ai-integration'] };
const JULES: IdentityRule = { apps: ['google-labs-jules'] };
const GEMINI: IdentityRule = { apps: ['gemini-code-assist', 'gemini-cli'] };
const AIDER: IdentityRule = { emails: ['aider@aider.chat', 'noreply@aider.chat', 'noreply@aider.dev'] };
// OpenHands' own lint-fix workflow (`.github/workflows/lint-fix.yml`) commits `npm run lint:fix` and pre-commit's
// output as `OpenHands Bot <openhands@all-hands.dev>`: a formatter, no agent (its 82 commits, every one `🤖 Auto-fix
// … linting issues`, made 5 of the repository's 2024-25 pull requests read as AI-assisted that no agent touched)
const OPENHANDS: IdentityRule = {
  emails: ['openhands@all-hands.dev', 'openhands-claude@all-hands.dev', 'opendevin@all-hands.dev', 'opendevin@opendevin.ai'],
  accounts: ['openhands-agent'],
  borrowedBy: /^openhands bot$/i,
};
const KIRO: IdentityRule = { accounts: ['kiro-agent'], apps: ['kiro-agent'] };
const OPENCODE: IdentityRule = { emails: ['noreply@opencode.ai'], apps: ['opencode-agent'] };
const FACTORY: IdentityRule = { emails: ['droid@factory.ai'], apps: ['factory-droid'] };
const CODEGEN: IdentityRule = { emails: ['team+codegenbot@codegen.sh'], apps: ['codegen-sh'] };
const SWEEP: IdentityRule = { apps: ['sweep-ai', 'sweep-nightly', 'sweep-canary'] };
const CODERABBIT: IdentityRule = { apps: ['coderabbitai'] };
const AMAZON_Q: IdentityRule = { apps: ['amazon-q-developer'] };
// Continue's agent commits as `Continue Agent` and opens pull requests as its apps (`continue[bot]`, its staging and
// development apps); the CLI co-authors as `Continue`
const CONTINUE: IdentityRule = { emails: ['noreply@continue.dev', 'agent@continue.dev'], apps: ['continue', 'continue-staging', 'continue-development-app'] };
// Vercel's AI SDK Factory: agents that reproduce an issue, write the failing tests and the fix, and address review
// comments; its commits are its `ai-sdk-factory` account's, its pull requests and squashes its app's
// (`ai-sdk-factory[bot]`). vercel/ai's 105 such pull requests of June–August 2026 were read as a bot's and left out
const AI_SDK_FACTORY: IdentityRule = { accounts: ['ai-sdk-factory'], apps: ['ai-sdk-factory'] };
// Vercel Labs' Open Agents: a background coding agent a team deploys from its template with its own GitHub App, which
// opens the pull request (its squash authored by the app) while the commits carry the person's name. Vercel's own
// deployment is `open-agents-bot`; a fork's app has the name its team gave it, for `ai.agents` in the config
const OPEN_AGENTS: IdentityRule = { apps: ['open-agents-bot'] };
// withastro/astro's Factory (`.github/factory.yml`): its triage agent (Claude) writes the fix for an issue and the
// pull request is opened for it. Its commits were `astrobot-houston <fred+astrobot@astro.build>` (203 of them,
// February–August 2026: every one a `fix(…)`), their pull requests opened by the Houston app, which also opens
// astro's release pull requests and so is no agent; then `factory[bot] <factory[bot]@users.noreply.github.com>`, the
// pull requests the `astro-factory` app's. 105 of astro's 481 changes of the three months to 2026-08-23 were its work:
// read as 94 people's and 11 bots', one of them AI-assisted
// a sentence's words around a tool or AI (named/assistance, named/ai-used): one source for a signature's line and hint
// a tool after `with the help of` or `via`, by a name no person or thing has (not Devin, Cursor or Jules)
const HELPED_BY = String.raw`(?:(?:with (?:the )?(?:help|assistance) (?:of|from)|via|(?:written|changed|generated|authored|produced|implemented|developed) by) (?:an? )?|with AI assistance \()`;
const PLAIN_TOOL = String.raw`(?:claude|copilot|chatgpt|codex|gemini|gpt-?\d|openai|anthropic|windsurf|aider)\b`;
const I_USED = String.raw`(?:I|we) (?:have )?used (?:an? )?`;
const AI_WORD = String.raw`(?:AI|LLMs?)`;
const WAS_USED_FOR = String.raw`(?:was|were|has been|have been) used (?:for|to|in) `;
// the code, not a template's "content of this PR", said written by AI (`the code in … was written by AI`)
const BY_AI = String.raw`\b(?:code|implementation|draft)\b[^\n]{0,60}?\b(?:was|were) (?:(?:partly|partially|initially|mostly|largely) )?(?:written|generated|produced|implemented) by (?:an? )?`;
const ASTRO_FACTORY: IdentityRule = { emails: ['fred+astrobot@astro.build', 'factory[bot]@users.noreply.github.com'], apps: ['astro-factory'] };
// Sentry's Junior: an agent its people ask from Slack, which commits as its `sentry-junior` app (the person who asked
// as co-author), opens the pull request and so authors its squash; each of its commits links its session (`View
// Session in Sentry`, a `gen_ai.conversation.id` trace). getsentry/sentry-python's #6390 (its first commit the agent's,
// then 39 by the person) and #6979 were read as a bot's and left out
const SENTRY_JUNIOR: IdentityRule = { apps: ['sentry-junior'] };
const CLINE: IdentityRule = { accounts: ['cline-agent'] };
const ELLIPSIS: IdentityRule = { apps: ['ellipsis-dev'] };

// a name that is a tool's, whole words: a tool's own word anywhere, or a name that is also a person's (Claude, Devin,
// Kiro) alone or followed by what only a tool is called (AI, Agent, Code, a model)
const TOOL_AS_NAME = new RegExp(
  String.raw`\b(?:copilot|codex|openai|chatgpt|gpt|gemini|aider|windsurf|codeium|tabnine|deepseek|qwen|amazon q|claude code|cursor agent|devin ai|openhands|opendevin|atomcode|codebuff|coderabbit|opencode)\b` +
    String.raw`|^(?:claude|cursor|devin|jules|cody|kiro)$|\b(?:claude|cursor|devin|jules|cody|kiro)\s+(?:ai|agent|code|assistant|opus|sonnet|haiku|fable|\d[\w.]*)\b`,
  'i',
);

// a branch prefix an agent names its branches with when it pushes under a person's account
const prefix = (word: string): RegExp => new RegExp(`^${word}/`, 'i');

export const AI_SIGNATURES = {
  // ---------------------------------------------------------------- Claude Code
  'claude-code/author': {
    meta: {
      tool: 'claude-code', place: 'author', rule: 'the author is Claude: `noreply@anthropic.com` (whatever the name), or the `claude`, `anthropic-code-agent` or `claude-code-action` app',
      examples: [{ text: 'Claude <noreply@anthropic.com>', seen: 'astral-sh/uv' }, { text: 'anthropic-code-agent[bot] <242468646+Claude@users.noreply.github.com>', seen: 'vitejs/vite' }],
    },
    identity: CLAUDE,
  },
  'claude-code/co-author': {
    meta: {
      tool: 'claude-code', place: 'co-author', rule: 'a co-author at `noreply@anthropic.com`, whatever the model in its name',
      examples: [{ text: 'Co-Authored-By: Claude <noreply@anthropic.com>', seen: 'astral-sh/uv' }, { text: 'Co-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>', seen: 'astral-sh/uv' }],
    },
    identity: CLAUDE,
  },
  'claude-code/model-co-author': {
    meta: {
      tool: 'claude-code', place: 'co-author', rule: 'a co-author named by a Claude model alone, its family and version as the whole name (`Sonnet 5`, `Opus 4.6 (1M context)`), at any address',
      why: 'a family\'s word before a person\'s name is the person\'s (`Haiku Tanaka`)',
      examples: [{ text: 'Co-authored-by: Sonnet 5 <claude-code@jamietanna.co.uk>', seen: 'renovatebot/renovate' }],
    },
    identity: { name: /^(?:opus|sonnet|haiku|fable)\s+\d[\w.]*(?:\s*\([^)]*\))?$/i },
    hint: String.raw`\b(?:opus|sonnet|haiku|fable)\s+\d`,
  },
  'claude-code/session': {
    meta: { tool: 'claude-code', place: 'trailer', rule: 'a `Claude-Session:` trailer (Claude Code on the web links its session)', examples: [{ text: 'Claude-Session: https://claude.ai/code/session_01Y1SqgPEDo1gytPt3KB7czh', seen: 'fastify/fastify' }] },
    trailer: { key: /^claude-session$/i },
    hint: 'claude-session',
  },
  'claude-code/footer': {
    meta: { tool: 'claude-code', place: 'footer', rule: 'the line Claude Code writes: `🤖 Generated with [Claude Code](…)`', examples: [{ text: '🤖 Generated with [Claude Code](https://claude.com/claude-code)', seen: 'google-gemini/gemini-cli' }] },
    line: /^\W*generated with \[?claude code\b.*$/gim,
    hint: 'generated with',
  },
  'claude-code/body': {
    meta: { tool: 'claude-code', place: 'body', rule: 'the same line in a pull request\'s description', examples: [{ text: '🤖 Generated with [Claude Code](https://claude.com/claude-code)', seen: 'Promptly-Technologies-LLC/fastapi-jinja2-postgres-webapp' }] },
    line: /^\W*generated with \[?claude code\b.*$/gim,
  },
  'claude-code/branch': {
    meta: { tool: 'claude-code', place: 'branch', rule: 'a branch `claude/…` (Claude Code on the web names its branches so)', examples: [{ text: 'claude/fix-vite-port-binding-issue', seen: 'vitejs/vite' }] },
    name: prefix('claude'),
  },
  'claude-code/pull-author': {
    meta: { tool: 'claude-code', place: 'pull-author', rule: 'a pull request opened by Claude (the `Claude` agent account, the `claude` or `anthropic-code-agent` app)', examples: [{ text: 'Claude (Bot)', seen: 'vitejs/vite (a squash of its pull request, authored Claude <242468646+Claude@users.noreply.github.com>)' }] },
    identity: CLAUDE,
  },

  // ---------------------------------------------------------------- GitHub Copilot
  'copilot/author': {
    meta: {
      tool: 'copilot', place: 'author', rule: 'the author is Copilot\'s coding agent: `copilot-swe-agent[bot]`, or the `Copilot` account\'s address',
      examples: [{ text: 'copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>', seen: 'dotnet/aspire' }, { text: 'Copilot <198982749+Copilot@users.noreply.github.com>', seen: 'dotnet/aspire' }],
    },
    identity: COPILOT,
  },
  'copilot/co-author': {
    meta: { tool: 'copilot', place: 'co-author', rule: 'a co-author at the `Copilot` account\'s address, or the `github-copilot[bot]` app\'s', examples: [{ text: 'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>', seen: 'vitejs/vite' }, { text: 'Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>', seen: 'dotnet/aspire' }, { text: 'Co-authored-by: GitHub Copilot <github-copilot[bot]@users.noreply.github.com>', seen: 'electron/electron' }] },
    identity: COPILOT,
  },
  'copilot/autofix': {
    meta: {
      tool: 'copilot', place: 'co-author', rule: 'a co-author `Copilot Autofix powered by AI` (a code-scanning fix the person committed)',
      examples: [{ text: 'Co-authored-by: Copilot Autofix powered by AI <62310815+github-advanced-security[bot]@users.noreply.github.com>', seen: 'All-Hands-AI/OpenHands' }],
    },
    identity: { name: /^copilot autofix\b/i },
    hint: 'copilot autofix',
  },
  'copilot/session': {
    meta: { tool: 'copilot', place: 'trailer', rule: 'an `Agent-Logs-Url:` trailer linking a GitHub agent session (Copilot\'s coding agent writes it)', examples: [{ text: 'Agent-Logs-Url: https://github.com/microsoft/aspire/sessions/30f81659-a662-4530-818e-f348bf91913c', seen: 'dotnet/aspire' }] },
    trailer: { key: /^agent-logs-url$/i, value: /github\.com\/[^/\s]+\/[^/\s]+\/sessions\//i },
    hint: 'agent-logs-url',
  },
  'copilot/cli-session': {
    meta: {
      tool: 'copilot', place: 'trailer', rule: 'a `Copilot-Session:` trailer naming a session by its id (Copilot CLI writes it, with no co-author line)',
      examples: [{ text: 'Copilot-Session: ae43a79c-c4f8-4b11-935b-ef7835f2e6fc', seen: 'microsoft/playwright' }],
    },
    trailer: { key: /^copilot-session$/i, value: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i },
    hint: 'copilot-session',
  },
  'copilot/branch': {
    meta: { tool: 'copilot', place: 'branch', rule: 'a branch `copilot/…`', examples: [{ text: 'copilot/add-aspire-cache-support', seen: 'dotnet/aspire' }] },
    name: prefix('copilot'),
  },
  'copilot/pull-author': {
    meta: { tool: 'copilot', place: 'pull-author', rule: 'a pull request opened by `Copilot` (the coding agent)', examples: [{ text: 'Copilot (Bot)', seen: 'dotnet/aspire (squashes of its pull requests, authored Copilot <198982749+Copilot@users.noreply.github.com>)' }] },
    identity: COPILOT,
  },

  // ---------------------------------------------------------------- OpenAI Codex
  'codex/author': {
    meta: { tool: 'codex', place: 'author', rule: 'the author is Codex: `codex@openai.com` or `noreply@openai.com` whatever the name, or the `chatgpt-codex-connector` app', examples: [{ text: 'Codex <codex@openai.com>', seen: 'fastapi/fastapi' }] },
    identity: CODEX,
  },
  'codex/co-author': {
    meta: {
      tool: 'codex', place: 'co-author', rule: 'a co-author (or a sign-off) at `codex@openai.com` or `noreply@openai.com`, whatever its name',
      examples: [{ text: 'Co-authored-by: Codex <noreply@openai.com>', seen: 'astral-sh/uv' }, { text: 'Co-authored-by: GPT-5 Codex <codex@openai.com>', seen: 'vitejs/vite' }, { text: 'Signed-off-by: Codex <codex@openai.com>', seen: 'google-gemini/gemini-cli' }],
    },
    identity: CODEX,
  },
  'codex/task': {
    meta: { tool: 'codex', place: 'footer', rule: 'a link to a Codex task (`https://chatgpt.com/codex/tasks/…`), which Codex puts in the pull requests it writes', examples: [{ text: 'https://chatgpt.com/codex/tasks/task_e_687a53ba646c8331baa4140c5b2bec70', seen: 'astral-sh/uv' }] },
    line: /^.*\bchatgpt\.com\/codex\/tasks\/\S+.*$/gim,
    hint: 'chatgpt\\.com/codex/tasks/',
  },
  'codex/body': {
    meta: { tool: 'codex', place: 'body', rule: 'the same link in a pull request\'s description', examples: [{ text: 'https://chatgpt.com/codex/tasks/task_e_687a532188d08331b4352ba0a78f8fdb', seen: 'astral-sh/uv' }] },
    line: /^.*\bchatgpt\.com\/codex\/tasks\/\S+.*$/gim,
  },
  'codex/branch': {
    meta: { tool: 'codex', place: 'branch', rule: 'a branch `codex/…` (Codex pushes under the person\'s account, so its branch is often its only trace)', examples: [{ text: 'codex/readme-refresh', seen: 'drawmeanelephant/boris' }, { text: 'codex/incremental-graph-hashing', seen: 'withastro/astro' }] },
    name: prefix('codex'),
  },
  'codex/label': {
    meta: { tool: 'codex', place: 'label', rule: 'the label `codex`, which Codex puts on the pull requests it opens', examples: [{ text: 'codex', seen: 'astral-sh/uv' }] },
    name: /^codex$/i,
  },

  // ---------------------------------------------------------------- Cursor
  'cursor/author': {
    meta: { tool: 'cursor', place: 'author', rule: 'the author is Cursor\'s agent: `cursoragent@cursor.com`', examples: [{ text: 'Cursor Agent <cursoragent@cursor.com>', seen: 'All-Hands-AI/OpenHands' }] },
    identity: CURSOR,
  },
  'cursor/co-author': {
    meta: { tool: 'cursor', place: 'co-author', rule: 'a co-author at `cursoragent@cursor.com`', examples: [{ text: 'Co-authored-by: Cursor <cursoragent@cursor.com>', seen: 'fastapi/fastapi' }] },
    identity: CURSOR,
  },
  'cursor/made-with': {
    meta: { tool: 'cursor', place: 'trailer', rule: 'a `Made-with: Cursor` trailer', examples: [{ text: 'Made-with: Cursor', seen: 'fastapi/fastapi' }] },
    trailer: { key: /^made-with$/i, value: /^cursor\b/i },
    hint: 'made-with',
  },
  'cursor/footer': {
    meta: { tool: 'cursor', place: 'footer', rule: 'the line Cursor\'s agent writes: `Made with [Cursor](https://cursor.com)`', examples: [{ text: 'Made with [Cursor](https://cursor.com)', seen: 'Promptly-Technologies-LLC/fastapi-jinja2-postgres-webapp' }] },
    line: /^\W*made with \[cursor\].*$/gim,
    hint: 'made with \\[cursor\\]',
  },
  'cursor/body': {
    meta: { tool: 'cursor', place: 'body', rule: 'the same line in a pull request\'s description', examples: [{ text: 'Made with [Cursor](https://cursor.com)', seen: 'Promptly-Technologies-LLC/fastapi-jinja2-postgres-webapp' }] },
    line: /^\W*made with \[cursor\].*$/gim,
  },
  'cursor/branch': {
    meta: { tool: 'cursor', place: 'branch', rule: 'a branch `cursor/…` (Cursor\'s background agents)', examples: [{ text: 'cursor/add-emoji-to-readme-file-805c', seen: 'codegen-sh/codegen' }] },
    name: prefix('cursor'),
  },

  // ---------------------------------------------------------------- Devin
  'devin/author': {
    meta: { tool: 'devin', place: 'author', rule: 'the author is the `devin-ai-integration` app', examples: [{ text: 'Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com>', seen: 'codegen-sh/codegen' }] },
    identity: DEVIN,
  },
  'devin/co-author': {
    meta: { tool: 'devin', place: 'co-author', rule: 'a co-author at the `devin-ai-integration` app\'s address', examples: [{ text: 'Co-Authored-By: Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com>', seen: 'fastify/fastify' }] },
    identity: DEVIN,
  },
  'devin/branch': {
    meta: { tool: 'devin', place: 'branch', rule: 'a branch `devin/…`', examples: [{ text: 'devin/1738948675-add-symbol-last-editor', seen: 'codegen-sh/codegen' }] },
    name: prefix('devin'),
  },
  'devin/pull-author': {
    meta: { tool: 'devin', place: 'pull-author', rule: 'a pull request opened by the `devin-ai-integration` app', examples: [{ text: 'devin-ai-integration (Bot)', seen: 'public code: a list of the accounts agents open pull requests with, each checked against a real one' }] },
    identity: DEVIN,
  },

  // ---------------------------------------------------------------- Jules
  'jules/author': {
    meta: { tool: 'jules', place: 'author', rule: 'the author is the `google-labs-jules` app', examples: [{ text: 'google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>', seen: 'google-gemini/gemini-cli' }] },
    identity: JULES,
  },
  'jules/co-author': {
    meta: { tool: 'jules', place: 'co-author', rule: 'a co-author at the `google-labs-jules` app\'s address', examples: [{ text: 'Co-authored-by: google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>', seen: 'google-gemini/gemini-cli' }] },
    identity: JULES,
  },
  'jules/pull-author': {
    meta: { tool: 'jules', place: 'pull-author', rule: 'a pull request opened by the `google-labs-jules` app', examples: [{ text: 'google-labs-jules (Bot)', seen: 'public code: a list of the accounts agents open pull requests with, each checked against a real one' }] },
    identity: JULES,
  },

  // ---------------------------------------------------------------- Gemini
  'gemini/author': {
    meta: { tool: 'gemini', place: 'author', rule: 'the author is the `gemini-cli` app (Gemini CLI\'s GitHub agent)', examples: [{ text: 'gemini-cli[bot] <218312386+gemini-cli[bot]@users.noreply.github.com>', seen: 'google-gemini/gemini-cli' }] },
    identity: GEMINI,
  },
  'gemini/pull-author': {
    meta: { tool: 'gemini', place: 'pull-author', rule: 'a pull request opened by the `gemini-cli` app', examples: [{ text: 'gemini-cli (Bot)', seen: 'google-gemini/gemini-cli (squashes of its pull requests, authored gemini-cli[bot])' }] },
    identity: GEMINI,
  },
  'gemini/co-author': {
    meta: {
      tool: 'gemini', place: 'co-author', rule: 'a co-author at the `gemini-code-assist` or `gemini-cli` app\'s address', why: 'GitHub adds the reviewer as a co-author when a person commits its suggestion: the code is the AI\'s',
      examples: [{ text: 'Co-authored-by: gemini-code-assist[bot] <176961590+gemini-code-assist[bot]@users.noreply.github.com>', seen: 'google-gemini/gemini-cli' }],
    },
    identity: GEMINI,
  },

  // ---------------------------------------------------------------- CodeRabbit
  'coderabbit/author': {
    meta: { tool: 'coderabbit', place: 'author', rule: 'the author is the `coderabbitai` app (its generated tests and docstrings)', examples: [{ text: 'coderabbitai[bot] <136622811+coderabbitai[bot]@users.noreply.github.com>', seen: 'google-gemini/gemini-cli' }] },
    identity: CODERABBIT,
  },
  'coderabbit/co-author': {
    meta: {
      tool: 'coderabbit', place: 'co-author', rule: 'a co-author at the `coderabbitai` app\'s address', why: 'it co-authors a commit of its suggestion or of the tests it generated: code it wrote, as `gemini-code-assist`\'s',
      examples: [{ text: 'Co-authored-by: coderabbitai[bot] <136622811+coderabbitai[bot]@users.noreply.github.com>', seen: 'google-gemini/gemini-cli' }],
    },
    identity: CODERABBIT,
  },
  'coderabbit/branch': {
    meta: { tool: 'coderabbit', place: 'branch', rule: 'a branch `coderabbitai/…` (its generated tests and docstrings)', examples: [{ text: 'coderabbitai/utg/0fd602e', seen: 'google-gemini/gemini-cli' }] },
    name: prefix('coderabbitai'),
  },
  'coderabbit/pull-author': {
    meta: { tool: 'coderabbit', place: 'pull-author', rule: 'a pull request opened by the `coderabbitai` app (generated tests)', examples: [{ text: 'coderabbitai (Bot)', seen: 'google-gemini/gemini-cli (its generated tests: `Merge pull request #12 from osbornesec/coderabbitai/utg/0fd602e`)' }] },
    identity: CODERABBIT,
  },

  // ---------------------------------------------------------------- aider
  'aider/author': {
    meta: {
      tool: 'aider', place: 'author', rule: 'an author named `Name (aider)` (aider\'s own commits) or at aider\'s address', why: 'aider commits the person\'s own unsaved edits first with only the committer renamed, so the committer is not read',
      examples: [{ text: 'Paul Gauthier (aider) <paul@aider.chat>', seen: 'Aider-AI/aider' }],
    },
    identity: { ...AIDER, name: /\(aider\)$/i },
  },
  'aider/co-author': {
    meta: { tool: 'aider', place: 'co-author', rule: 'a co-author at `aider@aider.chat` (or `noreply@aider.chat`, `noreply@aider.dev`)', examples: [{ text: 'Co-authored-by: aider (gemini/gemini-3-pro-preview) <aider@aider.chat>', seen: 'Aider-AI/aider' }] },
    identity: AIDER,
  },

  // ---------------------------------------------------------------- OpenHands
  'openhands/author': {
    meta: {
      tool: 'openhands', place: 'author', rule: 'the author is OpenHands: `openhands@all-hands.dev` (or its older `opendevin@` addresses), whatever the name but `OpenHands Bot`',
      why: '`OpenHands Bot` at that address is the repository\'s lint-fix workflow committing a formatter\'s output, as author and as the co-author GitHub writes for it',
      examples: [{ text: 'openhands <openhands@all-hands.dev>', seen: 'All-Hands-AI/OpenHands' }, { text: 'OpenHands <opendevin@all-hands.dev>', seen: 'All-Hands-AI/OpenHands' }],
    },
    identity: OPENHANDS,
  },
  'openhands/co-author': {
    meta: { tool: 'openhands', place: 'co-author', rule: 'a co-author at `openhands@all-hands.dev`, whatever the name but `OpenHands Bot` (its lint-fix workflow, as above)', examples: [{ text: 'Co-authored-by: openhands <openhands@all-hands.dev>', seen: 'All-Hands-AI/OpenHands' }, { text: 'Co-authored-by: OpenHands-GPT-5 openhands@all-hands.dev', seen: 'All-Hands-AI/OpenHands' }] },
    identity: OPENHANDS,
  },
  'openhands/pull-author': {
    meta: { tool: 'openhands', place: 'pull-author', rule: 'a pull request opened by the `openhands-agent` account (OpenHands\' resolver)', examples: [{ text: 'openhands-agent', seen: 'All-Hands-AI/OpenHands (squashes of its pull requests, authored OpenHands <opendevin@all-hands.dev>)' }] },
    identity: OPENHANDS,
  },
  'openhands/branch': {
    meta: { tool: 'openhands', place: 'branch', rule: 'a branch `openhands-fix-issue-N` (OpenHands\' resolver) or `openhands/…`', examples: [{ text: 'openhands-fix-issue-10786', seen: 'All-Hands-AI/OpenHands' }] },
    name: /^openhands(?:\/|-fix-issue-)/i,
  },

  // ---------------------------------------------------------------- the others, as the field shows them
  'amp/co-author': {
    meta: { tool: 'amp', place: 'co-author', rule: 'a co-author at `amp@ampcode.com`', examples: [{ text: 'Co-authored-by: Amp <amp@ampcode.com>', seen: 'tokio-rs/axum' }] },
    identity: { emails: ['amp@ampcode.com'] },
  },
  'amp/thread': {
    meta: { tool: 'amp', place: 'trailer', rule: 'an `Amp-Thread-ID:` (or `Amp-Thread:`) trailer, on its own too', examples: [{ text: 'Amp-Thread-ID: https://ampcode.com/threads/T-019e3056-66b5-701d-806d-eab1e8fa6328', seen: 'tokio-rs/axum' }] },
    trailer: { key: /^amp-thread(?:-id)?$/i },
    hint: 'amp-thread',
  },
  'warp/co-author': {
    meta: { tool: 'warp', place: 'co-author', rule: 'a co-author at `oz-agent@warp.dev` (Warp\'s agent, Oz)', examples: [{ text: 'Co-Authored-By: Oz <oz-agent@warp.dev>', seen: 'vitejs/vite' }] },
    identity: { emails: ['oz-agent@warp.dev'] },
  },
  'kiro/author': {
    meta: { tool: 'kiro', place: 'author', rule: 'the author is the `kiro-agent` account', examples: [{ text: 'Kiro Agent <244629292+kiro-agent@users.noreply.github.com>', seen: 'google-gemini/gemini-cli' }] },
    identity: KIRO,
  },
  'kiro/pull-author': {
    meta: { tool: 'kiro', place: 'pull-author', rule: 'a pull request opened by `kiro-agent`', examples: [{ text: 'kiro-agent (Bot)', seen: 'public code: a list of the accounts agents open pull requests with, each checked against a real one' }] },
    identity: KIRO,
  },
  'windsurf/author': {
    meta: { tool: 'windsurf', place: 'author', rule: 'the author is Windsurf\'s agent: `cascade@windsurf.ai`', examples: [{ text: 'Cascade <cascade@windsurf.ai>', seen: 'google-gemini/gemini-cli' }] },
    identity: { emails: ['cascade@windsurf.ai'] },
  },
  'opencode/co-author': {
    meta: { tool: 'opencode', place: 'co-author', rule: 'a co-author at `noreply@opencode.ai` or the `opencode-agent` app', examples: [{ text: 'Co-Authored-By: opencode <noreply@opencode.ai>', seen: 'public code: a commit guide telling opencode to leave it out' }] },
    identity: OPENCODE,
  },
  'opencode/author': {
    meta: { tool: 'opencode', place: 'author', rule: 'the author is the `opencode-agent` app', examples: [{ text: 'opencode-agent[bot] <opencode-agent[bot]@users.noreply.github.com>', seen: 'public code: a commit guide naming opencode\'s GitHub App' }] },
    identity: OPENCODE,
  },
  'opencode/pull-author': {
    meta: { tool: 'opencode', place: 'pull-author', rule: 'a pull request opened by the `opencode-agent` app', examples: [{ text: 'opencode-agent (Bot)', seen: 'anomalyco/opencode (its pull requests #43541 and on)' }] },
    identity: OPENCODE,
  },
  'sisyphus/co-author': {
    meta: { tool: 'sisyphus', place: 'co-author', rule: 'a co-author at `clio-agent@sisyphuslabs.ai` (Sisyphus, oh-my-opencode\'s agent)', examples: [{ text: 'Co-authored-by: Sisyphus <clio-agent@sisyphuslabs.ai>', seen: 'google-gemini/gemini-cli' }] },
    identity: { emails: ['clio-agent@sisyphuslabs.ai'] },
  },
  'sisyphus/footer': {
    meta: { tool: 'sisyphus', place: 'footer', rule: 'the line Sisyphus writes: `Ultraworked with [Sisyphus](…)`', examples: [{ text: 'Ultraworked with [Sisyphus](https://github.com/code-yeongyu/oh-my-openagent)', seen: 'google-gemini/gemini-cli' }] },
    line: /^\W*ultraworked with \[sisyphus\].*$/gim,
    hint: 'ultraworked with',
  },
  'atomcode/co-author': {
    meta: { tool: 'atomcode', place: 'co-author', rule: 'a co-author named `AtomCode` (its address, `noreply@atomgit.com`, is the host\'s, not the agent\'s own)', examples: [{ text: 'Co-Authored-By: AtomCode <noreply@atomgit.com>', seen: 'public code: a project\'s commit rules for AtomCode' }] },
    identity: { name: /^atomcode$/i },
    hint: 'atomcode',
  },
  'codebuff/co-author': {
    meta: { tool: 'codebuff', place: 'co-author', rule: 'a co-author at `noreply@codebuff.com`', examples: [{ text: 'Co-Authored-By: Codebuff <noreply@codebuff.com>', seen: 'drawmeanelephant/boris' }] },
    identity: { emails: ['noreply@codebuff.com'] },
  },
  'factory/co-author': {
    meta: { tool: 'factory', place: 'co-author', rule: 'a co-author at the `factory-droid` app\'s address (Factory\'s Droid)', examples: [{ text: 'Co-authored-by: factory-droid[bot] <138933559+factory-droid[bot]@users.noreply.github.com>', seen: 'google-gemini/gemini-cli' }] },
    identity: FACTORY,
  },
  'factory/author': {
    meta: { tool: 'factory', place: 'author', rule: 'the author is the `factory-droid` app', examples: [{ text: 'factory-droid[bot] <138933559+factory-droid[bot]@users.noreply.github.com>', seen: 'google-gemini/gemini-cli (as a co-author)' }] },
    identity: FACTORY,
  },
  'factory/pull-author': {
    meta: { tool: 'factory', place: 'pull-author', rule: 'a pull request opened by the `factory-droid` app', examples: [{ text: 'factory-droid (Bot)', seen: 'public code: a list of the accounts agents open pull requests with, each checked against a real one' }] },
    identity: FACTORY,
  },
  'codegen/author': {
    meta: { tool: 'codegen', place: 'author', rule: 'the author is Codegen\'s agent: the `codegen-sh` app or `team+codegenbot@codegen.sh`', examples: [{ text: 'codegen-sh[bot] <131295404+codegen-sh[bot]@users.noreply.github.com>', seen: 'codegen-sh/codegen' }, { text: 'codegen-bot <team+codegenbot@codegen.sh>', seen: 'codegen-sh/codegen' }] },
    identity: CODEGEN,
  },
  'codegen/co-author': {
    meta: { tool: 'codegen', place: 'co-author', rule: 'a co-author that is Codegen\'s agent', examples: [{ text: 'Co-authored-by: codegen-bot <team+codegenbot@codegen.sh>', seen: 'codegen-sh/codegen' }] },
    identity: CODEGEN,
  },
  'codegen/branch': {
    meta: { tool: 'codegen', place: 'branch', rule: 'a branch `codegen-bot/…`', examples: [{ text: 'codegen-bot/1f3b3554', seen: 'codegen-sh/codegen' }] },
    name: prefix('codegen-bot'),
  },
  'codegen/pull-author': {
    meta: { tool: 'codegen', place: 'pull-author', rule: 'a pull request opened by the `codegen-sh` app', examples: [{ text: 'codegen-sh (Bot)', seen: 'codegen-sh/codegen (squashes of its pull requests, authored codegen-sh[bot])' }] },
    identity: CODEGEN,
  },
  'sweep/author': {
    meta: { tool: 'sweep', place: 'author', rule: 'the author is a Sweep app (`sweep-ai`, `sweep-nightly`, `sweep-canary`)', examples: [{ text: 'sweep-ai[bot] <128439645+sweep-ai[bot]@users.noreply.github.com>', seen: 'sweepai/sweep' }] },
    identity: SWEEP,
  },
  'sweep/co-author': {
    meta: { tool: 'sweep', place: 'co-author', rule: 'a co-author that is a Sweep app', examples: [{ text: 'Co-authored-by: sweep-nightly[bot] <131841235+sweep-nightly[bot]@users.noreply.github.com>', seen: 'sweepai/sweep' }] },
    identity: SWEEP,
  },
  'sweep/branch': {
    meta: { tool: 'sweep', place: 'branch', rule: 'a branch `sweep/…`', examples: [{ text: 'sweep/fix-import-error', seen: 'sweepai/sweep' }] },
    name: prefix('sweep'),
  },
  'sweep/pull-author': {
    meta: { tool: 'sweep', place: 'pull-author', rule: 'a pull request opened by a Sweep app', examples: [{ text: 'sweep-nightly (Bot)', seen: 'sweepai/sweep (squashes of its pull requests, authored sweep-nightly[bot])' }] },
    identity: SWEEP,
  },
  'amazon-q/author': {
    meta: { tool: 'amazon-q', place: 'author', rule: 'the author is Amazon Q Developer\'s agent, the `amazon-q-developer` app', examples: [{ text: 'amazon-q-developer[bot] <208079219+amazon-q-developer[bot]@users.noreply.github.com>', seen: 'public code: an agent pull request\'s audit naming its head commit\'s author' }] },
    identity: AMAZON_Q,
  },
  'amazon-q/pull-author': {
    meta: { tool: 'amazon-q', place: 'pull-author', rule: 'a pull request opened by the `amazon-q-developer` app', examples: [{ text: 'amazon-q-developer (Bot)', seen: 'public code: a list of the accounts agents open pull requests with, each checked against a real one' }] },
    identity: AMAZON_Q,
  },
  'mentat/author': {
    meta: { tool: 'mentat', place: 'author', rule: 'the author is Mentat\'s agent, the `MentatBot` account', examples: [{ text: 'MentatBot <160964065+MentatBot@users.noreply.github.com>', seen: 'All-Hands-AI/OpenHands' }] },
    identity: { accounts: ['mentatbot'], apps: ['mentatbot'] },
  },
  'codeflash/author': {
    meta: { tool: 'codeflash', place: 'author', rule: 'the author is the `codeflash-ai` app (its optimisations)', examples: [{ text: 'codeflash-ai[bot] <148906541+codeflash-ai[bot]@users.noreply.github.com>', seen: 'All-Hands-AI/OpenHands' }] },
    identity: { apps: ['codeflash-ai'] },
  },
  'ai-sdk-factory/author': {
    meta: {
      tool: 'ai-sdk-factory', place: 'author', rule: 'the author is Vercel\'s AI SDK Factory: its `ai-sdk-factory` account or app',
      examples: [{ text: 'ai-sdk-factory[bot] <305873210+ai-sdk-factory[bot]@users.noreply.github.com>', seen: 'vercel/ai (squashes of its pull requests)' }, { text: 'ai-sdk-factory <308175966+ai-sdk-factory@users.noreply.github.com>', seen: 'vercel/ai (its commits: `reproduction (reproduced)`, `failing tests`, `fix #19156`)' }],
    },
    identity: AI_SDK_FACTORY,
  },
  'ai-sdk-factory/co-author': {
    meta: { tool: 'ai-sdk-factory', place: 'co-author', rule: 'a co-author at the `ai-sdk-factory` account\'s or app\'s address', examples: [{ text: 'Co-authored-by: ai-sdk-factory <308175966+ai-sdk-factory@users.noreply.github.com>', seen: 'vercel/ai' }] },
    identity: AI_SDK_FACTORY,
  },
  'ai-sdk-factory/pull-author': {
    meta: { tool: 'ai-sdk-factory', place: 'pull-author', rule: 'a pull request opened by the `ai-sdk-factory` app', examples: [{ text: 'ai-sdk-factory (Bot)', seen: 'vercel/ai (squashes of its pull requests, authored ai-sdk-factory[bot])' }] },
    identity: AI_SDK_FACTORY,
  },
  'astro-factory/author': {
    meta: {
      tool: 'astro-factory', place: 'author', rule: 'the author is withastro/astro\'s Factory agent: its `astro-factory` app, or the address its commits carry',
      examples: [
        { text: 'factory[bot] <factory[bot]@users.noreply.github.com>', seen: 'withastro/astro (its commits: `fix(content): handle colons in filenames in glob loader URL construction`)' },
        { text: 'astrobot-houston <fred+astrobot@astro.build>', seen: 'withastro/astro (its commits until August 2026, each a `fix(…)` of an issue)' },
        { text: 'astro-factory[bot] <316791938+astro-factory[bot]@users.noreply.github.com>', seen: 'withastro/astro (squashes of its pull requests)' },
      ],
    },
    identity: ASTRO_FACTORY,
  },
  'astro-factory/co-author': {
    meta: { tool: 'astro-factory', place: 'co-author', rule: 'a co-author at the address of withastro/astro\'s Factory agent', examples: [{ text: 'Co-authored-by: factory[bot] <factory[bot]@users.noreply.github.com>', seen: 'withastro/astro (#17789\'s squash)' }] },
    identity: ASTRO_FACTORY,
  },
  'astro-factory/pull-author': {
    meta: { tool: 'astro-factory', place: 'pull-author', rule: 'a pull request opened by the `astro-factory` app', examples: [{ text: 'astro-factory (Bot)', seen: 'withastro/astro (squashes of its pull requests, authored astro-factory[bot])' }] },
    identity: ASTRO_FACTORY,
  },
  'open-agents/author': {
    meta: { tool: 'open-agents', place: 'author', rule: 'the author is the `open-agents-bot` app (Vercel\'s own deployment of Open Agents)', examples: [{ text: 'open-agents-bot[bot] <260704009+open-agents-bot[bot]@users.noreply.github.com>', seen: 'vercel/ai (squashes of its pull requests)' }] },
    identity: OPEN_AGENTS,
  },
  'open-agents/pull-author': {
    meta: { tool: 'open-agents', place: 'pull-author', rule: 'a pull request opened by the `open-agents-bot` app', examples: [{ text: 'open-agents-bot (Bot)', seen: 'vercel/ai (squashes of its pull requests, authored open-agents-bot[bot])' }] },
    identity: OPEN_AGENTS,
  },
  'sentry-junior/author': {
    meta: {
      tool: 'sentry-junior', place: 'author', rule: 'the author is the `sentry-junior` app (Sentry\'s Junior agent)',
      examples: [{ text: 'sentry-junior[bot] <264270552+sentry-junior[bot]@users.noreply.github.com>', seen: 'getsentry/sentry-python (its commits and the squashes of its pull requests: `ci(tox): migrate from pip to uv via tox-uv (#6390)`)' }],
    },
    identity: SENTRY_JUNIOR,
  },
  'sentry-junior/co-author': {
    meta: { tool: 'sentry-junior', place: 'co-author', rule: 'a co-author at the `sentry-junior` app\'s address', examples: [{ text: 'Co-authored-by: sentry-junior[bot] <264270552+sentry-junior[bot]@users.noreply.github.com>', seen: 'getsentry/sentry-python (#6979\'s squash)' }] },
    identity: SENTRY_JUNIOR,
  },
  'sentry-junior/pull-author': {
    meta: { tool: 'sentry-junior', place: 'pull-author', rule: 'a pull request opened by the `sentry-junior` app', examples: [{ text: 'sentry-junior (Bot)', seen: 'getsentry/sentry-python (squashes of its pull requests, authored sentry-junior[bot])' }] },
    identity: SENTRY_JUNIOR,
  },
  'blink/author': {
    meta: { tool: 'blink', place: 'author', rule: 'the author is the `blink-so` app (Coder\'s Blink agent)', examples: [{ text: 'blink-so[bot] <211532188+blink-so[bot]@users.noreply.github.com>', seen: 'google-gemini/gemini-cli' }] },
    identity: { apps: ['blink-so'] },
  },
  'pi/co-author': {
    meta: { tool: 'pi', place: 'co-author', rule: 'a co-author at `noreply@pi.dev` (the Pi coding agent, whatever model it names)', examples: [{ text: 'Co-authored-by: AI (Pi/GPT-5.5) <noreply@pi.dev>', seen: 'rails/rails' }] },
    identity: { emails: ['noreply@pi.dev'] },
  },

  'continue/author': {
    meta: {
      tool: 'continue', place: 'author', rule: 'the author is Continue\'s agent: `agent@continue.dev` or `noreply@continue.dev`, or the `continue` app (or its `continue-staging`, `continue-development-app`)',
      examples: [{ text: 'Continue Agent <agent@continue.dev>', seen: 'continuedev/continue' }, { text: 'continue[bot] <230936708+continue[bot]@users.noreply.github.com>', seen: 'continuedev/continue' }],
    },
    identity: CONTINUE,
  },
  'continue/co-author': {
    meta: { tool: 'continue', place: 'co-author', rule: 'a co-author that is Continue (`noreply@continue.dev`, `agent@continue.dev`, its apps)', examples: [{ text: 'Co-Authored-By: Continue <noreply@continue.dev>', seen: 'continuedev/continue' }, { text: 'Co-authored-by: continue[bot] <230936708+continue[bot]@users.noreply.github.com>', seen: 'continuedev/continue' }] },
    identity: CONTINUE,
  },
  'continue/footer': {
    meta: {
      tool: 'continue', place: 'footer', rule: 'the line Continue writes: `Generated with [Continue](…)` (or `Generated with Continue`, its CLI\'s `Commit generated with [cn](https://docs.continue.dev/…)`)',
      examples: [{ text: 'Generated with [Continue](https://continue.dev)', seen: 'continuedev/continue' }, { text: 'Generated with Continue (https://continue.dev)', seen: 'continuedev/continue' }, { text: 'Commit generated with [cn](https://docs.continue.dev/guides/cli)', seen: 'continuedev/continue' }],
    },
    // the word alone is an everyday one: only the line's start names the tool
    line: /^\W*(?:generated with \[?continue\b|commit generated with \[cn\]\(https:\/\/docs\.continue\.dev\b).*$/gim,
    hint: 'generated with',
  },
  'continue/pull-author': {
    meta: { tool: 'continue', place: 'pull-author', rule: 'a pull request opened by the `continue` app (or its staging and development apps)', examples: [{ text: 'continue (Bot)', seen: 'continuedev/continue (squashes of its pull requests, authored continue[bot])' }] },
    identity: CONTINUE,
  },
  'cline/author': {
    meta: { tool: 'cline', place: 'author', rule: 'the author is the `cline-agent` account (Cline\'s agent)', examples: [{ text: 'Cline Agent <cline-agent@users.noreply.github.com>', seen: 'cline/cline' }] },
    identity: CLINE,
  },
  'cline/co-author': {
    meta: { tool: 'cline', place: 'co-author', rule: 'a co-author at the `cline-agent` account\'s address', examples: [{ text: 'Co-authored-by: Cline Agent <cline-agent@users.noreply.github.com>', seen: 'cline/cline' }] },
    identity: CLINE,
  },
  'ellipsis/author': {
    meta: { tool: 'ellipsis', place: 'author', rule: 'the author is the `ellipsis-dev` app (the fixes it commits for review comments)', examples: [{ text: 'ellipsis-dev[bot] <65095814+ellipsis-dev[bot]@users.noreply.github.com>', seen: 'cline/cline' }] },
    identity: ELLIPSIS,
  },
  'ellipsis/co-author': {
    meta: {
      tool: 'ellipsis', place: 'co-author', rule: 'a co-author at the `ellipsis-dev` app\'s address', why: 'a reviewer\'s suggestion committed: the code is the AI\'s, as `gemini-code-assist`\'s',
      examples: [{ text: 'Co-authored-by: ellipsis-dev[bot] <65095814+ellipsis-dev[bot]@users.noreply.github.com>', seen: 'cline/cline' }],
    },
    identity: ELLIPSIS,
  },
  'cubic/co-author': {
    meta: {
      tool: 'cubic', place: 'co-author', rule: 'a co-author at the `cubic-dev-ai` app\'s address', why: 'the AI reviewer\'s suggestion committed: the code is the AI\'s, as `gemini-code-assist`\'s',
      examples: [{ text: 'Co-authored-by: cubic-dev-ai[bot] <191113872+cubic-dev-ai[bot]@users.noreply.github.com>', seen: 'continuedev/continue' }],
    },
    identity: { apps: ['cubic-dev-ai'] },
  },
  'greptile/co-author': {
    meta: {
      tool: 'greptile', place: 'co-author', rule: 'a co-author at the `greptile-apps` app\'s address', why: 'the AI reviewer\'s suggestion committed: the code is the AI\'s, as `gemini-code-assist`\'s',
      examples: [{ text: 'Co-authored-by: greptile-apps[bot] <165735046+greptile-apps[bot]@users.noreply.github.com>', seen: 'cline/cline' }],
    },
    identity: { apps: ['greptile-apps'] },
  },

  // ---------------------------------------------------------------- any tool, by its name
  'named/co-author': {
    meta: {
      tool: 'named', place: 'co-author', rule: 'a co-author that is not a bot and whose name is a tool\'s (`Copilot`, `Gemini`, `Cursor Agent`, `Claude Opus 4.1`, `Devin AI`); a bare first name that is also a tool\'s (`Claude Shannon`, `Devin Smith`, `Kiro Tanaka`) is a person',
      why: 'a bot co-author counts only as a known AI app above: a release bot whose name holds a model\'s (`gemini-cli-robot`) is not one',
      examples: [
        { text: 'Co-authored-by: Gemini', seen: 'All-Hands-AI/OpenHands', tool: 'gemini' },
        { text: 'Co-authored-by: Gemini <gemini@google.com>', seen: 'google-gemini/gemini-cli', tool: 'gemini' },
      ],
    },
    identity: { name: TOOL_AS_NAME },
  },
  'named/trailer': {
    meta: {
      tool: 'named', place: 'trailer', rule: 'a trailer saying what made or helped the change that names a tool: `Generated-by:`, `Assisted-by:`, `Made-with:`, `*-Generated-By:`, `AI-*:`, also as a list item (`- Assisted-By: …`) or indented by up to three spaces with the body it ends (prometheus\' #18401; four make a Markdown code block, an example)',
      why: '`Assisted-by: <a person>` (curl\'s use) names no tool and is not read, nor a tool\'s name that is a word of an artifact\'s (`Generated-by: the Claude tokenizer`)',
      examples: [{ text: 'Assisted-by: gemini-cli', seen: 'google-gemini/gemini-cli', tool: 'gemini' }, { text: 'Assisted-by: OpenAI:gpt-5.4', seen: 'fastify/fastify', tool: 'openai' }, { text: '- Assisted-By: GPT 5.6 Sol, OpenCode', seen: 'electron/electron (a trailer written as a list item)', tool: 'opencode' }, { text: 'Assisted-by: ChatGPT 5', seen: 'open-telemetry/opentelemetry-collector', tool: 'openai' }],
    },
    trailer: { key: /^(?:[a-z0-9]+-)*(?:generated|assisted|made|created|written|authored|coded)(?:-(?:by|with|using|in))?$|^(?:[a-z0-9]+-)*ai(?:-[a-z]+)*$/i },
  },
  'named/footer': {
    meta: {
      tool: 'named', place: 'footer', rule: 'a line that starts `Generated with|by|using` and a tool\'s name (or `AI`, and the tool named after it: `AI, specifically …`, `AI (…)`, `AI assistance (…)`, `AI: …`)',
      why: 'a tool\'s name that is a word of an artifact\'s (`Generated by GPT-4 tokenizer script`, `… Gemini API responses`) credits the artifact and is not read',
      examples: [{ text: '🤖 Generated with Claude Code', seen: 'google-gemini/gemini-cli', tool: 'claude-code' }, { text: 'Generated with assistance from OpenAI Codex.', seen: 'astral-sh/uv', tool: 'codex' }, { text: '- Generated with AI, specifically GPT 5.3 Codex (Medium).', seen: 'Homebrew/brew', tool: 'codex' }],
    },
    line: /^\W*generated (?:with|by|using) \[?(\w[\w .-]*).*$/gim,
    hint: 'generated (?:with|by|using)',
  },
  'named/disclosure': {
    meta: {
      tool: 'named', place: 'footer', rule: 'a line that discloses AI use, `AI disclosure:`, `AI usage:`, `AI use:` or `AI assisted:` (`LLM …:` when it names a tool), and the tool it names, else a tool it does not name; one that says none was used (`AI disclosure: none`, `No AI …`) is not read',
      why: 'rust-analyzer asks its contributors to disclose AI use, and most write `AI disclosure: Written with help by GPT-5.5`: a key with a space is no trailer, so 34 of the 46 AI-assisted changes of its year were read as no AI',
      examples: [
        { text: 'AI disclosure: Written with help by GPT-5.5.', seen: 'rust-lang/rust-analyzer', tool: 'openai' },
        { text: '**AI disclosure:** First draft was written with Claude Opus.', seen: 'rust-lang/rust-analyzer', tool: 'claude-code' },
        { text: 'AI usage: GitHub Copilot CLI assisted with implementation and validation.', seen: 'rust-lang/rust-analyzer', tool: 'copilot' },
        { text: 'AI disclosure: Some Fable 5 and GPT 5.5 usage.', seen: 'rust-lang/rust-analyzer', tool: 'openai' },
        { text: '🤖 **LLM disclosure**: I told Codex to check if Cargo\'s `git fetch` usage', seen: 'rust-lang/cargo', tool: 'codex' },
        { text: 'AI assisted: drafting the document restructure, commit message, and PR description', seen: 'etcd-io/etcd', tool: 'unknown' },
      ],
    },
    // the capture starts at `AI`, so a line naming no tool reads as AI's (namedTool): a tool it does not name
    // the key may be bold or italic before its colon: cargo's `🤖 **LLM disclosure**: I told Codex …`
    line: /^[^\w\n]*((?:AI|LLM)[ -]?(?:disclosure|usage|use|assisted|assistance)[*_]*[ \t]*:[ \t*_]*(?!(?:no|none|n\/a|nothing)\b)\w.*)$/gim,
    hint: '(?:ai|llm)[ -]?(?:disclosure|usage|use|assisted|assistance)[*_]*[ \t]*:',
  },
  'named/assistance': {
    meta: {
      tool: 'named', place: 'footer', rule: 'a sentence that says the change was made `with the assistance of`, `with the help of`, `with help from`, `via`, `with AI assistance (…)` or `written|changed|generated|authored|produced|implemented|developed by` a tool it names by a name no person or thing has (Claude, Copilot, ChatGPT, Codex, Gemini, GPT-n, OpenAI, Anthropic, Windsurf, Aider)',
      why: 'bevy\'s contributors say it in their own words: 5 of its 90 days to 2026-08-22 (`built by me with the assistance of Claude Code`, `trial and error via claude code`) were read as no AI; Devin, Cursor or Jules after such words may be a person or a cursor, and are not read',
      examples: [
        { text: 'This PR was built by me with the assistance of Claude Code w/ Fable 5.', seen: 'bevyengine/bevy', tool: 'claude-code' },
        { text: 'A whole ton of trial and error via claude code.', seen: 'bevyengine/bevy', tool: 'claude-code' },
        { text: 'Developed with AI assistance (Claude Code); I reviewed the change and', seen: 'astral-sh/ruff', tool: 'claude-code' },
        { text: 'Note: Code changed by Claude Sonnet 4.6. Reviewed by human, although I', seen: 'astral-sh/ruff', tool: 'claude-code' },
      ],
    },
    line: new RegExp(String.raw`^[^\n]*?\b${HELPED_BY}(${PLAIN_TOOL}[^\n]*)$`, 'gim'),
    hint: `${HELPED_BY}${PLAIN_TOOL}`,
  },
  'named/ai-used': {
    meta: {
      tool: 'named', place: 'footer', rule: 'a sentence that says AI was used: `I used AI …`, `we used an LLM …` (when it names the tool), `AI was used for|to|in` assisting, helping, writing, generating, drafting, coding, refactoring or implementing, or the code, implementation or draft `was written|generated|produced|implemented by AI`; the tool it names after `AI`, else a tool it does not name; `No AI was used`, `AI was not used` and `the AI was used` (a game\'s, an app\'s) are not read',
      why: 'tailwindcss\'s #20389 says `AI was used for assistance.` and #20408 `I used AI (Claude) to help dig into this`: its year to 2026-08-14 read the first as no AI and the second only by its Greptile review',
      examples: [
        { text: 'AI was used for assistance.', seen: 'tailwindlabs/tailwindcss', tool: 'unknown' },
        { text: 'Preface: For full transparency, I used AI (Claude) to help dig into this', seen: 'tailwindlabs/tailwindcss', tool: 'claude-code' },
        { text: '> NOTE: the code in `types/call/bind.rs` was written by AI. the rest was', seen: 'astral-sh/ruff', tool: 'unknown' },
      ],
    },
    // the capture starts at `AI`, so a sentence naming no tool reads as AI's (namedTool): a tool it does not name
    line: new RegExp(String.raw`^[^\n]*?\b(?:${I_USED}(?=${AI_WORD}\b)|(?<!\b(?:no|the|an|any) )(?=${AI_WORD} ${WAS_USED_FOR}(?:the )?(?:assist|help|writ|generat|draft|cod|author|refactor|implement))|${BY_AI})(${AI_WORD}\b[^\n]*)$`, 'gim'),
    hint: String.raw`${I_USED}${AI_WORD}\b|${AI_WORD} ${WAS_USED_FOR}|${BY_AI}${AI_WORD}\b`,
  },
  'named/template-answer': {
    meta: {
      tool: 'named', place: 'footer', rule: 'a pull request template answered `YES: Some or all of the content of this PR was generated by AI`, with the tool its `AI tools and models used:` line names (within the next lines), else a tool it does not name; `NO` is not read',
      why: 'jupyterlab\'s template asks it of every pull request and its squashes keep the answers: 80 of the 141 changes of its three months to 2026-08-19 answered YES, and 2 of them were read, where a wrapped line put `generated by AI.` first',
      examples: [{ text: '- **YES**: Some or all of the content of this PR was generated by AI.', seen: 'jupyterlab/jupyterlab', tool: 'unknown' }],
    },
    // the answer's own line is the evidence; what names the tool starts at its `AI` and runs, by a lookahead, to the
    // tools line a line or three below (ChatGPT 5.5, Claude Code) when there is one: a template left with
    // `<!-- FILL IN -->` or `None` names none, and `AI` alone is a tool it does not name (namedTool)
    line: /^[^\w\n]*(?:<!--[^>]*-->)?[ \t*]*y(?:es)?[ \t*]*:[ \t]*some or all of the content of this PR was generated by (?=(AI\b.*(?:(?:\n.*){0,3}?\n[^\w\n]*AI tools and models used:.*)?))AI\b.*/gim,
    hint: 'some or all of the content of this PR was generated by AI',
  },
  'unknown/title-mark': {
    meta: {
      tool: 'unknown', place: 'message', rule: 'a title holding `🤖🤖🤖`, the mark a project asks of an agent\'s pull request (apollo-client\'s template: `please add "🤖🤖🤖" to the title of your PR if you are an agent`), a tool it does not name',
      why: 'biome\'s AGENTS.md offers agents the mark for its streamlined merges; loki\'s engineers and documentation writers put it on 36 pull requests of its year to 2026-08-22, none read as AI before; one robot (`🤖 ci: …`) is a project\'s mark for its automation, and the mark anywhere but the title (a template\'s words copied into a squash\'s body) is not read',
      examples: [
        { text: 'docs: Check the multi-tenancy topic for accuracy 🤖🤖🤖 (#24089)', seen: 'grafana/loki' },
        { text: '🤖🤖🤖 fix(masking): preserve referential equality of masked data on refetch (#13184)', seen: 'apollographql/apollo-client' },
      ],
    },
    // the title alone, `^` without the m flag: the subject, or a GitHub merge's line naming its pull request's title
    line: /^(?:Merge pull request #\d+ from \S+\n\n)?[^\n]*🤖🤖🤖[^\n]*/gu,
  },
} as const satisfies Readonly<Record<string, AiSignature>>;

