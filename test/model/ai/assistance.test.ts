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
