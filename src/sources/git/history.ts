import type { Commit, MessageFacts } from '../../domain.js';
import { GitError } from '../../errors.js';
import { own, ownAscii } from './own-string.js';
import { streamGit, streamGitRanges } from './run.js';

// every field ends with NUL (%x00 between fields, -z after the body): git cuts every field at a NUL byte, so
// no byte of a name, an email or a message can end a field early or shift the ones after it
const FORMAT = ['%H', '%P', '%at', '%ct', '%an', '%ae', '%B'].join('%x00');
const FIELDS = 7;

/**
 * Reads every commit reachable from `tips` and not from `exclude` in one streaming `git log`, keeping only
 * what `parse` (the model's reading of a message) makes of each message: the bodies are not kept. Author
 * names, emails and shas are interned: big histories repeat them (a parent's sha is the sha of a commit read
 * later), so each is kept once. A tip the clone lacks is left out rather than failing the read.
 * @throws GitError when git fails or its output is not the fields asked for
 */
export async function readCommits(repo: string, tips: string[], exclude: string[], parse: (message: string) => MessageFacts): Promise<Map<string, Commit>> {
  const commits = new Map<string, Commit>();
  // two tables: the people's few thousand names stay in the cache, apart from the hundreds of thousands of shas
  const intern = { sha: interner(), person: interner() };
  const revs = [...tips, ...exclude.map((sha) => `^${sha}`)].join('\n');
  // the fields of the commit being read, decoded as they come; the body (the last and largest) is never kept
  const fields: string[] = [];
  let parents: string[] = NONE;
  await streamGitRanges(
    repo,
    ['log', '-z', '--no-color', '--encoding=UTF-8', `--format=${FORMAT}`, '--ignore-missing', '--stdin'],
    (buffer, start, end) => {
      const field = fields.length;
      if (field === PARENTS_FIELD) parents = readParentShas(buffer, start, end, intern.sha);
      if (field < FIELDS - 1) {
        // shas and dates are ASCII; names and emails are UTF-8
        fields.push(field < NAME_FIELD ? (field === PARENTS_FIELD ? '' : buffer.toString('latin1', start, end)) : buffer.toString('utf8', start, end));
        return;
      }
      const commit = toCommit(fields, parents, buffer, start, end, intern, parse);
      fields.length = 0;
      parents = NONE;
      commits.set(commit.sha, commit);
    },
    { separator: 0, input: `${revs}\n` },
  );
  if (fields.length > 0) throw new GitError('git log ended in the middle of a commit: run again');
  return commits;
}

/** Keeps one copy of each string passed: the one it returns. */
function interner(): (s: string) => string {
  const strings = new Map<string, string>();
  return (s) => {
    const kept = strings.get(s);
    if (kept !== undefined) return kept;
    strings.set(s, s);
    return s;
  };
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const PARENTS_FIELD = 1;
const NAME_FIELD = 4;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const NONE: never[] = [];
// a body's first line that ends in a pull request's number may name the change a backport copies
const TITLE_REFERENCE = /\(#\d+\)$/;

/**
 * The parent shas in `buffer[start, end)`, space-separated, each decoded on its own (no string cut from another).
 * The array is made at its final length: one grown by `push` reserves room for 16, which over the commits of
 * a large history was the largest part of the memory they took.
 */
function readParentShas(buffer: Buffer, start: number, end: number, intern: (s: string) => string): string[] {
  if (start === end) return NONE;
  const first = buffer.indexOf(SPACE, start);
  if (first === -1 || first >= end) return [intern(buffer.toString('latin1', start, end))];
  const shas: string[] = [];
  for (let from = start; from <= end; ) {
    let to = buffer.indexOf(SPACE, from);
    if (to === -1 || to > end) to = end;
    shas.push(intern(buffer.toString('latin1', from, to)));
    from = to + 1;
  }
  return shas.slice();
}

/**
 * One commit from its first six fields (parents already split) and its message, `buffer[start, end)`. A date
 * git cannot read (a malformed ident) comes back empty: the other date stands in for it.
 */
function toCommit(
  fields: string[],
  parents: string[],
  buffer: Buffer,
  start: number,
  end: number,
  intern: { sha: (s: string) => string; person: (s: string) => string },
  parse: (message: string) => MessageFacts,
): Commit {
  const [sha = '', , at = '', ct = '', name = '', email = ''] = fields;
  // a parent is a commit git also prints (or one beyond the boundary): the commit's own sha shows the fields line up
  if (!SHA.test(sha)) {
    throw new GitError(`git log printed something other than a commit (${sha.slice(0, 40).replace(/[^0-9a-f]/g, '?')}): run again`);
  }
  const authoredAt = at === '' ? Number(ct) : Number(at);
  const committedAt = ct === '' ? authoredAt : Number(ct);
  const newline = buffer.indexOf(NEWLINE, start);
  const subjectEnd = newline === -1 || newline > end ? end : newline;
  const facts = parse(buffer.toString('utf8', start, end));
  return {
    sha: intern.sha(sha),
    parents,
    authorName: intern.person(name),
    authorEmail: intern.person(email),
    authoredAt: Number.isFinite(authoredAt) ? authoredAt : 0,
    committedAt: Number.isFinite(committedAt) ? committedAt : 0,
    subject: buffer.toString('utf8', start, subjectEnd).trim(),
    // only a merge's body names what it landed (the PR title), and a backport's may name the change it copies
    // (`* Fix the parser (#12)`, a bot's squash); other commits need not keep it
    bodyFirstLine: parents.length > 1 || TITLE_REFERENCE.test(facts.bodyFirstLine) ? own(facts.bodyFirstLine) : '',
    landingUrl: facts.landingUrl === null ? null : own(facts.landingUrl),
    aiEvidence: facts.aiEvidence.length === 0 ? NONE : facts.aiEvidence.map((f) => ({ ...f, line: own(f.line) })),
    revertsShas: facts.revertsShas.length === 0 ? NONE : facts.revertsShas.map(own),
    revertsPrs: facts.revertsPrs.length === 0 ? NONE : facts.revertsPrs,
    cherryPickOf: facts.cherryPickOf.length === 0 ? NONE : facts.cherryPickOf.map(own),
    backportOf: facts.backportOf.length === 0 ? NONE : facts.backportOf,
    revertMessage: facts.revertMessage,
  };
}

/** `refs/pull/N/head` refs, when the clone has them: PR number → head commit and its commit date (epoch s). */
export type PullHeads = Map<number, { sha: string; at: number }>;

/** Lists `refs/pull/N/head` (and `refs/remotes/origin/pull/N/head`) with each head's commit date, in one call; `signal` stops git. */
export async function listPullHeads(repo: string, signal?: AbortSignal): Promise<PullHeads> {
  const heads = new Map<number, { sha: string; at: number }>();
  await streamGit(
    repo,
    ['for-each-ref', '--format=%(refname)%1f%(objectname)%1f%(committerdate:unix)', 'refs/pull', 'refs/remotes/origin/pull'],
    (line) => {
      const m = /\/pull\/(\d+)\/head\x1f([0-9a-f]+)\x1f(\d*)$/.exec(line.toString('utf8'));
      // the sha decoded on its own: a match cut from the line keeps the whole line alive with it (rails: 51,753)
      if (m) heads.set(Number(m[1]), { sha: ownAscii(m[2] ?? ''), at: Number(m[3]) });
    },
    { separator: 10, ...(signal && { signal }) },
  );
  return heads;
}
