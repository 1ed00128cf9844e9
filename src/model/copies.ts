import { namedShas } from './named-shas.js';
import type { Change, Commit } from '../domain.js';
import { changeIdKey, copyKey, copyKeyAuthoredAt, copyKeySubject, isChangeIdKey, lineKeys, type ReleaseLineCommit } from '../sources/git/deploy-contents.js';
import type { ChangedBlob } from '../sources/git/diff-digests.js';
import { parseLanding, parseMessage } from './message.js';
import { withoutLineTag } from '../release-names.js';
import { withoutNumber } from '../title-number.js';

/**
 * Which changes have a commit with each of the `wanted` copy keys (author email, author date, subject; or a Gerrit
 * Change-Id, changeIdKey): the keys of the release lines' commits, so a backport finds the change it copies (SPEC
 * section 3). Only
 * wanted keys are kept, so the index stays as small as the release lines. Pure.
 * @returns copy key → landing shas of the changes, oldest first
 */
export function indexCopies(changes: readonly Change[], commitOf: (sha: string) => Commit | undefined, wanted: ReadonlySet<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  if (wanted.size === 0) return index;
  const add = (key: string, change: Change): void => {
    const landings = index.get(key) ?? [];
    if (!landings.includes(change.sha)) landings.push(change.sha);
    index.set(key, landings);
  };
  // most commits are no copy: their author date rules them out before a key string is made for them
  const dates = new Set([...wanted].filter((key) => !isChangeIdKey(key)).map(copyKeyAuthoredAt));
  const ids = [...wanted].some(isChangeIdKey);
  const wrapped = wrappedSubjects(wanted);
  for (const change of changes) {
    for (const sha of new Set([change.sha, ...change.commitShas])) {
      const commit = commitOf(sha);
      if (!commit) continue;
      const idKey = ids && commit.changeId !== null ? changeIdKey(commit.changeId) : null;
      if (idKey !== null && wanted.has(idKey)) add(idKey, change);
      if (!dates.has(commit.authoredAt)) continue;
      const own = copyKey(commit.authorEmail, commit.authoredAt, commit.subject);
      const key = wanted.has(own) ? own : wrapped(own);
      if (key !== null) add(key, change);
    }
  }
  return index;
}

/**
 * The wanted key a commit's key stands for when its subject is the first line of a subject the copy joined into
 * one: a subject wrapped over two lines is one to git (`%s` joins its first paragraph), and a backport made by
 * `git format-patch` and `git am` (Kubernetes' cherry-pick bot) writes it as one line. cluster-api's #12685, `Always
 * use latest apiVersion when getting owner of KubeadmConfig in` then `CABPK`, shipped in v1.11.1 by such a copy,
 * read as shipped by v1.12.0 three months later. The same author and author date, to the second, and a subject that
 * goes on from the whole of the commit's at a space: null when no wanted key is so.
 */
function wrappedSubjects(wanted: ReadonlySet<string>): (key: string) => string | null {
  let byAuthor: Map<string, string[]> | null = null;
  return (key) => {
    if (byAuthor === null) {
      byAuthor = new Map();
      for (const k of wanted) {
        if (isChangeIdKey(k)) continue;
        const author = k.slice(0, k.lastIndexOf('\x1f'));
        const keys = byAuthor.get(author) ?? [];
        keys.push(k);
        byAuthor.set(author, keys);
      }
    }
    const at = key.lastIndexOf('\x1f');
    const subject = key.slice(at + 1);
    if (subject === '') return null;
    return byAuthor.get(key.slice(0, at))?.find((k) => k.slice(at + 1).startsWith(`${subject} `)) ?? null;
  };
}

/**
 * Whether a reference (changeReferences) names `change`: a backport phrase's number does, and `Fix x (#12)` names #12
 * only when #12 is titled so (the backport's own number is no other change's). Pure.
 */
export function namesChange(ref: { number: number; title: string | null }, change: Pick<Change, 'number' | 'title'>): boolean {
  // a title may end in another number of its own: argo-cd's #26573, `fix(rbac): … (#25289)`, squashed as `… (#25289)
  // (#26573)` and backported as `… (#25289) (#26573) (#28062)`, whose reference is the title with its (#25289)
  return ref.number === change.number && (ref.title === null || ref.title === change.title || ref.title === withoutNumber(change.title));
}

/** A squash's `(#N)` at the end of a title, and a list item's bullet before it (`* Fix x (#12)`, a squash body). */
const TITLED = /^(?:[*-]\s+)?(.*?)\s*\(#(\d+)\)$/;

// a bracket that says backport, first or last in a backport's title: vitest's `fix(pool): x (#10543) [backport to
// v4] (#10564)`, undici's `fix: x (#3863) [backport] (#3866)`, aiohttp's `[Backport 3.13] x (#12249) (#12256)`.
// Only one that says so: unlike a copy's subject (withoutLineTag), a leading bracket may be the title's own, as
// flutter/packages' `[in_app_purchase_android] Add showInAppMessages support (#107412) (#11214)` is
// A word before it in the bracket too, and a colon after it: terraform's `[Manual backport]: Bump go-getter … (#38380)`
const LEADING_BACKPORT = /^\[[^\]\n]{0,40}?\bbackport\b[^\]\n]{0,100}\]:?[ \t]*/i;
const TRAILING_BACKPORT = /[ \t]*\[[^\]\n]{0,40}?\bbackport\b[^\]\n]{0,100}\]$/i;
// or a leading `backport:`, a line's version before it or not: terraform's `v1.14 backport: Fix nil pointer dereference
// in backend state migration (#38028) (#38058)` (read without it, #38028 shipped three months late, in v1.15.0)
const LEADING_WORD = /^(?:v?\d+(?:\.\d+)*(?:\.x)?[ \t]+)?backport:[ \t]*/i;

/** A title less the marks that say it is a backport (`[backport to v4]`, `v1.14 backport:`): the wrapping, not the title. */
function withoutBackportMarks(title: string): string {
  const unworded = title.replace(LEADING_WORD, '');
  return unworded.includes('[') ? unworded.replace(LEADING_BACKPORT, '').replace(TRAILING_BACKPORT, '') : unworded;
}

/**
 * The changes a release line's commit names by reference (SPEC section 3): its subject or its body's first line
 * as a change's own title with its `(#N)` — also under the backport's own `(#M)` (`Fix x (#12) (#15)`), and
 * inside a bracket saying backport (`Fix x (#12) [backport to v4] (#15)`) — and the numbers its backport phrases
 * name. Pure.
 */
export function changeReferences(commit: Pick<Commit, 'subject' | 'bodyFirstLine' | 'backportOf'>): Array<{ number: number; title: string | null }> {
  const found: Array<{ number: number; title: string | null }> = commit.backportOf.map((number) => ({ number, title: null }));
  for (const line of [commit.subject, commit.bodyFirstLine]) {
    let m = TITLED.exec(withoutBackportMarks(line));
    for (let depth = 0; m !== null && depth < 2; depth++) {
      const title = withoutBackportMarks(m[1] ?? '');
      if (title !== '') found.push({ number: Number(m[2]), title });
      m = TITLED.exec(title);
    }
  }
  return found;
}

/**
 * What a release line's commit names by reference (changeReferences), and for a merge of a pull request, its title
 * under its own number, as a squash's `Title (#M)` names it; less a line's tag too (`[release-3.5] `), where a leading
 * bracket may also be the title's own (`[in_app_purchase_android] Add …`). etcd lands its backports so: `Merge pull
 * request #20616 from ahrtr/20250906_lease_renew_3.5`, titled `[release-3.5] Re-check that the lease still exists
 * during the renew process`, main's #20590 made again by hand: read as naming nothing, its 3.5 and 3.6 backports
 * shipped nothing of main, and the note on titles alone on a release line was not said. Pure.
 */
export function lineReferences(commit: Pick<Commit, 'subject' | 'bodyFirstLine' | 'backportOf' | 'parents'>): Array<{ number: number; title: string | null }> {
  const found = changeReferences(commit);
  if (commit.parents.length < 2) return found;
  const landing = parseLanding(commit.subject, commit.bodyFirstLine, true, '');
  if (landing.number === null || landing.title === '' || landing.title === commit.subject) return found;
  const title = sameWords(landing.title);
  for (const named of new Set([title, sameWords(withoutLineTag(title))])) if (named !== '') addReference(found, { number: landing.number, title: named });
  return found;
}

/** Adds `ref` to `references` unless they list it already (the same number and title). */
export function addReference(references: Array<{ number: number; title: string | null }>, ref: { number: number; title: string | null }): void {
  if (!references.some((r) => r.number === ref.number && r.title === ref.title)) references.push(ref);
}

// hashicorp's backport-assistant's subject, `Backport of <the pull request's title> into v1.14 (#M)`, and its
// people's `Manual backport of …` / `(Manual) Backport of …`
const BACKPORT_OF_TITLE = /^(?:\(manual\)[ \t]*|manual[ \t]+)?backport of[ \t]+/i;
const INTO_LINE = /[ \t]+into[ \t]+\S+$/i;

/**
 * The title a release line's commit says it backports (SPEC section 3, a backport phrase): `<title>` of
 * `Backport of <title> into <line> (#M)`, as hashicorp's backport-assistant titles terraform's backports
 * (`Backport of Colorize diag details into v1.14 (#38148)`, with no body), and the title a bracket saying backport
 * wraps (`<title> [backport to v4] (#M)`, `[Backport 3.13] <title> (#M)`); null for any other subject. Pure.
 */
export function backportedTitle(subject: string): string | null {
  const start = BACKPORT_OF_TITLE.exec(subject);
  if (start === null) return markedTitle(subject);
  const rest = withoutNumber(subject.slice(start[0].length));
  const into = INTO_LINE.exec(rest);
  if (into === null) return null;
  const title = sameWords(rest.slice(0, into.index));
  return title === '' ? null : title;
}

/**
 * The title of a subject a bracket marks as a backport, less the numbers around it: vitest squashes 13 of the
 * year's backports onto v4 as `fix(browser): encode iframeId in tester iframe URL [backport to v4] (#10955)`,
 * main's title without main's own `(#N)`. The bracket is the backport phrase, the title names the change, as
 * `Backport of <title> into <line>` does; null when no bracket says backport.
 */
function markedTitle(subject: string): string | null {
  if (!subject.includes('[')) return null;
  const bare = withoutNumber(subject);
  const unmarked = withoutBackportMarks(bare);
  if (unmarked === bare) return null;
  const title = sameWords(withoutNumber(unmarked));
  return title === '' ? null : title;
}

/** A title with its runs of white space as one space, trimmed: how two copies of one title are compared. */
export function sameWords(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/** A pull request merged onto a release line: the commit it landed as, and its title and description. */
export interface LinePull {
  mergeCommitSha: string;
  title: string;
  body: string;
}

/**
 * The release lines' commits with what the pull requests they landed as name by reference (GitHub mode): a
 * backport bot's squash may carry the pull request's title alone while its description says `Backport of #N`.
 * The title and description are read as a commit message would be (the title its subject), by the same rules:
 * a bare `Fixes #N` names nothing. Commits no pull request landed as are returned as they were. Pure.
 */
export function withPullReferences(releaseLine: readonly ReleaseLineCommit[], pulls: readonly LinePull[]): ReleaseLineCommit[] {
  if (pulls.length === 0) return [...releaseLine];
  const landedAs = new Map<string, LinePull[]>();
  for (const pull of pulls) landedAs.set(pull.mergeCommitSha, [...(landedAs.get(pull.mergeCommitSha) ?? []), pull]);
  return releaseLine.map((commit) => {
    const landed = landedAs.get(commit.sha);
    if (landed === undefined) return commit;
    const references = [...commit.references];
    for (const pull of landed) {
      for (const ref of changeReferences(parseMessage(`${pull.title}\n\n${pull.body}`))) {
        addReference(references, ref);
      }
    }
    return { ...commit, references };
  });
}

/**
 * The changes by title (white space as one space, less a squash's `(#N)`), for the titles the release lines'
 * commits say they backport (`Backport of <title> into v1.14`): none when no commit says so.
 */
export function backportedTitles(changes: readonly Change[], releaseLine: readonly ReleaseLineCommit[]): Map<string, Change[]> {
  const wanted = new Set<string>();
  for (const commit of releaseLine) if (commit.backportTitle !== undefined) wanted.add(commit.backportTitle);
  return changesByTitle(changes, wanted);
}

/** The changes whose title's words (`sameWords`, less a squash's `(#N)`) are among `wanted`, by those words; empty when none is wanted. */
export function changesByTitle(changes: readonly Change[], wanted: ReadonlySet<string>): Map<string, Change[]> {
  const byTitle = new Map<string, Change[]>();
  if (wanted.size === 0) return byTitle;
  for (const change of changes) {
    const title = sameWords(withoutNumber(change.title));
    if (!wanted.has(title)) continue;
    const same = byTitle.get(title);
    if (same === undefined) byTitle.set(title, [change]);
    else same.push(change);
  }
  return byTitle;
}

/**
 * How long before a change merged a backport of it may have landed on its line: the two merged together. vitest's
 * `docs: update latitude logo [backport to v4] (#10803)` landed on v4 3 seconds before main's #10802 merged, and
 * read as a copy of nothing (v4.1.11 shipped it, read as never released).
 */
const MERGED_TOGETHER = 10 * 60;

/**
 * The change a line's commit backports by its title (`backportTitle`), of `byTitle` (backportedTitles): of that
 * title, the one merged last by the time the backport was made, or up to MERGED_TOGETHER after it.
 */
export function titleBackported(commit: ReleaseLineCommit, byTitle: ReadonlyMap<string, readonly Change[]>): Change | undefined {
  return commit.backportTitle === undefined ? undefined : latestMergedBy(byTitle.get(commit.backportTitle), copyKeyAuthoredAt(commit.key) + MERGED_TOGETHER);
}

/**
 * Of the changes a backport's title names, the one merged last by the time the backport was made (its author
 * date): a later change of the same title (a second `Update the changelog`) is not what it copies.
 */
export function latestMergedBy(changes: readonly Change[] | undefined, at: number): Change | undefined {
  let latest: Change | undefined;
  for (const change of changes ?? []) if (change.mergedAt <= at && (latest === undefined || change.mergedAt > latest.mergedAt)) latest = change;
  return latest;
}

/** A release line's commit that carries a change's title under a later pull request's number (`titleCarries`). */
export interface TitleCarry {
  /** the line's commit */
  line: string;
  /** the change's landing sha */
  change: string;
  /** the line's commit names no number: its title alone, bare (a backport pushed by hand); linked by its diff only, never said in the note */
  bare?: true;
}

/**
 * The release lines' commits that carry a change's title alone: the change's own title under a later pull
 * request's number, authored after the change merged. A backport bot's squash looks so: electron's trop lands
 * main's `fix: x (#52089)` on 42-x-y as `fix: x (#53099)` and says `Backport of #52089` only in the pull request's
 * description. And the change's title bare, with no number, on a commit of the line that names nothing and copies
 * nothing `copied` knows (by its copy key). SPEC section 3 links a title only with its own number: such a pair is a
 * copy only when its diff says so (`diffCopies`). Pure.
 */
export function titleCarries(changes: readonly Change[], releaseLine: readonly ReleaseLineCommit[], copied: (key: string) => boolean = () => false): TitleCarry[] {
  // a line's commit that names nothing, no copy of a change nor a cherry-pick: its subject may be a change's title
  // bare, a backport pushed by hand (nomad's cb7a191f71 on release/2.0.x, in v2.0.5, main's #28307 with the same
  // patch, its `(#28307)` left out: read as never released)
  const bare = new Map<ReleaseLineCommit, string>();
  for (const commit of releaseLine) {
    if (commit.references.length > 0 || commit.cherryPickOf.length > 0 || commit.pulledKeys !== undefined || lineKeys(commit).some(copied)) continue;
    const title = copyKeySubject(commit.key);
    if (title !== '') bare.set(commit, title);
  }
  // no line, nothing carried: the changes' titles are not indexed (100,000 of them in a history without release lines)
  if (bare.size === 0 && !releaseLine.some((commit) => commit.references.length > 0)) return [];
  // only the titles the lines name are indexed: rails' stable branches merge their backports, each naming one, where
  // the branch has 50,000 changes
  const named = new Set([...releaseLine.flatMap((commit) => commit.references.flatMap((ref) => (ref.title === null ? [] : [ref.title]))), ...bare.values()]);
  // a sync too, by its title: a line's commit with its number is its own landing there, no later copy of another's
  // (click's `Merge stable into main (#3001)`, a sync, is no copy of #2799 of that title)
  const byTitle = new Map<string, Change[]>();
  for (const change of changes) {
    if (change.number === null) continue;
    // a change's title is its subject less the `(#N)` a squash ends in
    const title = withoutNumber(change.title);
    if (!named.has(title)) continue;
    const same = byTitle.get(title);
    if (same === undefined) byTitle.set(title, [change]);
    else same.push(change);
  }
  const carries: TitleCarry[] = [];
  for (const commit of releaseLine) {
    // the commit's author date: a squash's moment of merge
    const authoredAt = copyKeyAuthoredAt(commit.key);
    for (const ref of commit.references) {
      const same = ref.title === null ? [] : (byTitle.get(ref.title) ?? []);
      // a number one of them has: that change's own copy, not another's under a later number (bevy's #18093 and
      // #18589 share a title; release-0.16.0 carries #18589's cherry-pick)
      if (same.some((change) => change.number === ref.number)) continue;
      for (const change of same) {
        // a later number, landed later: a commit of the line that came first is no copy of it (`Add the formatter (#99)`)
        if (change.kind !== 'sync' && ref.number > (change.number ?? Infinity) && authoredAt >= change.mergedAt) carries.push({ line: commit.sha, change: change.sha });
      }
    }
    const title = bare.get(commit);
    if (title === undefined) continue;
    for (const change of byTitle.get(title) ?? []) if (change.kind !== 'sync' && authoredAt >= change.mergedAt) carries.push({ line: commit.sha, change: change.sha, bare: true });
  }
  return carries;
}

/**
 * How two commits' changes compare from their files alone: `different` when they change other files, or add or
 * delete other contents, and when either's files are unknown or it changed none (no copy of anything); `same` when
 * every file goes from the same blob to the same blob; `lines` when only their changed lines can say (a file
 * modified from or to other blobs: a backport around other code).
 */
function compareFiles(a: readonly ChangedBlob[] | undefined, b: readonly ChangedBlob[] | undefined): 'different' | 'same' | 'lines' {
  if (a === undefined || b === undefined || a.length === 0 || a.length !== b.length) return 'different';
  let same = true;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ChangedBlob;
    const y = b[i] as ChangedBlob;
    if (x.path !== y.path || x.status !== y.status) return 'different';
    // an added file's lines are its blob, a deleted file's too
    if ((x.status === 'A' && x.after !== y.after) || (x.status === 'D' && x.before !== y.before)) return 'different';
    if (x.before !== y.before || x.after !== y.after) same = false;
  }
  return same ? 'same' : 'lines';
}

/**
 * The files of `carries`' commits whose changed lines must be read to compare them (compareFiles says `lines`): those
 * modified from or to other blobs than the other commit's, the few whose blobs alone cannot tell. Pure.
 * @returns sha → paths
 */
export function linesToCompare(carries: readonly TitleCarry[], files: ReadonlyMap<string, readonly ChangedBlob[]>): Map<string, string[]> {
  const wanted = new Map<string, Set<string>>();
  const want = (sha: string, path: string): void => {
    const paths = wanted.get(sha);
    if (paths === undefined) wanted.set(sha, new Set([path]));
    else paths.add(path);
  };
  for (const { line, change } of carries) {
    const ours = files.get(line);
    const theirs = files.get(change);
    if (compareFiles(ours, theirs) !== 'lines') continue;
    for (const path of differing(ours ?? [], theirs ?? [])) {
      want(line, path);
      want(change, path);
    }
  }
  return new Map([...wanted].map(([sha, paths]) => [sha, [...paths]]));
}

/** The paths of two commits' files (the same files, in the same order) that go from or to other blobs. */
function differing(a: readonly ChangedBlob[], b: readonly ChangedBlob[]): string[] {
  return a.filter((x, i) => x.before !== b[i]?.before || x.after !== b[i]?.after).map((x) => x.path);
}

/**
 * Of `carries`, the commits that repeat their change's diff line for line: the same files changed, from and to
 * the same blobs (`files`), or, where the blobs differ, the same lines added and removed (`digests`, less their
 * context and line numbers, see readDiffDigests): a backport bot's squash of the change, which ships it as a
 * cherry-pick would. Two changes of one title are told apart so (electron's many `chore: cherry-pick 1 changes
 * from chromium`). A pair whose diff is unknown is none. Pure.
 * @returns line commit sha → the landing shas of the changes it copies
 */
export function diffCopies(carries: readonly TitleCarry[], files: ReadonlyMap<string, readonly ChangedBlob[]>, digests: ReadonlyMap<string, ReadonlyMap<string, string>>): Map<string, string[]> {
  const copies = new Map<string, string[]>();
  for (const { line, change } of carries) {
    const ours = files.get(line);
    const theirs = files.get(change);
    const compared = compareFiles(ours, theirs);
    if (compared === 'different') continue;
    if (compared === 'lines' && !differing(ours ?? [], theirs ?? []).every((path) => {
      const digest = digests.get(line)?.get(path);
      return digest !== undefined && digests.get(change)?.get(path) === digest;
    })) continue;
    const landings = copies.get(line);
    if (landings === undefined) copies.set(line, [change]);
    else if (!landings.includes(change)) landings.push(change);
  }
  return copies;
}

/** The release lines' commits with the changes each copies by its diff (`diffCopies`, as `sameDiffAs`). Pure. */
export function withDiffCopies(releaseLine: readonly ReleaseLineCommit[], copies: ReadonlyMap<string, readonly string[]>): ReleaseLineCommit[] {
  if (copies.size === 0) return [...releaseLine];
  return releaseLine.map((commit) => {
    const same = copies.get(commit.sha);
    return same === undefined ? commit : { ...commit, sameDiffAs: same };
  });
}

/**
 * The changes a release line's commit carries by title alone (`carries`, as titleCarries pairs them) where nothing
 * else of the line links them: no reference by its own number, no cherry-pick line, no copy, no diff of theirs. From
 * git alone such a change ships only when a release holds its own commit; the report says how many there are. Pure.
 * @returns the landing shas of the changes
 */
export function titleOnlyCopies(changes: readonly Change[], releaseLine: readonly ReleaseLineCommit[], copies: ReadonlyMap<string, readonly string[]>, carries: readonly TitleCarry[]): Set<string> {
  // a bare title is no backport's word: only its diff links it, and the note does not count it
  const carried = new Set(carries.filter((carry) => carry.bare === undefined).map((carry) => carry.change));
  if (carried.size === 0) return carried;
  const byNumber = new Map<number, Change[]>();
  for (const change of changes) {
    if (change.number === null) continue;
    const same = byNumber.get(change.number);
    if (same === undefined) byNumber.set(change.number, [change]);
    else same.push(change);
  }
  const linked = new Set<string>();
  const picked = namedShas(releaseLine.flatMap((commit) => commit.cherryPickOf));
  const backported = backportedTitles(changes, releaseLine);
  for (const commit of releaseLine) {
    for (const key of lineKeys(commit)) for (const sha of copies.get(key) ?? []) linked.add(sha);
    for (const sha of commit.sameDiffAs ?? []) linked.add(sha);
    // a title a backport phrase gives links its change (shipments): it is no title alone
    // the one change shipments links by it: the latest of that title merged when the backport was made
    const copied = titleBackported(commit, backported);
    if (copied !== undefined) linked.add(copied.sha);
    // its own title with its own number links it
    for (const ref of commit.references) {
      if (ref.title === null) continue;
      for (const change of byNumber.get(ref.number) ?? []) if (withoutNumber(change.title) === ref.title) linked.add(change.sha);
    }
  }
  const byRefNumber = new Set(releaseLine.flatMap((commit) => commit.references.filter((r) => r.title === null).map((r) => r.number)));
  return new Set(changes.filter((c) => carried.has(c.sha) && !linked.has(c.sha) && !(c.number !== null && byRefNumber.has(c.number)) && ![c.sha, ...c.commitShas].some((s) => picked.namesOf(s).length > 0)).map((c) => c.sha));
}
