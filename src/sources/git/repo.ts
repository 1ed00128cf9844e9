import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { GitError } from '../../errors.js';
import { ownAscii } from './own-string.js';
import { assertSafeRef, gitAnswer, gitOutput, streamGit } from './run.js';

/** The small questions about a repository; the history itself is streamed elsewhere. */
export interface RepoInfo {
  /** the path the user gave, resolved */
  path: string;
  /** the directory git commands run in */
  cwd: string;
  bare: boolean;
  shallow: boolean;
  /** origin's URL, credentials removed */
  remoteUrl: string | null;
  /** branches, remote branches and tags, read once when the repository is opened */
  refs: readonly RefEntry[];
  /** the branch HEAD points at (`refs/heads/…`), or null when it is detached or that branch has no commit yet */
  head: string | null;
}

/** One ref of `refs/heads`, `refs/remotes` or `refs/tags`. */
export interface RefEntry {
  /** the full name, `refs/tags/v1.2.3` */
  name: string;
  /** the commit it points at, through one annotated tag; '' when it points at something else */
  commit: string;
  /** the commit's committer date (epoch seconds), NaN when git gave none */
  committedAt: number;
  /** an annotated tag's tagger date (epoch seconds), NaN for any other ref */
  taggedAt: number;
  /** where a symbolic ref points (`refs/remotes/origin/HEAD` → `refs/remotes/origin/main`), else '' */
  target: string;
}

export interface TagRef {
  name: string;
  sha: string;
  /** tagger date for annotated tags, else the commit's committer date */
  at: number;
}

/**
 * Opens the repository at `path`: what it is, its refs and HEAD's branch (one `for-each-ref`) and origin, in
 * three git processes run side by side (the refs then answer the branch, tag and release-line questions
 * without another process).
 * @throws GitError (exit 2) when the path is missing or not a git repository, or has no commits
 */
export async function openRepository(path: string): Promise<RepoInfo> {
  const full = resolve(path);
  if (!existsSync(full) || !statSync(full).isDirectory()) {
    throw new GitError(`${full} does not exist or is not a directory: give the path of a git repository`, { exitCode: 2 });
  }
  let inside = '';
  let refusal = '';
  const probe = streamGit(full, ['rev-parse', '--is-inside-work-tree', '--is-bare-repository', '--is-shallow-repository'], (line) => (inside += `${line.toString('utf8')}\n`), {
    separator: 10,
    onFailure: (_code, stderr) => {
      refusal = stderr;
      return true;
    },
  });
  const [, { refs, head }, remote] = await Promise.all([
    probe,
    listRefs(full),
    gitAnswer(full, ['config', '--get', 'remote.origin.url']),
  ]);
  if (refusal !== '') throw cannotOpen(full, refusal);
  const [, bare, shallow] = inside.trim().split('\n');
  if (!refs.some((ref) => ref.name.startsWith('refs/heads/') || ref.name.startsWith('refs/remotes/'))) {
    throw new GitError(`${full} has no commits yet: there is no history to audit`, { exitCode: 2 });
  }
  return {
    path: full,
    cwd: full,
    bare: bare === 'true',
    shallow: shallow === 'true',
    remoteUrl: remote ? stripCredentials(remote.trim()) : null,
    refs,
    head,
  };
}

/**
 * Every branch, remote branch and tag, with the commit and dates each points at, and the branch HEAD points at
 * (`%(HEAD)` marks it; none when HEAD is detached or its branch has no commit yet), in one `for-each-ref`.
 */
async function listRefs(cwd: string): Promise<{ refs: RefEntry[]; head: string | null }> {
  const refs: RefEntry[] = [];
  let head: string | null = null;
  await streamGit(
    cwd,
    [
      'for-each-ref',
      '--format=%(refname)%1f%(objecttype)%1f%(objectname)%1f%(committerdate:unix)%1f%(*objecttype)%1f%(*objectname)%1f%(*committerdate:unix)%1f%(taggerdate:unix)%1f%(symref)%1f%(HEAD)',
      'refs/heads', 'refs/remotes', 'refs/tags',
    ],
    (record) => {
      const [name = '', type, sha = '', at = '', peeledType, peeled = '', peeledAt = '', taggedAt = '', target = '', isHead] = record.toString('utf8').split('\x1f');
      if (name === '') return;
      if (isHead === '*' && name.startsWith('refs/heads/')) head = name;
      const [commit, date] = type === 'commit' ? [sha, at] : peeledType === 'commit' ? [peeled, peeledAt] : ['', ''];
      refs.push({ name, commit, committedAt: date === '' ? NaN : Number(date), taggedAt: type === 'tag' && taggedAt !== '' ? Number(taggedAt) : NaN, target });
    },
    // outside a repository the probe beside this one says what is wrong
    { separator: 10, onFailure: () => true },
  );
  return { refs, head };
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
  const known = branchTips(repo);
  if (requested !== undefined) {
    assertSafeRef(requested, 'branch');
    // a branch by name, else any revision git can read as a commit (a tag, a sha)
    const sha = known(requested) ?? (await gitAnswer(repo.cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${requested}^{commit}`]))?.trim();
    if (sha) return { name: requested, tip: sha };
    throw new GitError(`unknown branch '${requested.replace(/[\u0000-\u001f\u007f]/g, '')}': list branches with \`git branch -a\` and pass one with --branch`, { exitCode: 2 });
  }
  const originHead = repo.refs.find((ref) => ref.name === 'refs/remotes/origin/HEAD')?.target?.replace(/^refs\/remotes\/origin\//, '');
  const originTip = originHead ? known(originHead) : null;
  if (originHead && originTip) return { name: originHead, tip: originTip };
  // the checked-out branch (in a bare mirror, the default branch) before any guess by name: a clone without
  // origin/HEAD may keep a stale master beside the main it works on. The refs name it unless HEAD is detached
  // or its branch has no commit yet (an orphan branch whose namesake on origin is then audited): only then is
  // git asked.
  const head = (repo.head ?? (await gitAnswer(repo.cwd, ['symbolic-ref', '--quiet', 'HEAD']))?.trim())?.replace(/^refs\/heads\//, '');
  const candidates = head ? [head, 'main', 'master', 'trunk'] : ['main', 'master', 'trunk'];
  for (const name of candidates) {
    const sha = known(name);
    if (sha) return { name, tip: sha };
  }
  throw new GitError('no default branch found (no origin/HEAD, checked-out branch, main, master or trunk): pass one with --branch', { exitCode: 2 });
}

/** The tip of the branch of that name, local or origin's (what --branch takes by name); null when there is none. */
export function branchTips(repo: RepoInfo): (name: string) => string | null {
  const commitOf = new Map(repo.refs.filter((ref) => ref.commit !== '').map((ref) => [ref.name, ref.commit]));
  return (name) => commitOf.get(`refs/heads/${name}`) ?? commitOf.get(`refs/remotes/origin/${name}`) ?? null;
}

/** The newest committer date of a branch tip, local or a remote's, no later than `before`; null for none. */
export function newestBranchCommit(repo: RepoInfo, before: number): number | null {
  let newest: number | null = null;
  for (const ref of repo.refs) {
    if (!ref.name.startsWith('refs/heads/') && !ref.name.startsWith('refs/remotes/')) continue;
    if (Number.isFinite(ref.committedAt) && ref.committedAt <= before && (newest === null || ref.committedAt > newest)) newest = ref.committedAt;
  }
  return newest;
}

/** All tags with the commit they point at and their date, from the refs read when the repository was opened. */
export function listTags(repo: RepoInfo): TagRef[] {
  const tags: TagRef[] = [];
  for (const ref of repo.refs) {
    if (!ref.name.startsWith('refs/tags/') || ref.commit === '') continue;
    const at = Number.isFinite(ref.taggedAt) ? ref.taggedAt : ref.committedAt;
    if (Number.isFinite(at)) tags.push({ name: ref.name.slice('refs/tags/'.length), sha: ref.commit, at });
  }
  return tags;
}

/**
 * The names of the tags whose commits `tip` reaches: the releases of the line it is on. One `for-each-ref`.
 * @throws GitError when git fails
 */
export async function tagsReachedFrom(cwd: string, tip: string): Promise<Set<string>> {
  const names = new Set<string>();
  await streamGit(cwd, ['for-each-ref', `--merged=${assertSafeRef(tip, 'commit')}`, '--format=%(refname)', 'refs/tags'], (line) => {
    names.add(line.toString('utf8').slice('refs/tags/'.length));
  }, { separator: 10 });
  return names;
}

/**
 * Branch and tag tips that mark release lines (section 1): release-line branches but the tracked one, and
 * release tags; each with its commit date (epoch seconds).
 */
export function releaseTips(
  repo: RepoInfo,
  trackedBranch: string,
  names: { isReleaseLine: (branch: string) => boolean; isReleaseTag: (tag: string) => boolean },
): Map<string, number> {
  const tips = new Map<string, number>();
  for (const ref of repo.refs) {
    if (ref.commit === '') continue;
    const tag = ref.name.startsWith('refs/tags/');
    const name = ref.name.replace(/^refs\/(?:tags|heads|remotes\/[^/]+)\//, '');
    if (tag ? names.isReleaseTag(name) : name !== trackedBranch && name !== 'HEAD' && names.isReleaseLine(name)) tips.set(ref.commit, ref.committedAt);
  }
  return tips;
}

/** The `.gitattributes` at the tip, or '' (a partial clone may lack it: sizes then count generated files). */
export async function readAttributes(repo: RepoInfo, tip: string): Promise<string> {
  // through the streaming runner, whose config forbids the lazy fetch a partial clone would otherwise make
  return gitOutput(repo.cwd, ['cat-file', '-p', `${tip}:.gitattributes`]).catch(() => '');
}

/** Where the history read ends on the first-parent line, and the line down to there. */
export interface FirstParentSpan {
  /** the newest first-parent commit committed before the history read starts, with its commit date; null: none */
  boundary: { sha: string; at: number } | null;
  /** the first-parent commits from the tip down to the boundary (not included): the line whose sizes are read */
  above: readonly string[];
}

/** The first-parent line from a commit down, each commit with its commit date (epoch seconds). */
export interface FirstParentLine {
  shas: string[];
  dates: number[];
}

/**
 * The first-parent line from `rev` down to the first commit committed before `downTo` (epoch seconds), that
 * commit included; the whole line when there is none. Read from the commits' own dates rather than with
 * `--before`: git 2.39 reads neither a small number of seconds (the 1970s) nor a date past 2099 there. A
 * revision git cannot read gives an empty line. `signal` stops git (the promise then rejects).
 */
export async function readFirstParentLine(cwd: string, rev: string, downTo: number, signal?: AbortSignal): Promise<FirstParentLine> {
  const line: FirstParentLine = { shas: [], dates: [] };
  await streamGit(cwd, ['log', '--first-parent', '--format=%H %ct', '--end-of-options', rev, '--'], (record) => {
    const [sha, ct] = record.toString('latin1').split(' ');
    if (sha === undefined) return true;
    line.shas.push(ownAscii(sha));
    line.dates.push(Number(ct));
    return Number(ct) < downTo ? false : true;
  }, { separator: 10, onFailure: () => true, ...(signal && { signal }) });
  return line;
}

/**
 * Where the history read ends on `line` (read down to `before` or further): the newest commit committed before
 * `before`, and the commits above it. Pure.
 */
export function spanOf(line: FirstParentLine, before: number): FirstParentSpan {
  const end = line.dates.findIndex((at) => at < before);
  const boundary = end === -1 ? null : { sha: line.shas[end] as string, at: line.dates[end] as number };
  return { boundary, above: end === -1 ? line.shas : line.shas.slice(0, end) };
}

/** The newest first-parent commit committed before `before` (epoch seconds), with its commit date, or null, and the commits above it. */
export async function firstParentBefore(repo: RepoInfo, tip: string, before: number): Promise<FirstParentSpan> {
  return spanOf(await readFirstParentLine(repo.cwd, tip, before), before);
}

/**
 * The oldest commit of `tip`'s first-parent line that no commit of `held` holds, with the earliest commit date of
 * those that none holds (one dated earlier above it, clock skew, starts the read); null when `held` holds the tip or
 * git cannot read them. Reads no commit committed before `after` (epoch seconds; none when 0 or less): then the
 * oldest is the oldest read. One `rev-list`, whose walk stops where `held` meets the line, however old its own lines are.
 */
export async function oldestNotHeld(cwd: string, tip: string, held: readonly string[], after: number): Promise<{ sha: string; at: number } | null> {
  // rev-list reads `--max-age` as seconds (the 1970s too); the walk is whole when there is no bound
  const line = { oldest: null as string | null, earliest: Infinity };
  await streamGit(cwd, ['rev-list', '--first-parent', '--timestamp', ...maxAge(after), '--stdin'], (record) => {
    const [at, sha] = record.toString('latin1').split(' ');
    if (sha === undefined || !Number.isFinite(Number(at))) return;
    line.oldest = ownAscii(sha);
    line.earliest = Math.min(line.earliest, Number(at));
  }, { separator: 10, input: `${assertSafeRef(tip, 'commit')}\n${notHeld(held)}`, onFailure: () => true });
  return line.oldest === null ? null : { sha: line.oldest, at: line.earliest };
}

const maxAge = (after: number): string[] => (after > 0 ? [`--max-age=${Math.floor(after)}`] : []);
const notHeld = (shas: readonly string[]): string => [...new Set(shas)].map((sha) => `^${sha}\n`).join('');

/**
 * The commit date of the oldest commit of `tip`'s first-parent line that no commit of `shipped` holds (the releases
 * made before a window) and one of `shipping` does (those made in it): the first of those that holds it shipped it.
 * A release cut on a branch of its own holds the line only up to where that branch left it (cargo's 0.92.0, tagged
 * 2025-10-30, up to 2025-09-10), and one merged back holds it no further (prometheus'). Reads no commit older than
 * `span.after` (epoch seconds). Null when it is no older than `span.before` (where the caller reads from anyway),
 * when none is left to ship (`shipped` holds the tip), when no release of `shipping` holds it (aiohttp's, cut from
 * its 3.x lines, hold none of master's), or when git cannot read them. Two `rev-list`s at most, whose walks stop
 * where the releases meet the line, however old their own lines are.
 */
export async function oldestShipped(
  cwd: string,
  tip: string,
  releases: { shipped: readonly string[]; shipping: readonly string[] },
  span: { after: number; before: number },
): Promise<number | null> {
  const oldest = await oldestNotHeld(cwd, tip, releases.shipped, span.after);
  if (oldest === null || releases.shipping.length === 0 || oldest.at >= span.before) return null;
  // what a release of the window holds is left out: nothing of the oldest is left when one holds it
  const left: number[] = [];
  await streamGit(cwd, ['rev-list', '--count', ...maxAge(span.after), '--stdin'], (record) => {
    left.push(Number(record.toString('latin1')));
  }, { separator: 10, input: `${oldest.sha}\n${notHeld(releases.shipping)}`, onFailure: () => true });
  return left[0] === 0 ? oldest.at : null;
}

/**
 * Where a second read of the sizes starts on `above` (a span's line, tip first) when the first read, started
 * from the tip before the line was known, has passed `done` of its commits: halfway down what is left, so that
 * the two end together. Null on a line under `splitFrom` commits (a second git process would not pay for
 * itself), or when the first read has less than half of that left. Pure.
 */
export function splitPoint(above: readonly string[], done: number, splitFrom: number): string | null {
  const left = above.length - done;
  return above.length >= splitFrom && left >= splitFrom / 2 ? (above[done + (left >> 1)] ?? null) : null;
}

/**
 * The branches and remote branches (`refs/heads/…`, `refs/remotes/…`) that hold `commit`'s second parent, the side a
 * merge brought in, in one `for-each-ref --contains` (`at`: those whose tip it is, `--points-at`); none when git
 * cannot say. `commit` is a sha the history gave.
 */
export async function branchesHoldingSide(repo: RepoInfo, commit: string, how: 'contains' | 'at' = 'contains'): Promise<string[]> {
  const names: string[] = [];
  await streamGit(
    repo.cwd,
    ['for-each-ref', `--${how === 'at' ? 'points-at' : 'contains'}=${assertSafeRef(commit, 'commit')}^2`, '--format=%(refname)', 'refs/heads', 'refs/remotes'],
    (record) => {
      const name = record.toString('utf8');
      if (name !== '') names.push(name);
    },
    { separator: 10, onFailure: () => true },
  );
  return names;
}

/** Commit dates of commits not loaded in the model (fork points older than the history read). */
export async function commitDates(repo: RepoInfo, shas: string[]): Promise<Map<string, number>> {
  const dates = new Map<string, number>();
  if (shas.length === 0) return dates;
  const out = await gitOutput(repo.cwd, ['log', '--no-walk=unsorted', '--format=%H %ct', '--stdin'], shas.join('\n') + '\n').catch(() => '');
  for (const line of out.split('\n')) {
    const [sha, ct] = line.split(' ');
    if (sha && ct) dates.set(ownAscii(sha), Number(ct));
  }
  return dates;
}
