import type { AiStrength } from '../../domain.js';

export type { AiFinding } from '../../domain.js';
import type { AiToolId } from './tools.js';

/**
 * Where a signature is read (SPEC section 5). `author`: a commit's git author; `co-author`: a `Co-authored-by:`
 * (or `Co-developed-by:`) trailer, and a `Signed-off-by:` one for an agent's own address; `trailer`: any other
 * trailer; `footer`: a line of a commit message; `branch`: the branch a merge subject names, or in GitHub mode the
 * pull request's head branch; `pull-author`, `label`, `body`: the pull request's author, labels and description
 * (GitHub mode); `message`: the commit message (a title's mark; configured patterns anywhere in it).
 */
export type AiPlace = 'author' | 'co-author' | 'trailer' | 'footer' | 'branch' | 'pull-author' | 'label' | 'body' | 'message';

export const AI_PLACES: readonly AiPlace[] = ['author', 'co-author', 'trailer', 'footer', 'branch', 'pull-author', 'label', 'body', 'message'];

/** The strength each place gives: an agent's own identity is its work, a branch name only a hint. */
export const PLACE_STRENGTH: Readonly<Record<AiPlace, AiStrength>> = {
  author: 'agent',
  'pull-author': 'agent',
  'co-author': 'assisted',
  trailer: 'assisted',
  footer: 'assisted',
  label: 'assisted',
  body: 'assisted',
  message: 'assisted',
  branch: 'weak',
};

/**
 * Who an identity is, by what only the tool's own account holds. Never an address's domain: a tool's maintainer
 * at `@anthropic.com`, `@aider.chat` or `@all-hands.dev` is a person.
 */
export interface IdentityRule {
  /** whole addresses, lower case: the agent's own */
  readonly emails?: readonly string[];
  /**
   * GitHub App slugs, lower case: `slug[bot]` as a git name or login, a noreply address `ID+slug[bot]@…`, or (a
   * pull request's author) the login `slug` GitHub says is a Bot
   */
  readonly apps?: readonly string[];
  /** GitHub accounts that are the agent itself (logins are unique), lower case: the login, or its noreply address */
  readonly accounts?: readonly string[];
  /** the whole git name (`Paul Gauthier (aider)`) */
  readonly name?: RegExp;
  /**
   * whole names that commit from the agent's own address without being the agent: a repository's workflow that
   * borrows the address for its own automation (OpenHands' lint-fix workflow commits a formatter's output as
   * `OpenHands Bot <openhands@all-hands.dev>`). Such a name at the address is no evidence, as author or co-author
   */
  readonly borrowedBy?: RegExp;
}

/** A real occurrence of a signature: its test case (`test/model/ai/catalogue.test.ts`). */
export interface AiExample {
  /**
   * the text as it was seen: `Name <email>` (author, co-author: the trailer's line), a trailer or a line of a
   * message, a branch, a label, a description's line; a pull request's author as `login` or `login (Bot)`
   */
  readonly text: string;
  /** the public repository it was taken from */
  readonly seen: string;
  /** for a signature of `named` tool: the tool this example names */
  readonly tool?: AiToolId;
}

/** What a signature is, for the docs and the report: shaped as a lint rule's `meta`. */
export interface AiSignatureMeta {
  /** the tool it names; `named`: the tool the matched text names (`tools.ts`), else `unknown` */
  readonly tool: AiToolId | 'named';
  readonly place: AiPlace;
  /** in users' words: what it matches */
  readonly rule: string;
  /** why it is evidence, where that is not plain */
  readonly why?: string;
  readonly examples: readonly [AiExample, ...AiExample[]];
}

/** How a signature matches, by its place. */
export type AiMatcher =
  /** author, co-author, pull-author */
  | { readonly identity: IdentityRule }
  /** trailer: its key, and what the value holds */
  | { readonly trailer: { readonly key: RegExp; readonly value?: RegExp } }
  /** footer, body, message: a line (`m` flag) */
  | { readonly line: RegExp }
  /** branch, label: the whole name */
  | { readonly name: RegExp };

export type AiSignature = {
  readonly meta: AiSignatureMeta;
  /**
   * what every match of a message signature holds (a regular expression's source, case-insensitive): the one
   * quick scan a commit message passes before its trailers and lines are read. Identities' addresses, apps and
   * accounts are their own hints; a signature of `named` tool is passed by the tools' words.
   */
  readonly hint?: string;
} & AiMatcher;
