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
      const commit = parseRecord(record.toString('utf8'), intern, aiMarkers);
      if (commit) commits.set(commit.sha, commit);
    },
    { separator: 0, input: `${revs}\n` },
  );
  return commits;
}

function parseRecord(text: string, intern: (s: string) => string, aiMarkers: readonly RegExp[]): Commit | null {
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < 6; i++) {
    const end = text.indexOf(FIELD, start);
    if (end === -1) return null;
    fields.push(text.slice(start, end));
    start = end + 1;
  }
  const [sha, parents, authorName, authorEmail, authoredAt, committedAt] = fields as [string, string, string, string, string, string];
  const facts = parseMessage(text.slice(start), aiMarkers);
  return {
    sha: sha.replace(/^\n/, ''),
    parents: parents === '' ? [] : parents.split(' '),
    authorName: intern(authorName),
    authorEmail: intern(authorEmail),
    authoredAt: Number(authoredAt),
    committedAt: Number(committedAt),
    subject: facts.subject,
    bodyFirstLine: facts.bodyFirstLine,
    landingUrl: facts.landingUrl,
    aiEvidence: facts.aiEvidence,
    revertsShas: facts.revertsShas,
    revertsPrs: facts.revertsPrs,
  };
}
