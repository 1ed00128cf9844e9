import type { ReportChange, ReportSummary } from '../report/schema.js';
import { plural } from '../units.js';

/** the tools a line names before it says how many more */
const SHOWN = 6;

/**
 * The AI tools of a report, for every format that shows the AI-assisted changes (SPEC section 5): "by tool:
 * Claude Code 12, GitHub Copilot 5 · 4 by an agent · 3 more with only a branch name (not counted)"; '' when the
 * report names no tool (a report written before tools were read). `escape` makes a tool's name safe for the
 * format: a report read back may name a tool this version does not know.
 */
export function formatAiTools(ai: ReportSummary['ai'], escape: (text: string) => string): string {
  const tools = (ai.tools ?? []).filter((t) => t.changes > 0);
  const parts: string[] = [];
  if (tools.length > 0) {
    const shown = tools.slice(0, SHOWN).map((t) => `${escape(t.name)} ${t.changes}`);
    const rest = tools.length - SHOWN;
    parts.push(`by tool: ${shown.join(', ')}${rest > 0 ? `, ${plural(rest, 'other tool')}` : ''}`);
  }
  if ((ai.agent ?? 0) > 0) parts.push(`${ai.agent} by an agent`);
  if ((ai.weak ?? 0) > 0) parts.push(`${ai.weak} more with only a branch name (not counted)`);
  return parts.join(' · ');
}

/** A change's AI flag in a list of changes: `ai-assisted (claude-code, copilot)`, by the tools' ids; '' for none. */
export function aiFlag(change: Pick<ReportChange, 'aiAssisted' | 'aiTools'>): string {
  if (!change.aiAssisted) return '';
  const tools = change.aiTools ?? [];
  return tools.length === 0 ? 'ai-assisted' : `ai-assisted (${tools.join(', ')})`;
}
