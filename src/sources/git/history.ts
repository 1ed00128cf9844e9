import type { Commit, MessageFacts } from '../../domain.js';
import { GitError } from '../../errors.js';
import { streamGit } from './run.js';

// every field ends with NUL (%x00 between fields, -z after the body): git cuts every field at a NUL byte, so
// no byte of a name, an email or a message can end a field early or shift the ones after it
const FORMAT = ['%H', '%P', '%at', '%ct', '%an', '%ae', '%B'].join('%x00');
const FIELDS = 7;

/**
 * Reads every commit reachable from `tips` and not from `exclude` in one streaming `git log`, keeping only
 * what `parse` (the model's reading of a message) makes of each message: the bodies are not kept. Author
 * names and emails are interned: big histories repeat them.
 * @throws GitError when git fails or its output is not the fields asked for
 */
export async function readCommits(
  repo: string,
  tips: string[],
  exclude: string[],
  parse: (message: string) => MessageFacts,
): Promise<Map<string, Commit>> {
  const commits = new Map<string, Commit>();
  const strings = new Map<string, string>();
  const intern = (s: string): string => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };
  const revs = [...tips, ...exclude.map((sha) => `^${sha}`)].join('\n');
  // the fields of the commit being read; the body (the last and largest) is never kept as a string
  const fields: string[] = [];
  await streamGit(
    repo,
    ['log', '-z', '--no-color', '--encoding=UTF-8', `--format=${FORMAT}`, '--stdin'],
    (field) => {
      if (fields.length < FIELDS - 1) {
        fields.push(field.toString('utf8'));
        return;
      }
      const commit = toCommit(fields, field, intern, parse);
      fields.length = 0;
      commits.set(commit.sha, commit);
    },
    { separator: 0, input: `${revs}\n` },
  );
  if (fields.length > 0) throw new GitError('git log ended in the middle of a commit: run again');
  return commits;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const PARENTS = /^([0-9a-f]{40}([0-9a-f]{24})?( |$))*$/;
const NEWLINE = 0x0a;
const NONE: never[] = [];

/**
 * One commit from its first six fields and its message's bytes. A date git cannot read (a malformed ident)
 * comes back empty: the other date stands in for it.
 */
function toCommit(fields: string[], message: Buffer, intern: (s: string) => string, parse: (message: string) => MessageFacts): Commit {
  const [sha = '', parents = '', at = '', ct = '', name = '', email = ''] = fields;
  if (!SHA.test(sha) || !PARENTS.test(parents)) throw new GitError(`git log printed something other than a commit (${sha.slice(0, 40).replace(/[^0-9a-f]/g, '?')}): run again`);
  const authoredAt = at === '' ? Number(ct) : Number(at);
  const committedAt = ct === '' ? authoredAt : Number(ct);
  const subjectEnd = message.indexOf(NEWLINE);
  const facts = parse(message.toString('utf8'));
  return {
    sha,
    parents: parents === '' ? NONE : parents.split(' '),
    authorName: intern(name),
    authorEmail: intern(email),
    authoredAt: Number.isFinite(authoredAt) ? authoredAt : 0,
    committedAt: Number.isFinite(committedAt) ? committedAt : 0,
    subject: message.toString('utf8', 0, subjectEnd === -1 ? message.length : subjectEnd).trim(),
    // only a merge's body names what it landed (the PR title); other commits need not keep it
    bodyFirstLine: parents.includes(' ') ? own(facts.bodyFirstLine) : '',
    landingUrl: facts.landingUrl === null ? null : own(facts.landingUrl),
    aiEvidence: facts.aiEvidence.length === 0 ? NONE : facts.aiEvidence.map(own),
    revertsShas: facts.revertsShas.length === 0 ? NONE : facts.revertsShas.map(own),
    revertsPrs: facts.revertsPrs.length === 0 ? NONE : facts.revertsPrs,
  };
}

/** A copy of `s` that shares no memory with the message it was cut from. */
function own(s: string): string {
  return s.length === 0 ? '' : Buffer.from(s, 'utf8').toString('utf8');
}

/** `refs/pull/N/head` refs, when the clone has them: PR number → head commit and its commit date (epoch s). */
export type PullHeads = Map<number, { sha: string; at: number }>;

/** Lists `refs/pull/N/head` (and `refs/remotes/origin/pull/N/head`) with each head's commit date, in one call. */
export async function listPullHeads(repo: string): Promise<PullHeads> {
  const heads = new Map<number, { sha: string; at: number }>();
  await streamGit(
    repo,
    ['for-each-ref', '--format=%(refname)%1f%(objectname)%1f%(committerdate:unix)', 'refs/pull', 'refs/remotes/origin/pull'],
    (line) => {
      const m = /\/pull\/(\d+)\/head\x1f([0-9a-f]+)\x1f(\d*)$/.exec(line.toString('utf8'));
      if (m) heads.set(Number(m[1]), { sha: m[2] ?? '', at: Number(m[3]) });
    },
    { separator: 10 },
  );
  return heads;
}

/**
 * Branch and tag tips that mark release lines (section 1): release-line branches but the tracked one, and
 * release tags; each with its commit date (epoch seconds).
 */
export async function listReleaseTips(
  repo: string,
  trackedBranch: string,
  names: { isReleaseLine: (branch: string) => boolean; isReleaseTag: (tag: string) => boolean },
): Promise<Map<string, number>> {
  const tips = new Map<string, number>();
  await streamGit(
    repo,
    [
      'for-each-ref',
      '--format=%(refname)%1f%(objecttype)%1f%(objectname)%1f%(committerdate:unix)%1f%(*objecttype)%1f%(*objectname)%1f%(*committerdate:unix)',
      'refs/heads', 'refs/remotes', 'refs/tags',
    ],
    (record) => {
      const [ref = '', type, sha = '', at, peeledType, peeled = '', peeledAt] = record.toString('utf8').split('\x1f');
      const [commit, date] = type === 'commit' ? [sha, at] : peeledType === 'commit' ? [peeled, peeledAt] : ['', ''];
      if (commit === '') return;
      const tag = ref.startsWith('refs/tags/');
      const name = ref.replace(/^refs\/(?:tags|heads|remotes\/[^/]+)\//, '');
      if (tag ? names.isReleaseTag(name) : name !== trackedBranch && name !== 'HEAD' && names.isReleaseLine(name)) tips.set(commit, Number(date));
    },
    { separator: 10 },
  );
  return tips;
}

/**
 * The parents of every commit reachable from `tips` and not from `exclude`, in one `rev-list`: the shape of
 * release lines beyond the tracked branch, without their messages.
 */
export async function readParents(repo: string, tips: string[], exclude: string[]): Promise<Map<string, string[]>> {
  const parents = new Map<string, string[]>();
  if (tips.length === 0) return parents;
  const revs = [...tips, ...exclude.map((sha) => `^${sha}`)].join('\n');
  await streamGit(
    repo,
    ['rev-list', '--parents', '--stdin'],
    (line) => {
      const [sha, ...rest] = line.toString('utf8').trim().split(' ');
      if (sha) parents.set(sha, rest);
    },
    { separator: 10, input: `${revs}\n` },
  );
  return parents;
}
