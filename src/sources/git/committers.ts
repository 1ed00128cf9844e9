import { streamGit } from './run.js';

/** Who wrote a commit and who committed it, by email, lowercased. */
export interface CommitIdentity {
  author: string;
  committer: string;
}

/**
 * The author and committer email of each of `shas`, in one `git log --no-walk` over them all: whether one
 * identity committed other people's work (a merge tool, a bot that squashes) is the question. A commit git cannot
 * read is absent.
 */
export async function readCommitters(cwd: string, shas: readonly string[]): Promise<Map<string, CommitIdentity>> {
  const found = new Map<string, CommitIdentity>();
  if (shas.length === 0) return found;
  await streamGit(cwd, ['log', '--no-walk=unsorted', '--stdin', '--format=%H%x1f%ae%x1f%ce'], (record) => {
    const [sha, author, committer] = record.toString('utf8').split('\x1f');
    if (sha !== undefined && author !== undefined && committer !== undefined) found.set(sha, { author: author.toLowerCase(), committer: committer.toLowerCase() });
  }, { separator: 10, input: `${shas.join('\n')}\n`, onFailure: () => true });
  return found;
}
