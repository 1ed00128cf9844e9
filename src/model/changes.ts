import { RELEASE_COMMIT, type AiFinding, type Change, type ChangeKind, type Commit, type Size } from '../domain.js';
import type { Tester } from '../patterns.js';
import { compileCatalogue, type AiCatalogue } from './ai/compile.js';
import { changeReferences, namesChange } from './copies.js';
import { addAiFindings, agentCommitEvidence, setAiFindings } from './ai/facts.js';
import { isBot } from './bots.js';
import { isVersionBump, isVersionlessRelease, landedNumber, landedNumbers, mergeRequestFromUrl, namedReleaseVersion, namesBranch, numberFromUrl, opensDevelopment, ownBumpVersion, parseLanding, sameVersion, type Landing } from './message.js';
import { CopyIndex, carriedOver, ownCommits, pullRefCommits, type OwnCommitRules } from './own-commits.js';
import type { PullCommits } from './pull-commits.js';
import { isReleaseLine, namesRelease } from './release-lines.js';
import { UNMEASURED } from './stages.js';
import { append, largest } from '../lists.js';
import { namesVersion, taggedVersion } from '../release-names.js';
import { copySubject, endsWithNumber, trailingNumber, withoutNumber, withoutOwnNumber } from '../title-number.js';

export interface BuildChangesInput {
  /** first-parent commits of the tracked branch, oldest first */
  firstParent: Commit[];
  /**
   * the merges of the branch itself whose sides trackedLine landed (a pull request from the branch among them): each
   * a sync that lands nothing of its own; absent: none
   */
  pulling?: ReadonlySet<string>;
  /** the landings trackedLine brought in from those merges' sides; absent: none */
  pulled?: ReadonlySet<string>;
  /** every commit read, by sha (side commits included) */
  commits: Map<string, Commit>;
  trackedBranch: string;
  /**
   * diff size of each first-parent commit; when absent, sizes are left null for `applySizes` to fill in later
   * (the sizes come from the slowest read of the history, which need not hold the changes up)
   */
  sizes?: ReadonlyMap<string, Size>;
  pulls: Map<number, PullCommits>;
  /** the pull requests the branch landed below the history read (their pull refs' commits landed then); absent: none */
  landedBefore?: ReadonlySet<number>;
  /**
   * the tracked branch's first-parent commits below the history read, those committed since `since` (epoch s;
   * readEarlierLandings): a commit the read left out that these do not hold, of a branch begun since, landed off the
   * line, by an earlier merge. Absent: none read (a whole-history read), and every commit the read left out is taken
   * for the line's
   */
  earlierLine?: { shas: ReadonlySet<string>; since: number };
  /**
   * of those, the commits that carry a release: a version tag on them, or on a merge's merged side (flask's `release
   * version 3.1.0 (#5640)`, its side tagged 3.1.0); absent: none read
   */
  releasedBelow?: ReadonlySet<string>;
  /** head commit of each `refs/pull/N/head` → N (a pull request pushed to the branch as it was) */
  pullHeads: ReadonlyMap<string, number>;
  /**
   * first-parent commits that change nothing (their tree is their parent's) and name a pull request an earlier
   * commit of the line names (`emptyRelandings`): a second landing of that pull request, which lands nothing;
   * absent: none
   */
  emptyRelandings?: ReadonlySet<string>;
  /**
   * first-parent commits whose tree is one pull ref's head's → its N (src/model/tree-squashes.ts): such a commit,
   * read as a direct push, squashed N unless another change landed it; and a release line's such commit, one a sync
   * carries; absent: none
   */
  treeSquashes?: ReadonlyMap<string, number>;
  /** commits on a release line or behind a release tag (section 1); empty when there are none */
  release: ReadonlySet<string>;
  /** the release lines' own first-parent commits and tagged commits: a merge of one of them is a sync */
  releaseLines: ReadonlySet<string>;
  /**
   * commits a release tag names: a pull request merged (not as a release line) whose head was tagged is a
   * release pull request, shipped at its tag before it merged, not a sync
   */
  tagged?: ReadonlySet<string>;
  botPattern: Tester | null;
  /** the run's evidence catalogue, with the config's agents: the built-in one when absent */
  ai?: AiCatalogue;
  /**
   * the names of the tags (final and pre-release) on a commit or on a commit that copies it (same author email,
   * author date and subject: a release commit rebased before it was pushed, its tag left on the original); absent:
   * none. A direct push that sets the version one of them names is a release commit.
   */
  tagsOf?: (commit: Commit) => readonly string[];
  /**
   * the branch's commits a release was tagged beside: the first parent of a commit off the branch whose tag names
   * a version (spring-boot tags `Release v4.1.0` on a child of main's commit, and main goes on from that same commit
   * with `Next development version (v4.1.1-SNAPSHOT)`); absent: none
   */
  releasedBeside?: ReadonlySet<string>;
  /**
   * whether the history read holds a commit, the release lines' and pull refs' commits included (a cherry-pick of
   * none of them is a port from elsewhere); absent: those of `commits`
   */
  read?: (sha: string) => boolean;
  /** where the repository's pull requests are (`https://github.com/o/n/pull`), for change links: `/N` is added */
  pullsUrl: string | null;
  /** where the GitLab project's merge requests are (`https://host/group/project/-/merge_requests`), for their links */
  mergeRequestsUrl?: string | null;
  /** a shallow clone: its cut commits show no parents, so a side reaching one is no import of another history */
  shallow?: boolean;
}

/** The own-commit rules, with the copies index this history fills as changes land. */
type Rules = OwnCommitRules & {
  landed: CopyIndex;
  /** who an agent is and what a branch says (the config's markers were read with the messages) */
  ai: AiCatalogue;
  /** whether the history read holds a commit: a cherry-pick of none is a port */
  read: (sha: string) => boolean;
  /** whether a commit is the tracked branch's own line, or older than the history read: work forked from it is this repository's */
  onLine: (sha: string) => boolean;
  /**
   * whether a commit is the tracked branch's own line, read or below the read as far as `earlierLine` tells; `after`,
   * asked only of an unread commit: when the first commit made on top of it was committed (below what `earlierLine`
   * holds, the line's, as every unread commit is without it)
   */
  firstParent: (sha: string, after: () => number) => boolean;
  /** the pull requests the tracked line lands itself (squashed or merged there) */
  lineLands: ReadonlySet<number>;
  /** the commits earlier syncs brought in: another line's, which a later merge of that line goes on from */
  synced: ReadonlySet<string>;
};

interface SideWalk {
  commits: Commit[];
  /** merges left out of `commits` because they bring the tracked branch in (a helper branch's merges) */
  helpers: Commit[];
  /**
   * the helpers whose merged side the tracked branch already had: a release pull request that merged the tracked
   * line into the other one (`Merge pull request #2 from acme/development` on main), or a release or hotfix branch
   * the tracked branch had merged before, brought back by a sync; null when none
   */
  mergedTracked: Commit[] | null;
  /** commits where the branch left the tracked line, reached through first-parent edges */
  forkPoints: string[];
  /** whether the side holds a root commit: a history of its own (another repository imported), not a branch of this one */
  rooted: boolean;
}

/**
 * Groups the branch's history into changes (SPEC section 1), oldest first. Pure: the caller has read the
 * commits. Side commits belong to the oldest merge that brings them in, which is how `P1..P2` splits history
 * when merges are visited oldest first and each walk stops at what earlier ones claimed. Each change's first
 * and last commit come from its own commits only (see ownCommits).
 */
export function buildChanges(input: BuildChangesInput): Change[] {
  const claimed = new Set(input.firstParent.map((c) => c.sha));
  // the line as a set only once a merge brings another repository's history (rare)
  let lineShas: Set<string> | null = null;
  const onLine = (sha: string): boolean => !input.commits.has(sha) || (lineShas ??= new Set(input.firstParent.map((c) => c.sha))).has(sha);
  const { earlierLine } = input;
  const firstParent = (sha: string, after: () => number): boolean =>
    input.commits.has(sha) || earlierLine === undefined || after() < earlierLine.since ? onLine(sha) : earlierLine.shas.has(sha);
  // a pull request the branch names as squashed or merged landed that way, not as a rebase
  const named = new Set(landedNumbers(input.firstParent, input.trackedBranch));
  const synced = new Set<string>();
  const rules: Rules = { landed: new CopyIndex(), ai: input.ai ?? compileCatalogue(), isRelease: (sha) => input.release.has(sha), read: input.read ?? ((sha) => input.commits.has(sha)), onLine, firstParent, lineLands: named, synced };
  // what pull requests landed below the read: a later branch that still holds their commits (a fork's `main` reused
  // for the next pull request) holds work already landed, as it would where their changes are read
  for (const n of input.landedBefore ?? []) for (const c of input.pulls.get(n)?.commits ?? []) rules.landed.add(c);
  const rebases = new RebaseIndex(input.pulls, input.release, rules.landed, named);
  const changes: Change[] = [];
  const trailerGroups = new Map<string, Group>();
  // each squash by its pull request, author and subject, where sides were pulled in: one landing on the other line is that one again
  const squashes = new Map<string, Change>();
  // the first change of the line to land each pull request: an empty landing of it again lands nothing
  const byNumber = new Map<number, Change>();
  // each sync's side's landings, by pull request number: counted once every change is read (countCarried)
  const carried = new Map<Change, CarriedLanding[]>();
  const line = input.firstParent;
  let titled: TitledRebase | null;
  for (let i = 0; i < line.length; i++) {
    const commit = line[i] as Commit;
    let change: Change;
    if (commit.parents.length >= 2) {
      const walk = walkSide(commit, input.commits, claimed);
      change = mergeChange(commit, walk, input, rules);
      // the line's first merge has a parent on the tracked branch: a helper of the walk's, counted too; one that
      // merged into the other line what the tracked branch already had is no work of that line's (GitFlow's release
      // pull requests, brought back to `development` by its merge of main)
      if (change.kind === 'sync') {
        for (const c of walk.commits) synced.add(c.sha);
        for (const c of walk.helpers) synced.add(c.sha);
        // another repository's history a sync brought (a side that reaches a root of its own) landed its pull requests
        // there, years before: nuxt's `link Nuxt 1.x and 2.x (2016–2022) history` read as carrying 2,479 of its year's
        // pull requests
        const imported = importedOf(walk, commit, input, rules);
        carried.set(change, carriedLandings(imported === null ? sideLandings(walk) : sideLandings(walk).filter((c) => !imported.has(c.sha)), input.trackedBranch, input.treeSquashes));
        const through = lineMergedIn(commit, walk, input.trackedBranch);
        if (through !== null) change.carriedFrom = through;
      }
    } else if (commit.landingUrl !== null && !endsWithNumber(commit.subject)) {
      // trailer-linked: commits that name the same landing URL are one change, wherever they sit
      const known = trailerGroups.get(commit.landingUrl);
      if (known) {
        extendGroup(known, [commit], rules);
        continue;
      }
      // a Gerrit change GerritBot made of a pull request (golang/tools' `GitHub-Pull-Request: golang/tools#577`) squashes
      // it: its pull ref holds the work's own commits, whose first is the change's first (#577's, 280 days before
      // the author date GerritBot stamps on each import)
      const imported = numberFromUrl(commit.landingUrl) === null ? rebases.squashedBy(commit) : null;
      if (imported !== null) {
        rebases.took(imported);
        change = squashChange(commit, imported, commit.subject, input, rules);
        change.url = safeUrl(commit.landingUrl);
        changes.push(change);
        continue;
      }
      const group = groupChange([commit], 'trailer', numberFromUrl(commit.landingUrl), input, rules);
      group.change.url = safeUrl(commit.landingUrl);
      // a GitLab merge request's commits (GStreamer's `Part-of:`) are change `!N`, as its merge commit would be
      const request = mergeRequestFromUrl(commit.landingUrl);
      if (request !== null) group.change.id = `!${request}`;
      group.change.forkPoints = commit.parents.slice(0, 1);
      trailerGroups.set(commit.landingUrl, group);
      change = group.change;
    } else if ((titled = titledRebaseAt(line, i, named, input)) !== null) {
      rebases.took(titled.number);
      change = groupChange(line.slice(i, i + titled.length), 'rebase', titled.number, input, rules).change;
      change.title = titled.title;
      change.forkPoints = commit.parents.slice(0, 1);
      i += titled.length - 1;
    } else {
      const landing = parseLanding(commit.subject, commit.bodyFirstLine, false, input.trackedBranch);
      const copies = landing.number !== null && input.pulls.has(landing.number) ? null : rebases.runAt(line, i);
      // a pull request pushed as it was is what landed: copies of another's commits that do not bring that one
      // whole are of an earlier attempt the pushed one took over (wagtail's #14398 holds commits of #11268 and
      // #14258, both closed unmerged)
      // and a commit that names the pull request it copies (curl's `Closes #N`) landed that one, whatever pull
      // request's head it is (curl's #20085, opened months later on master's c3bbd41eef, which closes #18413)
      const pushedRef = landing.number === null && copies?.whole !== true && copies?.named !== true ? pushedHead(line, i, input.pullHeads) : null;
      // a squash GitHub wrote whose own sha a pull ref was moved to later is that squash, not a pull request pushed
      // as it was: traefik's refs/pull/11786/head is master's squash of #12577, whose head has its tree and was
      // committed eight minutes before it (#11786 read as landed with a cycle time of 0, #12577 as never merged)
      const pushed = pushedRef !== null && pushedRef.length === 1 && squashedByTree(commit, input, named, rebases) !== null ? null : pushedRef;
      const run = pushed === null ? copies : null;
      // a squash whose subject lost its number and whose body closes its pull request (jQuery's `Closes gh-N`), or
      // whose tree is its pull ref's head's (hugo's, squashed in GitHub's web UI)
      const closed = run === null && pushed === null && landing.number === null ? (rebases.squashedBy(commit) ?? squashedByTree(commit, input, named, rebases)) : null;
      if (run !== null) {
        rebases.took(run.number);
        change = groupChange(line.slice(i, i + run.length), 'rebase', run.number, input, rules).change;
        change.forkPoints = input.pulls.get(run.number)?.forkPoints ?? [];
        i += run.length - 1;
      } else if (landing.number !== null) {
        const key = `${landing.number}\x1f${commit.authorEmail}\x1f${commit.subject}`;
        const copied = input.pulled === undefined ? undefined : squashes.get(key);
        // only from the other line: on one line a squash landed again further on is a reland (after its revert)
        if (copied !== undefined && input.pulled?.has(copied.sha) !== input.pulled?.has(commit.sha)) {
          landedElsewhere(copied, commit, rules);
          continue;
        }
        const previous = changes[changes.length - 1];
        if (previous !== undefined && landedAgain(previous, commit, line[i - 1], landing.number)) {
          landAgain(previous, commit, rules);
          continue;
        }
        // a pull request merges once: an empty squash of one landed before, hours later or retitled, is no change of
        // its own (opentelemetry-collector's #14633 squashed again 2 h later, deno's #33823 again as `feat:` 6 min
        // later, each listed twice under one number), and its pull request keeps its first landing
        const landedBefore = input.emptyRelandings?.has(commit.sha) === true ? byNumber.get(landing.number) : undefined;
        if (landedBefore !== undefined) {
          landedElsewhere(landedBefore, commit, rules);
          continue;
        }
        // a pull request pushed as it was, its commits titled as a squash is, brought those commits: its pull ref
        // holds nothing off the line
        const pushedNamed = pushedAsTitled(line, i, landing.number, input);
        if (pushedNamed !== null) {
          rebases.took(landing.number);
          change = groupChange(line.slice(i, i + pushedNamed), 'rebase', landing.number, input, rules).change;
          change.title = withoutNumber(landing.title);
          change.forkPoints = commit.parents.slice(0, 1);
          i += pushedNamed - 1;
        } else {
          // a squash that also carries a PR-URL trailer is still a squash: its pull ref gives its commits
          change = squashChange(commit, landing.number, withoutNumber(landing.title), input, rules);
        }
        if (commit.landingUrl !== null) change.url = safeUrl(commit.landingUrl);
        if (input.pulled !== undefined) squashes.set(key, change);
      } else if (closed !== null) {
        rebases.took(closed);
        change = squashChange(commit, closed, commit.subject, input, rules);
      } else if (pushed === null && forwardPort(commit, input)) {
        // a copy of a release line's commit (`git cherry-pick -x`, jellyfin's `Backport pull request #N from
        // jellyfin/release-10.11.z` with `Original-merge: <sha>`): the work landed, and shipped, on that line first.
        // A sync, as a merge of the line would be: read as a direct push, each had a cycle time of 0 and waited for
        // master's next release (132 of jellyfin's 1,171 changes of the year to 2026-08-23)
        change = baseChange(commit, 'sync', null, commit.subject, input);
        applyOwnCommits(change, [commit], commit.parents.slice(0, 1), rules);
        carried.set(change, commit.backportOf.map((number) => ({ number, copies: [] })));
      } else {
        if (pushed !== null) rebases.took(pushed.number);
        const members = line.slice(i, i + (pushed?.length ?? 1));
        change = groupChange(members, pushed ? 'rebase' : 'direct', pushed?.number ?? null, input, rules).change;
        // a direct push is titled as its landing reads (a security advisory's squash, by the fix it lists)
        if (pushed === null) change.title = landing.title;
        change.forkPoints = commit.parents.slice(0, 1);
        i += members.length - 1;
      }
    }
    changes.push(change);
    if (input.emptyRelandings !== undefined && change.number !== null && change.kind !== 'sync' && !byNumber.has(change.number)) byNumber.set(change.number, change);
  }
  // the work's author decides whether a bot made it: a bot that only merged does not
  for (const change of changes) {
    change.bot = (change.kind !== 'merge' || change.commits !== 0) && isBot(change.author, change.authorEmail, input.botPattern, rules.ai);
    // an AI coding agent that authored the change made it AI-assisted work (and it is no bot)
    const agent = rules.ai.author(change.author, change.authorEmail);
    if (agent) addAiFindings(change, [agent]);
  }
  // a release commit's tag may stand on a bot's push after it: every change's bot flag is set first
  changes.forEach((change, k) => {
    if (change.kind === 'direct' && input.tagsOf !== undefined) {
      const tagsOf = input.tagsOf;
      const commit = input.commits.get(change.sha);
      const after = taggedAfter(changes, k, input.commits);
      const withAfter = after.length === 0 ? tagsOf : (c: Commit) => (c === commit ? [c, ...after].flatMap(tagsOf) : tagsOf(c));
      if (releaseCommit(commit, withAfter) || postReleaseBump(commit, input.commits, tagsOf, input.releasedBeside, input.releasedBelow)) change.flags.push(RELEASE_COMMIT);
    }
  });
  if (carried.size > 0) countCarried(changes, carried, (sha) => input.commits.get(sha), synced);
  if (input.sizes !== undefined) applySizes(changes, input.sizes);
  // trailer groups land over several commits: order by when the last one landed, and changes landed in the
  // same second (a rebase merge commits them all at once) in history order, which later steps rely on
  // set one by one: a map made of a list of [sha, index] pairs holds the pairs too while it is made, at the peak of
  // memory (rails' whole history: 246 MB against 250)
  const position = new Map<string, number>();
  for (let i = 0; i < line.length; i++) position.set((line[i] as Commit).sha, i);
  return changes.sort((a, b) => a.mergedAt - b.mergedAt || (position.get(a.sha) ?? 0) - (position.get(b.sha) ?? 0));
}

/**
 * Whether a direct push's commit is a release commit: its subject sets the project's own version (`v11.4.3`,
 * `release: create-vite@8.0.0`, `chore(release): 11.0.0-alpha.1`) or names a release (`Python 3.14.0a1`) and a tag on it, or on a copy of it, names that
 * very version; or it says it publishes and names no version (Lerna's `Publish`, `chore: publish`) and a tag on
 * it names a version. The tag is what says the version is the project's: `Bump Polly to 8.5.2` reads as a bump too, and
 * no tag of the project names 8.5.2. A pull request that does the same is a change: it was opened, reviewed and
 * merged like any other, and git alone cannot tell what else it holds (tokio's `chore: prepare Tokio v1.48.0
 * (#7677)` writes the changelog).
 */
function releaseCommit(commit: Commit | undefined, tagsOf: (commit: Commit) => readonly string[]): boolean {
  if (commit === undefined) return false;
  // a publish that names no version (`chore: publish`) leaves the versions to its tags: any tag naming one will do
  if (isVersionlessRelease(commit.subject)) return namesVersion(tagsOf(commit));
  const version = ownBumpVersion(commit.subject) ?? namedReleaseVersion(commit.subject);
  return version !== null && tagsOf(commit).some((name) => {
    const tagged = taggedVersion(name);
    return tagged !== null && sameVersion(tagged, version);
  });
}

/** How soon after a release commit the push that carries its tag may follow (fastapi's, 1 to 4 minutes after) */
const TAGGED_AFTER = 10 * 60;
// what a push that only writes the release's notes says
const RELEASE_NOTES = /\b(?:release[ -]?notes|change[ -]?log)\b/i;

/**
 * The commits a release commit's tag may stand on instead of it: the changes of the branch right after it that are
 * direct pushes made within TAGGED_AFTER, each by a bot or writing the release notes (fastapi's `🔖 Release version
 * 0.117.0`, its tag on `📝 Update release notes` pushed a minute later, 0.134.0's on the second of two: 7 of its
 * year's releases read as two changes each, the release a change).
 */
function taggedAfter(changes: readonly Change[], k: number, commits: ReadonlyMap<string, Commit>): Commit[] {
  const release = changes[k] as Change;
  const after: Commit[] = [];
  for (let j = k + 1; j < changes.length; j++) {
    const next = changes[j] as Change;
    if (next.kind !== 'direct' || next.mergedAt - release.mergedAt > TAGGED_AFTER || !(RELEASE_NOTES.test(next.title) || next.bot)) break;
    const commit = commits.get(next.sha);
    if (commit !== undefined) after.push(commit);
  }
  return after;
}

/**
 * Whether a direct push turns the version back to development right after a release (ipython's `back to dev`,
 * GNOME's `Post-release version bump`, Maven's `prepare for next development iteration`): its subject says so
 * (`opensDevelopment`) and its first parent carries a tag naming a version, the release it follows (on that very
 * commit or on a copy of it, as `tagsOf` reads them), or is a merge whose merged side does: flask releases on
 * `stable`, merges it into main (`release version 3.1.0 (#5640)`, its side parent tagged 3.1.0), then pushes `start
 * version 3.2.0`; or a release was tagged beside it (`releasedBeside`: spring-boot's `Release v4.1.0`, a child of
 * the bump's own parent). The release's mechanics, as the release commit is: a change of three lines that waited
 * the whole cycle for the next release, at the top of every unreleased list.
 */
function postReleaseBump(commit: Commit | undefined, commits: ReadonlyMap<string, Commit>, tagsOf: (commit: Commit) => readonly string[], releasedBeside: ReadonlySet<string> | undefined, releasedBelow: ReadonlySet<string> | undefined): boolean {
  if (commit === undefined || !opensDevelopment(commit.subject)) return false;
  const tagged = (sha: string | undefined): boolean => {
    const c = sha === undefined ? undefined : commits.get(sha);
    return c !== undefined && namesVersion(tagsOf(c));
  };
  const parent = commits.get(commit.parents[0] ?? '');
  // a parent below the history read (the bump first of it: flask's 90 days read from `start version 3.2.0`, its
  // release merge the boundary) is read apart
  if (parent === undefined) return releasedBelow?.has(commit.parents[0] ?? '') === true;
  return tagged(parent.sha) || tagged(parent.parents[1]) || releasedBeside?.has(parent.sha) === true;
}

/**
 * The key of a change landed over several first-parent commits in `sizes`, where its one diff (from the parent of
 * the first to the last) is kept beside each commit's: `first..last`, which no sha can be.
 */
export function rangeKey(landedShas: readonly string[]): string {
  return `${landedShas[0] ?? ''}..${landedShas[landedShas.length - 1] ?? ''}`;
}

/**
 * Sets each change's size: the diff of its landing commit, or for a change landed over several first-parent
 * commits (a rebase merge, trailer-linked commits) the one diff of them all when it was read (they follow each
 * other on the line: `rangeKey`), else the sum of theirs, unknown when any one is. `sizes` holds each first-parent
 * commit's diff. Pure but for the changes it fills in.
 */
export function applySizes(changes: readonly Change[], sizes: ReadonlyMap<string, Size>): void {
  for (const change of changes) {
    if (change.landedShas === undefined) {
      change.size = sizes.get(change.sha) ?? null;
      continue;
    }
    const whole = sizes.get(rangeKey(change.landedShas));
    if (whole !== undefined) {
      change.size = whole;
      continue;
    }
    const parts = change.landedShas.map((sha) => sizes.get(sha));
    change.size = parts.some((s) => s === undefined) ? null : parts.reduce<Size>((sum, s) => addSizes(sum, s as Size), { additions: 0, deletions: 0, files: 0 });
  }
}

function walkSide(merge: Commit, commits: Map<string, Commit>, claimed: Set<string>): SideWalk {
  const found: Commit[] = [];
  const helpers: Commit[] = [];
  let mergedTracked: Commit[] | null = null;
  const walked = new Set<string>();
  let rooted = false;
  // what the tracked branch already had: claimed before this walk, or older than the history read
  const onTracked = (sha: string): boolean => (claimed.has(sha) && !walked.has(sha)) || !commits.has(sha);
  const stack = merge.parents.slice(1);
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    const commit = commits.get(sha);
    if (claimed.has(sha) || commit === undefined) continue;
    claimed.add(sha);
    walked.add(sha);
    // a merge that brings the tracked branch in ("chore: merge main", whatever it says) is not the change's
    // work: one of its parents is already on the tracked branch, where the walk stops
    if (commit.parents.length < 2 || !commit.parents.some(onTracked)) found.push(commit);
    else {
      helpers.push(commit);
      if (commit.parents.slice(1).every(onTracked)) (mergedTracked ??= []).push(commit);
    }
    if (commit.parents.length === 0) rooted = true;
    for (const parent of commit.parents) stack.push(parent);
  }
  // where the side's own first-parent line leaves what this walk took: a branch merged into the side (the tracked
  // branch, another pull request's) forked where it did, not where this work began
  const forkPoints: string[] = [];
  for (const side of merge.parents.slice(1)) {
    let sha: string | undefined = side;
    while (sha !== undefined && walked.has(sha)) sha = commits.get(sha)?.parents[0];
    if (sha !== undefined) forkPoints.push(sha);
  }
  return { commits: found, helpers, mergedTracked, forkPoints, rooted };
}

/**
 * What a sync's side landed: its commits and helpers, but for the merges into the other line of what the tracked
 * branch had, and the pull requests made of nothing else: astro's `chore: merge main into next (#17042)`, a branch
 * cut from `next` that merged main into it, twice, and merged back.
 */
function sideLandings(walk: SideWalk): Commit[] {
  const { mergedTracked } = walk;
  if (mergedTracked === null) return [...walk.commits, ...walk.helpers];
  const merging = new Map(mergedTracked.map((c) => [c.sha, c]));
  // from the merge's side, through merges of the tracked branch alone, back to where the merge stands
  const mergesTrackedOnly = (c: Commit): boolean => {
    let sha = c.parents[1];
    if (sha === undefined || !merging.has(sha)) return false;
    while (sha !== undefined && merging.has(sha)) sha = merging.get(sha)?.parents[0];
    return sha === c.parents[0];
  };
  return [...walk.commits.filter((c) => c.parents.length < 2 || !mergesTrackedOnly(c)), ...walk.helpers.filter((h) => !merging.has(h.sha))];
}

/**
 * The line a sync's branch merged in, when the branch lands no pull request of its own: along the sync's side's first
 * parents, no commit lands one, and a merge brought another line onto the tracked branch's commits and names it
 * (`Merge branch 'main' into sync-main`, cut from `development`); null when one lands (GitFlow's `development`, where
 * they landed) or no such merge names a line.
 */
function lineMergedIn(sync: Commit, walk: SideWalk, trackedBranch: string): string | null {
  const merging = new Set(walk.mergedTracked ?? []);
  const helpers = new Set(walk.helpers);
  let line: string | null = null;
  for (const c of sideFirstParents(sync, walk)) {
    const merge = c.parents.length >= 2;
    const landing = parseLanding(c.subject, c.bodyFirstLine, merge, trackedBranch);
    if (landing.number !== null) return null;
    if (line === null && helpers.has(c) && !merging.has(c) && landing.branch !== null && !namesBranch(landing.branch, trackedBranch)) line = landing.branch;
  }
  return line;
}

/** The merge's side along its first parents, newest first, as far as its walk took it: the merged branch's own line. */
function* sideFirstParents(merge: Commit, walk: SideWalk): Generator<Commit> {
  const walked = new Map([...walk.commits, ...walk.helpers].map((c) => [c.sha, c]));
  for (let c = walked.get(merge.parents[1] ?? ''); c !== undefined; c = walked.get(c.parents[0] ?? '')) yield c;
}

/** A pull request a sync's side landed, and the ones its commit says it copies (a backport's). */
interface CarriedLanding {
  number: number;
  copies: ReadonlyArray<{ number: number; title: string | null }>;
  /** the commit that landed it on the line: a squash's own commit, or a merge of its branch */
  landing?: Commit;
}

function carriedLandings(commits: readonly Commit[], trackedBranch: string, byTree: ReadonlyMap<string, number> | undefined): CarriedLanding[] {
  const landings: CarriedLanding[] = [];
  for (const c of commits) {
    // or the pull request a line's squash that names none has the tree of (traefik's on v3.7)
    const number = landedNumber(c, trackedBranch) ?? byTree?.get(c.sha) ?? null;
    if (number !== null) landings.push({ number, copies: changeReferences(c).filter((ref) => ref.number !== number), landing: c });
  }
  return landings;
}

/**
 * Of the `candidates` the syncs carried, those that brought a commit one of the line's own changes holds (the same
 * author, author date and subject, as a release reads a copy): prometheus' #19138 on release-3.13 holds #19074's
 * commit, and was counted as a pull request main's report does not measure. A squash brought its own commit, a merge
 * its branch (branchOf). Only the line's commits of those author dates are keyed: rails' whole history holds 1,772
 * pull requests its syncs carried beside 60,000 changes.
 */
function copyingLandings(changes: readonly Change[], carried: ReadonlyMap<Change, readonly CarriedLanding[]>, candidates: ReadonlySet<CarriedLanding>, commitOf: (sha: string) => Commit | undefined, synced: ReadonlySet<string>): Set<CarriedLanding> {
  // what each brought, by author date: the line's own commits are compared with them only where a date matches, and
  // no key string is made for either (rails' whole history is read at its peak of memory here)
  const byDate = new Map<number, Array<{ commit: Commit; landing: CarriedLanding }>>();
  for (const landings of carried.values()) {
    for (const landing of landings) {
      const commit = landing.landing;
      if (commit === undefined || !candidates.has(landing)) continue;
      for (const c of commit.parents.length >= 2 ? branchOf(commit, synced, commitOf) : [commit]) {
        const same = byDate.get(c.authoredAt);
        if (same === undefined) byDate.set(c.authoredAt, [{ commit: c, landing }]);
        else same.push({ commit: c, landing });
      }
    }
  }
  const copying = new Set<CarriedLanding>();
  if (byDate.size === 0) return copying;
  const test = (sha: string): void => {
    const own = commitOf(sha);
    const same = own === undefined ? undefined : byDate.get(own.authoredAt);
    if (own === undefined || same === undefined) return;
    for (const { commit, landing } of same) if (sameCopyKey(own, commit)) copying.add(landing);
  };
  for (const change of changes) {
    if (change.kind === 'sync') continue;
    test(change.sha);
    for (const sha of change.commitShas) test(sha);
  }
  return copying;
}

/** Whether two commits of one author date have the same copy key: author email, and subject less its line tag and `(#N)`. */
function sameCopyKey(a: Commit, b: Commit): boolean {
  return a.authorEmail === b.authorEmail && (a.subject === b.subject || copySubject(a.subject) === copySubject(b.subject));
}

/**
 * A merge's branch along its first parents, newest first, until where it left: the line it merged into (its first
 * parent's first parents, walked down beside the branch by commit date, as far as MAX_LINE of them), or what no sync
 * brought (`synced`: the tracked branch's history); at most MAX_BRANCH commits. No set is made: a set of the line for
 * each merge (rails' syncs carried 1,772 pull requests) had raised rails' whole-history peak by 5 MB, and one for each
 * sync's side by 10 MB.
 */
function branchOf(merge: Commit, synced: ReadonlySet<string>, commitOf: (sha: string) => Commit | undefined): Commit[] {
  const branch: Commit[] = [];
  let line = commitOf(merge.parents[0] ?? '');
  let steps = 0;
  for (let c = commitOf(merge.parents[1] ?? ''); c !== undefined && synced.has(c.sha) && branch.length < MAX_BRANCH; c = commitOf(c.parents[0] ?? '')) {
    // the line down to this commit's time: the branch left it where they meet
    while (line !== undefined && line.committedAt > c.committedAt && steps++ < MAX_LINE) line = commitOf(line.parents[0] ?? '');
    let same = line;
    while (same !== undefined && same.committedAt === c.committedAt && same.sha !== c.sha) same = commitOf(same.parents[0] ?? '');
    if (same?.sha === c.sha) break;
    branch.push(c);
  }
  return branch;
}

/** Bounds on the commits read of one pull request a sync carried (its copies are in its first ones) and of the line below it. */
const MAX_BRANCH = 250;
const MAX_LINE = 2_000;

/**
 * Sets each sync's `carriedPulls`: the pull requests its side landed that no other change of the line is, each
 * counted by the first sync that brought it. react-router merged its pull requests into `release` and that into main:
 * the notes say when such syncs hold most of them, and those are work the report does not measure. A fix squashed on
 * both lines (analog's #2259, on `beta` and on main minutes apart) is measured where the line holds it, and a pull
 * request landed twice on the other line is one pull request. A backport of one of the line's own changes is that
 * change, as a release that ships it ships the change (SPEC section 3): aiohttp's 3.x branches, merged into master,
 * hold patchback's `[PR #N/abc12345 backport][3.14] … (#M)` and people's `<title> (#N) (#M)`, and read as 834 pull
 * requests master's report does not measure, about 390 of them master's own.
 */
function countCarried(changes: readonly Change[], carried: ReadonlyMap<Change, readonly CarriedLanding[]>, commitOf: (sha: string) => Commit | undefined, synced: ReadonlySet<string>): void {
  const seen = new Set<number>();
  const byNumber = new Map<number, Change>();
  for (const c of changes) {
    if (c.kind === 'sync' || c.number === null) continue;
    seen.add(c.number);
    byNumber.set(c.number, c);
  }
  // the line's own change a backport names: by a backport phrase, or by its `(#N)` with that change's title
  const namesOwn = (landing: CarriedLanding): boolean =>
    landing.copies.some((ref) => {
      const own = byNumber.get(ref.number);
      return own !== undefined && namesChange(ref, own);
    });
  const copying = copyingLandings(changes, carried, new Set([...carried.values()].flatMap((landings) => landings.filter((l) => !seen.has(l.number) && !namesOwn(l)))), commitOf, synced);
  const copiesOwn = (landing: CarriedLanding): boolean => namesOwn(landing) || copying.has(landing);
  for (const change of changes) {
    const landings = carried.get(change);
    if (landings === undefined) continue;
    let count = 0;
    for (const landing of landings) {
      if (seen.has(landing.number) || copiesOwn(landing)) continue;
      seen.add(landing.number);
      count += 1;
    }
    change.carriedPulls = count;
  }
}

/**
 * Whether a commit copies release-line commits only: every commit its cherry-pick lines name is on a release line
 * (or behind a release tag) and off the tracked branch's history, and it names one. An abbreviated sha names none
 * for sure: read as the commit it is.
 */
function forwardPort(commit: Commit, input: Pick<BuildChangesInput, 'release' | 'commits'>): boolean {
  return commit.cherryPickOf.length > 0 && commit.cherryPickOf.every((sha) => sha.length === 40 && input.release.has(sha) && !input.commits.has(sha));
}


function mergeChange(commit: Commit, walk: SideWalk, input: BuildChangesInput, rules: Rules): Change {
  const landing = parseLanding(commit.subject, commit.bodyFirstLine, true, input.trackedBranch, commit.mergeRequest);
  // a merge of the branch itself brings nothing once trackedLine landed its side (`git pull`); one whose side still
  // brings commits merged another history's branch of that name: a project merged in, a change (git.git's gitk)
  const otherHistory = walk.commits.length > 0 && landing.branch !== null && namesBranch(landing.branch, input.trackedBranch) && !isReleaseLine(landing.branch);
  const pull = landing.number !== null ? input.pulls.get(landing.number) : undefined;
  const sync = input.pulling?.has(commit.sha) === true || (landing.sync && !otherHistory) || bringsNothing(commit, landing, walk, pull, input.trackedBranch, rules) || mergesReleasedLine(landing, walk, input)
    || (!isReleasePull(commit, landing, walk, input) && (bringsReleaseOnly(commit, walk, input) || bringsBumpedLine(walk, landing, input) || mergesLineAgain(commit, walk, landing, input, rules)))
    || releaseMergedByHand(walk, input.trackedBranch);
  // a merge commit GitHub titled as it titles a squash, `<title> (#N)` (ipython's, 127 of its year), is titled as
  // the squash is: without its own number, which the change's id already gives
  const change = baseChange(commit, sync ? 'sync' : 'merge', landing.number, withoutOwnNumber(landing.title, landing.number), input);
  change.branch = landing.branch;
  if (sync) {
    applyOwnCommits(change, walk.commits, walk.forkPoints, rules);
  } else {
    const imported = importedOf(walk, commit, input, rules);
    const side = imported === null ? walk.commits : walk.commits.filter((c) => !imported.has(c.sha));
    const fromPull = walk.commits.length === 0 && pull !== undefined;
    // nothing but another repository's history: the merge itself is the change's one commit
    const own = fromPull ? ownPullCommits(pull, rules, change.mergedAt) : side.length === 0 && imported !== null ? [commit] : ownCommits(side, rules, null);
    const first = applyOwnCommits(change, own, fromPull ? pull.forkPoints : walk.forkPoints, rules);
    if (imported !== null) change.flags = [...change.flags, 'imported'];
    botBegan(change, own, first, input.botPattern, rules.ai);
    byPeople(change, own, input.botPattern, rules.ai);
    landCommits(change, walk.commits, pull, rules);
  }
  addAiFindings(change, commit.aiEvidence);
  // the branch the merge names (`Merge pull request #7 from acme/codex/fix-parser`): weak evidence, said apart
  const branch = landing.branch === null ? null : rules.ai.branch(landing.branch);
  if (branch) addAiFindings(change, [branch]);
  return change;
}

// a commit that says it merges a release into a branch, the release's version named: `merge v11.13.0 to develop`
const RELEASE_MERGED_BY_HAND = /^merge[ \t]+(?:release[ \t]+)?v?\d+\.\d+\.\d+(?:-[\w.]+)?[ \t]+(?:back[ \t]+)?(?:to|into)[ \t]+(\S+?)\.?$/i;

/**
 * Whether a merge's side is nothing but a release merged into the tracked branch by hand, as one commit a side each
 * (SPEC section 1: a merge of a release line is a sync): mermaid's #7468 `Merge v11.13.0 back to develop` is one
 * commit, `merge v11.13.0 to develop`, whose 87 files are master's release (its version bumps, its changesets
 * deleted, its fixes). Read as a change, it waited for the next release as the only change of @mermaid-js/tiny.
 */
function releaseMergedByHand(walk: SideWalk, trackedBranch: string): boolean {
  return walk.commits.length > 0 && walk.commits.every((c) => {
    const into = c.parents.length === 1 ? RELEASE_MERGED_BY_HAND.exec(c.subject)?.[1] : undefined;
    return into !== undefined && into.replace(/^(?:origin|upstream)\//, '') === trackedBranch;
  });
}

/** The commits of another repository's history a merge's side brings, by either rule below; null when none does. */
function importedOf(walk: SideWalk, merge: Commit, input: Pick<BuildChangesInput, 'shallow'>, rules: Pick<Rules, 'onLine'>): Set<string> | null {
  const rooted = walk.rooted && input.shallow !== true ? importedHistory(walk, rules.onLine) : null;
  const subtree = merge.parents[1] === undefined ? null : subtreePulls(walk, merge.parents[1]);
  if (subtree === null) return rooted;
  if (rooted !== null) for (const sha of rooted) subtree.add(sha);
  return subtree;
}

// a subtree sync's merge of the other repository's history, as josh writes it in rust-lang's tools: `Merge ref
// 'f7d782a3be46' from rust-lang/rust`, `Merge from rust-lang/rust`, `Merge from rustc`
const SUBTREE_PULL = /^Merge (?:ref '[0-9a-f]+' )?from (?:[\w.-]+\/[\w.-]+|rustc)$/;

/**
 * The commits a side brings through the second parent of a subtree sync's merge (SUBTREE_PULL) and not through its
 * own line: another repository's work, which shares this one's history (josh filters rust-lang/rust's commits down to
 * the subtree), so it reaches no root of its own. rust-analyzer's `Merge pull request #22544 from
 * rust-lang/rustc-pull` brought rust-lang/rust's `Auto merge of #N` and their commits, the oldest 10 months old: read
 * as its own, it was the second slowest change of its 90 days, begun by whoever wrote that commit. Null when the side
 * holds no such merge.
 */
function subtreePulls(walk: SideWalk, head: string): Set<string> | null {
  // asked of every merge's side: most hold no such merge, and build nothing
  const isPull = (c: Commit): boolean => c.parents.length >= 2 && SUBTREE_PULL.test(c.subject);
  const pulls = [...walk.commits.filter(isPull), ...walk.helpers.filter(isPull)];
  if (pulls.length === 0) return null;
  const side = new Map([...walk.commits, ...walk.helpers].map((c) => [c.sha, c]));
  const reach = (starts: string[], through: (c: Commit) => readonly string[]): Set<string> => {
    const seen = new Set<string>();
    const stack = [...starts];
    while (stack.length > 0) {
      const sha = stack.pop() as string;
      const c = side.get(sha);
      if (c === undefined || seen.has(sha)) continue;
      seen.add(sha);
      for (const p of through(c)) stack.push(p);
    }
    return seen;
  };
  const own = reach([head], (c) => (isPull(c) ? c.parents.slice(0, 1) : c.parents));
  const other = reach(pulls.flatMap((c) => c.parents.slice(1)), (c) => c.parents);
  for (const sha of own) other.delete(sha);
  return other;
}

/**
 * The commits of another repository's history that a merge's side brings (docs/definitions.md, T0: not the change's own
 * work): those that descend from no commit of the tracked branch's line (nor from one older than the history
 * read), only from a root of their own or from what an earlier import brought. pnpm's import of pacquet
 * (`--allow-unrelated-histories`, 530 commits since 2023) is all of them, so the merge itself is the change's
 * commit; astro's #13146 moved its Netlify adapter in with its history: 111 commits since 2023 are left out, the
 * branch's own after it stay. Read from them, pnpm's import was 1,036 days "first → last commit", the slowest
 * change of its year. The change's size is still all it brought in.
 */
function importedHistory(walk: SideWalk, onLine: (sha: string) => boolean): Set<string> {
  const side = new Map([...walk.commits, ...walk.helpers].map((c) => [c.sha, c]));
  const children = new Map<string, string[]>();
  const ours: string[] = [];
  for (const c of side.values()) {
    // forked from the tracked branch's line: this repository's work (a parent an earlier import brought is not)
    if (c.parents.some((p) => !side.has(p) && onLine(p))) ours.push(c.sha);
    for (const p of c.parents) {
      if (!side.has(p)) continue;
      const list = children.get(p);
      if (list === undefined) children.set(p, [c.sha]);
      else list.push(c.sha);
    }
  }
  const descends = new Set<string>();
  while (ours.length > 0) {
    const sha = ours.pop() as string;
    if (descends.has(sha)) continue;
    descends.add(sha);
    for (const child of children.get(sha) ?? []) ours.push(child);
  }
  return new Set([...side.keys()].filter((sha) => !descends.has(sha)));
}

/**
 * A merge's work is people's when people wrote most of its own commits: its author is then the first of them, not
 * a bot whose commit came first (glitch-soc's `Merge upstream changes up to …` pull requests, 10 of 13 commits by
 * people, were left out as renovate[bot]'s). So is a squash's whose first own commit a person wrote, not the bot's
 * that opened the pull request and so authored the squash: astral-sh/uv's `astral-automations-bot[bot]` and
 * `zaniebot` open pull requests of Zanie Blue's commits, 201 of their 273 squashes of the three months to 2026-08-22
 * (#21224's four commits all his). A bot's pull request a person added a commit to (Dependabot's bump and a fix of
 * the lockfile) stays the bot's, and so does a squashed one the bot began, however many people added to (uv's
 * `Bump version to 0.12.2`: the bot's two commits, then three of Zanie's changelog edits).
 */
function byPeople(change: Change, own: readonly Commit[], botPattern: Tester | null, ai: AiCatalogue): void {
  if (!isBot(change.author, change.authorEmail, botPattern, ai)) return;
  authoredByMost(change, own, own.filter((c) => !isBot(c.authorName, c.authorEmail, botPattern, ai)));
}

/**
 * A merge of a branch a bot began is the bot's, whatever the author dates of the commits people added on top: a
 * person's commit rebased onto the bot's keeps its older date (pytest's #14704, pre-commit.ci's autoupdate, then
 * Pierre Sassoulas' fix written six days before it, had read as his). Who began it is the branch's root's author
 * (branchRoot), as for a squash; byPeople then gives it to people where they wrote most of its commits.
 */
function botBegan(change: Change, own: readonly Commit[], first: Commit | null, botPattern: Tester | null, ai: AiCatalogue): void {
  const began = branchRoot(own);
  if (began === null || began === first || !isBot(began.authorName, began.authorEmail, botPattern, ai)) return;
  change.author = began.authorName;
  change.authorEmail = began.authorEmail;
}

/** Gives the change to those who wrote most of `commits` (`theirs`, more than half of them): the earliest of theirs by author date. */
function authoredByMost(change: Change, commits: readonly Commit[], theirs: readonly Commit[]): void {
  if (theirs.length * 2 <= commits.length) return;
  let first = theirs[0] as Commit;
  for (const c of theirs) if (c.authoredAt < first.authoredAt) first = c;
  change.author = first.authorName;
  change.authorEmail = first.authorEmail;
}

/**
 * The commit a pull request's own commits start from: the one whose first parent is none of them (where several
 * are, the branch took in another line: the earliest committed of them); null for none.
 */
function branchRoot(own: readonly Commit[]): Commit | null {
  const shas = new Set(own.map((c) => c.sha));
  let root: Commit | null = null;
  for (const c of own) {
    const parent = c.parents[0];
    if (parent !== undefined && shas.has(parent)) continue;
    if (root === null || c.committedAt < root.committedAt) root = c;
  }
  return root;
}

/**
 * A squash a person authored whose pull request's commits are mostly a GitHub app's (`…[bot]`, or GitHub Actions' own
 * `github-actions@github.com`) is the app's work, as one the app authored would be (SPEC section 1: the work's
 * author decides): fastapi's translation, FastAPI People and pre-commit pull requests are opened with its
 * maintainer's token, so GitHub writes him as the squash's author, and their branches are github-actions' commits;
 * 89 of its 220 counted changes of the 90 days to 2026-08-19 were read as his. Only an app's identity counts: a
 * person may call themselves `Mr. Robot`, and an AI agent's commits (Cursor's Bugbot, OpenClaw) are no bot's.
 */
function byAppBots(change: Change, commits: readonly Commit[], botPattern: Tester | null, ai: AiCatalogue): void {
  if (isBot(change.author, change.authorEmail, botPattern, ai)) return;
  const apps = commits.filter((c) => APP_BOT.test(c.authorName) || APP_BOT_EMAIL.test(c.authorEmail));
  if (apps.some((c) => ai.author(c.authorName, c.authorEmail) !== null)) return;
  authoredByMost(change, commits, apps);
}

const APP_BOT = /\[bot\]$/i;
const APP_BOT_EMAIL = /\[bot\]@users\.noreply\.github\.com$|^github-actions@github\.com$/i;

/**
 * A squash a bot authored of a pull request an AI agent began is the agent's work (an AI agent is never a bot, SPEC
 * sections 1 and 5): its author is the agent that wrote its first own commit. withastro/astro's Houston app, which also
 * opens its release pull requests, opened those of its triage agent (`astrobot-houston <fred+astrobot@astro.build>`)
 * and authored their squashes. A bot's pull request an agent only added to (Dependabot's bump, then an agent's fix)
 * stays the bot's. A merge's author is its first own commit's already.
 */
function byAgent(change: Change, first: Commit | null, botPattern: Tester | null, ai: AiCatalogue): void {
  if (first === null || ai.author(first.authorName, first.authorEmail) === null || !isBot(change.author, change.authorEmail, botPattern, ai)) return;
  change.author = first.authorName;
  change.authorEmail = first.authorEmail;
}

/**
 * A release pull request merged with a merge commit: a pull request's merge from its own branch (`Merge pull
 * request #N from acme/changeset-release/main`; not a release line by its name) whose side parent a release tag
 * names, and that no other pull request landed on. It shipped at the tag, before it merged (SPEC section 3). A
 * merge that names no head branch (`Merge tokio-1.44.1 into master (#7218)`) brings a release in: a sync.
 */
function isReleasePull(commit: Commit, landing: Landing, walk: SideWalk, input: BuildChangesInput): boolean {
  const head = commit.parents[1];
  // a pull request from a release line by its name merges the line back: prometheus' `Merge pull request #18478
  // from prometheus/release-3.11`, its side parent tagged v3.11.1, brought in what the line released first
  if (landing.number === null || landing.branch === null || isReleaseLine(landing.branch) || head === undefined || input.tagged?.has(head) !== true) return false;
  // a side that other pull requests landed on is a line, its tagged commit one of theirs: serilog's `Merge pull
  // request #2123 from serilog/dev` into main, its side parent #2131's squash tagged v4.1.0 on dev, brought in the
  // work of #2108, #2120, #2127 and #2129-#2131, landed on dev first
  return !walk.commits.some((c) => {
    const n = landedNumber(c, input.trackedBranch);
    return n !== null && n !== landing.number;
  });
}

/**
 * Whether a merge brings nothing the branch had not landed already: a sync, no unit of work. Its side holds no
 * commit, only — if anything — merges of the tracked branch into the other line, each landed there by a pull
 * request of its own that the tracked line does not land; a pull request's ref holds no commit of its own either.
 * analog's `beta` merged main in (`Merge branch 'main' into beta`) and was later fast-forwarded to main, so main's
 * line is the branch's own (see trackedLine) and each such merge's side was landed before it: read as changes, 15
 * merges of its half year to September 2026 counted with no commit and a deploy wait of 0. pallets/click merges
 * `stable` and `main` into each other by pull requests and moves either branch onto the other's line: `Merge Stable
 * into main (#3046)` brings #3011, which the line had landed, and `merge main into stable to synchronize commits.
 * (#3233)` (+0 −0) two merges of the line into the other, `Stable (#3159)` and `Merge stable into main (#3178)`.
 * A merge of the line whose work its author committed as that merge (shlink's #2268, +48 −12: `Fix visits counts
 * not being deleted…` took develop in) lands no pull request, and one that brings a copy of a landing the line
 * holds (rails' #56375, whose side parent copies main's merge of #57546) lands the line's own: each stays a change.
 */
function bringsNothing(commit: Commit, landing: Landing, walk: SideWalk, pull: PullCommits | undefined, trackedBranch: string, rules: Rules): boolean {
  if (walk.commits.length > 0 || landing.mergeRequest !== null) return false;
  const merging = new Set(walk.mergedTracked ?? []);
  const otherLines = walk.helpers.every((h) => {
    const n = merging.has(h) ? landedNumber(h, trackedBranch) : null;
    return n !== null && n !== landing.number && !rules.lineLands.has(n);
  });
  return otherLines && (pull === undefined || ownPullCommits(pull, rules, commit.committedAt).length === 0);
}

/**
 * A pull request from a branch named for a release (see namesRelease) whose side holds a commit a release tag names
 * merges the released line back (SPEC section 1: a merge of a release line is a sync), even when the line went on past its tag and no
 * ref keeps it: pip's `Merge pull request #13951 from sbidoul/release/26.1` brings `Update AUTHORS.txt`, `Bump for
 * release` (tagged 26.1) and `Bump for development`, from a fork's branch. Read as a change, its `Bump for
 * development` waited for the next release, 26.1.1. A tag on a copy of the side's commit (same author, author date
 * and subject: the line rebased before it was tagged) names it as well: pip's 25.3 tags a52069365, the copy of
 * #13631's `Bump for release`, which #13632 `from notatallshaw/fix-release-25.3-commit-order` merged back.
 */
function mergesReleasedLine(landing: Landing, walk: SideWalk, input: BuildChangesInput): boolean {
  if (landing.number === null || landing.branch === null || !namesRelease(landing.branch)) return false;
  return walk.commits.some((c) => input.tagged?.has(c.sha) === true || (input.tagsOf?.(c).length ?? 0) > 0);
}

/**
 * Whether a merge brings nothing but commits that landed on a release line or behind a release tag first (SPEC
 * section 1), whatever its subject says: its side parent is on a release line or tagged, or every commit it
 * brings is a release commit and one of them a release line's own — directly or through helper merges
 * (`Merge branch 'release-3.11' into merge-3.11`, then that branch into main) that only brought the tracked
 * branch in. A branch merged into a release line and into the tracked branch is not made a sync: its commits
 * are no release line's own.
 */
function bringsReleaseOnly(commit: Commit, walk: SideWalk, input: BuildChangesInput): boolean {
  if (commit.parents.slice(1).some((p) => input.releaseLines.has(p))) return true;
  // a helper branch that merged the line again merged it into its own first merge, not into the tracked branch:
  // prometheus' #17798 took release-3.9 in, then again after `Cut v3.9.1`; that second merge is no work either
  const again = walk.commits.filter((c) => mergesRelease(c, input));
  const own = walk.commits.filter((c) => !again.includes(c));
  if (own.length > 0) return own.every((c) => input.release.has(c.sha)) && own.some((c) => input.releaseLines.has(c.sha));
  // nothing but helper merges, each of a release line's commit (already brought in by an earlier merge)
  const merges = [...walk.helpers, ...again];
  return merges.length > 0 && merges.every((m) => m.parents.some((p) => input.releaseLines.has(p)));
}

/** Whether `commit` merges release commits alone into the branch it is on: a merge whose every other parent is one. */
function mergesRelease(commit: Commit, input: BuildChangesInput): boolean {
  return commit.parents.length > 1 && !input.release.has(commit.sha) && commit.parents.slice(1).every((p) => input.release.has(p));
}


/**
 * Whether a merge brings in again a line where pull requests land (SPEC section 1): GitFlow's `development`, into
 * which a project merges its pull requests and which it merges into the tracked branch at each release. Such a
 * merge is a sync: its pull requests landed on that line first. Its side's own first-parent line holds the landings
 * of at least two other pull requests, and goes on below them in what an earlier merge of the tracked branch brought
 * in, not in the tracked branch's own line: the line was merged before, and went on. pi-hole's `Pi-hole Core v6.2
 * (#6411)` brought the 34 pull requests landed on `development` since `Pi-hole core 6.1.4`; read as one change, its 82
 * commits from April to October were one change of 193 days' cycle time. Its `Pi-hole Core v6.1` was already a sync
 * (its line tagged v6.1.1 later), so one release merge was a sync and the next a change. A branch merged once is
 * still a change, however many pull requests it holds (vite's `rolldown-vite`: it forked from the tracked line), and
 * so is a stacked pull request (it goes on in the one it was stacked on, but holds no landings). One landing is
 * enough where an earlier sync brought in the line below it and the side holds nothing else but merges of the
 * tracked branch: shlink's release pull requests from `develop` carrying one pull request each were changes, those
 * carrying two syncs. A merge of the tracked branch into the line is no landing on it. Cheap where most merges are:
 * a side that forked from the tracked line is never read further.
 */
function mergesLineAgain(commit: Commit, walk: SideWalk, landing: Landing, input: BuildChangesInput, rules: Rules): boolean {
  const below = walk.forkPoints[0];
  // where the side left the line decides, read or not: biome's `next`, merged again by #9277 (`chore: biome v2.5`),
  // went on from 4804acff60, its own commit that #8275 (`Merge pull request #8275 from biomejs/next`, v2.4) had
  // landed: over a year the read held it, and #9277 was a sync of 89 pull requests; over 90 days it lay below the
  // read, was taken for the line's, and #9277 read as a change of 120 commits begun in February
  // the side's first commit on top of it, walked only where that commit is unread: a pull request's fork point is read
  const onTop = (): number => {
    let first = commit;
    for (const c of sideFirstParents(commit, walk)) first = c;
    return first.committedAt;
  };
  if (commit.parents.length !== 2 || below === undefined || rules.firstParent(below, onTop)) return false;
  const merging = new Set(walk.mergedTracked ?? []);
  let landings = 0;
  let own = false;
  for (const c of sideFirstParents(commit, walk)) {
    // a merge of the tracked branch into the line lands nothing there, by a pull request or not: click's #3129 took
    // `main` as it stood (three `Merge stable into main` pull requests) and added its fix, a change
    if (merging.has(c)) continue;
    const n = landedNumber(c, input.trackedBranch);
    if (n === null || n === landing.number) own = true;
    else if (++landings >= LINE_LANDINGS) return true;
  }
  // a line an earlier sync brought in, merged again with one pull request landed on it and nothing of its own: click's
  // `Merge stable into main. (#3674)`, #3672 landed on stable since `Release version 8.4.2 (#3631)` was synced
  return landings > 0 && !own && rules.synced.has(below);
}

// the landings of other pull requests a side's first-parent line holds that make it a line: one is a stacked pull request
const LINE_LANDINGS = 2;

/**
 * Whether a merge brings a release line that no tag or branch names yet (SPEC section 3): its side — helper
 * merges that brought the tracked branch in aside — holds a version bump (`prepare 3.14.0-rc.0`) and otherwise
 * only what that bump carries (its ancestors on the side) or what release lines and tags already hold; and the side
 * is a line, not a pull request's branch: pull requests landed on it, or a merge names it as a release line
 * (`Merge branch 'release-3.14' into merge-3.14`). A side of bumps alone is a release pull request: no sync.
 */
function bringsBumpedLine(walk: SideWalk, landing: Landing, input: BuildChangesInput): boolean {
  const bumps = walk.commits.filter((c) => c.parents.length < 2 && isVersionBump(c.subject));
  // bumps alone are a release pull request's, unless one is a release line's own: prometheus' #19443 brought
  // release-3.14's `chore: prepare 3.14.0-rc.0 (#19322)` (tagged v3.14.0-rc.0) with a `prepare 3.14.0` made on it
  const lineBump = bumps.some((c) => input.releaseLines.has(c.sha));
  if (bumps.length === 0 || (bumps.length === walk.commits.length && !lineBump)) return false;
  const side = new Map(walk.commits.map((c) => [c.sha, c]));
  const carried = new Set<string>();
  const stack = bumps.map((c) => c.sha);
  while (stack.length > 0) {
    const commit = side.get(stack.pop() as string);
    if (commit === undefined || carried.has(commit.sha)) continue;
    carried.add(commit.sha);
    append(stack, commit.parents);
  }
  if (!walk.commits.every((c) => carried.has(c.sha) || input.release.has(c.sha))) return false;
  const pulls = walk.commits.some((c) => !bumps.includes(c) && landedNumber(c, input.trackedBranch) !== null);
  const branches = [landing.branch, ...walk.helpers.map((h) => parseLanding(h.subject, h.bodyFirstLine, true, input.trackedBranch).branch)];
  return pulls || lineBump || branches.some((b) => b !== null && isReleaseLine(b));
}

/**
 * Whether `commit` lands the squash just before it again: the same pull request's number and subject, next on the
 * first-parent line. A pull request merges once; uv's #17944 (`Revert "Warn on unexpected ZIP compression
 * methods"`) landed as two squashes 28 seconds apart, the second empty, and was counted as two changes. A reland
 * after a revert has the revert between them, and stays a change of its own.
 */
function landedAgain(previous: Change, commit: Commit, before: Commit | undefined, number: number): boolean {
  return previous.kind === 'squash' && previous.number === number && before !== undefined && previous.sha === before.sha && before.subject === commit.subject;
}

/** `commit` joins `change` as a second landing of it: the change is merged when that lands, its size both diffs. */
function landAgain(change: Change, commit: Commit, rules: Rules): void {
  change.landedShas = [...(change.landedShas ?? [change.sha]), commit.sha];
  change.commitShas = unique([...change.commitShas, commit.sha]);
  change.sha = commit.sha;
  change.mergedAt = commit.committedAt;
  rules.landed.add(commit);
}

/**
 * `commit`, a squash of `change`'s pull request again (its number, author email and subject) on the other of the two
 * lines trackedLine joined, is that change landed again: no change of its own, and the change keeps its first
 * landing. analog's fixes merged into `beta` and landed on main as well within minutes (#2259 cherry-picked, #2306
 * squashed again) are both on beta's line once beta was fast-forwarded to main: read apart, each counted twice.
 */
function landedElsewhere(change: Change, commit: Commit, rules: Rules): void {
  change.commitShas = unique([...change.commitShas, commit.sha]);
  rules.landed.add(commit);
}

function squashChange(commit: Commit, number: number, title: string, input: BuildChangesInput, rules: Rules): Change {
  const change = baseChange(commit, 'squash', number, title, input);
  const pull = input.pulls.get(number);
  const own = pull ? ownPullCommits(pull, rules, change.mergedAt) : [];
  if (pull && own.length > 0) {
    const first = applyOwnCommits(change, own, pull.forkPoints, rules);
    // who began the branch is its root's author, not the earliest author date's: people's commits rebased onto a bot's
    // keep their older dates (nuxt's #35369, Renovate's update, then three of Daniel Roe's commits, one dated the day before)
    const began = branchRoot(own) ?? first;
    byAgent(change, began, input.botPattern, rules.ai);
    byAppBots(change, pull.commits, input.botPattern, rules.ai);
    // the bot that opened a pull request people began and mostly wrote only authored its squash; one it began stays its own
    if (began !== null && !isBot(began.authorName, began.authorEmail, input.botPattern, rules.ai)) byPeople(change, own, input.botPattern, rules.ai);
    landCommits(change, own, pull, rules);
    // the branch its merges of the tracked branch name (`Merge branch 'main' into codex/fix-parser`): weak evidence
    if (pull.branch !== undefined) {
      change.branch = pull.branch;
      const named = rules.ai.branch(pull.branch);
      if (named) addAiFindings(change, [named]);
    }
  } else {
    // the PR's own commits are not in this clone (or the number was an issue's): its first commit is unknown
    change.commitShas = [commit.sha];
    change.commits = null;
    change.flags.push('commits-unseen');
  }
  // the squash commit is what the change landed: a release branch that cherry-picks it (OpenHands' `Release
  // 0.57.0`, #10981, carries five of main's squashes) or a branch rebased over it holds copies of it, not work of its own
  rules.landed.add(commit);
  addAiFindings(change, pull && own.length > 0 ? unborrowed(commit.aiEvidence, own, pull) : commit.aiEvidence);
  return change;
}

// a trailer that names a person who wrote the change with its author: GitHub writes one into a squash per author
const CO_AUTHOR_LINE = /^(?:co-?(?:authored|developed)-by|signed-off-by):\s*(.*)$/i;

/** Who a co-author line or a commit's author is, to tell them apart: the address, else the name. */
function whoKey(value: string): string {
  const address = /<([^<>]*)>\s*$/.exec(value)?.[1] ?? /\s(\S+@\S+)\s*$/.exec(value)?.[1];
  return (address ?? value).trim().toLowerCase();
}

/** Everyone a commit names as its writers: its author and the co-authors among its AI evidence. */
function writersOf(commit: Commit): string[] {
  const keys = [whoKey(commit.authorEmail)];
  for (const f of commit.aiEvidence) {
    const co = CO_AUTHOR_LINE.exec(f.line);
    if (co) keys.push(whoKey(co[1] ?? ''));
  }
  return keys;
}

/**
 * A squash's AI evidence less the co-authors it borrowed. GitHub writes a `Co-authored-by:` into a squash for the
 * author of every commit on the branch, and copies the branch's own trailers: the commits of a stacked pull
 * request's base that landed before it, or a release line's, are on the branch but not the change's own work
 * (its own-commit rules), so the agent that wrote them is no evidence of this change's. OpenHands' #10596 (one
 * commit of its own, by a person) read as AI-assisted by the co-author GitHub wrote for its base #10519's commit;
 * 16 of the repository's 2024-25 changes did so alone. A co-author that one of its own commits names, or that no commit
 * of the pull ref names (written by hand), stays.
 */
function unborrowed(findings: readonly AiFinding[], own: readonly Commit[], pull: PullCommits): readonly AiFinding[] {
  if (!findings.some((f) => CO_AUTHOR_LINE.test(f.line))) return findings;
  const mine = new Set(own.flatMap(writersOf));
  const ownShas = new Set(own.map((c) => c.sha));
  // its release commits are walked again only where some were left out: most pull requests hold none
  const all = pull.releaseLeftOut ? pull.withRelease() : pull.commits;
  const others = new Set(all.filter((c) => !ownShas.has(c.sha)).flatMap(writersOf));
  return findings.filter((f) => {
    const co = CO_AUTHOR_LINE.exec(f.line);
    if (co === null) return true;
    const key = whoKey(co[1] ?? '');
    return mine.has(key) || !others.has(key);
  });
}

/**
 * `ownCommits` of a pull ref's commits, its release commits included. Those were left out of its list, which
 * gives the same unless none of its other commits came before the landing: then it is walked again.
 */
function ownPullCommits(pull: PullCommits, rules: Rules, landedAt: number): Commit[] {
  const own = ownCommits(pull.commits, rules, landedAt);
  return own.length > 0 || !pull.releaseLeftOut ? own : ownCommits(pull.withRelease(), rules, landedAt);
}

/** A change made of first-parent commits (a direct push, a trailer-linked group, a rebase merge) as it grows. */
interface Group {
  change: Change;
  members: Commit[];
  /** members that were copies or release commits when they landed */
  notOwn: Set<string>;
}

function groupChange(members: Commit[], kind: ChangeKind, number: number | null, input: BuildChangesInput, rules: Rules): Group {
  const first = members[0] as Commit;
  const change = baseChange(first, kind, number, first.subject, input);
  const group: Group = { change, members: [], notOwn: new Set() };
  // a revert may name the pull ref's originals: read before its members, copies of them, are recorded as landed
  const originals = kind === 'rebase' && number !== null ? pullRefCommits(input.pulls.get(number)?.commits ?? [], rules) : [];
  extendGroup(group, members, rules);
  // its members, registered as they land, are what it landed
  if (originals.length > 0) change.commitShas = unique([...change.commitShas, ...originals.map((c) => c.sha)]);
  return group;
}

function extendGroup(group: Group, members: Commit[], rules: Rules): void {
  const { change } = group;
  // whether a member is a copy is decided when it lands, against what landed before it
  for (const c of members) if (carriedOver(c, rules)) group.notOwn.add(c.sha);
  for (const c of members) rules.landed.add(c);
  const fresh = group.members.length === 0;
  append(group.members, members);
  const own = group.members.filter((c) => !group.notOwn.has(c.sha));
  applyOwnCommits(change, own.length > 0 ? own : group.members, change.forkPoints, rules);
  change.commitShas = group.members.map((c) => c.sha);
  const last = members.reduce((a, b) => (b.committedAt >= a.committedAt ? b : a));
  if (fresh || last.committedAt >= change.mergedAt) {
    change.mergedAt = last.committedAt;
    change.sha = last.sha;
  }
  addAiFindings(change, group.members.flatMap((c) => c.aiEvidence));
  // a group's size is the sum of its commits' diffs (applySizes)
  if (group.members.length > 1) change.landedShas = group.members.map((c) => c.sha);
}

/**
 * Records what the change landed, so a later change's copies of it are not counted as that one's work, and
 * adds the pull ref's commits to the shas a revert can name (a merge queue lands copies of the PR's commits,
 * and a revert made before it names the originals).
 */
function landCommits(change: Change, commits: readonly Commit[], pull: PullCommits | undefined, rules: Rules): void {
  // read before the change's own commits are recorded as landed: a copy of them is not one of another change's
  const carried = pull ? pullRefCommits(pull.commits, rules) : [];
  for (const c of commits) rules.landed.add(c);
  if (!pull) return;
  for (const c of carried) rules.landed.add(c);
  change.commitShas = unique([...change.commitShas, ...carried.map((c) => c.sha)]);
}

function baseChange(commit: Commit, kind: ChangeKind, number: number | null, title: string, input: BuildChangesInput): Change {
  return {
    // a GitLab merge request as GitLab writes it (`!232`: its `#232` is an issue)
    id: number !== null ? `#${number}` : commit.mergeRequest !== null ? `!${commit.mergeRequest}` : commit.sha.slice(0, 10),
    number,
    title,
    author: commit.authorName,
    authorEmail: commit.authorEmail,
    url: number !== null
      ? (input.pullsUrl === null ? null : `${input.pullsUrl}/${number}`)
      : commit.mergeRequest !== null && input.mergeRequestsUrl != null ? `${input.mergeRequestsUrl}/${commit.mergeRequest}` : null,
    branch: null,
    kind,
    sha: commit.sha,
    commitShas: [],
    commits: 0,
    size: null,
    bot: false,
    firstCommitAt: null,
    lastCommitAt: null,
    readyAt: null,
    firstReviewAt: null,
    approvedAt: null,
    mergedAt: commit.committedAt,
    deployedAt: null,
    deployRef: null,
    forkPoints: [],
    forkPointAt: null,
    flags: [],
    aiEvidence: [],
    revertedBy: null,
    isRevert: false,
    stages: UNMEASURED,
    cycleTime: null,
    leadTime: null,
    review: null,
  };
}

/**
 * When a commit's work began here: its author date, but for a cherry-pick of a commit this history does not hold
 * (a port from another repository, `(cherry picked from commit …)` naming a commit of Sonarr's in Radarr's
 * history), its commit date: the author date is the original's, years before (Radarr's 8911cbe872, authored in
 * 2020 and pushed in 2025, read as 1,698 days from first commit to last). A cherry-pick of a commit read is
 * judged by the copy rules instead.
 */
function startOf(commit: Commit, read: (sha: string) => boolean): number {
  // an abbreviated sha cannot say the commit is not here: read as a copy's
  if (commit.cherryPickOf.length === 0 || commit.cherryPickOf.some((sha) => sha.length < 40 || read(sha))) return commit.authoredAt;
  return Math.max(commit.authoredAt, commit.committedAt);
}

/** Sets a change's commits, its first and last commit times and its AI evidence from its own commits; returns the first of them (null: none). */
function applyOwnCommits(change: Change, own: Commit[], forkPoints: string[], rules: Pick<Rules, 'read' | 'ai'>): Commit | null {
  const { read } = rules;
  change.commitShas = own.map((c) => c.sha);
  change.commits = own.length;
  change.forkPoints = forkPoints;
  if (own.length === 0) return null;
  // a loop, not Math.min(...): a huge merge can bring more commits than a call takes arguments
  let first = own[0] as Commit;
  let firstAt = Infinity;
  let last = -Infinity;
  for (const c of own) {
    const at = startOf(c, read);
    if (at < firstAt) {
      first = c;
      firstAt = at;
    }
    if (at > last) last = at;
  }
  change.firstCommitAt = firstAt;
  change.lastCommitAt = last;
  const evidence = own.flatMap((c) => c.aiEvidence);
  // an AI agent that wrote commits of the change made it AI-assisted work, the agent's or a person's it added to
  const agents: AiFinding[] = [];
  let began = false;
  for (const c of own) {
    const agent = rules.ai.author(c.authorName, c.authorEmail);
    if (agent === null) continue;
    agents.push(agent);
    if (c === first) began = true;
  }
  append(evidence, agentCommitEvidence(agents, own.length, began));
  setAiFindings(change, evidence);
  // a merge's author is who merged it; the work is its first own commit's author's (a squash's author is
  // already the pull request's: GitHub writes it)
  if (change.kind === 'merge' || change.kind === 'sync') {
    change.author = first.authorName;
    change.authorEmail = first.authorEmail;
  }
  return first;
}

/** The pull request a commit squashed by its tree (see BuildChangesInput.treeSquashes), unless a change landed it; else null. */
function squashedByTree(commit: Commit, input: BuildChangesInput, named: ReadonlySet<number>, rebases: RebaseIndex): number | null {
  const number = input.treeSquashes?.get(commit.sha);
  return number === undefined || named.has(number) || rebases.hasTaken(number) ? null : number;
}

/**
 * Longest pause between two commits of one push: a rebase writes its commits a second or so apart (wagtail's
 * #14017, nine commits over 25 seconds with the release note written last), an interactive one stops to reword
 * (#14398, forty commits over two minutes, never 45 seconds apart), while separate pushes are minutes apart.
 */
const PUSH_PAUSE = 60;

/**
 * A pull request pushed to the branch as it was (its head is a first-parent commit): the run of plain commits
 * from `line[i]` committed in one go (each within PUSH_PAUSE of the one before), up to a pull request's head,
 * or null.
 */
function pushedHead(line: readonly Commit[], i: number, heads: ReadonlyMap<string, number>): { number: number; length: number } | null {
  if (heads.size === 0) return null;
  for (let j = i; j < line.length; j++) {
    const c = line[j] as Commit;
    const pause = j === i ? 0 : c.committedAt - (line[j - 1] as Commit).committedAt;
    if (c.parents.length >= 2 || c.landingUrl !== null || pause < 0 || pause > PUSH_PAUSE || endsWithNumber(c.subject)) return null;
    const number = heads.get(c.sha);
    if (number !== undefined) return { number, length: j - i + 1 };
  }
  return null;
}

/**
 * A pull request pushed to the branch as it was whose commits name it as a squash's subject does (`… (#N)`): how
 * many plain commits from `line[i]` up it brought, each naming `number`, when its `refs/pull/N/head` is the last of
 * them or a merge just above them (the merge a change of its own), or null. tokio's release lines take their
 * pull requests so: `chore: prepare Tokio v1.43.4 (#7821)` is refs/pull/7821/head itself, and `Pin stable to 1.94
 * for tokio-1.51.x (#8105)` lies under #8105's head, its merge of tokio-1.47.x. Read as squashes, their pull refs
 * held no commit off the line and their first commits were unseen. No pause is asked of them, as pushedHead asks:
 * the subjects name the pull request (tokio's #8114 merged 75 seconds after its commit). Each was committed after it
 * was written (rebased or reworded: #8114's 18 seconds after): one committed as it was authored may be a squash that
 * a merge tool pushed to the pull request's branch before landing it, its work's commits unseen still (see
 * SQUASH_WRITE).
 */
function pushedAsTitled(line: readonly Commit[], i: number, number: number, input: BuildChangesInput): number | null {
  if (input.pullHeads.size === 0) return null;
  for (let j = i; j < line.length; j++) {
    const c = line[j] as Commit;
    const head = input.pullHeads.get(c.sha) === number;
    if (c.parents.length >= 2) return head ? j - i : null;
    if (c.committedAt - c.authoredAt <= SQUASH_WRITE || landedNumber(c, input.trackedBranch) !== number) return null;
    if (head) return j - i + 1;
  }
  return null;
}

/** A pull request rebase-merged whose commits name it as a squash does (titledRebaseAt). */
interface TitledRebase {
  number: number;
  /** how many first-parent commits from the first it landed as */
  length: number;
  /** the first of them titled with its number, less the number */
  title: string;
}

/**
 * The pull request that the plain commits from `line[i]` up are one rebase merge of, when some of them name it as a
 * squash's subject does (`… (#N)`): sentry-javascript's #20900, three commits of which the first and last say
 * `(#20900)`, read as two squashes of #20900 and a direct push between them, one number listed twice. The commits
 * were written in one second (one rebase wrote them), two at least, each a copy of one of its pull ref's commits
 * (author, author date and subject), the last a copy of its head. The rebase index leaves out the pull requests the
 * branch names (`named`), so their rebases are read here; the run may start on a commit of another pull request's
 * (#20393's first commit was #20062's, which #20393 was stacked on). Null otherwise.
 */
function titledRebaseAt(line: readonly Commit[], i: number, named: ReadonlySet<number>, input: BuildChangesInput): TitledRebase | null {
  const first = line[i] as Commit;
  const next = line[i + 1];
  // most landings are alone in their second: nothing is looked up for them
  if (first.parents.length >= 2 || next === undefined || next.committedAt !== first.committedAt || next.parents.length >= 2) return null;
  let end = i;
  while (end < line.length && (line[end] as Commit).committedAt === first.committedAt && (line[end] as Commit).parents.length < 2) end++;
  for (let j = i; j < end; j++) {
    const number = trailingNumber((line[j] as Commit).subject);
    const pull = number === null || !named.has(number) ? undefined : input.pulls.get(number);
    if (number === null || pull === undefined) continue;
    // what a rebase keeps of a commit
    const kept = (c: Commit): string => `${c.authorEmail}\x1f${c.authoredAt}\x1f${c.subject}`;
    const copied = new Map(pull.withRelease().map((c) => [kept(c), c]));
    let length = 0;
    let last: Commit | undefined;
    for (let k = i; k < end; k++) {
      const source = copied.get(kept(line[k] as Commit));
      if (source === undefined) break;
      length++;
      last = source;
    }
    if (length >= 2 && i + length > j && last !== undefined && input.pullHeads.get(last.sha) === number) {
      return { number, length, title: withoutNumber((line[j] as Commit).subject) };
    }
  }
  return null;
}

/**
 * Longest a squash's commit date trails its author date: a merge tool writes both as it squashes (GitHub the same
 * second; Graphite, which pushes each squash of a stack to its pull request's branch before merging it, a second
 * apart at most: tailwindcss' nine of 2024-10-22, each its pull ref's head).
 */
const SQUASH_WRITE = 5;

/** A pull ref's commit as a rebase of it is matched: its pull request, and what a copy keeps. */
interface PullCommitEntry {
  number: number;
  committedAt: number;
  authorEmail: string;
  authoredAt: number;
}

/**
 * First-parent commits that are copies of one pull request's commits: a rebase merge (section 1). Keyed by
 * author email, author date and subject, which a rebase keeps.
 */
class RebaseIndex {
  // by subject (the string the commit holds, not a key built per commit); email and author date are compared
  private readonly bySubject = new Map<string, PullCommitEntry[]>();
  // the pull requests landed so far by a rebase, a push or a commit closing them (see took)
  private readonly taken = new Set<number>();

  /**
   * A backport's commits (on a release line, or of a pull request based on one) copy the tracked branch's, not the
   * other way round. `landed`
   * holds what earlier changes landed: a pull request rebase-merged after part of it landed brings the rest.
   * Pull requests in `named` landed as a squash or a merge the branch names.
   */
  constructor(
    private readonly pulls: Map<number, PullCommits>,
    private readonly release: ReadonlySet<string>,
    private readonly landed: CopyIndex,
    private readonly named: ReadonlySet<number>,
  ) {
    for (const [number, pull] of pulls) {
      // a pull request based on a release line (its ref reaches the line's own commits) was merged there: its
      // commits are the line's backports, and a copy on the tracked branch is no landing of it. undici's #5409, into
      // v7.x, holds the copy of main's ac5394b862 that Matteo Collina pushed to both lines 8 seconds apart: read as
      // #5409 rebase-merged
      if (named.has(number) || pull.releaseLeftOut) continue;
      for (const c of pull.commits) {
        if (release.has(c.sha)) continue;
        const entry = { number, committedAt: c.committedAt, authorEmail: c.authorEmail, authoredAt: c.authoredAt };
        const found = this.bySubject.get(c.subject);
        if (found) found.push(entry);
        else this.bySubject.set(c.subject, [entry]);
      }
    }
  }

  /**
   * The run of first-parent commits from `line[i]` that are a rebase merge of one pull request, and whether it
   * brings all that pull request had not landed yet (`whole`), or null. The
   * run ends where no pull request has the next commit too, or where one pull request is complete (all its
   * commits that had not landed yet), the next commit is not one of its own and was committed apart (a
   * stacked pull request rebase-merged after its base). A commit reworded in the rebase (same author and author
   * date, another subject) is the run's pull request's when the run goes on through it or starts on it
   * (wagtail's #13405, two of nine commits reworded by the merger, read as two changes #13405 and two direct).
   */
  runAt(line: readonly Commit[], i: number): { number: number; length: number; whole: boolean; named: boolean } | null {
    if (this.bySubject.size === 0) return null;
    // a commit that closes a pull request it copies (same author and author date) is that one's, before any
    // other pull request holding a copy of it: curl's maintainers rebase a pull request onto master, often squashed
    // and reworded (`Closes #19281`, 33 commits landed as one), and an author's later pull request may hold a
    // copy of it too (#20831's commit, landed as #20864 said)
    const closing = this.closing(line[i] as Commit);
    const named = closing.length > 0;
    let candidates = named ? closing : this.candidates(line[i] as Commit);
    if (candidates.length === 0 && i + 1 < line.length) {
      const next = new Set(this.candidates(line[i + 1] as Commit));
      candidates = [...next].filter((n) => this.reworded(line[i] as Commit, n));
    }
    if (candidates.length === 0) return null;
    const remaining = new Map(candidates.map((n) => [n, this.remaining(n)]));
    let length = 1;
    for (let j = i + 1; j < line.length; j++) {
      const next = line[j] as Commit;
      if (next.parents.length >= 2 || next.landingUrl !== null) break;
      // a squash of another pull request the clone has (`… (#35747)`) is that one's, whoever's branch holds a copy of
      // it: nuxt's #35756, never merged, held copies of a push and of Renovate's squash #35747, and read as landed by them
      const squashed = trailingNumber(next.subject);
      if (squashed !== null && this.pulls.has(squashed) && !candidates.includes(squashed)) break;
      const nextClosing = this.closing(next);
      // a commit that closes another pull request it copies is that one's (curl's ec22ea2502, `Closes #21199`, with
      // the author date of #21220's commit landed before it)
      if (nextClosing.length > 0 && !nextClosing.some((n) => candidates.includes(n))) break;
      const nextCandidates = new Set(nextClosing.length > 0 ? nextClosing : this.candidates(next));
      let kept = candidates.filter((n) => nextCandidates.has(n));
      if (kept.length === 0) {
        kept = candidates.filter((n) => this.reworded(next, n));
        for (const n of kept) nextCandidates.add(n);
      }
      // copies committed in the same second came from one merge: a stack merged whole is its top pull request.
      // Committed apart, a pull request the run brought whole ends it, even when the next commit copies one of its
      // commits again: it has none left, and the copy is a later pull request's (terraform's #38245, stacked on an
      // older state of #38226, landed a second copy of #38226's `Add tests for action invocation counts` 54 minutes
      // after it: read as #38226's, it merged 54 minutes late)
      const apart = next.committedAt !== (line[j - 1] as Commit).committedAt;
      if (kept.length === 0 || (apart && candidates.some((n) => remaining.get(n) === length))) break;
      candidates = kept;
      length++;
    }
    // the pull request the run brings whole, else the one with the fewest commits left (part of it was
    // cherry-picked); between equals the newer one (a pull request opened again, or for another base)
    const rank = (n: number): number => (remaining.get(n) === length ? -Infinity : (remaining.get(n) ?? 0));
    const number = candidates.reduce((a, b) => (rank(b) < rank(a) || (rank(b) === rank(a) && b > a) ? b : a));
    return { number, length, whole: remaining.get(number) === length, named };
  }

  /**
   * The pull requests a commit's closing lines name (`Closes #N`) that hold a commit it copies, reworded or not
   * (same author and author date, committed before it): the number alone could be an issue's, or a typo's
   * (curl's f55974c139 says `Closes #19308` and copies #19408's commit: no link).
   */
  private closing(commit: Commit): number[] {
    if (commit.closesPulls.length === 0 || commit.parents.length >= 2) return [];
    return commit.closesPulls.filter((n) => !this.named.has(n) && this.reworded(commit, n));
  }

  /**
   * The pull request a commit squashes when its subject lost the `(#N)` and its body closes it (jQuery squashes each
   * pull request, rewrites the subject, and writes `Closes gh-N`): the one pull request its closing lines name
   * whose pull ref holds commits not landed yet, all committed before it, among them one by its author (see
   * sameWriter). A pull ref
   * says N is a pull request, not an issue; the author, that the squash is that pull request's work, not a
   * maintainer's own change closing another's attempt. Null otherwise.
   */
  squashedBy(commit: Commit): number | null {
    if (commit.closesPulls.length === 0 || commit.parents.length >= 2) return null;
    const found = commit.closesPulls.filter((n) => {
      if (this.named.has(n) || this.taken.has(n)) return false;
      const own = this.unlanded(n);
      return own.length > 0 && own.every((c) => c.committedAt <= commit.committedAt) && own.some((c) => sameWriter(c, commit));
    });
    return found.length === 1 ? (found[0] as number) : null;
  }

  /**
   * Says that pull request `number` landed (rebased, pushed as it was, or squashed by a commit closing it): a later
   * commit closing it again is no squash of it (curl's f55974c139 closes, by a typo, a pull request landed before).
   */
  took(number: number): void {
    this.taken.add(number);
  }

  /** Whether pull request `number` landed so far (see took). */
  hasTaken(number: number): boolean {
    return this.taken.has(number);
  }

  /** How many commits a rebase merge of the pull request would bring (see unlanded). */
  private remaining(number: number): number {
    return this.unlanded(number).length;
  }

  /** The pull request's commits not landed yet: not merges, not on a release line, not copied by a change before. */
  private unlanded(number: number): Commit[] {
    return (this.pulls.get(number)?.commits ?? []).filter((c) => c.parents.length < 2 && !this.release.has(c.sha) && !this.landed.has(c));
  }

  /**
   * Pull requests holding a commit this one copies. A rebase commits the copy after the original: a
   * backport cherry-picked later, or a branch that rewrote the tracked branch's history keeping its dates,
   * holds copies that are not the original.
   */
  private candidates(commit: Commit): number[] {
    if (commit.parents.length >= 2) return [];
    const found = this.bySubject.get(commit.subject) ?? [];
    return found
      .filter((e) => e.authorEmail === commit.authorEmail && e.authoredAt === commit.authoredAt && e.committedAt < commit.committedAt)
      .map((e) => e.number);
  }

  /**
   * Whether pull request `number` holds a commit with this one's author and author date whatever its subject,
   * committed before it: a commit the merger reworded in the rebase. Asked of the run's own candidates only, by
   * their few commits: an index of every pull ref's commits by author date took 5 MB of rails' peak.
   */
  private reworded(commit: Commit, number: number): boolean {
    if (commit.parents.length >= 2) return false;
    return (this.pulls.get(number)?.commits ?? []).some(
      (c) => c.authoredAt === commit.authoredAt && c.authorEmail === commit.authorEmail && c.committedAt < commit.committedAt && c.parents.length < 2 && !this.release.has(c.sha),
    );
  }
}

// the address GitHub gives a user who keeps theirs private, naming the login: `43662405+hyunw9@users.noreply.github.com`
const NOREPLY = /^(?:\d+\+)?([^@\s]+)@users\.noreply\.github\.com$/i;

/**
 * Whether two commits have one writer: the same address, the same name, or the login one's GitHub noreply address
 * names as the other's name or the local part of its address. A squash GitHub writes takes the pull request
 * author's account (Zeppelin's `43662405+hyunw9@users.noreply.github.com`, `강현욱`) where their commits carry
 * their git identity (`rkdgusdnr32@gmail.com`, `hyunw9`).
 */
function sameWriter(a: Commit, b: Commit): boolean {
  const email = (c: Commit): string => c.authorEmail.trim().toLowerCase();
  const name = (c: Commit): string => c.authorName.trim().toLowerCase();
  if (email(a) === email(b) || (name(a) !== '' && name(a) === name(b))) return true;
  const names = (login: string | undefined, c: Commit): boolean => login !== undefined && (login === name(c) || login === email(c).split('@')[0]);
  return names(NOREPLY.exec(email(a))?.[1], b) || names(NOREPLY.exec(email(b))?.[1], a);
}

function addSizes(a: Size, b: Size): Size {
  return { additions: a.additions + b.additions, deletions: a.deletions + b.deletions, files: a.files + b.files };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Only http(s) URLs are kept: a `javascript:` trailer must never become a link. */
function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s"'<>]+$/.test(url) ? url : null;
}

/**
 * Sets each change's fork-point date: the newest commit date among its fork points (the merge base's).
 * `dateOf` knows the commits read and those looked up after; a change with no known fork point keeps null.
 */
export function resolveForkPoints(changes: Change[], dateOf: (sha: string) => number | undefined): void {
  for (const change of changes) {
    const dates = change.forkPoints.map(dateOf).filter((d): d is number => d !== undefined);
    change.forkPointAt = dates.length > 0 ? largest(dates) : null;
  }
}
