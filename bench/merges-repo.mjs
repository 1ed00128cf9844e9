// A large history of many small merged pull requests, for the flowaudit benchmark: every change a two-commit
// branch forked from main's tip and landed as a merge commit ("Merge pull request #N from …"), a release tag
// every 50 merges, each commit editing a line or two of a small file. git reads it fast (small trees, small
// diffs), so what flowaudit adds per commit shows: the case where the features' per-commit costs add up.
// Deterministic from its seed, with pinned dates; one `git fast-import` stream, as synthetic-repo.mjs.
//
// Usage:  node bench/merges-repo.mjs [--force] [--commits N]
//   or    import { ensureMergesRepo } from './merges-repo.mjs'

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FastImport, GITHUB, PEOPLE, Rng, ensureRepo, git } from './synthetic-repo.mjs';

/** Bump whenever the generated history changes shape; a stale repository is then rebuilt. */
const GENERATOR_VERSION = 1;
const SEED = 'flowaudit-bench-merges';
const DEFAULT_COMMITS = 100_000;
const MERGES_PER_TAG = 50;
const FILES = 400;
const LINES = 8;
const START = Date.UTC(2021, 0, 4) / 1000; // 2021-01-04T00:00:00Z
const PULL_EVERY = 90 * 60; // a merge every 90 minutes: 33,334 of them span about 5.7 years

async function generate(repoDir, commits) {
  const rng = new Rng(SEED);
  const fi = new FastImport(repoDir);
  const paths = Array.from({ length: FILES }, (_, i) => `src/pkg${String(i % 40).padStart(2, '0')}/file${String(i).padStart(3, '0')}.txt`);
  const text = (i, v) => Array.from({ length: LINES }, (_, l) => `line ${l} of ${paths[i]}, version ${v}`);
  const contents = paths.map((_, i) => text(i, 0));
  const versions = paths.map(() => 0);
  /** a new version of file i: one line rewritten (a new array, so a new blob) */
  const edit = (i) => {
    const next = contents[i].slice();
    next[rng.int(0, LINES - 1)] = `line edited to version ${++versions[i]} by ${rng.word(5)}`;
    contents[i] = next;
    return [paths[i], null, next];
  };

  let at = START;
  let main = fi.commit({ ref: 'refs/heads/main', author: GITHUB, at, committer: GITHUB, ct: at, msg: 'Initial commit\n', changes: paths.map((p, i) => [p, null, contents[i]]) });

  const stats = { commits: 1, merges: 0, sideCommits: 0, tags: 0 };

  for (let n = 1; stats.commits + 3 <= commits; n++) {
    const author = rng.pick(PEOPLE);
    const branch = `${author.login}/change-${n}`;
    at += PULL_EVERY;
    // two commits on the branch, 20 and 40 minutes before the merge, each editing one file
    const files = [rng.int(0, FILES - 1), rng.int(0, FILES - 1)];
    const first = fi.commit({ ref: 'refs/heads/bench-side', author, at: at - 2400, committer: author, ct: at - 2400, msg: `Change ${n}: part one\n`, from: main, changes: [edit(files[0])] });
    const second = fi.commit({ ref: 'refs/heads/bench-side', author, at: at - 1200, committer: author, ct: at - 1200, msg: `Change ${n}: part two\n`, from: first, changes: [edit(files[1])] });
    // the merge's tree is the branch's (main has not moved since it forked): the files it changed, as they are now
    const changed = [...new Set(files)].map((i) => [paths[i], null, contents[i]]);
    main = fi.commit({ ref: 'refs/heads/main', author: GITHUB, at, committer: GITHUB, ct: at, msg: `Merge pull request #${n} from ${ORG}/${branch}\n\nChange ${n}\n`, from: main, merge: second, changes: changed });
    stats.commits += 3;
    stats.merges++;
    stats.sideCommits += 2;
    if (n % MERGES_PER_TAG === 0) {
      const tagAt = at + 600;
      fi.write(`tag v1.${n / MERGES_PER_TAG}.0\nfrom :${main}\ntagger ${GITHUB.name} <${GITHUB.email}> ${tagAt} +0000\n`);
      fi.data(`Release 1.${n / MERGES_PER_TAG}.0\n`);
      stats.tags++;
    }
    await fi.maybeFlush();
  }
  await fi.finish();
  return stats;
}

const ORG = 'acme';

/**
 * Returns {repo, rebuilt, seconds, stats}; builds bench/.work/merges when it is missing, when the generator
 * version or size changed, or when `main` no longer points where the stamp says. Throws on failure.
 */
export function ensureMergesRepo({ commits = DEFAULT_COMMITS, force = false, log = console.log } = {}) {
  return ensureRepo({ name: 'merges', label: 'merged pull requests repo', version: GENERATOR_VERSION, seed: SEED, commits, force, log,
    build: (dir) => generate(dir, commits),
    check: (dir, stats) => {
      const count = Number(git(['-C', dir, 'rev-list', '--count', 'main']));
      if (count !== stats.commits) throw new Error(`expected ${stats.commits} commits on main, found ${count}`);
    } });
}

export function describeMergesStats(s) {
  return `${s.commits.toLocaleString('en-US')} commits on main (${(s.merges + 1).toLocaleString('en-US')} first-parent): ` +
    `${s.merges.toLocaleString('en-US')} pull requests of two commits each, merged with merge commits; ${s.tags} tags, one every ${MERGES_PER_TAG} merges`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--commits');
  try {
    const r = await ensureMergesRepo({ force: argv.includes('--force'), commits: at >= 0 ? Number(argv[at + 1]) : DEFAULT_COMMITS });
    console.log(`merges repo ${r.rebuilt ? `built in ${r.seconds.toFixed(1)} s` : '(up to date)'}: ${describeMergesStats(r.stats)}`);
  } catch (err) {
    console.error(`bench: merges repo build failed: ${err.message}`);
    process.exit(1);
  }
}
