import { describe, expect, it } from 'vitest';
import type { MeasuredChange } from '../../src/domain.js';
import { aiToolCounts } from '../../src/metrics/ai-tools.js';

const change = (ai: Pick<MeasuredChange, 'aiEvidence' | 'aiTools' | 'aiStrength'>): MeasuredChange => ai as unknown as MeasuredChange;

describe('AI changes per tool', () => {
  it('counts each AI-assisted change under every tool it names, weak-only ones apart, and the agents\' changes', () => {
    const counts = aiToolCounts([
      change({ aiEvidence: ['author: Copilot'], aiTools: ['copilot'], aiStrength: 'agent' }),
      change({ aiEvidence: ['PR author: Copilot', 'Co-authored-by: Claude <noreply@anthropic.com>'], aiTools: ['copilot', 'claude-code'], aiStrength: 'agent' }),
      change({ aiEvidence: ['Co-authored-by: Claude <noreply@anthropic.com>'], aiTools: ['claude-code'], aiStrength: 'assisted' }),
      change({ aiEvidence: ['label: codex'], aiTools: ['codex'], aiStrength: 'assisted' }),
      change({ aiEvidence: [], aiTools: ['codex'], aiStrength: 'weak' }),
      change({ aiEvidence: [], aiTools: ['codex'], aiStrength: 'weak' }),
      change({ aiEvidence: [], aiTools: ['cursor'], aiStrength: 'weak' }),
      change({ aiEvidence: [] }),
      // read from a report written before tools were named
      change({ aiEvidence: ['Made-with: Cursor'] }),
    ]);
    expect(counts).toEqual({
      agent: 2,
      weak: 3,
      tools: [
        { tool: 'claude-code', name: 'Claude Code', changes: 2, weak: 0 },
        { tool: 'copilot', name: 'GitHub Copilot', changes: 2, weak: 0 },
        { tool: 'codex', name: 'OpenAI Codex', changes: 1, weak: 2 },
        { tool: 'unknown', name: 'an AI tool it does not name', changes: 1, weak: 0 },
        { tool: 'cursor', name: 'Cursor', changes: 0, weak: 1 },
      ],
    });
  });
});
