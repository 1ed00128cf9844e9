import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { GitError } from '../../errors.js';
import { assertSafeRef, gitAnswer, gitOutput, streamGit } from './run.js';

/** The small questions about a repository; the history itself is streamed elsewhere. */
export interface RepoInfo {
  /** the path the user gave, resolved */
  path: string;
  /** the directory git commands run in */
  cwd: string;
  bare: boolean;
  shallow: boolean;
  partial: boolean;
  /** origin's URL, credentials removed */
  remoteUrl: string | null;
}

export interface TagRef {
  name: string;
  sha: string;
  /** tagger date for annotated tags, else the commit's committer date */
  at: number;
}

/**
 * Opens the repository at `path`.
 * @throws GitError (exit 2) when the path is missing or not a git repository, or has no commits
 */
export async function openRepository(path: string): Promise<RepoInfo> {
  const full = resolve(path);
  if (!existsSync(full) || !statSync(full).isDirectory()) {
    throw new GitError(`${full} does not exist or is not a directory: give the path of a git repository`, { exitCode: 2 });
  }
  let inside = '';
  let refusal = '';
  await streamGit(full, ['rev-parse', '--is-inside-work-tree', '--is-bare-repository', '--is-shallow-repository'], (line) => (inside += `${line.toString('utf8')}\n`), {
    separator: 10,
    onFailure: (_code, stderr) => {
      refusal = stderr;
      return true;
    },
  });
  if (refusal !== '') throw cannotOpen(full, refusal);
  const [, bare, shallow] = inside.trim().split('\n');
  const anyRef = await gitAnswer(full, ['for-each-ref', '--count=1', '--format=%(refname)', 'refs/heads', 'refs/remotes']);
  if (!anyRef || anyRef.trim() === '') {
    throw new GitError(`${full} has no commits yet: there is no history to audit`, { exitCode: 2 });
  }
  const remote = await gitAnswer(full, ['config', '--get', 'remote.origin.url']);
  const partialConfig = await gitAnswer(full, ['config', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$']);
  const promisorPack = (await gitAnswer(full, ['rev-parse', '--git-path', 'objects/pack']))?.trim();
  const packDir = promisorPack ? resolve(full, promisorPack) : null;
  const partial = Boolean(partialConfig?.trim()) || (packDir !== null && hasPromisorPack(packDir));
  return {
    path: full,
    cwd: full,
    bare: bare === 'true',
    shallow: shallow === 'true',
    partial,
    remoteUrl: remote ? stripCredentials(remote.trim()) : null,
  };
}

function cannotOpen(full: string, stderr: string): GitError {
  if (/not a git repository/i.test(stderr)) {
    return new GitError(`${full} is not a git repository: run flowaudit inside one, or pass its path (flowaudit report PATH)`, { exitCode: 2 });
  }
  if (/dubious ownership/i.test(stderr)) {
    return new GitError(`git refuses to read ${full}: it belongs to another user`, {
      exitCode: 2,
      hint: `if you trust it, run \`git config --global --add safe.directory ${full}\` (flowaudit honours safe.directory from your global config)`,
    });
  }
  const first = stderr.split('\n').find((line) => line.trim() !== '') ?? 'no message';
  return new GitError(`git cannot read ${full}: ${first.replace(/^fatal: /, '')}`, { exitCode: 2 });
}

function hasPromisorPack(dir: string): boolean {
  try {
    return readdirSync(dir).some((f) => f.endsWith('.promisor'));
  } catch {
    return false;
  }
}

/** Removes `user:token@` from a remote URL: tokens never reach output. */
export function stripCredentials(url: string): string {
  return url.replace(/^(\w+:\/\/)[^@/]+@/, '$1');
}

/**
 * The branch to audit and its tip (SPEC section 1): `--branch` when given, else origin/HEAD's branch, else the
 * checked-out branch, else main, master or trunk.
 * @throws GitError (exit 2) for an unknown branch
 */
export async function resolveBranch(repo: RepoInfo, requested: string | undefined): Promise<{ name: string; tip: string }> {
  const tryRef = async (ref: string): Promise<string | null> => {
    const sha = await gitAnswer(repo.cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    return sha ? sha.trim() : null;
  };
  if (requested !== undefined) {
    assertSafeRef(requested, 'branch');
    for (const ref of [`refs/heads/${requested}`, `refs/remotes/origin/${requested}`, requested]) {
      const sha = await tryRef(ref);
      if (sha) return { name: requested, tip: sha };
    }
    throw new GitError(`unknown branch '${requested.replace(/[\u0000-\u001f\u007f]/g, '')}': list branches with \`git branch -a\` and pass one with --branch`, { exitCode: 2 });
  }
  const candidates: string[] = [];
  const originHead = await gitAnswer(repo.cwd, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  if (originHead) candidates.push(originHead.trim().replace(/^refs\/remotes\/origin\//, ''));
  // the checked-out branch (in a bare mirror, the default branch) before any guess by name: a clone without
  // origin/HEAD may keep a stale master beside the main it works on
  const head = (await gitAnswer(repo.cwd, ['symbolic-ref', '--quiet', 'HEAD']))?.trim().replace(/^refs\/heads\//, '');
  if (head) candidates.push(head);
  candidates.push('main', 'master', 'trunk');
  for (const name of candidates) {
    for (const ref of [`refs/heads/${name}`, `refs/remotes/origin/${name}`]) {
      const sha = await tryRef(ref);
      if (sha) return { name, tip: sha };
    }
  }
  throw new GitError('no default branch found (no origin/HEAD, checked-out branch, main, master or trunk): pass one with --branch', { exitCode: 2 });
}

/** All tags with the commit they point at and their date, in one `for-each-ref`. */
export async function listTags(repo: RepoInfo): Promise<TagRef[]> {
  const out = await gitAnswer(repo.cwd, [
    'for-each-ref', 'refs/tags',
    '--format=%(refname:strip=2)%1f%(objecttype)%1f%(objectname)%1f%(*objectname)%1f%(*objecttype)%1f%(taggerdate:unix)%1f%(committerdate:unix)%1f%(*committerdate:unix)',
  ]);
  if (!out) return [];
  const tags: TagRef[] = [];
  for (const line of out.split('\n')) {
    const [name, type, sha, peeled, peeledType, taggerDate, committerDate, peeledCommitterDate] = line.split('\x1f');
    if (!name || !sha) continue;
    if (type === 'commit') tags.push({ name, sha, at: Number(committerDate) });
    else if (type === 'tag' && peeledType === 'commit' && peeled) {
      tags.push({ name, sha: peeled, at: Number(taggerDate || peeledCommitterDate) });
    }
  }
  return tags.filter((t) => Number.isFinite(t.at));
}

/** The `.gitattributes` at the tip, or '' (a partial clone may lack it: sizes then count generated files). */
export async function readAttributes(repo: RepoInfo, tip: string): Promise<string> {
  // through the streaming runner, whose config forbids the lazy fetch a partial clone would otherwise make
  return gitOutput(repo.cwd, ['cat-file', '-p', `${tip}:.gitattributes`]).catch(() => '');
}

/**
 * The newest first-parent commit committed before `before` (epoch seconds), or null. Read from the commits'
 * own dates rather than with `--before`: git 2.39 reads neither a small number of seconds (the 1970s) nor a
 * date past 2099 there.
 */
export async function firstParentBefore(repo: RepoInfo, tip: string, before: number): Promise<string | null> {
  let found: string | null = null;
  await streamGit(repo.cwd, ['log', '--first-parent', '--format=%H %ct', tip, '--'], (line) => {
    const [sha, ct] = line.toString('utf8').split(' ');
    if (sha === undefined || !(Number(ct) < before)) return true;
    found = sha;
    return false;
  }, { separator: 10, onFailure: () => true });
  return found;
}

/** Commit dates of commits not loaded in the model (fork points older than the history read). */
export async function commitDates(repo: RepoInfo, shas: string[]): Promise<Map<string, number>> {
  const dates = new Map<string, number>();
  if (shas.length === 0) return dates;
  const out = await gitOutput(repo.cwd, ['log', '--no-walk=unsorted', '--format=%H %ct', '--stdin'], shas.join('\n') + '\n').catch(() => '');
  for (const line of out.split('\n')) {
    const [sha, ct] = line.split(' ');
    if (sha && ct) dates.set(sha, Number(ct));
  }
  return dates;
}
