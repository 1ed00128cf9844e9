// Release-line repository for the flowaudit benchmark: a history shaped like the ones users have (Rails, Django,
// Node.js), where most tags are cut on stable branches rather than on the tracked branch.
//
// On `main`: pull requests landed as merge commits, squash merges ending in "(#N)" and rebase merges (copies of
// the pull request's commits), each with its `refs/pull/N/head`; direct pushes; Dependabot; reverts; closed pull
// requests that never landed (a pull ref and nothing else). Every six months a minor version: `vX.Y.0.beta1` and
// `.rc1` tagged on main, then a `X-Y-stable` branch cut from main, where `vX.Y.0` and then the patch releases are
// tagged. Changes are backported to the lines still fixed: cherry-picks (same author, author date and subject;
// half with a "(cherry picked from commit …)" line), some through backport pull requests merged on the line,
// and a few fixes made on the line alone. Security releases are tagged on every line still maintained at once,
// and a few patch releases are merged back into main. One `git fast-import`, everything derived from the seed
// with pinned dates, so the same seed gives the same commit ids.
//
// Usage:  node bench/release-repo.mjs [--force] [--small]
//   or    import { ensureReleaseRepo, RELEASE_CASES } from './release-repo.mjs'

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CLAUDE_TRAILER, DEPENDABOT, Deps, DEP_PKGS, FastImport, GITHUB, MODULES, NOUNS, PEOPLE, Rng,
  SIDE_SUBJECTS, TYPES, VERBS, allPaths, codeLine, editLines, ensureRepo, fileEdits, git, ident,
} from './synthetic-repo.mjs';

/** Bump whenever the generated history changes shape; a stale repository is then rebuilt. */
export const RELEASE_GENERATOR_VERSION = 1;

/** The two sizes the bench measures: the large one of the targets, and a small one for fixed costs. */
export const RELEASE_CASES = {
  large: { name: 'release-lines', seed: 'flowaudit-release', commits: 100_000, years: 6 },
  small: { name: 'release-small', seed: 'flowaudit-release-small', commits: 2_500, years: 2 },
};

const END = Date.UTC(2026, 10, 1) / 1000; // 2026-11-01T00:00:00Z: every commit is before this
const DAY = 86400;

// ---------------------------------------------------------------------------------------------- planning

/** The shape of every change on main, so the total is known before dates are given out. */
function planChanges(seed, targetCommits) {
  const rng = new Rng(`${seed}:plan`);
  const plans = [{ kind: 'initial', commits: 1 }];
  let commits = 1;
  while (commits < targetCommits) {
    const i = plans.length;
    const bot = rng.chance(0.04);
    let kind;
    if (!bot && rng.chance(0.003)) kind = 'revert';
    else {
      const u = rng.float();
      kind = bot ? (u < 0.5 ? 'merge' : 'squash') : u < 0.4 ? 'merge' : u < 0.62 ? 'squash' : u < 0.7 ? 'rebase' : 'direct';
    }
    const p = { kind, bot, commits: 1 };
    if (kind === 'merge') {
      p.side = bot ? 1 : 1 + rng.weighted([30, 25, 18, 12, 8, 7]);
      p.forkBack = Math.min(i, 1 + Math.floor(Math.pow(rng.float(), 3) * 300));
      p.sync = p.side >= 2 && p.forkBack >= 2 && rng.chance(0.15);
      p.commits = 1 + p.side + (p.sync ? 1 : 0);
    } else if (kind === 'squash') {
      p.side = bot ? 1 : 1 + rng.weighted([35, 25, 18, 12, 10]); // on the pull ref only
      p.forkBack = Math.min(i, 1 + Math.floor(Math.pow(rng.float(), 3) * 300));
    } else if (kind === 'rebase') {
      p.side = 2 + rng.weighted([50, 30, 20]);
      p.forkBack = Math.min(i, 1 + Math.floor(Math.pow(rng.float(), 3) * 300));
      p.commits = p.side;
    }
    p.closed = rng.chance(0.12); // a pull request opened about now that never landed
    p.backport = kind !== 'revert' && !bot && rng.chance(0.06);
    plans.push(p);
    commits += p.commits;
  }
  return plans;
}

/**
 * Release events over [start, END): per minor line its beta and rc (tagged on main), the cut of its stable
 * branch with `.0`, patch releases for 18 months, and security releases on every line younger than 30 months.
 */
function planReleases(seed, start) {
  const rng = new Rng(`${seed}:releases`);
  const events = [];
  const lines = [];
  for (let k = 0, t = start + 30 * DAY; t < END - 60 * DAY; k++, t += 182 * DAY) {
    const version = [5 + Math.floor(k / 3), k % 3];
    const line = { k, name: `${version[0]}-${version[1]}-stable`, version, cutAt: t + 35 * DAY, fixesUntil: t + 35 * DAY + 548 * DAY,
      securityUntil: t + 35 * DAY + 913 * DAY, patch: 0 };
    lines.push(line);
    events.push({ at: t, kind: 'pre', line, suffix: 'beta1' });
    events.push({ at: t + 21 * DAY, kind: 'pre', line, suffix: 'rc1' });
    events.push({ at: line.cutAt, kind: 'cut', line });
    for (let p = line.cutAt + rng.int(14, 28) * DAY; p < Math.min(line.fixesUntil, END); p += rng.int(14, 28) * DAY) {
      events.push({ at: p + rng.int(0, DAY), kind: 'patch', line });
    }
  }
  for (let t = start + 120 * DAY; t < END; t += rng.int(35, 55) * DAY) events.push({ at: t, kind: 'security' });
  events.sort((a, b) => a.at - b.at);
  return { events, lines };
}

// ---------------------------------------------------------------------------------------------- writing

async function generate(repoDir, { seed, commits: targetCommits, years }) {
  const start = END - Math.round(years * 365.25) * DAY;
  const span = END - start;
  const plans = planChanges(seed, targetCommits);
  const N = plans.length;
  const { events: calendar, lines } = planReleases(seed, start);
  const rng = new Rng(`${seed}:write`);
  const slot = span / N;
  const times = plans.map((_, i) => start + Math.floor((i + 0.5 + (rng.float() - 0.5) * 0.6) * slot));
  const aiChance = (t) => 0.35 * Math.max(0, Math.min(1, (t - start - span * 0.5) / (span * 0.45)));

  const fi = new FastImport(repoDir);
  const deps = new Deps(rng);
  const paths = allPaths();
  const { pickFiles, edit } = fileEdits(rng, deps);

  const RING = 320;
  const snapshots = new Array(RING);
  const mainMarks = new Array(N);
  const recent = new Map();
  const stats = { changes: N, merge: 0, squash: 0, rebase: 0, direct: 0, revert: 0, bot: 0, syncMerges: 0, sideCommits: 0,
    aiCommits: 0, closedPulls: 0, pullRefs: 0, releaseLines: 0, backports: 0, backportPulls: 0, lineFixes: 0,
    mergedBack: 0, tags: 0, tagsOnLines: 0, commits: 0 };
  let prNumber = 0;
  const main = new Map();

  const human = () => PEOPLE[rng.skewed(PEOPLE.length, 1.6)];
  const core = () => PEOPLE[rng.int(0, 4)];
  const prNo = () => (prNumber += rng.int(1, 2));
  const title = () => {
    const m = rng.pick(MODULES);
    return { module: m, text: `${rng.pick(TYPES)}(${m}): ${rng.pick(VERBS)} ${rng.pick(NOUNS)}` };
  };
  const withAi = (msg, t) => {
    if (!rng.chance(aiChance(t))) return `${msg}\n`;
    stats.aiCommits++;
    return `${msg}\n\n${CLAUDE_TRAILER}\n`;
  };
  const commit = (c) => {
    stats.commits++;
    return fi.commit(c);
  };
  const pullRef = (n, tip) => {
    fi.write(`reset refs/pull/${n}/head\nfrom :${tip}\n\n`);
    stats.pullRefs++;
  };
  const tag = (name, target, at, onLine) => {
    fi.write(`tag ${name}\nfrom :${target}\ntagger ${ident(core(), at + rng.int(300, 7200))}\n`);
    fi.data(`Release ${name}\n`);
    stats.tags++;
    if (onLine) stats.tagsOnLines++;
  };
  const applyTo = (tree, changes) => { for (const [p, , after] of changes) tree.set(p, after); };
  const dependabotBump = (get) => {
    const i = rng.int(0, DEP_PKGS.length - 1);
    const b = deps.bump(rng, i);
    return {
      subject: `chore(deps): bump ${b.name} from ${b.from} to ${b.to}`,
      changes: [['package.json', get('package.json'), deps.rejson(get('package.json'), i)],
        ['package-lock.json', get('package-lock.json'), deps.relock(rng, get('package-lock.json'), i)]],
      branch: `dependabot/npm_and_yarn/${b.name}-${b.to}`,
    };
  };
  /**
   * A side branch of `count` commits forked from change `forkIdx` (committed in (lo, hi)), written on a scratch
   * ref: returns its tip mark, its final files and the commits' identities (for rebase copies).
   */
  const sideBranch = ({ forkIdx, count, lo, hi, author, module, first, bot }) => {
    const base = snapshots[forkIdx % RING];
    const overlay = new Map();
    const pool = pickFiles(module).concat(pickFiles(module));
    const cts = [];
    for (let k = 0; k < count; k++) cts.push(lo + 1 + Math.floor(rng.float() * Math.max(1, hi - lo - 2 - count)));
    cts.sort((a, b) => a - b);
    for (let k = 1; k < count; k++) if (cts[k] <= cts[k - 1]) cts[k] = cts[k - 1] + 1;
    let tip = 0;
    let subject = first;
    const made = [];
    for (let k = 0; k < count; k++) {
      const ct = cts[k];
      const at = ct - rng.int(0, Math.min(7200, Math.max(0, ct - lo - 1)));
      let changes;
      let msg;
      if (bot) {
        const d = dependabotBump((p) => overlay.get(p) ?? base.get(p));
        changes = d.changes;
        subject = d.subject;
        msg = `${d.subject}\n`;
      } else {
        const s = k === 0 ? first : rng.chance(0.5) ? rng.pick(SIDE_SUBJECTS) : title().text;
        changes = edit(rng.chance(0.8) ? pickFiles(module, pool) : pickFiles(module), (p) => overlay.get(p) ?? base.get(p));
        msg = withAi(s, ct);
      }
      applyTo(overlay, changes);
      tip = commit({ ref: 'refs/heads/bench-side', author, at, committer: author, ct, msg, from: k === 0 ? mainMarks[forkIdx] : 0, changes });
      made.push({ mark: tip, author, at, msg, changes });
      stats.sideCommits++;
    }
    return { tip, overlay, made, subject };
  };

  // release lines: their trees, tips, queued backports and the versions tagged
  const pending = []; // backports waiting for their day: {at, line, source}
  const lineState = new Map(); // line -> {tree, tip, lastAt}
  const active = (line, at, fixes) => lineState.has(line) && at < (fixes ? line.fixesUntil : line.securityUntil);
  const versionName = (line, patch, security) => `v${line.version[0]}.${line.version[1]}.${patch}${security ? `.${security}` : ''}`;
  const lineCommit = (line, { author, at, committer, ct, msg, changes, merge }) => {
    const state = lineState.get(line);
    const m = commit({ ref: `refs/heads/${line.name}`, author, at, committer, ct: Math.max(ct, state.lastAt + 1), msg, from: state.tip, merge, changes });
    state.tip = m;
    state.lastAt = Math.max(ct, state.lastAt + 1);
    return m;
  };
  const releaseCommit = (line, name, at) => {
    const state = lineState.get(line);
    const who = core();
    const version = ['CHANGELOG.md', state.tree.get('CHANGELOG.md'), [`## ${name}`, '', ...state.tree.get('CHANGELOG.md').slice(0, 30)]];
    applyTo(state.tree, [version]);
    const m = lineCommit(line, { author: who, at, committer: who, ct: at, msg: `Preparing for ${name.slice(1)} release\n`, changes: [version] });
    tag(name, m, state.lastAt, true);
    return m;
  };

  /** Copies of a landed change on a release line: cherry-picks, or a backport pull request merged there. */
  const backport = async (line, at, source) => {
    const state = lineState.get(line);
    const copies = [];
    for (const c of source.commits) {
      const changes = edit(c.changes.map(([p]) => p).filter((p) => state.tree.has(p)), (p) => state.tree.get(p));
      const picked = rng.chance(0.5) ? `${c.msg.trimEnd()}\n\n(cherry picked from commit ${await fi.getMark(c.mark)})\n` : c.msg;
      copies.push({ author: c.author, at: c.at, msg: picked, changes });
    }
    const who = core();
    if (rng.chance(0.4)) {
      const n = prNo();
      let tip = state.tip;
      let ct = Math.max(at - rng.int(3600, 3 * DAY), state.lastAt + 1);
      for (const c of copies) {
        tip = commit({ ref: 'refs/heads/bench-side', author: c.author, at: c.at, committer: who, ct: ct++, msg: c.msg, from: tip === state.tip ? state.tip : 0, changes: c.changes });
        applyTo(state.tree, c.changes);
        stats.sideCommits++;
      }
      pullRef(n, tip);
      const subject = source.subject.replace(/ \(#\d+\)$/, '');
      lineCommit(line, { author: who, at, committer: GITHUB, ct: at, msg: `Merge pull request #${n} from ${who.login}/backport-${n}-${line.name}\n\n[${line.name}] ${subject}\n`,
        merge: tip, changes: [] });
      stats.backportPulls++;
    } else {
      let ct = at;
      for (const c of copies) {
        lineCommit(line, { author: c.author, at: c.at, committer: who, ct: ct++, msg: c.msg, changes: c.changes });
        applyTo(state.tree, c.changes);
      }
    }
    stats.backports++;
  };

  const releaseEvent = async (ev, i) => {
    const line = ev.line;
    if (ev.kind === 'pre') {
      tag(`v${line.version[0]}.${line.version[1]}.0.${ev.suffix}`, mainMarks[i - 1], times[i - 1], false);
    } else if (ev.kind === 'cut') {
      lineState.set(line, { tree: new Map(main), tip: mainMarks[i - 1], lastAt: times[i - 1] });
      stats.releaseLines++;
      releaseCommit(line, versionName(line, 0), ev.at);
      line.patch = 0;
    } else if (ev.kind === 'patch') {
      if (!active(line, ev.at, true)) return;
      // now and then a fix made on the line alone, not on main
      if (rng.chance(0.3)) {
        const state = lineState.get(line);
        const who = human();
        const tt = title();
        const changes = edit(pickFiles(tt.module), (p) => state.tree.get(p));
        lineCommit(line, { author: who, at: ev.at - rng.int(DAY, 5 * DAY), committer: who, ct: ev.at - rng.int(3600, DAY), msg: withAi(`[${line.name}] ${tt.text}`, ev.at), changes });
        applyTo(state.tree, changes);
        stats.lineFixes++;
      }
      line.patch++;
      line.security = 0;
      const m = releaseCommit(line, versionName(line, line.patch), ev.at);
      if (line === newestCut(ev.at) && rng.chance(0.05)) {
        // the release merged back into main (its changelog): a sync, not a change
        const who = core();
        const state = lineState.get(line);
        const changelog = ['CHANGELOG.md', main.get('CHANGELOG.md'), state.tree.get('CHANGELOG.md')];
        const t = ev.at + 600;
        if (t < times[i]) {
          mainMarks[i - 1] = commit({ ref: 'refs/heads/main', author: who, at: t, committer: who, ct: t, msg: `Merge branch '${line.name}'\n`, from: mainMarks[i - 1], merge: m, changes: [changelog] });
          applyTo(main, [changelog]);
          snapshots[(i - 1) % RING] = new Map(main);
          stats.mergedBack++;
        }
      }
    } else if (ev.kind === 'security') {
      for (const l of lines) {
        if (!active(l, ev.at, false)) continue;
        const state = lineState.get(l);
        const who = core();
        const changes = edit(pickFiles(rng.pick(MODULES)), (p) => state.tree.get(p));
        lineCommit(l, { author: who, at: ev.at - rng.int(5 * DAY, 20 * DAY), committer: who, ct: ev.at - 3600, msg: `[${l.name}] Fix possible XSS in ${rng.pick(NOUNS)}\n\n[CVE-2026-${rng.int(10000, 99999)}]\n`, changes });
        applyTo(state.tree, changes);
        l.security = (l.security ?? 0) + 1;
        releaseCommit(l, versionName(l, l.patch, l.security), ev.at);
      }
    }
  };
  const newestCut = (at) => {
    let newest = null;
    for (const l of lines) if (lineState.has(l) && l.cutAt <= at) newest = l;
    return newest;
  };

  let nextEvent = 0;
  for (let i = 0; i < N; i++) {
    // release events and backports due before this change lands
    for (;;) {
      const ev = calendar[nextEvent];
      pending.sort((a, b) => a.at - b.at);
      const bp = pending[0];
      if (i > 0 && bp && bp.at < times[i] && (!ev || bp.at <= ev.at)) {
        pending.shift();
        if (active(bp.line, bp.at, true)) await backport(bp.line, bp.at, bp.source);
        continue;
      }
      if (i > 0 && ev && ev.at < times[i]) {
        nextEvent++;
        await releaseEvent(ev, i);
        continue;
      }
      break;
    }

    const plan = plans[i];
    const t = times[i];
    let mainMark;
    let source = null; // what a backport copies
    let record = null;

    if (plan.kind === 'initial') {
      for (const p of paths) {
        if (p === 'package.json') main.set(p, deps.packageJson());
        else if (p === 'package-lock.json') main.set(p, deps.packageLock(rng));
        else {
          const body = [];
          for (let k = rng.int(10, 30); k > 0; k--) body.push(codeLine(rng, p));
          main.set(p, body);
        }
      }
      const who = PEOPLE[0];
      mainMark = commit({ ref: 'refs/heads/main', author: who, at: t, committer: who, ct: t, msg: 'Initial commit\n', changes: paths.map((p) => [p, null, main.get(p)]) });
      stats.direct++;
    } else if (plan.kind === 'merge' || plan.kind === 'squash') {
      const n = prNo();
      const forkIdx = i - plan.forkBack;
      const author = plan.bot ? DEPENDABOT : human();
      let merger = core();
      while (merger === author) merger = human();
      const { module, text } = title();
      // a sync merge of main into the branch, for merge commits: first part before it, the rest after
      let side;
      if (plan.kind === 'merge' && plan.sync) {
        const syncIdx = rng.int(forkIdx + 1, i - 1);
        const tSync = times[syncIdx] + 1 + Math.floor(rng.float() * (times[syncIdx + 1] - times[syncIdx] - 2) / 2);
        const before = rng.int(1, plan.side - 1);
        const a = sideBranch({ forkIdx, count: before, lo: times[forkIdx], hi: tSync, author, module, first: text, bot: plan.bot });
        const target = snapshots[syncIdx % RING];
        const base = snapshots[forkIdx % RING];
        const changes = [];
        for (const [p, content] of target) if (content !== base.get(p) && !a.overlay.has(p)) changes.push([p, null, content]);
        let tip = commit({ ref: 'refs/heads/bench-side', author, at: tSync, committer: author, ct: tSync, msg: `Merge branch 'main' into branch-${n}\n`, merge: mainMarks[syncIdx], changes });
        stats.syncMerges++;
        const overlay = new Map(a.overlay);
        const made = [...a.made];
        const pool = pickFiles(module);
        for (let k = 0, ct = tSync + 1; k < plan.side - before; k++, ct += rng.int(60, Math.max(61, Math.floor((t - tSync) / (plan.side + 1))))) {
          const c = edit(pickFiles(module, pool), (p) => overlay.get(p) ?? target.get(p));
          const msg = withAi(rng.chance(0.5) ? rng.pick(SIDE_SUBJECTS) : title().text, ct);
          tip = commit({ ref: 'refs/heads/bench-side', author, at: ct - rng.int(0, 60), committer: author, ct: Math.min(ct, t - 1), msg, changes: c });
          applyTo(overlay, c);
          made.push({ mark: tip, author, at: ct, msg, changes: c });
          stats.sideCommits++;
        }
        side = { tip, overlay, made, subject: a.subject };
      } else {
        side = sideBranch({ forkIdx, count: plan.side, lo: times[forkIdx], hi: t, author, module, first: text, bot: plan.bot });
      }
      pullRef(n, side.tip);
      const changes = [...side.overlay].map(([p, after]) => [p, main.get(p) ?? null, after]);
      if (plan.kind === 'merge') {
        stats.merge++;
        const from = plan.bot ? `acme/${dependabotBranch(side.subject)}` : `${author.login}/branch-${n}`;
        const msg = `Merge pull request #${n} from ${from}\n\n${side.subject}\n`;
        mainMark = commit({ ref: 'refs/heads/main', author: merger, at: t, committer: GITHUB, ct: t, msg, merge: side.tip, changes });
        // backported either as the merge itself (cherry-pick -m 1) or commit by commit
        source = { subject: side.subject, commits: rng.chance(0.5) ? [{ mark: mainMark, author: merger, at: t, msg, changes }] : side.made };
      } else {
        stats.squash++;
        const subject = `${side.subject} (#${n})`;
        const body = plan.bot || side.made.length === 1 ? '' : `\n\n${side.made.map((c) => `* ${c.msg.split('\n')[0]}`).join('\n\n')}`;
        const msg = plan.bot ? `${subject}\n` : withAi(`${subject}${body}`, t);
        mainMark = commit({ ref: 'refs/heads/main', author, at: t, committer: GITHUB, ct: t, msg, changes });
        source = { subject, commits: [{ mark: mainMark, author, at: t, msg, changes }] };
        if (!plan.bot) record = { mark: mainMark, subject, files: changes };
      }
      applyTo(main, changes);
    } else if (plan.kind === 'rebase') {
      stats.rebase++;
      const n = prNo();
      const forkIdx = i - plan.forkBack;
      const author = human();
      const { module, text } = title();
      const side = sideBranch({ forkIdx, count: plan.side, lo: times[forkIdx], hi: t, author, module, first: text });
      pullRef(n, side.tip);
      // the same commits replayed onto main by GitHub: same author, author date and message, new parents
      let ct = t - plan.side + 1;
      const copies = [];
      for (const c of side.made) {
        const changes = c.changes.map(([p, , after]) => [p, main.get(p) ?? null, after]);
        mainMark = commit({ ref: 'refs/heads/main', author: c.author, at: c.at, committer: GITHUB, ct: ct++, msg: c.msg, changes });
        applyTo(main, changes);
        copies.push({ mark: mainMark, author: c.author, at: c.at, msg: c.msg, changes });
      }
      source = { subject: text, commits: copies };
    } else {
      // a revert lands as a direct push, of a recent squash or direct change
      let target = null;
      if (plan.kind === 'revert') {
        const candidates = [...recent.values()].filter((r) => !r.reverted);
        if (candidates.length) target = rng.pick(candidates);
      }
      const author = human();
      let subject;
      let body = '';
      let changes;
      if (target) {
        target.reverted = true;
        changes = target.files.map(([p, before, after]) => [p, main.get(p), main.get(p) === after && before ? before : editLines(rng, p, main.get(p))]);
        subject = `Revert "${target.subject}"`;
        body = `This reverts commit ${await fi.getMark(target.mark)}.`;
        stats.revert++;
      } else {
        const tt = title();
        subject = tt.text;
        changes = edit(pickFiles(tt.module), (p) => main.get(p));
      }
      const at = t - rng.int(0, 3600);
      const msg = withAi(body ? `${subject}\n\n${body}` : subject, t);
      mainMark = commit({ ref: 'refs/heads/main', author, at, committer: author, ct: t, msg, changes });
      applyTo(main, changes);
      stats.direct++;
      source = { subject, commits: [{ mark: mainMark, author, at, msg, changes }] };
      record = { mark: mainMark, subject, files: changes };
    }
    if (plan.bot) stats.bot++;

    mainMarks[i] = mainMark;
    snapshots[i % RING] = new Map(main);
    if (record) recent.set(i, record);
    recent.delete(i - 60);

    if (plan.closed && i > 10) {
      const n = prNo();
      const author = human();
      const { module, text } = title();
      const forkIdx = i - rng.int(1, 10);
      const side = sideBranch({ forkIdx, count: rng.int(1, 3), lo: times[forkIdx], hi: t, author, module, first: text });
      pullRef(n, side.tip);
      stats.closedPulls++;
    }
    if (plan.backport && source) {
      // to the newest line still fixed, and now and then to the one before it too
      const fixed = lines.filter((l) => lineState.has(l) && t < l.fixesUntil).slice(-2).reverse();
      fixed.forEach((line, k) => {
        if (k === 0 || rng.chance(0.35)) pending.push({ at: t + rng.int(3600, 20 * DAY), line, source });
      });
    }
    await fi.maybeFlush();
  }
  await fi.finish();
  return stats;
}

function dependabotBranch(subject) {
  const m = /bump (\S+) from \S+ to (\S+)/.exec(subject);
  return m ? `dependabot/npm_and_yarn/${m[1]}-${m[2]}` : 'dependabot/npm_and_yarn/deps';
}

// ---------------------------------------------------------------------------------------------- entry points

/**
 * The release-line repository of one of RELEASE_CASES, built when missing or stale (see ensureRepo): refs packed
 * as a clone has them. Returns {repo, rebuilt, seconds, stats}; throws on failure.
 */
export function ensureReleaseRepo(kase, { force = false, log = console.log } = {}) {
  return ensureRepo({ name: kase.name, label: `release-line repo (${kase.years} years)`, version: RELEASE_GENERATOR_VERSION,
    seed: `${kase.seed}:${kase.years}y`, commits: kase.commits, force, log,
    build: async (dir) => {
      const stats = await generate(dir, kase);
      git(['-C', dir, 'pack-refs', '--all', '--prune']);
      return stats;
    },
    check: (dir, stats) => {
      stats.mainCommits = Number(git(['-C', dir, 'rev-list', '--count', 'main']));
      stats.firstParent = Number(git(['-C', dir, 'rev-list', '--count', '--first-parent', 'main']));
      if (stats.mainCommits < kase.commits) throw new Error(`expected at least ${kase.commits} commits on main, found ${stats.mainCommits}`);
    } });
}

export function describeReleaseStats(s) {
  return `${s.mainCommits.toLocaleString('en-US')} commits on main (${s.firstParent.toLocaleString('en-US')} first-parent), ` +
    `${s.commits.toLocaleString('en-US')} in all: ${s.changes.toLocaleString('en-US')} changes (${s.merge} PR merges, ${s.squash} squash, ` +
    `${s.rebase} rebase, ${s.direct} direct; ${s.revert} reverts, ${s.bot} dependabot), ${s.pullRefs} pull refs (${s.closedPulls} never landed), ` +
    `${s.releaseLines} release lines with ${s.backports} backports (${s.backportPulls} by pull request), ${s.lineFixes} fixes on a line alone, ` +
    `${s.mergedBack} merged back; ${s.tags} tags, ${s.tagsOnLines} of them on release lines`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const kase = argv.includes('--small') ? RELEASE_CASES.small : RELEASE_CASES.large;
  try {
    const r = await ensureReleaseRepo(kase, { force: argv.includes('--force') });
    console.log(`${kase.name} ${r.rebuilt ? `built in ${r.seconds.toFixed(1)} s` : '(up to date)'}: ${describeReleaseStats(r.stats)}`);
  } catch (err) {
    console.error(`bench: release-line repo build failed: ${err.message}`);
    process.exit(1);
  }
}
