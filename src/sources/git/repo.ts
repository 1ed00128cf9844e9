import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { GitError } from '../../errors.js';
import { GIT_CONFIG_ARGS, GIT_ENV, assertSafeRef, gitOutput } from './run.js';

/** The small questions about a repository, asked with simple-git; the history itself is streamed elsewhere. */
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

function git(cwd: string): SimpleGit {
  // simple-git refuses protocol and fsmonitor settings (it guards against enabling them); the small questions
  // asked here never fetch or touch the work tree, so they run without them
  const configs = GIT_CONFIG_ARGS.filter((arg, i) => i % 2 === 1 && !/^(protocol|core\.fsmonitor)/.test(arg));
  return simpleGit({ baseDir: cwd, config: configs }).env(SIMPLE_GIT_ENV);
}

// simple-git refuses to run with variables that can run programs (EDITOR, GIT_PAGER, GIT_SSH_COMMAND…) in
// the environment it is given; a user's shell often has them, and none is needed to read history
const PASSED_VARIABLES = ['PATH', 'HOME', 'USERPROFILE', 'SystemRoot', 'TMPDIR', 'TMP', 'TEMP', 'XDG_CONFIG_HOME', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'GIT_CEILING_DIRECTORIES'];
const SIMPLE_GIT_ENV: Record<string, string> = Object.fromEntries(
  Object.entries(GIT_ENV).filter(([key, value]) => value !== undefined && (PASSED_VARIABLES.includes(key) || ['GIT_OPTIONAL_LOCKS', 'GIT_TERMINAL_PROMPT', 'LC_ALL'].includes(key))),
) as Record<string, string>;

async function raw(cwd: string, args: string[]): Promise<string | null> {
  try {
    return await git(cwd).raw(args);
  } catch {
    return null;
  }
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
  let inside: string;
  try {
    inside = await git(full).raw(['rev-parse', '--is-inside-work-tree', '--is-bare-repository', '--is-shallow-repository']);
  } catch (error) {
    const message = (error as Error).message;
    if (/not a git repository/i.test(message)) {
      throw new GitError(`${full} is not a git repository: run flowaudit inside one, or pass its path (flowaudit report PATH)`, { exitCode: 2 });
    }
    throw new GitError(`git cannot read ${full}: ${message.split('\n')[0] ?? ''}`, { exitCode: 2, cause: error });
  }
  const [, bare, shallow] = inside.trim().split('\n');
  const anyRef = await raw(full, ['for-each-ref', '--count=1', '--format=%(refname)', 'refs/heads', 'refs/remotes']);
  if (!anyRef || anyRef.trim() === '') {
    throw new GitError(`${full} has no commits yet: there is no history to audit`, { exitCode: 2 });
  }
  const remote = await raw(full, ['config', '--get', 'remote.origin.url']);
  const partialConfig = await raw(full, ['config', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$']);
  const promisorPack = (await raw(full, ['rev-parse', '--git-path', 'objects/pack']))?.trim();
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
    const sha = await raw(repo.cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
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
  const originHead = await raw(repo.cwd, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  if (originHead) candidates.push(originHead.trim().replace(/^refs\/remotes\/origin\//, ''));
  // the checked-out branch (in a bare mirror, the default branch) before any guess by name: a clone without
  // origin/HEAD may keep a stale master beside the main it works on
  const head = (await raw(repo.cwd, ['symbolic-ref', '--quiet', 'HEAD']))?.trim().replace(/^refs\/heads\//, '');
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
  const out = await raw(repo.cwd, [
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

/** `refs/pull/N/head` refs, when the clone has them: PR number → head commit. */
export async function listPullHeads(repo: RepoInfo): Promise<Map<number, string>> {
  const out = await raw(repo.cwd, ['for-each-ref', '--format=%(refname)%1f%(objectname)', 'refs/pull', 'refs/remotes/origin/pull']);
  const heads = new Map<number, string>();
  for (const line of (out ?? '').split('\n')) {
    const m = /\/pull\/(\d+)\/head\x1f([0-9a-f]+)$/.exec(line);
    if (m) heads.set(Number(m[1]), m[2] ?? '');
  }
  return heads;
}

/** The `.gitattributes` at the tip, or '' (a partial clone may lack it: sizes then count generated files). */
export async function readAttributes(repo: RepoInfo, tip: string): Promise<string> {
  // through the streaming runner, whose config forbids the lazy fetch a partial clone would otherwise make
  return gitOutput(repo.cwd, ['cat-file', '-p', `${tip}:.gitattributes`]).catch(() => '');
}

/** The newest first-parent commit committed before `before` (epoch seconds), or null. */
export async function firstParentBefore(repo: RepoInfo, tip: string, before: number): Promise<string | null> {
  const out = await raw(repo.cwd, ['rev-list', '-1', '--first-parent', `--before=${before}`, tip]);
  return out && out.trim() !== '' ? out.trim() : null;
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
