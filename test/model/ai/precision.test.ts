import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../../src/model/ai/compile.js';
import { isAiAgent, isBot } from '../../../src/model/bots.js';

/*
 * One case per class of false positive the field showed (issue 39): each text as a public repository holds it,
 * unless it says it is made up. Each names the repository; the counterpart that is the tool's own is beside it, so
 * a rule that stops telling the two apart fails either way.
 */
const ai = compileCatalogue();
const message = (trailer: string): string[] => ai.message(`Fix the parser\n\nIt read past the end.\n\n${trailer}\n`).map((f) => f.tool);

describe('AI evidence: precision', () => {
  it('takes a tool\'s maintainer at its domain for a person, and only the agent\'s own address for the agent', () => {
    const people: Array<[string, string, string]> = [
      ['Paul Gauthier', 'paul@aider.chat', 'Aider-AI/aider'],
      ['Xingyao Wang', 'xingyao@all-hands.dev', 'All-Hands-AI/OpenHands'],
      ['Charlie Marsh', 'charliemarsh@openai.com', 'astral-sh/uv'],
      ['Corentin Perret-Gentil', 'corentin@anthropic.com', 'astral-sh/uv'],
    ];
    expect(people.filter(([name, email]) => isAiAgent(name, email)).map(([, , seen]) => seen)).toEqual([]);
    expect(message('Co-authored-by: Charlie Marsh <charliemarsh@openai.com>')).toEqual([]);
    expect(message('Co-authored-by: Xingyao Wang <xingyao@all-hands.dev>')).toEqual([]);
    // the agents' own addresses at the same domains, and aider's own author form from the same address
    expect([
      ai.author('openhands', 'openhands@all-hands.dev')?.tool,
      ai.author('Paul Gauthier (aider)', 'paul@aider.chat')?.tool,
      ai.author('Codex', 'codex@openai.com')?.tool,
      ai.author('MsfPablo', 'noreply@anthropic.com')?.tool,
    ]).toEqual(['openhands', 'aider', 'codex', 'claude-code']);
  });

  it('takes a bot co-author for an AI tool only when it is a known AI app, never by a model\'s name in its own', () => {
    // gemini-cli's release bot co-authors its release commits (703 of them): a bot named for a model is no AI tool
    expect(message('Co-authored-by: gemini-cli-robot <gemini-cli-robot@google.com>')).toEqual([]);
    expect(message('Co-authored-by: gemini-cli-robot <224641728+gemini-cli-robot@users.noreply.github.com>')).toEqual([]);
    // made up, the issue's own: a release bot whose name ends in a model's
    expect(message('Co-authored-by: release-bot-gpt <release-bot-gpt@example.com>')).toEqual([]);
    expect(message('Co-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>')).toEqual([]);
    // the known AI apps: a person committed their suggestion or their generated tests (google-gemini/gemini-cli)
    expect(message('Co-authored-by: gemini-code-assist[bot] <176961590+gemini-code-assist[bot]@users.noreply.github.com>')).toEqual(['gemini']);
    expect(message('Co-authored-by: coderabbitai[bot] <136622811+coderabbitai[bot]@users.noreply.github.com>')).toEqual(['coderabbit']);
  });

  it('takes a person who shares a tool\'s name for a person', () => {
    // withastro/astro and dotnet/aspire's authors; the co-authors and sign-off are made up
    expect([isAiAgent('Jules Youngberg', 'julesdayoungberg@gmail.com'), isAiAgent('Devin Breshears', 'dbreshears@users.noreply.github.com'), isAiAgent('Claude', 'claude@example.com')]).toEqual([false, false, false]);
    expect(message('Co-authored-by: Claude Shannon <claude@example.com>')).toEqual([]);
    expect(message('Co-authored-by: Devin Smith <devin@example.com>')).toEqual([]);
    expect(message('Co-authored-by: Tom Copilotti <tom@example.com>')).toEqual([]);
    // Kiro is a given name too (made up): the person, where `Kiro Agent` is the tool
    expect(message('Co-authored-by: Kiro Tanaka <kiro.tanaka@example.com>')).toEqual([]);
    expect(message('Co-authored-by: Kiro Agent <kiro@example.com>')).toEqual(['kiro']);
    expect(message('Signed-off-by: Devin Smith <devin@example.com>')).toEqual([]);
    // the tool itself by the same names
    expect(message('Co-authored-by: Claude Opus 4.1 <claude@example.com>')).toEqual(['claude-code']);
    // a Claude model alone, family and version (renovate's #45270); a family's word before a person's name is the person's
    expect(message('Co-authored-by: Sonnet 5 <claude-code@jamietanna.co.uk>')).toEqual(['claude-code']);
    expect(message('Co-authored-by: Opus 4.6 (1M context) <dev@example.com>')).toEqual(['claude-code']);
    expect(message('Co-authored-by: Haiku Tanaka <haiku@example.com>')).toEqual([]);
    expect(message('Co-authored-by: Devin AI <devin@example.com>')).toEqual(['devin']);
  });

  it('reads no tool from a trailer that credits a person or names none, nor from prose', () => {
    // curl's own use of Assisted-by: the person who helped
    expect(message('Assisted-by: Viktor Szakats')).toEqual([]);
    expect(message('Generated-by: protoc 25.1')).toEqual([]);
    expect(message('Reviewed-by: Jane Doe <jane@example.com>')).toEqual([]);
    expect(ai.message('Expand ANTHROPIC_MODELS list with recent Claude model names\n\nCompare with the gemini output, and copilot\'s.\n')).toEqual([]);
    // Continue's footer names it at a line's start only: the everyday word elsewhere is no tool (made up, as prose goes)
    expect(message('Generated with continued fractions, see below.')).toEqual([]);
    expect(ai.message('Continue reading after a short read\n\nWe continue with the next chunk (generated with care).\n')).toEqual([]);
    expect(message('Generated with [Continue](https://continue.dev)')).toEqual(['continue']);
    // a person of Continue's team at its domain is a person (continuedev/continue)
    expect(message('Co-authored-by: nate <nate@continue.dev>')).toEqual([]);
    // honojs/middleware #1916: Copilot's CLI running a codex model is Copilot, its words after a hyphen
    expect(message('Assisted-by: github-copilot-cli:gpt-5.2-codex')).toEqual(['copilot']);
    expect(message('Co-authored-by: GPT-5 Codex <codex@example.com>')).toEqual(['codex']);
    // Renovate's footer is not a tool's "generated with" line
    expect(message('This PR was generated by [Mend Renovate](https://mend.io/renovate/).')).toEqual([]);
  });

  it('reads a trailer of a body indented as a whole, and none of a code sample (indented four spaces)', () => {
    // prometheus' #18401: its pull request's commit indents the whole body by two spaces, its co-author with it
    expect(ai.message('tsdb: fix the chunks gauge\n\n  deleteSeriesByID subtracts M twice.\n\n  Co-Authored-By: Claude Sonnet 4.6 <noreply@anthropic.com>\n').map((f) => [f.tool, f.line])).toEqual([
      ['claude-code', 'Co-Authored-By: Claude Sonnet 4.6 <noreply@anthropic.com>'],
    ]);
    // made up: a guideline whose example trailer is a Markdown code block
    expect(ai.message('docs: how to credit a tool\n\nWrite, as the last line:\n\n    Co-authored-by: Claude <noreply@anthropic.com>\n').map((f) => f.tool)).toEqual([]);
  });

  it('takes a tool named as a word of another thing\'s name for no tool, and a tool credited with its model for the tool', () => {
    // made up, as a data file's provenance reads: the script made it, the model names the tokenizer it ran
    expect(message('Generated by GPT-4 tokenizer script')).toEqual([]);
    expect(message('Generated-by: the Claude tokenizer, v2')).toEqual([]);
    expect(message('Generated using Gemini API responses recorded in CI')).toEqual([]);
    // the tool itself, with its model, its help or a clause after it
    expect(message('Generated with Claude Opus 4.5.')).toEqual(['claude-code']); // prometheus/prometheus
    expect(message('Generated with assistance from OpenAI Codex.')).toEqual(['codex']); // astral-sh/uv
    expect(message('generated by gpt 5.4')).toEqual(['openai']); // biomejs/biome
    expect(message('Generated with GitHub CoPilot.')).toEqual(['copilot']); // prometheus/prometheus
    expect(message('Generated with Gemini 2.5 Pro and reviewed by hand')).toEqual(['gemini']);
    expect(message('Generated with Claude\'s help')).toEqual(['claude-code']);
    // AI, then the tool it was (Homebrew/brew); AI alone names none, nor a tool in a clause of its own
    expect(message('- Generated with AI, specifically GPT 5.3 Codex (Medium).')).toEqual(['codex']);
    expect(message('Generated with AI (Claude Sonnet 4.5)')).toEqual(['claude-code']);
    expect(message('Generated using AI: Gemini 2.5 Pro')).toEqual(['gemini']);
    // rust-lang/rust-analyzer's #22098
    expect(message('Generated with AI assistance (Claude).')).toEqual(['claude-code']);
    expect(message('Generated with AI.')).toEqual(['unknown']);
    expect(message('Generated with AI, reviewed by Copilot before merging')).toEqual(['unknown']);
    expect(message('Generated with AI, specifically the OpenAPI tokenizer script')).toEqual(['unknown']);
    expect(message('Assisted-by: Claude Sonnet 4.5 (1M context)')).toEqual(['claude-code']);
    // a model newer than any list of models' words (containerd/containerd)
    expect(message('Assisted-by: Claude Fable 5 <noreply@anthropic.com>')).toEqual(['claude-code']);
    // Copilot CLI's session trailer (microsoft/playwright's #41791), by its id only
    expect(message('Copilot-Session: ae43a79c-c4f8-4b11-935b-ef7835f2e6fc')).toEqual(['copilot']);
    expect(message('Copilot-Session: see the notes')).toEqual([]);
    // the same trailers typed with `\n` for their line breaks, on the text's one line (playwright's #41858 pull
    // request commit): read as the lines they say; `\n` written as words starts no trailer
    const typed = (text: string): string[] => ai.message(text).map((f) => `${f.tool} ${f.line}`);
    expect(typed('feat(test): make reuseContext public\\n\\nDocument reuseContext.\\n\\nCo-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>\\nCopilot-Session: f97af674-fd2f-4b63-9558-835977b36687')).toEqual([
      'copilot Co-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>',
      'copilot Copilot-Session: f97af674-fd2f-4b63-9558-835977b36687',
    ]);
    expect(message('Split the CSV lines at \\n in quoted fields, as Copilot-Session: ids are split')).toEqual([]);
    // astral-sh/ruff's and tailwindcss's words: made by a tool named after a verb, or with AI assistance (…)
    expect(message('Developed with AI assistance (Claude Code); I reviewed the change and')).toEqual(['claude-code']);
    expect(message('Note: Code changed by Claude Sonnet 4.6. Reviewed by human')).toEqual(['claude-code']);
    expect(message('> NOTE: the code in `types/call/bind.rs` was written by AI. the rest was mine')).toEqual(['unknown']);
    // a template's answer it does not read (jupyterlab's NO), a person's name, a bot's words: none
    expect(message('- **NO**: Some or all of the content of this PR was generated by AI.')).toEqual([]);
    expect(message('Reviewed by Claude Shannon')).toEqual([]);
    expect(message('The changelog was generated by release-please')).toEqual([]);
    // helm/helm's #32136 and #32125
    expect(message('Assisted-by: Grok/xAI')).toEqual(['grok']);
    expect(message('Assisted-by: Grok/grok-4')).toEqual(['grok']);
    // a word that only holds the name is none
    expect(message('Assisted-by: grokking the parser')).toEqual([]);
  });

  it('reads a line that discloses AI use, by the tool it names, and none that says none was used', () => {
    // rust-lang/rust-analyzer asks for such a line; a key with a space is no trailer
    expect(message('AI disclosure: Written with help by GPT-5.5.')).toEqual(['openai']);
    expect(message('**AI disclosure:** First draft was written with Claude Opus.')).toEqual(['claude-code']);
    expect(message('AI usage: GitHub Copilot CLI assisted with implementation and validation.')).toEqual(['copilot']);
    expect(message('LLM use: drafted with Claude')).toEqual(['claude-code']);
    // AI's help with no tool named: a tool it does not name; an LLM's, nothing a catalogue can name
    expect(message('AI disclosure: Bisected with help by AI.')).toEqual(['unknown']);
    expect(message('AI disclosure: Some Opus 5 usage for the code changes.')).toEqual(['unknown']);
    expect(message('LLM use: I used an LLM to explore the project')).toEqual([]);
    // none used, or the heading alone with its text on the next line
    expect(message('AI disclosure: none')).toEqual([]);
    expect(message('AI disclosure: No AI was used.')).toEqual([]);
    expect(message('AI disclosure: N/A')).toEqual([]);
    expect(ai.message('Fix the parser\n\nAI disclosure:\nI used Claude to review it.\n')).toEqual([]);
    // a sentence about disclosure is no disclosure
    expect(message('Add an AI disclosure section to the template')).toEqual([]);
  });

  it('reads a template\'s box only when it is ticked: an unticked one says the line does not hold', () => {
    // Homebrew's pull request template: #23477 left it unticked beside its ticked boxes
    expect(message('- [ ] AI was used to generate or assist with generating this PR.')).toEqual([]);
    expect(message('* [ ] AI disclosure: Written with help by GPT-5.5.')).toEqual([]);
    expect(message('- [x] AI was used to generate or assist with generating this PR.')).toEqual(['unknown']);
    expect(message('- [X] AI was used to generate or assist with generating this PR.')).toEqual(['unknown']);
  });

  it('reads a tool whose name holds another\'s inside a word: ChatGPT, not only GPT', () => {
    // opentelemetry-collector's pull requests' commits; the one scan every message passes had kept only `gpt`
    expect(message('Assisted-by: ChatGPT 5')).toEqual(['openai']);
    expect(message('Assisted-by: ChatGPT 5.2')).toEqual(['openai']);
  });

  it('never takes an agent for a bot, and keeps the bots bots', () => {
    const agents: Array<[string, string]> = [
      ['codegen-bot', 'team+codegenbot@codegen.sh'],
      ['MentatBot', '160964065+MentatBot@users.noreply.github.com'],
      ['sweep-nightly[bot]', '131841235+sweep-nightly[bot]@users.noreply.github.com'],
      ['coderabbitai[bot]', '136622811+coderabbitai[bot]@users.noreply.github.com'],
      ['factory-droid[bot]', '138933559+factory-droid[bot]@users.noreply.github.com'],
      ['amazon-q-developer[bot]', '208079219+amazon-q-developer[bot]@users.noreply.github.com'],
      ['codeflash-ai[bot]', '148906541+codeflash-ai[bot]@users.noreply.github.com'],
      ['Kiro Agent', '244629292+kiro-agent@users.noreply.github.com'],
      ['OpenHands-GPT-5', 'openhands@all-hands.dev'],
      ['copilot-swe-agent[bot]', '198982749+Copilot@users.noreply.github.com'],
      // continuedev/continue: its agent's app opened 46 of the year's changes, left out as a bot's before it was known
      ['continue[bot]', '230936708+continue[bot]@users.noreply.github.com'],
      ['continue-staging[bot]', 'continue-staging[bot]@users.noreply.github.com'],
      ['Continue Agent', 'agent@continue.dev'],
      ['Cline Agent', 'cline-agent@users.noreply.github.com'],
      ['ellipsis-dev[bot]', '65095814+ellipsis-dev[bot]@users.noreply.github.com'],
    ];
    expect(agents.filter(([name, email]) => isBot(name, email) || !isAiAgent(name, email))).toEqual([]);
    const bots: Array<[string, string]> = [
      ['gemini-cli-robot', 'gemini-cli-robot@google.com'],
      ['dotnet-maestro[bot]', '42748379+dotnet-maestro[bot]@users.noreply.github.com'],
      ['astral-automations-bot[bot]', '305554984+astral-automations-bot[bot]@users.noreply.github.com'],
      ['renovate[bot]', '29139614+renovate[bot]@users.noreply.github.com'],
      // cline/cline: Aikido's security updates bump dependencies (`fix(security): update dependencies`), as Dependabot's
      ['aikido-autofix[bot]', '119856028+aikido-autofix[bot]@users.noreply.github.com'],
      // All-Hands-AI/OpenHands: its lint-fix workflow commits a formatter's output under the agent's address
      ['OpenHands Bot', 'openhands@all-hands.dev'],
    ];
    expect(bots.filter(([name, email]) => !isBot(name, email))).toEqual([]);
  });

  it('takes a workflow that borrows an agent\'s address under a name of its own for no agent', () => {
    // All-Hands-AI/OpenHands' lint-fix workflow: all 82 of its commits are `🤖 Auto-fix … linting issues`, and
    // GitHub writes the co-author into the squash of a pull request it touched (#5991, #7679, #9668)
    expect(ai.author('OpenHands Bot', 'openhands@all-hands.dev')).toBeNull();
    expect(message('Co-authored-by: OpenHands Bot <openhands@all-hands.dev>')).toEqual([]);
    // the agent at the same address, by the names it commits with (the same repository)
    expect([ai.author('openhands', 'openhands@all-hands.dev')?.tool, ai.author('OpenHands-GPT-5', 'openhands@all-hands.dev')?.tool]).toEqual(['openhands', 'openhands']);
    expect(message('Co-authored-by: openhands <openhands@all-hands.dev>')).toEqual(['openhands']);
    expect(message('Co-authored-by: OpenHands-Claude <openhands@all-hands.dev>')).toEqual(['openhands']);
  });
});

describe('AI evidence: hostile messages', () => {
  it('reads a trailer of a million blanks, 200,000 trailers and a footer behind half a million blanks in linear time', () => {
    const started = performance.now();
    expect(ai.message(`Fix\n\nCo-authored-by: x${' '.repeat(1_000_000)}y\nCo-authored-by: ${'<'.repeat(200_000)}\n`)).toEqual([]);
    expect(ai.message(`Fix\n\n${'Co-authored-by: Claude\n'.repeat(200_000)}`).map((f) => f.tool)).toEqual(['claude-code']);
    expect(ai.message(`Fix\n\n🤖 ${'\u00a0'.repeat(500_000)} Generated with [Claude Code]\n${'-'.repeat(500_000)}`).map((f) => f.tool)).toEqual(['claude-code']);
    // generous for a loaded machine: a quadratic reading of the first line alone takes hours
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
