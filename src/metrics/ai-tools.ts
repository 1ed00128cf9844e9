import type { MeasuredChange } from '../domain.js';
import { toolName } from '../model/ai/tools.js';

/** One AI tool's row of `summary.ai.tools`. */
export interface AiToolRow {
  /** the evidence catalogue's id (`claude-code`, `copilot`, …) */
  tool: string;
  /** as the report writes it */
  name: string;
  /** AI-assisted changes whose evidence names it (a change of two tools counts in both rows) */
  changes: number;
  /** changes with weak evidence only (a branch name) that names it: not AI-assisted, said apart */
  weak: number;
}

export interface AiToolCounts {
  /** AI-assisted changes an agent authored or opened (the strongest evidence is an agent's) */
  agent: number;
  /** changes whose only AI evidence is weak: not AI-assisted, counted apart */
  weak: number;
  /** per tool, most changes first (then most weak ones, then by id) */
  tools: AiToolRow[];
}

/**
 * How many of `changes` each AI tool's evidence names (SPEC section 5), and how many an agent made or only weak
 * evidence marks. A change read from a report written before tools were named, with AI evidence and none, counts
 * under the `unknown` tool. Pure.
 */
export function aiToolCounts(changes: readonly MeasuredChange[]): AiToolCounts {
  const rows = new Map<string, AiToolRow>();
  const row = (tool: string): AiToolRow => {
    let r = rows.get(tool);
    if (r === undefined) rows.set(tool, (r = { tool, name: toolName(tool), changes: 0, weak: 0 }));
    return r;
  };
  let agent = 0;
  let weak = 0;
  for (const c of changes) {
    const assisted = c.aiEvidence.length > 0;
    if (assisted) {
      if (c.aiStrength === 'agent') agent++;
      for (const tool of c.aiTools !== undefined && c.aiTools.length > 0 ? c.aiTools : ['unknown']) row(tool).changes++;
    } else if (c.aiStrength === 'weak') {
      weak++;
      for (const tool of c.aiTools ?? []) row(tool).weak++;
    }
  }
  const tools = [...rows.values()].sort((a, b) => b.changes - a.changes || b.weak - a.weak || a.tool.localeCompare(b.tool));
  return { agent, weak, tools };
}
