import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/model/message.js';

/*
 * bevy's contributors say in their own words that a tool helped: 5 of its changes of the 90 days to 2026-08-22
 * (`This PR was built by me with the assistance of Claude Code w/ Fable 5`, `trial and error via claude code`) were
 * read as no AI.
 */
const read = (body: string): string[][] => parseMessage(`Fix the renderer (#25480)\n\n${body}\n`).aiEvidence.map((f) => [f.tool, f.line]);

describe('a sentence that says a tool helped make the change', () => {
  it('reads the tool it names after `with the assistance of`, `with the help of`, `with help from` or `via`', () => {
    expect(read('This PR was built by me with the assistance of Claude Code w/ Fable 5.')).toEqual([['claude-code', 'This PR was built by me with the assistance of Claude Code w/ Fable 5.']]);
    expect(read('- A whole ton of trial and error via claude code. Honestly hard to say.')).toEqual([['claude-code', '- A whole ton of trial and error via claude code. Honestly hard to say.']]);
    expect(read('Written with the help of ChatGPT.').map(([tool]) => tool)).toEqual(['openai']);
    expect(read('Tests drafted with help from Copilot.').map(([tool]) => tool)).toEqual(['copilot']);
  });

  it('reads nothing where the name after those words may be a person\'s or a thing\'s, or names an artifact', () => {
    expect(read('Written with the help of Devin Smith.')).toEqual([]);
    expect(read('Move the selection via cursor keys.')).toEqual([]);
    expect(read('Fetch the models via the Gemini API.')).toEqual([]);
    expect(read('Support the claude provider via claude-sdk.')).toEqual([]);
    expect(read('No code was written with AI.')).toEqual([]);
  });
});

describe('a sentence that says AI was used', () => {
  it('reads `AI was used for assistance` as a tool it does not name, and the tool `I used AI (…)` names', () => {
    // tailwindcss's #20389 and #20408
    expect(read('AI was used for assistance.')).toEqual([['unknown', 'AI was used for assistance.']]);
    expect(read('Preface: For full transparency, I used AI (Claude) to help dig into this').map(([tool]) => tool)).toEqual(['claude-code']);
    expect(read('Disclosure: I used AI-assisted coding tools while preparing this PR.').map(([tool]) => tool)).toEqual(['unknown']);
  });

  it('reads nothing where it says none was used, or speaks of an AI the change is about', () => {
    expect(read('No AI was used.')).toEqual([]);
    expect(read('AI was not used for this change.')).toEqual([]);
    expect(read('The AI was used to pick targets in the demo.')).toEqual([]);
    expect(read('Enemy AI was used in the demo.')).toEqual([]);
  });
});
