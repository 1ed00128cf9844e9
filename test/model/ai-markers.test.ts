import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../src/patterns.js';
import { findAiMarkers, namesAiTool } from '../../src/model/ai-markers.js';

describe('AI markers', () => {
  it('finds every trailer that names an AI tool, in message order', () => {
    const message = [
      'Add the parser',
      '',
      'Claude-Generated-By: Claude Code (claude-opus-4)',
      'Generated-by: GitHub Copilot',
      'Assisted-by: Claude:claude-3-opus',
      'Made-with: Cursor',
      'Co-authored-by: Claude <noreply@anthropic.com>',
      'Co-Authored-By: Claude Opus 4.1 <noreply@anthropic.com>',
      'Co-authored-by: Cursor Agent <cursoragent@cursor.com>',
      'Co-Authored-By: AI (Pi/Claude Opus 4.7) <noreply@pi.dev>',
      'Co-authored-by: AI (Pi/GPT-5.5) <noreply@pi.dev>',
      'Co-authored-by: devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>',
    ].join('\n');
    expect(findAiMarkers(message)).toEqual(message.split('\n').slice(2));
  });

  it('finds the footer an AI tool writes itself', () => {
    expect(findAiMarkers('Fix\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n')).toEqual(['🤖 Generated with [Claude Code](https://claude.com/claude-code)']);
  });

  it('finds markers that name no tool by a word of its own: a footer naming only AI, a co-author known by its address', () => {
    expect(findAiMarkers('Fix\n\nGenerated using AI\n')).toEqual(['Generated using AI']);
    expect(findAiMarkers('Fix\n\nCO-AUTHORED-BY: Jane Roe <12345+Copilot@users.noreply.github.com>\n')).toEqual(['CO-AUTHORED-BY: Jane Roe <12345+Copilot@users.noreply.github.com>']);
    expect(findAiMarkers('Fix\n\nCoauthored-by: Helper <noreply@anthropic.com>')).toEqual(['Coauthored-by: Helper <noreply@anthropic.com>']);
  });

  it('takes whole words only: a tool name inside another word is no marker', () => {
    expect(findAiMarkers('Fix\n\nCo-authored-by: Tom Copilotti <tom@example.com>\nGenerated-by: protocodexgen\nAssisted-by: Geminiano Rossi')).toEqual([]);
  });

  it('takes whole words only where the quick scan lets a message through: a tool named elsewhere makes no longer word a marker', () => {
    // "gemini" in the prose lets the message past the scan for any tool name: each trailer is then read on its own
    const message = 'Compare with the gemini output\n\nCo-authored-by: Tom Copilotti <tom@example.com>\nAssisted-by: Geminiano Rossi\nGenerated-by: protocodexgen';
    expect(findAiMarkers(message)).toEqual([]);
    expect(namesAiTool('Co-authored-by', 'Tom Copilotti <tom@example.com>')).toBe(false);
    expect(namesAiTool('Co-authored-by', 'Copilot <tom@example.com>')).toBe(true);
    expect(namesAiTool('Generated-by', 'protocodexgen')).toBe(false);
  });

  it('guesses nothing from prose, people\'s names or trailers that do not say who made the change', () => {
    const message = [
      'Ask Claude about the cursor position',
      '',
      'This was written with copilot turned off.',
      'Co-authored-by: Claude Shannon <claude@example.com>',
      'Co-authored-by: Devin Smith <devin@example.com>',
      'Fixes: microsoft/vscode-copilot#123',
      'Reviewed-by: Jane Doe <jane@example.com>',
      'Generated-by: protoc',
    ].join('\n');
    expect(findAiMarkers(message)).toEqual([]);
  });

  it('reads a web address in place of a co-author\'s email as a tool, and AI-model trailers', () => {
    // seen in bobmatnyc/claude-mpm: the framework co-authors with its project page, and X-AI-Model names the model
    const message = 'Fix\n\nCo-Authored-By: Claude MPM <https://github.com/bobmatnyc/claude-mpm>\nX-AI-Model: claude-opus-4-8\n';
    expect(findAiMarkers(message)).toEqual(['Co-Authored-By: Claude MPM <https://github.com/bobmatnyc/claude-mpm>', 'X-AI-Model: claude-opus-4-8']);
    // a person with a web page is still a person unless the name names a tool; a model trailer must name one
    expect(findAiMarkers('Fix\n\nCo-authored-by: Jane Doe <https://jane.example>\nX-AI-Model: none\n')).toEqual([]);
  });

  it('adds configured patterns, line by line', () => {
    expect(findAiMarkers('Fix\n\nX-Tool: house-llm v2\n', [compilePattern('^x-tool: house-llm.*$', { ignoreCase: true, multiline: true })])).toEqual(['X-Tool: house-llm v2']);
  });
});
