import type { AiFinding } from '../../domain.js';
import { compileCatalogue, type AiCatalogue } from './compile.js';
import { agentCommitEvidence } from './facts.js';
import { append } from '../../lists.js';

/** What a pull request says of AI tools, in any state: merged, open or closed (GitHub mode). */
export interface PullAiInput {
  /** login; `isBot`: GitHub says the account is a Bot (an app's login comes without `[bot]`) */
  author: string;
  authorIsBot: boolean;
  headRefName: string;
  labels: readonly string[];
  /** its description (the source keeps its start and end); '' when there is none */
  body?: string;
  /** its commits' messages and, where GitHub gives it, their git authors' emails */
  commits: ReadonlyArray<{ message: string; authorEmail?: string | null }>;
}

/**
 * Every piece of AI evidence a pull request holds (SPEC section 5), by the one catalogue: its commits' authors and
 * messages, its labels, its author (an agent that opened it), its description and its head branch (weak).
 * Pure; `catalogue` carries the configuration's markers and labels.
 */
export function pullAiEvidence(pull: PullAiInput, catalogue: AiCatalogue = compileCatalogue()): AiFinding[] {
  const found: AiFinding[] = [];
  // an agent's commits: its own pull request when it began it (GitHub lists the commits oldest first) or wrote most of them
  const agents: AiFinding[] = [];
  let began = false;
  pull.commits.forEach((commit, i) => {
    const email = commit.authorEmail ?? '';
    const by = email === '' ? null : catalogue.author('', email);
    if (by) {
      agents.push({ ...by, line: `commit author: ${email}` });
      if (i === 0) began = true;
    }
    append(found, catalogue.message(commit.message));
  });
  append(found, agentCommitEvidence(agents, pull.commits.length, began));
  for (const label of pull.labels) {
    const finding = catalogue.label(label);
    if (finding) found.push(finding);
  }
  const author = catalogue.pullAuthor(pull.author, pull.authorIsBot);
  if (author) found.push(author);
  if (pull.body !== undefined && pull.body !== '') append(found, catalogue.body(pull.body));
  const branch = pull.headRefName === '' ? null : catalogue.branch(pull.headRefName);
  if (branch) found.push(branch);
  return found;
}
