import type { AiFinding, AiStrength, Change } from '../../domain.js';

const RANK: Readonly<Record<AiStrength, number>> = { agent: 3, assisted: 2, weak: 1 };

/** What the report reads of a change's or a pull request's AI evidence. */
export interface AiFacts {
  /** the lines that make it AI-assisted: evidence of agent or assisted strength */
  aiEvidence: string[];
  /** the tools of its AI-assisted evidence, else of its weak evidence */
  aiTools?: string[];
  /** the strength of its strongest evidence */
  aiStrength?: AiStrength;
  /** the lines of its weak evidence, apart */
  aiWeakEvidence?: string[];
}

/**
 * What `findings` say (SPEC section 5): the lines that make a change AI-assisted (agent and assisted strength), its
 * weak lines apart, the tools (those of its AI-assisted evidence, else of its weak evidence) and the strength of
 * its strongest evidence; only `aiEvidence` (empty) when there is none. Weak evidence alone does not make a change
 * AI-assisted. Each line counts once, where it first stands, at the strongest strength it was read with.
 */
export function aiFactsOf(findings: readonly AiFinding[]): AiFacts {
  if (findings.length === 0) return { aiEvidence: [] };
  const kept = distinct(findings);
  const strong = kept.filter((f) => f.strength !== 'weak');
  const weak = kept.filter((f) => f.strength === 'weak');
  let strongest: AiStrength = 'weak';
  for (const f of kept) if (RANK[f.strength] > RANK[strongest]) strongest = f.strength;
  return {
    aiEvidence: strong.map((f) => f.line),
    aiTools: [...new Set((strong.length > 0 ? strong : weak).map((f) => f.tool))],
    aiStrength: strongest,
    ...(weak.length > 0 && { aiWeakEvidence: weak.map((f) => f.line) }),
  };
}

// a line read at two strengths keeps the stronger: an agent's commit in a person's change is assisted evidence, the
// same agent as the squash's author (it opened the pull request) is the agent's
function distinct(findings: readonly AiFinding[]): AiFinding[] {
  const kept: AiFinding[] = [];
  const at = new Map<string, number>();
  for (const finding of findings) {
    const i = at.get(finding.line);
    if (i === undefined) {
      at.set(finding.line, kept.length);
      kept.push(finding);
    } else if (RANK[finding.strength] > RANK[(kept[i] as AiFinding).strength]) kept[i] = finding;
  }
  return kept;
}

/** Sets a change's AI evidence to `findings` (see aiFactsOf). */
export function setAiFindings(change: Change, findings: readonly AiFinding[]): void {
  delete change.aiFindings;
  delete change.aiTools;
  delete change.aiStrength;
  delete change.aiWeakEvidence;
  Object.assign(change, aiFactsOf(findings));
  if (findings.length > 0) change.aiFindings = distinct(findings);
}

/**
 * The evidence of an AI agent's commits among a change's `commits` (SPEC section 5): the agent's own work (agent
 * strength) when it `began` the change or wrote most of its commits; else a person's change the agent added to, read
 * as a co-author's (assisted). vuejs/core's #12125 is a person's pull request of 2024 whose conflicts Copilot's agent
 * resolved in 2026, in two commits of eight.
 */
export function agentCommitEvidence(findings: readonly AiFinding[], commits: number, began: boolean): AiFinding[] {
  if (began || findings.length * 2 > commits) return [...findings];
  return findings.map((f): AiFinding => ({ ...f, strength: 'assisted' }));
}

/**
 * Adds `findings` to a change's AI evidence (see aiFactsOf). Lines a change holds without their findings (one
 * made elsewhere) are kept, as an unnamed tool's assisted evidence.
 */
export function addAiFindings(change: Change, findings: readonly AiFinding[]): void {
  if (findings.length === 0) return;
  const prior = change.aiFindings ?? change.aiEvidence.map((line): AiFinding => ({ tool: 'unknown', strength: 'assisted', line }));
  setAiFindings(change, [...prior, ...findings]);
}
