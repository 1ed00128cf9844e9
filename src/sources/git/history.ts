import type { Commit, MessageFacts } from '../../domain.js';
import { GitError } from '../../errors.js';
import { own, ownAscii } from './own-string.js';
import { streamGit, streamGitRanges } from './run.js';

// every field ends with NUL (%x00 between fields, -z after the body): git cuts every field at a NUL byte, so
// no byte of a name, an email or a message can end a field early or shift the ones after it
const FORMAT = ['%H', '%P', '%at', '%ct', '%an', '%ae', '%B'].join('%x00');

/**
 * Reads every commit reachable from `tips` and not from `exclude` in one streaming `git log`, keeping only
 * what `parse` (the model's reading of a message) makes of each message: the bodies are not kept. Author
 * names, emails and shas are interned: big histories repeat them (a parent's sha is the sha of a commit read
 * later), so each is kept once. A tip the clone lacks is left out rather than failing the read.
 * @throws GitError when git fails or its output is not the fields asked for
 */
export async function readCommits(repo: string, tips: string[], exclude: string[], parse: (message: string) => MessageFacts): Promise<Map<string, Commit>> {
  const revs = [...tips, ...exclude.map((sha) => `^${sha}`)].join('\n');
  const reader = commitReader(parse);
  await streamGitRanges(
    repo,
    ['log', '-z', '--no-color', '--encoding=UTF-8', `--format=${FORMAT}`, '--ignore-missing', '--stdin'],
    reader.field,
    { separator: 0, input: `${revs}\n` },
  );
  return reader.commits();
}

/**
 * Makes commits of `git log`'s fields (FORMAT, each ended by a NUL) handed to `field` one by one. Each field is
 * read where it stands as it comes: the dates from their digits, the ASCII shas and the UTF-8 names and message
 * decoded once each, so a commit costs no strings beyond those it keeps (a history's commits are most of a
 * report's reading time: 100,000 of them in 0.29 s here, against 0.40 s when every field was first decoded into
 * a list of strings).
 */
function commitReader(parse: (message: string) => MessageFacts): {
  field: (buffer: Buffer, start: number, end: number) => void;
  /** @throws GitError when the fields ended in the middle of a commit */
  commits: () => Map<string, Commit>;
} {
  const commits = new Map<string, Commit>();
  // two tables: the people's few thousand names stay in the cache, apart from the hundreds of thousands of shas
  const intern = { sha: interner(), person: interner() };
  // the fields of the commit being read, as they come; the body (the last and largest) is never kept
  let next = 0;
  const header: Header = { sha: '', parents: NONE, authoredAt: null, committedAt: null, name: '', email: '' };
  const field = (buffer: Buffer, start: number, end: number): void => {
    switch (next++) {
      case 0:
        // a parent is a commit git also prints (or one beyond the boundary): the commit's own sha shows the fields line up
        if (!isSha(buffer, start, end)) {
          throw new GitError(`git log printed something other than a commit (${buffer.toString('latin1', start, Math.min(end, start + 40)).replace(/[^0-9a-f]/g, '?')}): run again`);
        }
        header.sha = intern.sha(buffer.toString('latin1', start, end));
        return;
      case 1:
        header.parents = readParentShas(buffer, start, end, intern.sha);
        return;
      case 2:
        header.authoredAt = integerAt(buffer, start, end);
        return;
      case 3:
        header.committedAt = integerAt(buffer, start, end);
        return;
      case 4:
        header.name = intern.person(buffer.toString('utf8', start, end));
        return;
      case 5:
        header.email = intern.person(buffer.toString('utf8', start, end));
        return;
    }
    next = 0;
    const commit = toCommit(header, buffer, start, end, parse);
    header.parents = NONE;
    commits.set(commit.sha, commit);
  };
  return {
    field,
    commits: () => {
      if (next > 0) throw new GitError('git log ended in the middle of a commit: run again');
      return commits;
    },
  };
}

/** A commit's fields before its message. */
interface Header {
  sha: string;
  parents: string[];
  /** epoch seconds; null when git printed none (a malformed ident), NaN when it printed no number */
  authoredAt: number | null;
  committedAt: number | null;
  name: string;
  email: string;
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

const SPACE = 0x20;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const NONE: never[] = [];
// a body's first line that ends in a pull request's number may name the change a backport copies
const TITLE_REFERENCE = /\(#\d+\)$/;
// Bitbucket Cloud's squash, `Merged in <branch> (pull request #N)`, is titled by its body's first line (parseLanding),
// and so is GitHub's merge of a pull request landed as one commit (a rebuilt history's copy, grafana/k6's #5853), and
// its squash of a security advisory's fix (`Merge commit from fork`)
const TITLED_BELOW = /^(?:Merged in \S+ \(pull request #\d+\)|Merge pull request #\d+ from |Merge commit from fork$)/;

/** Whether `buffer[start, end)` is a sha: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits. */
function isSha(buffer: Buffer, start: number, end: number): boolean {
  if (end - start !== 40 && end - start !== 64) return false;
  for (let i = start; i < end; i++) {
    const c = buffer[i] as number;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/**
 * The integer git printed in `buffer[start, end)` (a date's epoch seconds), read from its digits: null when git
 * printed nothing, NaN when it is no integer.
 */
function integerAt(buffer: Buffer, start: number, end: number): number | null {
  if (start === end) return null;
  // past 15 digits the sum below rounds where Number rounds to the nearest value: git prints what the commit holds
  if (end - start > 15) return Number(buffer.toString('latin1', start, end));
  let i = start;
  const negative = buffer[i] === MINUS;
  if (negative) i++;
  if (i === end) return NaN;
  let value = 0;
  for (; i < end; i++) {
    const digit = (buffer[i] as number) - 0x30;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

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
 * One commit from its header and its message, `buffer[start, end)`. A date git cannot read (a malformed ident)
 * is missing: the other date stands in for it.
 */
function toCommit(header: Header, buffer: Buffer, start: number, end: number, parse: (message: string) => MessageFacts): Commit {
  const { sha, parents } = header;
  const authoredAt = header.authoredAt ?? header.committedAt ?? 0;
  const committedAt = header.committedAt ?? authoredAt;
  const newline = buffer.indexOf(NEWLINE, start);
  const subjectEnd = newline === -1 || newline > end ? end : newline;
  const facts = parse(buffer.toString('utf8', start, end));
  // the facts' subject differs only when a title was wrapped before its number (see parseMessage)
  const firstLine = buffer.toString('utf8', start, subjectEnd).trim();
  return {
    sha,
    parents,
    authorName: header.name,
    authorEmail: header.email,
    authoredAt: Number.isFinite(authoredAt) ? authoredAt : 0,
    committedAt: Number.isFinite(committedAt) ? committedAt : 0,
    subject: facts.subject === firstLine ? firstLine : own(facts.subject),
    // only a merge's body names what it landed (the PR title), and so does Bitbucket Cloud's squash's; a backport's
    // may name the change it copies (`* Fix the parser (#12)`, a bot's squash); other commits need not keep it
    bodyFirstLine: parents.length > 1 || TITLE_REFERENCE.test(facts.bodyFirstLine) || TITLED_BELOW.test(facts.subject) ? own(facts.bodyFirstLine) : '',
    landingUrl: facts.landingUrl === null ? null : own(facts.landingUrl),
    // a merge request lands by a merge commit: another commit's line is one it quotes
    mergeRequest: parents.length > 1 ? facts.mergeRequest : null,
    aiEvidence: facts.aiEvidence.length === 0 ? NONE : facts.aiEvidence.map((f) => ({ ...f, line: own(f.line) })),
    revertsShas: facts.revertsShas.length === 0 ? NONE : facts.revertsShas.map(own),
    revertsPrs: facts.revertsPrs.length === 0 ? NONE : facts.revertsPrs,
    revertsCls: facts.revertsCls.length === 0 ? NONE : facts.revertsCls,
    cherryPickOf: facts.cherryPickOf.length === 0 ? NONE : facts.cherryPickOf.map(own),
    backportOf: facts.backportOf.length === 0 ? NONE : facts.backportOf,
    closesPulls: facts.closesPulls.length === 0 ? NONE : facts.closesPulls,
    changeId: facts.changeId === null ? null : own(facts.changeId),
    revertMessage: facts.revertMessage,
  };
}

/**
 * `refs/pull/N/head` refs, when the clone has them: PR number → head commit, its commit date (epoch s) and, where
 * GitHub's test merge (`refs/pull/N/merge`) was made of another head than this one, that head (`mergedHead`).
 */
export type PullHeads = Map<number, PullHead>;

export interface PullHead {
  sha: string;
  at: number;
  /** the head `refs/pull/N/merge` merged, when it is not `sha`: the pull request's head moved after it was made */
  mergedHead?: string;
}

/**
 * Lists `refs/pull/N/head` (and `refs/remotes/origin/pull/N/head`) with each head's commit date, and the head each
 * `refs/pull/N/merge` merged (its second parent), in one call; `signal` stops git.
 */
export async function listPullHeads(repo: string, signal?: AbortSignal): Promise<PullHeads> {
  const heads = new Map<number, PullHead>();
  await streamGit(
    repo,
    ['for-each-ref', '--format=%(refname)%1f%(objectname)%1f%(committerdate:unix)%1f%(parent)', 'refs/pull', 'refs/remotes/origin/pull'],
    (line) => {
      const m = /\/pull\/(\d+)\/(head|merge)\x1f([0-9a-f]+)\x1f(\d*)\x1f([0-9a-f ]*)$/.exec(line.toString('utf8'));
      if (m === null) return;
      const number = Number(m[1]);
      if (m[2] === 'head') {
        // the sha decoded on its own: a match cut from the line keeps the whole line alive with it (rails: 51,753)
        heads.set(number, { sha: ownAscii(m[3] ?? ''), at: Number(m[4]) });
        return;
      }
      // `merge` sorts after `head`: kept only where the head has moved since (rails keeps 12,597 test merges)
      const merged = (m[5] ?? '').split(' ')[1];
      const head = heads.get(number);
      if (head !== undefined && merged !== undefined && merged !== head.sha) head.mergedHead = ownAscii(merged);
    },
    { separator: 10, ...(signal && { signal }) },
  );
  return heads;
}

/** A first-parent commit below the history read, as far as what it landed is read: its sha, its subject, and whether it merges. */
export interface EarlierLanding {
  sha: string;
  subject: string;
  merge: boolean;
  /** a merge's merged side (its second parent); null for any other commit */
  side: string | null;
}

/**
 * The tracked branch's first-parent commits from `boundary` (the read's excluded commit) down to those committed
 * before `since` (epoch s): what landed before the history read, its shas and subjects alone; `signal` stops git.
 */
export async function readEarlierLandings(repo: string, boundary: string, since: number, signal?: AbortSignal): Promise<EarlierLanding[]> {
  const landings: EarlierLanding[] = [];
  await streamGit(
    repo,
    ['log', '--first-parent', '--no-show-signature', `--since=@${since}`, '--format=%H %P%x1f%s', boundary, '--'],
    (line) => {
      const text = line.toString('utf8');
      const cut = text.indexOf('\x1f');
      const shaEnd = text.indexOf(' ');
      if (cut === -1 || shaEnd === -1 || shaEnd > cut) return;
      // `<sha> <parents>`: a merge names two parents or more
      const parents = text.slice(shaEnd + 1, cut).split(' ');
      landings.push({ sha: ownAscii(text.slice(0, shaEnd)), subject: text.slice(cut + 1), merge: parents.length > 1, side: parents.length > 1 ? ownAscii(parents[1] ?? '') : null });
    },
    { separator: 10, ...(signal && { signal }) },
  );
  return landings;
}
