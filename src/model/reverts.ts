import type { Change, Commit } from '../domain.js';
import { isRevertTitle, opensWithRevert, PR_NUMBER_REVERT, reviewNumberFromUrl } from './message.js';
import { withoutLineTag } from '../release-names.js';
import { append } from '../lists.js';
import { trailingNumber, withoutNumber, withoutOwnNumber } from '../title-number.js';

/**
 * Marks reverted changes (SPEC section 4): a later change whose purpose is a revert (its title or message says
 * so) and whose commits say `This reverts commit <sha>` for one of a change's commits (its pull ref's included)
 * or its landing commit (or `Revert CL N` of a Gerrit change, read as its landing commit), whose title is `Revert
 * "<title>"`, whose body says `Reverts #N`, or whose branch is `revert-N-…`. A `This reverts commit` line of a change that is no revert (a sub-commit squashed into a
 * feature) flags the named change `partially-reverted` instead: shown, and no failure. `revertRefs` holds, by landing sha, what the change's
 * commits said they revert. Pure; mutates `revertedBy` / `isRevert` on the changes (ordered by merge time).
 */
export function markReverts(changes: Change[], revertRefs: ReadonlyMap<string, RevertRefs>): number {
  const byNumber = new Map<number, Change>();
  for (const change of changes) if (change.number !== null) byNumber.set(change.number, change);
  const findSha = shaLookup(changes, revertRefs);
  // the newest change so far with each bare title: a `Revert "<title>"` names the newest earlier one
  const lastWithTitle = new Map<string, Change>();
  // the commits an earlier change's `This reverts commit` lines named, its own among them: a later line naming one
  // again is a quote of that revert's message (GitHub's squash lists the commits a branch merged in from main: kit's
  // #15045 brought #15143's revert of #14622 and #15144's of #15143; a pull request stacked on another lists its
  // base's commits: kit's #14526 quoted #14521's revert of its own commit), since a commit is reverted once and a
  // reland is a new commit
  const namedBefore = new Set<string>();

  let marked = 0;
  for (const change of changes) {
    // most changes name nothing they revert: no set is made for them
    let targets: Set<Change> | null = null;
    const refs = revertRefs.get(change.sha);
    // the title less its own number only: a squash's and a merge's titles are already without theirs, and what a
    // revert's title ends in then is the number it names (cargo's squash or merge `revert(lint): Remove x (#16321)`)
    const bare = withoutOwnNumber(change.title, change.number);
    // what the title says, read once: each way of naming a target below asks it
    const revertTitled = isRevertTitle(bare);
    // a revert of a revert puts back what that revert undid, whichever message says so: the title, or the subject of
    // the commit that carries the revert under a squash's own title (uv's #18402, `Preserve absolute/relative paths
    // passed to \`uv add\``, one commit `Revert "Revert breaking uv add related changes"`)
    const reland = (revertTitled && isReland(bare)) || (refs?.subject !== undefined && isReland(refs.subject));
    if (refs !== undefined) {
      // a `This reverts commit` line of a sub-commit in a larger change's body: the named change was partly
      // reverted, which fails no deploy
      // … unless the change's own title says it reverts, in its own words, what its commit reverts: astro's #16997,
      // `Revert isNode workerd detection that caused Cloudflare build regression`, a git revert of #16720's commit
      // and a changeset, had read as a partial revert of a change shipped 5 days before
      const whole = refs.revertMessage || revertTitled || (refs.shas.length > 0 && opensWithRevert(bare));
      refs.shas.forEach((sha) => {
        const reverted = findSha(sha);
        if (whole) targets = withTarget(targets, reverted);
        else if (reverted !== undefined && !namedBefore.has(sha)) markPartial(reverted, change);
      });
      for (const sha of refs.shas) namedBefore.add(sha);
      for (const number of refs.prs) targets = withTarget(targets, byNumber.get(number));
      // a pull request a sub-commit names by its number, as its lines are read: starlight's #3351, a 13-commit feature
      // (`Ensure CSS layer order in custom pages`), held `docs: revert #3199` and read as a revert, 122 days of repair
      for (const number of refs.subPrs ?? []) {
        const reverted = byNumber.get(number);
        if (whole) targets = withTarget(targets, reverted);
        else markPartial(reverted, change);
      }
    }
    const branch = change.branch !== null && change.branch.startsWith('revert-') ? /^revert-(\d+)-/.exec(change.branch) : null;
    if (branch) targets = withTarget(targets, byNumber.get(Number(branch[1])));
    const title = revertTitled && bare.includes('"') ? QUOTED_REVERT.exec(withoutLineTag(bare)) : null;
    // a squash's `(#N)` left aside on both sides
    // and the quote under the revert's own scope when it left that out (tracing's `tracing: revert "make \`valueset\`
    // macro sanitary" (#3425)` of `tracing: make \`valueset\` macro sanitary (#3382)`)
    if (title && targets === null) {
      const quoted = withoutNumber(title[2] ?? '');
      targets = withTarget(targets, lastWithTitle.get(quoted) ?? (title[1] === undefined ? undefined : lastWithTitle.get(`${title[1]}: ${quoted}`)));
    }
    // a revert that names the change by its number, as its own title ends (`revert(lint): Remove x (#16321)`, landed
    // as cargo's #17249): the change of that number
    const named = targets === null && title === null && revertTitled ? trailingNumber(bare) : null;
    if (named !== null) targets = withTarget(targets, byNumber.get(named));
    // the revert type before another change's whole title, unquoted: pnpm's `revert: fix(reviewing): fix memory error
    // in pnpm why` of the change of that title
    const unquoted = targets === null && title === null && named === null && revertTitled ? TYPED_UNQUOTED.exec(bare) : null;
    if (unquoted !== null) targets = withTarget(targets, lastWithTitle.get(unquoted[1] ?? ''));
    // a title that opens `Revert #N`, as a body's line may: esphome's `Revert #6458 (#6650)`, a squash with no body.
    // The change's own title only: a commit so titled inside a larger change reverts part of it (kit's #14298, an
    // alternative fix whose branch holds `revert #14268`)
    const numbered = targets === null && title === null && named === null && unquoted === null ? NUMBER_REVERT.exec(withoutLineTag(bare)) : null;
    if (numbered !== null) targets = withTarget(targets, byNumber.get(Number(numbered[1])));
    lastWithTitle.set(bare, change);
    // a reland is no revert, and what it names is no change reverted: a revert, in the history read or not, or a
    // commit of one squashed into a larger change (uv's #18176, whose own commit 666ae61 took its `uv add` part
    // out, which #18402 put back)
    if (reland) continue;
    // a revert whose target is older than the history read (or no change of the branch) is still a revert, a repair
    // by its own words, whatever the window: cargo's #17249 reverts #16321, merged 2025-12-08, and read as a
    // revert in the year to 2026-08 but not in its last 90 days. A sync's words are the reverts it carries (axum's
    // `Merge branch 'v0.8.x' into …`), not its own
    if (targets === null && change.kind !== 'sync' && (refs?.revertMessage === true || revertTitled || numbered !== null)) {
      const names = (refs !== undefined && refs.shas.length + refs.prs.length > 0) || branch !== null || title !== null || named !== null || numbered !== null;
      if (names) change.isRevert = true;
    }
    for (const reverted of targets ?? []) {
      if (reverted === change || reverted.mergedAt > change.mergedAt) continue;
      // a revert of a revert is a reland: the work is back, and neither of them failed
      if (reverted.isRevert) continue;
      change.isRevert = true;
      if (reverted.revertedBy === null) {
        reverted.revertedBy = change.sha;
        marked++;
      }
    }
  }
  // a change reverted whole is not partly reverted too: nushell's #16880 reverted #16818 by its description's
  // `Reverts #16818` and by a sub-commit's `This reverts commit` line, and #16818 was counted under both
  for (const change of changes) if (change.revertedBy !== null && change.flags.includes('partially-reverted')) change.flags = change.flags.filter((f) => f !== 'partially-reverted');
  return marked;
}

// the title a revert quotes: `Revert "<title>"`, and behind the scope or issue that `isRevertTitle` takes before it —
// cpython's `gh-102: Revert "gh-101: Add bar (#103)"`, Go's `cmd/go: revert "cmd/go: tidy"` — which is a revert
// whose target was otherwise looked for only when the message also said `This reverts commit`; and the revert
// type's own quote, pnpm's `revert: "perf: use v8 serialize/deserialize instead of JSON (#9971)" (#10420)`
const QUOTED_REVERT = /^(?:([\w./-]{1,200}(?:\([^)]*\))?!?(?:,\s*[\w./-]{1,200}){0,10}):\s+)?revert(?:\([^)]*\))?!?:?\s*"(.+)"$/i;
// a title that reverts a pull request by its number: `Revert #N`, `Reverts #N`, `Revert PR #N`
const NUMBER_REVERT = new RegExp(String.raw`^(?:This\s+)?${PR_NUMBER_REVERT}`, 'i');
// the revert type before a title of its own: `revert: <title>`, `revert(scope): <title>`
const TYPED_UNQUOTED = /^revert(?:\([^)]*\))?!?:\s+(.+)$/i;

/**
 * The title a revert's subject quotes (`Revert "Avoid allocations in readLoop by using sync.Pool"` quotes `Avoid
 * allocations in readLoop by using sync.Pool`), without its `(#N)`; null when it quotes none, or when it reverts a
 * revert (a reland). What a release line's revert names when its message names no commit: traefik squashes its pull
 * requests under their titles alone, and #12267's `This reverts commit` line stayed in the pull request.
 */
export function quotedRevertTitle(subject: string): string | null {
  const bare = withoutNumber(subject);
  if (!isRevertTitle(bare) || !bare.includes('"') || isReland(bare)) return null;
  const quoted = withoutNumber(QUOTED_REVERT.exec(withoutLineTag(bare))?.[2] ?? '');
  return quoted === '' ? null : quoted;
}

/** The number the title a revert's subject quotes ends in (`Revert "Bump deps (#9065)" (#9067)`: 9065); else null. */
export function quotedRevertNumber(subject: string): number | null {
  const quoted = QUOTED_REVERT.exec(withoutLineTag(withoutNumber(subject)))?.[2] ?? '';
  const m = /\(#(\d+)\)\s*$/.exec(quoted);
  return m === null ? null : Number(m[1]);
}

/**
 * Whether a title or subject reverts a revert and so relands: `Revert "Revert "…""`, or git's quote of a revert
 * titled in its own words (uv's `Revert "Revert breaking uv add related changes"`). Each quote inside the first
 * is a revert when it opens with the word (a quoted revert was one); a revert of a reland is a revert again.
 */
function isReland(title: string): boolean {
  let depth = 0;
  let own: string | null = withoutNumber(title);
  while (own !== null && (isRevertTitle(own) || (depth > 0 && /^revert\b/i.test(own)))) {
    depth++;
    const quoted: RegExpExecArray | null = own.includes('"') ? QUOTED_REVERT.exec(withoutLineTag(own)) : null;
    own = quoted === null ? null : withoutNumber(quoted[2] ?? '');
  }
  return depth > 0 && depth % 2 === 0;
}

/**
 * Flags `reverted` (an earlier change than `by`) `partially-reverted`. A revert's own revert puts back what it took
 * out (a reland, as a whole one is): bevy's #24343 held `Reapply "Move visibility range checking …"`, git's revert of
 * #24252's revert, which had read as #24252 partly reverted.
 */
function markPartial(reverted: Change | undefined, by: Change): void {
  if (reverted === undefined || reverted === by || reverted.mergedAt > by.mergedAt || reverted.isRevert || reverted.flags.includes('partially-reverted')) return;
  reverted.flags = [...reverted.flags, 'partially-reverted'];
}

/** `targets` with `found` added, made when there is a first one to add. */
function withTarget(targets: Set<Change> | null, found: Change | undefined): Set<Change> | null {
  if (found === undefined) return targets;
  const set = targets ?? new Set<Change>();
  set.add(found);
  return set;
}

/**
 * Finds the change that holds a sha a revert names — in its commits or as its landing commit; the latest such
 * change when several hold it — by the full sha or by an abbreviation of at least 7 characters (`This reverts
 * commit abc1234`): among several commits sharing the prefix, the one met first in the changes' order. Only
 * the shas the reverts name are looked for, in one pass over the changes' commits: a map of every commit (a
 * hundred thousand on a large history) for a few hundred lookups was most of the reverts' time.
 */
function shaLookup(changes: readonly Change[], revertRefs: ReadonlyMap<string, RevertRefs>): (named: string) => Change | undefined {
  const named = new Set<string>();
  for (const refs of revertRefs.values()) for (const sha of refs.shas) named.add(sha);
  if (named.size === 0) return () => undefined;
  // abbreviations, by the value of their first 7 hex digits
  const prefixes = new Map<number, string[]>();
  for (const sha of named) {
    if (sha.length < 7 || sha.length >= 40) continue;
    const key = hex7(sha);
    if (key < 0) continue;
    const known = prefixes.get(key);
    if (known === undefined) prefixes.set(key, [sha]);
    else known.push(sha);
  }
  const holder = new Map<string, Change>();
  const firstWithPrefix = new Map<string, string>();
  const meet = (sha: string, change: Change): void => {
    if (named.has(sha)) holder.set(sha, change);
    if (prefixes.size === 0) return;
    const candidates = prefixes.get(hex7(sha));
    if (candidates === undefined) return;
    for (const prefix of candidates) {
      if (!sha.startsWith(prefix)) continue;
      if (!firstWithPrefix.has(prefix)) firstWithPrefix.set(prefix, sha);
      holder.set(sha, change);
    }
  };
  for (const change of changes) {
    for (const sha of change.commitShas) meet(sha, change);
    meet(change.sha, change);
  }
  return (sha) => {
    const exact = holder.get(sha);
    if (exact !== undefined || sha.length < 7 || sha.length >= 40) return exact;
    const first = firstWithPrefix.get(sha);
    return first === undefined ? undefined : holder.get(first);
  };
}

/** The value of a text's first 7 hex digits, either case; -1 when one of them is not a hex digit. */
function hex7(text: string): number {
  let value = 0;
  for (let i = 0; i < 7; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** What a change's commits (and landing commit) say they revert. */
export interface RevertRefs {
  /**
   * the shas its `This reverts commit` lines name, and the landing commit of each change its revert names by its
   * Gerrit change number (`Revert CL N`: the change whose landing URL is `…/+/N`)
   */
  shas: string[];
  /**
   * the pull requests it reverts by number in its own word (`Reverts #N`, `revert: PR #N`): its landing commit's
   * message, its one commit's when it has one, a sync's carried commits'
   */
  prs: number[];
  /** those its other commits' messages revert by number (a sub-commit's `docs: revert #N`); absent: none */
  subPrs?: number[];
  /**
   * the change's message says it is a revert (its landing commit's, or its only own commit's: `Revert "…"`,
   * `revert: …`, a first paragraph `This reverts commit …`; for a sync, any of its commits'): else the commits it
   * names were only partly reverted by a sub-commit of larger work
   */
  revertMessage: boolean;
  /**
   * the subject of the commit whose message says it is a revert, when it is not the change's title: a squash's
   * only commit under the pull request's own title (uv's #18402), whose quote says whether it reverts a revert
   */
  subject?: string;
}

/** Collects each change's revert references, so the commits themselves need not be kept. Pure. */
export function collectRevertRefs(changes: readonly Change[], commitOf: (sha: string) => Commit | undefined): Map<string, RevertRefs> {
  const refs = new Map<string, RevertRefs>();
  let landingOf: Map<number, string> | null = null;
  for (const change of changes) {
    const shas: string[] = [];
    const prs: number[] = [];
    const subPrs: number[] = [];
    const own = new Set([change.sha, ...change.commitShas]);
    // a sync's commits each landed on their own elsewhere (a release line): a revert among them is a revert
    let syncRevert = false;
    for (const sha of own) {
      const commit = commitOf(sha);
      if (!commit) continue;
      append(shas, commit.revertsShas);
      // a sync's commits are each a change's own (a line's): what one reverts by number, it reverts whole
      append(sha === change.sha || change.kind === 'sync' ? prs : subPrs, commit.revertsPrs);
      if (commit.revertsCls.length > 0) {
        // most histories name no CL: the changes' Gerrit numbers are read the first time one does
        landingOf ??= landingsByReview(changes, commitOf);
        for (const number of commit.revertsCls) {
          const landing = landingOf.get(number);
          if (landing !== undefined) shas.push(landing);
        }
      }
      if (change.kind === 'sync' && (commit.revertsShas.length > 0 || commit.revertsCls.length > 0) && commit.revertMessage) syncRevert = true;
    }
    if (shas.length === 0 && prs.length === 0 && subPrs.length === 0) continue;
    own.delete(change.sha);
    // a pull request of one commit says what its commit says: loki's #23386, whose one commit's message names what
    // it reverts under the squash's empty body
    if (own.size === 1 && subPrs.length > 0) append(prs, subPrs.splice(0));
    const only = own.size === 1 ? commitOf([...own][0] as string) : undefined;
    const landing = commitOf(change.sha);
    const revertMessage = syncRevert || landing?.revertMessage === true || only?.revertMessage === true || allReverts(own, commitOf);
    // a sync's commits are many changes' own: none of their subjects is the sync's
    const saying = syncRevert ? undefined : landing?.revertMessage === true ? landing : only?.revertMessage === true ? only : undefined;
    const named = subPrs.length === 0 ? { shas, prs } : { shas, prs, subPrs };
    if (saying === undefined || saying.subject === change.title) refs.set(change.sha, { ...named, revertMessage });
    else refs.set(change.sha, { ...named, revertMessage, subject: saying.subject });
  }
  return refs;
}

/**
 * Whether a change's commits are reverts, every one (its merges of the tracked branch aside): a pull request of
 * reverts alone is a revert, whatever its title. renovatebot/renovate's #42707, `fix(manager/github-actions): revert
 * recent changes`, squashed three `Revert "…"` commits of #42690, #42683 and #42685 (its diff their exact inverse, 21
 * hours after they shipped): read as partial reverts, three failed deploys were none.
 */
function allReverts(own: ReadonlySet<string>, commitOf: (sha: string) => Commit | undefined): boolean {
  let reverts = 0;
  for (const sha of own) {
    const commit = commitOf(sha);
    if (commit === undefined) return false;
    if (commit.parents.length > 1) continue;
    if (!commit.revertMessage) return false;
    reverts++;
  }
  return reverts > 1;
}

/**
 * Each Gerrit change's landing commit by the change's number, which its landing commit's `Reviewed-on:` URL ends
 * with (a trailer change's landing commit is its last); the later change when two name the same one.
 */
function landingsByReview(changes: readonly Change[], commitOf: (sha: string) => Commit | undefined): Map<number, string> {
  const landings = new Map<number, string>();
  for (const change of changes) {
    const url = commitOf(change.sha)?.landingUrl ?? null;
    const number = url === null ? null : reviewNumberFromUrl(url);
    if (number !== null) landings.set(number, change.sha);
  }
  return landings;
}
