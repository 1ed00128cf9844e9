import type { Commit } from '../../domain.js';
import { parseMessage } from '../../model/message.js';
import { streamGit } from './run.js';

const FIELD = '\x1f';
// -z ends each record with NUL, which a commit message cannot contain: the body goes last so a stray
// separator inside it cannot shift the fields before it
const FORMAT = ['%H', '%P', '%an', '%ae', '%at', '%ct', '%B'].join('%x1f');

/**
 * Reads every commit reachable from `tips` and not from `exclude` in one streaming `git log`, keeping only
 * what the model needs of each. Author names and emails are interned: big histories repeat them.
 */
export async function readCommits(
  repo: string,
  tips: string[],
  exclude: string[],
  aiMarkers: readonly RegExp[],
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
  await streamGit(
    repo,
    ['log', '-z', '--no-color', '--encoding=UTF-8', `--format=${FORMAT}`, '--stdin'],
    (record) => {
      const commit = parseRecord(record, intern, aiMarkers);
      if (commit) commits.set(commit.sha, commit);
    },
    { separator: 0, input: `${revs}\n` },
  );
  return commits;
}

const SEPARATOR = 0x1f;
const NEWLINE = 0x0a;
const NONE: never[] = [];

/**
 * Decodes each field from its own bytes: a string sliced out of the whole record would keep the record,
 * body and all, alive for as long as the model keeps the field (V8 sliced strings share their parent).
 */
function parseRecord(record: Buffer, intern: (s: string) => string, aiMarkers: readonly RegExp[]): Commit | null {
  const bounds: number[] = [];
  let start = record[0] === NEWLINE ? 1 : 0;
  for (let i = 0; i < 6; i++) {
    const end = record.indexOf(SEPARATOR, start);
    if (end === -1) return null;
    bounds.push(start, end);
    start = end + 1;
  }
  const field = (i: number): string => record.toString('utf8', bounds[2 * i], bounds[2 * i + 1]);
  const parents = field(1);
  const messageEnd = record.length;
  const subjectEnd = record.indexOf(NEWLINE, start);
  const facts = parseMessage(record.toString('utf8', start, messageEnd), aiMarkers);
  return {
    sha: field(0),
    parents: parents === '' ? NONE : parents.split(' '),
    authorName: intern(field(2)),
    authorEmail: intern(field(3)),
    authoredAt: Number(field(4)),
    committedAt: Number(field(5)),
    subject: record.toString('utf8', start, subjectEnd === -1 ? messageEnd : subjectEnd).trim(),
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
