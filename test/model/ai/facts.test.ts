import { describe, expect, it } from 'vitest';
import type { AiFinding } from '../../../src/domain.js';
import { aiFactsOf } from '../../../src/model/ai/facts.js';

const f = (tool: string, strength: AiFinding['strength'], line: string): AiFinding => ({ tool, strength, line });

describe('a change\'s AI facts', () => {
  it('has none without evidence', () => {
    expect(aiFactsOf([])).toEqual({ aiEvidence: [] });
  });

  it('takes the strongest evidence\'s strength, and the tools of its AI-assisted evidence in the order found', () => {
    const facts = aiFactsOf([
      f('codex', 'weak', 'branch: codex/fix'),
      f('claude-code', 'assisted', 'Co-authored-by: Claude <noreply@anthropic.com>'),
      f('copilot', 'agent', 'author: Copilot'),
      f('claude-code', 'assisted', 'Claude-Session: https://claude.ai/code/session_1'),
    ]);
    expect(facts).toEqual({
      aiEvidence: ['Co-authored-by: Claude <noreply@anthropic.com>', 'author: Copilot', 'Claude-Session: https://claude.ai/code/session_1'],
      aiTools: ['claude-code', 'copilot'],
      aiStrength: 'agent',
      aiWeakEvidence: ['branch: codex/fix'],
    });
  });

  it('does not make a change AI-assisted on weak evidence alone, and says its tool apart', () => {
    expect(aiFactsOf([f('codex', 'weak', 'branch: codex/fix'), f('codex', 'weak', 'branch: codex/fix')])).toEqual({
      aiEvidence: [],
      aiTools: ['codex'],
      aiStrength: 'weak',
      aiWeakEvidence: ['branch: codex/fix'],
    });
  });

  it('counts a line once, as the first finding that holds it', () => {
    expect(aiFactsOf([f('cursor', 'assisted', 'Made-with: Cursor'), f('unknown', 'assisted', 'Made-with: Cursor')]).aiTools).toEqual(['cursor']);
  });
});
