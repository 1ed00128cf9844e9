import { describe, expect, it } from 'vitest';
import { aiFlag, formatAiTools } from '../../src/render/ai-tools.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { buildReport, change, H } from './report-builder.js';

const stages = { coding: 6 * H, pickup: 2 * H, review: 3 * H, merge: H, deploy: 5 * H };

/** Two Claude Code changes (one an agent's), one Copilot agent's, one a codex/ branch only, two others. */
function report() {
  return buildReport([
    change('#1', '2026-03-03T10:00:00Z', stages, { aiAssisted: true, aiEvidence: ['Co-authored-by: Claude <noreply@anthropic.com>'], aiTools: ['claude-code'], aiStrength: 'assisted' }),
    change('#2', '2026-03-04T10:00:00Z', stages, { aiAssisted: true, aiEvidence: ['author: Claude'], aiTools: ['claude-code'], aiStrength: 'agent' }),
    change('#3', '2026-03-05T10:00:00Z', stages, { aiAssisted: true, aiEvidence: ['PR author: Copilot'], aiTools: ['copilot'], aiStrength: 'agent' }),
    change('#4', '2026-03-06T10:00:00Z', stages, { aiTools: ['codex'], aiStrength: 'weak', aiWeakEvidence: ['branch: codex/fix'] }),
    change('#5', '2026-03-09T10:00:00Z', stages),
    change('#6', '2026-03-10T10:00:00Z', stages),
  ]);
}

describe('the AI tools where the AI-assisted changes are shown', () => {
  it('says the tools, the agents\' changes and the weak-only ones in one phrase', () => {
    const r = report();
    expect(r.summary.ai).toMatchObject({ assisted: 3, other: 3, agent: 2, weak: 1 });
    expect(formatAiTools(r.summary.ai, (t) => t)).toBe('by tool: Claude Code 2, GitHub Copilot 1 · 2 by an agent · 1 more with only a branch name (not counted)');
    expect(formatAiTools({ assisted: 1, other: 0, lowerBound: true }, (t) => t)).toBe('');
  });

  it('shows it in the terminal, in Markdown and in HTML', () => {
    const r = report();
    expect(renderText(r, { color: false, width: 80 })).toContain('  by tool: Claude Code 2, GitHub Copilot 1 · 2 by an agent · 1 more with only a');
    expect(renderMarkdown(r)).toContain('other (a lower bound: only marked work is found); by tool: Claude Code 2, GitHub Copilot 1 · 2 by an agent');
    expect(renderHtml(r)).toContain('By tool: Claude Code 2, GitHub Copilot 1 · 2 by an agent · 1 more with only a branch name (not counted).');
  });

  it('escapes a tool\'s name a report read back holds, per format', () => {
    const r = report();
    const evil = { ...r, summary: { ...r.summary, ai: { ...r.summary.ai, tools: [{ tool: 'x', name: '<script>alert(1)</script>\u001b[31m|', changes: 1, weak: 0 }] } } };
    expect(renderHtml(evil)).not.toContain('<script>alert(1)');
    expect(renderText(evil, { color: false, width: 200 })).not.toContain('\u001b[31m');
    expect(renderMarkdown(evil)).toContain('by tool: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(renderMarkdown(evil)).not.toContain('<script>alert(1)');
  });

  it('names each change\'s tools beside its AI flag, and in a CSV column', () => {
    const r = report();
    expect(r.changes.map(aiFlag)).toEqual(['ai-assisted (claude-code)', 'ai-assisted (claude-code)', 'ai-assisted (copilot)', '', '', '']);
    const [head, first, , , fourth] = renderCsv(r).trim().split('\n');
    const column = head?.split(',').indexOf('aiTools') ?? -1;
    expect(column).toBeGreaterThan(-1);
    expect([first?.split(',')[column], fourth?.split(',')[column]]).toEqual(['claude-code', 'codex']);
    expect(renderHtml(r)).toContain('ai-assisted (copilot)');
  });
});
