import type { Commit, MessageFacts } from '../../domain.js';
import { streamGit } from './run.js';

// -z ends each record with NUL, which a commit message cannot contain: the body goes last so a stray
// separator inside it cannot shift the fields before it
const FORMAT = ['%H', '%P', '%an', '%ae', '%at', '%ct', '%B'].join('%x1f');

/**
 * Reads every commit reachable from `tips` and not from `exclude` in one streaming `git log`, keeping only
 * what `parse` (the model's reading of a message) makes of each message: the bodies are not kept. Author
 * names and emails are interned: big histories repeat them.
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
  await streamGit(
    repo,
    ['log', '-z', '--no-color', '--encoding=UTF-8', `--format=${FORMAT}`, '--stdin'],
    (record) => {
      const commit = parseRecord(record, intern, parse);
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
function parseRecord(record: Buffer, intern: (s: string) => string, parse: (message: string) => MessageFacts): Commit | null {
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
  const facts = parse(record.toString('utf8', start, messageEnd));
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
