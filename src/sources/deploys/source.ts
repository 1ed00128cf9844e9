import type { DeploySignalKind } from '../../domain.js';
import type { Pattern } from '../../patterns.js';
import type { TagRef } from '../git/repo.js';
import type { GitHubData } from '../github/index.js';
import type { GitHubWorkflowRun } from '../github/workflow-cache.js';

/** A deploy candidate: a named commit at a time, as tags are. */
export interface DeployRef {
  name: string;
  sha: string;
  at: number;
  /** what it deploys to: a deployment's environment (tags and releases: the product their name versions) */
  target?: string;
}

/** What a deploy source reads its candidates from: what the audit has read by the time the signal is chosen. */
export interface SourceInput {
  /** null in git-only mode */
  github: GitHubData | null;
  /** the release tags the tag pattern matched */
  tags: readonly TagRef[];
  environment: Pattern;
  includePrereleases: boolean;
  /** the events files' successful deploys, their commits resolved (--events) */
  events: readonly DeployRef[];
  /** the deploy branch's merges of the tracked branch (--deploy-from branch:NAME); none unless asked */
  branch: readonly DeployRef[];
  /**
   * the tracked branch's workflow runs, read from GitHub when first asked for (a source before the workflow one
   * that has deploys spares the requests); null in git-only mode
   */
  workflowRuns: (() => Promise<readonly GitHubWorkflowRun[]>) | null;
  /** which workflows deploy (--workflow), by name or file */
  workflow: Pattern;
}

/** What the report says of the signal: its `deploySignal.detail`. */
export interface DetailInput {
  /** the candidates the source listed */
  count: number;
  tagPattern: Pattern;
  environment: Pattern;
  includePrereleases: boolean;
  /** the deploy branch's name (--deploy-from branch:NAME) */
  deployBranch?: string | undefined;
  workflow: Pattern;
}

/**
 * One source of deploys, shaped as a lint rule is: what it is (`meta`) beside how it lists its candidates.
 * Registered in `index.ts`, whose order is the automatic choice's.
 */
export interface DeploySource {
  meta: {
    name: DeploySignalKind;
    /** what it is in the reader's words, for saying why a source was chosen (`GitHub deployments`) */
    label: string;
    /** where its candidates come from: a GitHub source cannot be read in git-only mode */
    needs: 'github' | 'git';
    /** read only when `--deploy-from` names it, never by the automatic choice (it needs a name) */
    onlyAsked?: true;
    /** what `--deploy-from` takes after the source's name and a colon, as help writes it (`NAME`: `branch:NAME`) */
    argument?: string;
    /** taken when no source before it has any candidate (every merge is a deploy) */
    fallback?: true;
    detail: (input: DetailInput) => string;
    /**
     * what one candidate is called (`final release tag`), for a source whose candidate that ships none of the
     * branch's changes is no deploy of it (SPEC section 3: tags and releases, which version what they hold): set,
     * the model drops such candidates, and a note names the window's by this noun
     */
    one?: (includePrereleases: boolean) => string;
  };
  /** the candidates, in no particular order; none when the repository has none. A GitHub read may be awaited */
  candidates: (input: SourceInput) => DeployRef[] | Promise<DeployRef[]>;
}
