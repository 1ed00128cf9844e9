import type { Change, Deploy, DeploySignalKind } from '../domain.js';
import type { DeployCandidate } from '../model/deploys.js';
import { andList, plural } from '../units.js';
import { largest } from '../lists.js';
import { onGitHub, reviewedElsewhere, type ReviewHost } from '../review-hosts.js';
import { mergedOnGitLab, reviewedOnGerrit } from './review-host.js';
import { branchName, isReleaseCut } from '../model/release-lines.js';
import { carriesPulls, syncedPulls } from '../metrics/count.js';

/**
 * What the sources could not show, and how to get it: one sentence each, for the end of every report. `host` is
 * where the changes were reviewed (see reviewHostOf): a project reviewed elsewhere than GitHub is told where, not
 * sent to a GitHub token that would split nothing.
 */
export function sourceNotes(signal: DeploySignalKind, github: boolean, inWindow: readonly Change[], pullRefs: boolean, host: ReviewHost | null): string[] {
  const elsewhere = elsewhereText(host, inWindow);
  if (github) {
    return [
      ...(elsewhere !== null ? [`${elsewhere}: their pickup, merge wait and review figures are unknown.`] : []),
      ...(signal === 'merge' ? ['No deploy signal (deployments, deploy workflow runs, releases or tags) was found: every merge counts as a deploy, so the deploy stage is 0 and deploy frequency and lead time get no DORA band.'] : []),
    ];
  }
  const notes = elsewhere !== null
    ? [
      `${elsewhere}: pickup and merge wait are unknown, and "review" is the whole wait from the last commit to the merge.`,
      'Review health, rework, CI checks and WIP are read from GitHub only: they are left out (null), not 0.',
      'Git alone sees a change only once it merges: the coding and review queues of the last weeks leave out the changes still in review, so they read low at the window\'s end.',
    ]
    : [
      'Git alone cannot see when a pull request was opened, first reviewed or approved: pickup and merge wait are unknown, and "review" is the whole wait from the last commit to the merge. Run with a GitHub token (GH_TOKEN) to split it.',
      'Review health, rework, CI checks and WIP need GitHub data: they are left out (null), not 0.',
      // SPEC 9 counts changes merged by now: from git, a change still open is not there, so the last weeks' queues
      // lose exactly the changes that would make them long
      'Git alone sees a change only once it merges: the coding and review queues of the last weeks leave out the changes still open, so they read low at the window\'s end. A GitHub token adds the open pull requests.',
    ];
  if (signal === 'merge') notes.push('No deploy signal (tags) was found: every merge counts as a deploy, so the deploy stage is 0 and deploy frequency and lead time get no DORA band. Use --tag-pattern to match your release tags.');
  const unseen = inWindow.filter((c) => c.flags.includes('commits-unseen')).length;
  if (unseen > 0 && !pullRefs) {
    // GitHub keeps each pull request's commits at refs/pull/N/head; Bitbucket keeps none, Azure DevOps only the merge:
    // the fetch would bring nothing
    const fetch = onGitHub(host) ? ': fetch them with `git fetch origin \'+refs/pull/*/head:refs/pull/*/head\'`.' : ' (flowaudit reads a squash\'s commits from GitHub\'s pull refs only).';
    notes.push(`${plural(unseen, 'squash-merged change')} ${unseen === 1 ? 'has' : 'have'} no commits in this clone, so ${unseen === 1 ? 'its' : 'their'} coding time is unknown${fetch}`);
  }
  return notes;
}

/**
 * Where the changes were reviewed, when not on GitHub, as the history shows it: golang/tools' Reviewed-on trailers
 * (its GitHub repository a mirror that merges no pull request), GNOME's `See merge request` and freedesktop's
 * `Part-of:`, else the remote's host alone. Null for a project on GitHub or one nothing places.
 */
function elsewhereText(host: ReviewHost | null, inWindow: readonly Change[]): string | null {
  const { gerrit, landed } = host === 'gerrit' ? reviewedOnGerrit(inWindow) : { gerrit: 0, landed: 0 };
  if (gerrit > 0) {
    return `${gerrit} of the window's ${plural(landed, 'change')} ${gerrit === 1 ? 'was' : 'were'} reviewed on Gerrit (their Reviewed-on trailers), which flowaudit does not read`;
  }
  if (host === 'gitlab' && mergedOnGitLab(inWindow)) return 'This project\'s merge requests are on GitLab (its commits name them: `See merge request`, `Part-of:`), which flowaudit does not read';
  return onGitHub(host) ? null : reviewedElsewhere(host);
}

/**
 * Said when the window's syncs brought in a quarter or more of its pull requests: they were merged into another
 * line first (react-router merged into `release`, and `release` into main, until June 2026: three syncs held 33 of
 * May's 44; sveltejs/kit's `version-3` takes main's by merges of main; pi-hole merges its pull requests into
 * `development`, and that into master at each release), and a sync is left out of every figure (SPEC section 1), so
 * that much of the work is not measured here; null otherwise. Backports merged back (prometheus: 18 of 347) say
 * nothing. Where a sync's subject names no line (`Pi-hole Core v6.2 (#6411)`, apollo-client's `Release 4.2 (#13129)`
 * beside its `Merge pull request #12201 from apollographql/release-4.0`), `sideLines` has the branch its side is
 * on, by the sync's sha, when one was found (`syncsToName`, `sideLineOf`). `isBranch` says whether the clone still has a branch
 * of that name: when it does not (react-router deleted `release`, `v8` and `release-next` once merged, and
 * `--branch v8` stops with "unknown branch"), the run is on the latest sync's side, which --branch takes as a revision.
 */
export function syncedPullsNote(inWindow: readonly Change[], trackedBranch: string, sideLines: ReadonlyMap<string, string> = new Map(), isBranch: (name: string) => boolean = () => true): string | null {
  const carrying = carryingSyncs(inWindow);
  if (carrying === null) return null;
  const { syncs, carried, all } = carrying;
  const lineOf = (c: Change): string | null => landedLineOf(c, trackedBranch) ?? sideLines.get(c.sha) ?? null;
  const lines = [...new Set(syncs.flatMap((c) => lineOf(c) ?? []))];
  const where = lines.length === 0 ? 'another line' : andList(lines.map((b) => `\`${b}\``));
  // of several lines, the latest sync's is the one still taking them: flask's `3.0.x` became `stable` in 2024
  const latest = syncs.reduce<Change | null>((last, c) => ((lineOf(c) !== null || lines.length === 1) && (last === null || c.mergedAt > last.mergedAt) ? c : last), null);
  const line = lines.length === 1 ? (lines[0] as string) : latest === null ? null : lineOf(latest);
  const run = latest === null || line === null ? ''
    : isBranch(line)
      ? lines.length === 1 ? ` Run with --branch ${line} to measure them where they landed.` : ` Run with --branch ${line}, the line of the latest sync, to measure those that landed there.`
      : ` \`${line}\` is no longer a branch of this clone: run with --branch ${latest.sha.slice(0, 12)}^2, the side of the latest sync, to measure ${lines.length === 1 ? 'them where they landed' : 'those that landed there'}.`;
  // `of`, not `landed first on`: a line merged up into the one synced holds the pull requests that landed on it
  // (traefik's v3.7 syncs carry v3.6's and v2.11's too)
  return `${carried} of the window's ${plural(all, 'pull request')} reached ${trackedBranch} through ${plural(syncs.length, 'sync')} of ${where}: a sync is left out of every figure, so their work is not measured here.${run}`;
}

/**
 * The line a sync says its pull requests landed on (lineNamed); null when it names none, or only a branch that is not
 * that line. `origin/main` and `main` are one line (kit's merges of main say both). A sync named for the tracked
 * branch itself (a fork's, which trackedLine did not land) names no line to run on: the note would send the reader
 * where they are. A branch named for one release (`prepare-release/10.62.0`, `release/2.4.1`) was cut from the line
 * for that release: getsentry/sentry-javascript merges a `prepare-release/…` branch into master at each release, its
 * pull requests landed on `develop`.
 */
function landedLineOf(c: Change, trackedBranch: string): string | null {
  const named = lineNamed(c);
  const line = named === null ? null : named.replace(/^(?:origin|upstream)\//, '');
  return line === trackedBranch || (line !== null && isReleaseCut(line)) ? null : line;
}

/**
 * The window's syncs that brought in pull requests, with how many they brought (`carried`) of the window's pull
 * requests (`all`), when that is a quarter or more of them; else null.
 */
function carryingSyncs(inWindow: readonly Change[]): { syncs: Change[]; carried: number; all: number } | null {
  const syncs = inWindow.filter(carriesPulls);
  const carried = syncedPulls(syncs);
  const all = carried + inWindow.filter((c) => c.kind !== 'sync' && c.number !== null).length;
  return carried === 0 || carried * SYNCED_SHARE < all ? null : { syncs, carried, all };
}

/**
 * The syncs `syncedPullsNote` speaks of whose subjects name no line: their sides' branches must say. One named for the
 * tracked branch (a fork's) is read as naming a line: the branches holding its side would name the one the tracked
 * branch was fast-forwarded to (analog's main for its `beta`), not where its pull requests landed.
 */
export function syncsToName(inWindow: readonly Change[]): Change[] {
  return (carryingSyncs(inWindow)?.syncs ?? []).filter((c) => {
    const line = lineNamed(c);
    return line === null || isReleaseCut(line);
  });
}

/**
 * The line a sync brought in, from the branches its side is the tip of (`at`) or else those that hold it (`holding`):
 * the one branch whose tip it is (apollo-client's `release-4.2`, at `Release 4.2 (#13129)`'s side, where a dozen
 * branches cut from it later hold it too), one cut for a single release aside, else `integrationLineOf` the holders;
 * null when neither says.
 */
export function sideLineOf(at: readonly string[], holding: readonly string[], trackedBranch: string): string | null {
  // a branch cut for one release (sentry-javascript's `prepare-release/10.62.0`) is not the line its pull requests landed on
  const names = [...new Set(at.map(branchName))].filter((n) => n !== 'HEAD' && n !== trackedBranch && !isReleaseCut(n));
  return names.length === 1 ? (names[0] as string) : integrationLineOf(holding, trackedBranch);
}

/** The line a sync names: the one its own branch merged in (`carriedFrom`), else that branch, read from its subject. */
function lineNamed(c: Change): string | null {
  return c.carriedFrom ?? c.branch;
}

// the names GitFlow and its kin give the line pull requests land on before a release merges it into main
const INTEGRATION_LINES: ReadonlySet<string> = new Set(['develop', 'development', 'dev', 'devel', 'next', 'integration']);

/**
 * Of the branches that hold a sync's side (`refs/heads/…`, `refs/remotes/<remote>/…`), the line it brought in: the one
 * of GitFlow's names (`develop`, `development`, `dev`, …) among them, else the only branch there is besides the
 * tracked one; null when neither says (a branch cut from the line later holds the side too).
 */
export function integrationLineOf(refs: readonly string[], trackedBranch: string): string | null {
  const names = [...new Set(refs.map(branchName))].filter((n) => n !== 'HEAD' && n !== trackedBranch);
  const usual = names.filter((n) => INTEGRATION_LINES.has(n.toLowerCase()));
  if (usual.length === 1) return usual[0] as string;
  return usual.length === 0 && names.length === 1 ? (names[0] as string) : null;
}

/**
 * Said when changes still waiting for a deploy are in a pre-release already (SPEC section 3: a pre-release is a test
 * build, not production): how many, the newest such tag and how to count them. cpython tags `v3.15.0a2` on main and
 * releases it a year later; a year's changes then read as waiting with no word of the alphas that hold them. Null
 * when none is. `held` are the landing commits the tag holds.
 */
export function prereleaseNote(waiting: readonly Change[], tag: { name: string; at: number }, held: ReadonlySet<string>): string | null {
  const inTag = waiting.filter((c) => held.has(c.sha)).length;
  if (inTag === 0) return null;
  return `${inTag} of the ${plural(waiting.length, 'change')} not yet deployed ${inTag === 1 ? 'is' : 'are'} in the pre-release ${tag.name} (${new Date(tag.at * 1000).toISOString().slice(0, 10)}): a pre-release is a test build, not a deploy. With --include-prereleases, pre-releases count as deploys.`;
}

/**
 * Said when some of the window's tags or releases shipped none of the tracked branch's changes that an earlier one
 * had not (SPEC section 3: each is no deploy of the branch), so the header's count of deploys is below the tags a
 * reader sees on the repository's page: pi-hole's master from May to October 2025 had 8 final release tags, 5 of
 * which carried only syncs of `development` or stood on it, and read "deploys: 3" with no word of the other 5.
 * `candidates` are the window's; `noun` names one (`final release tag`); `byPackage`: a monorepo's, each of which
 * ships only its own package's changes. `unlinked`: some changes' backports git cannot link (titleOnlyBackportsNote),
 * so "shipped none" holds only as far as git can tell: electron's v43.1.0 carries trop's squash of main's #52207 under
 * its own number. Null when each was a deploy.
 */
export function emptyReleasesNote(candidates: readonly DeployCandidate[], deploys: readonly Deploy[], trackedBranch: string, noun: string, byPackage = false, unlinked = false): string | null {
  const made = new Set(deploys.map((d) => `${d.ref}\u0000${d.sha}`));
  const empty = candidates.filter((c) => !made.has(`${c.ref}\u0000${c.sha}`));
  if (empty.length === 0) return null;
  // a tag's name may hold a backtick (git allows one), which would end its code span early: written as it is
  const names = empty.map((c) => (c.ref.includes('`') ? c.ref : `\`${c.ref}\``));
  const which = empty.length <= FEW_NAMED ? andList(names) : `${names.slice(0, FEW_NAMED).join(', ')} and ${empty.length - FEW_NAMED} more`;
  const counted = candidates.length - empty.length;
  const all = counted === 0;
  const whose = all ? (empty.length === 1 ? `The window's one ${noun}` : `The window's ${plural(empty.length, noun)}`) : `${empty.length} of the window's ${plural(candidates.length, noun)}`;
  const they = empty.length === 1 ? 'it is no deploy' : 'they are no deploys';
  const what = byPackage ? `none of its package's changes on ${trackedBranch} that an earlier ${noun} of the package had not` : `none of ${trackedBranch}'s changes that an earlier one had not`;
  const asFar = unlinked ? ', as far as git can link them (a backport that carries a title alone, said below, is not linked)' : '';
  return `${whose} (${which}) shipped ${what}${asFar}: ${they} of ${trackedBranch}, and ${all ? 'the window has none' : `deployment frequency counts the other ${counted}`}.`;
}

// the tags an empty-releases note names before it says how many more
const FEW_NAMED = 6;

// a quarter of the window's pull requests held by syncs: below it, a line's backports merged back (prometheus: 18 of 347)
const SYNCED_SHARE = 4;

// at fewer changes than this a share says little
const FEW = 10;

/** Whether most of the window's changes landed with no pull request number: the question `mergeToolNote` answers. */
export function mostlyDirect(inWindow: readonly Change[]): boolean {
  const landed = inWindow.filter((c) => c.kind !== 'sync');
  return landed.length >= FEW && 2 * landed.filter((c) => c.kind === 'direct').length > landed.length;
}

/**
 * What git alone cannot tell (SPEC section 1), said when most of the window's changes landed as direct pushes and
 * most of those were committed by one identity for other authors: a merge tool that squashes without keeping
 * `(#N)` in the subject looks like direct pushes. Null otherwise. `identities` are the landing commits'.
 */
export function mergeToolNote(inWindow: readonly Change[], identities: ReadonlyMap<string, { author: string; committer: string }>, host: ReviewHost | null): string | null {
  if (!mostlyDirect(inWindow)) return null;
  const landed = inWindow.filter((c) => c.kind !== 'sync');
  const direct = landed.filter((c) => c.kind === 'direct');
  const byCommitter = new Map<string, number>();
  for (const c of direct) {
    const who = identities.get(c.sha);
    // a commit its own author committed is a push like any other; one committed for another author was landed
    if (who !== undefined && who.committer !== who.author) byCommitter.set(who.committer, (byCommitter.get(who.committer) ?? 0) + 1);
  }
  const most = Math.max(0, largest(byCommitter.values()));
  if (2 * most <= direct.length) return null;
  // GitHub holds no pull request of a project reviewed elsewhere: no token would read one
  const github = onGitHub(host) ? ' With a GitHub token (GH_TOKEN), flowaudit reads their pull requests.' : '';
  return `${direct.length} of the window's ${landed.length} changes carry no pull request number, and ${most} of them were committed by one identity for other authors, as a merge tool does: git alone cannot tell such squashes from direct pushes.${github}`;
}

/**
 * What git alone cannot link (SPEC section 3), said when some of the window's counted changes have their title on
 * a release line under a later pull request's number and not their changed lines (`titleOnlyCopies`): a backport
 * bot's squash adapted to its line, which names the change it copies only in its pull request's description, a line's
 * merge of a pull request of that title made again by hand (etcd's `[release-3.5] …`), or one a clone without the
 * files' contents cannot compare. Such a change counts as deployed when a release
 * holds its own commit, perhaps the next major release: electron's 2025–26 read a deploy wait of 82 days for
 * changes trop had shipped to every supported line within days. Null when there are none.
 */
export function titleOnlyBackportsNote(counted: readonly Change[], titleOnly: ReadonlySet<string>, host: ReviewHost | null): string | null {
  const carried = counted.filter((c) => titleOnly.has(c.sha)).length;
  if (carried === 0) return null;
  return `${carried} of the window's ${plural(counted.length, 'counted change')} ${carried === 1 ? 'has its' : 'have their'} title on a release line under a later pull request's number, as a backport bot's squash carries it (\`fix: x (#M)\` for \`fix: x (#N)\`) or a line's merge of a pull request so titled (\`[release-3.5] fix: x\`), but not ${carried === 1 ? 'its' : 'their'} changed lines (a backport adapted to its line, or a clone without the files' contents): git alone cannot tell that ${carried === 1 ? 'the backport copies it' : 'the backports copy them'}, so ${carried === 1 ? 'it counts' : 'they count'} as deployed only when a release holds ${carried === 1 ? 'its' : 'their'} own commit, and the deploy wait and lead time may read long.${onGitHub(host) ? ' With a GitHub token (GH_TOKEN), flowaudit reads the backport pull requests\' descriptions (`Backport of #N`).' : ''}`;
}

/**
 * Said when the tracked branch was cut from the default one inside the window (see branchFork): its changes merged
 * before the cut are the default branch's, which its figures and trends then mix with its own (electron's `43-x-y`,
 * cut from main on 2026-05-06, holds main's work before it and backports after); null otherwise.
 */
export function branchedInWindowNote(counted: readonly Change[], trackedBranch: string, fork: { from: string; at: number } | null, since: number): string | null {
  if (fork === null || fork.at <= since) return null;
  const before = counted.filter((c) => c.mergedAt <= fork.at).length;
  if (before === 0) return null;
  const day = new Date(fork.at * 1000).toISOString().slice(0, 10);
  return `${trackedBranch} branched off ${fork.from} on ${day}, inside the window: ${plural(before, 'change')} merged before then ${before === 1 ? 'is' : 'are'} ${fork.from}'s, counted with the branch's own.`;
}
