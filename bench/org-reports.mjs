// Synthetic organisation for the aggregate benchmark: N per-repository JSON reports, each two years of a
// repository's changes as `flowaudit report --format json` writes them, built once into bench/.work/org/.
//
// The reports are made by flowaudit's own builder (dist/report/build.js) from generated domain changes and
// deploys, so they are valid reports with real summaries. Deterministic from the seed. About 40 % of the
// repositories are in GitHub mode (review facts, checks, open pull requests on every pull request); the
// rest are git-only. Rebuilt when missing, when the stamp differs, or when the first report no longer
// validates against the current schema (a new required field).
//
// Usage:  node bench/org-reports.mjs [--force] [--reports N]   (after npm run build)
//   or    import { ensureOrgReports } from './org-reports.mjs'

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Rng } from './synthetic-repo.mjs';

/** Bump whenever the generated reports change shape; stale ones are then rebuilt. */
export const ORG_GENERATOR_VERSION = 2;
export const DEFAULT_REPORTS = 1000;
const SEED = 'flowaudit-org';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
export const ORG_DIR = path.join(BENCH_DIR, '.work', 'org');
const STAMP_FILE = path.join(BENCH_DIR, '.work', 'org.stamp.json');

const HOUR = 3600;
const DAY = 86400;
const UNTIL = Date.UTC(2026, 10, 1) / 1000; // 2026-11-01
const SINCE = UNTIL - 730 * DAY; //              two years
const NOW = UNTIL;

const WORDS = ('add fix remove update refactor support handle parse render cache retry timeout config option flag ' +
  'error message docs test build release deploy api client server query page list user team token auth login ' +
  'session logging metrics trace schema migration index search filter sort export import upload download').split(' ');
const CHECKS = ['build', 'test (node 20)', 'test (node 22)', 'lint', 'typecheck', 'e2e', 'coverage', 'docs', 'codeql', 'license'];
const AI = ['Co-authored-by: Claude <noreply@anthropic.com>', 'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>', 'Made-with: Cursor'];

/** log-normal with the given median (seconds) and spread */
const lognormal = (rng, median, sigma) => {
  const u = Math.max(1e-9, rng.float());
  const v = rng.float();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.round(median * Math.exp(sigma * z));
};
const hex = (rng, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[rng.int(0, 15)];
  return s;
};

/** One repository's domain model: changes (time-ordered), deploys, open pulls. */
function generateRepository(rng, index, github) {
  const owner = 'acme';
  const name = `service-${String(index).padStart(4, '0')}`;
  const people = Array.from({ length: rng.int(4, 30) }, (_, i) => `dev${index % 97}-${i}`);
  const reviewers = people.slice(0, Math.max(2, Math.ceil(people.length / 3)));
  const checks = CHECKS.slice(0, rng.int(2, CHECKS.length));
  const count = rng.int(150, 1050);
  // a month before the window too: those still in its queues when it starts are its queue-only changes
  const merges = Array.from({ length: count }, () => SINCE - 30 * DAY + rng.int(0, UNTIL - SINCE + 30 * DAY - 1)).sort((a, b) => a - b);
  const changes = [];
  let number = rng.int(10, 2000);
  for (const mergedAt of merges) {
    const kind = ['squash', 'merge', 'direct', 'rebase', 'sync'][rng.weighted([45, 33, 16, 3, 3])];
    const pr = kind !== 'direct' && kind !== 'sync';
    const bot = pr && rng.chance(0.05);
    const author = bot ? 'dependabot[bot]' : rng.pick(people);
    const n = pr ? number++ : null;
    const words = Array.from({ length: rng.int(2, 7) }, () => rng.pick(WORDS)).join(' ');
    const title = bot ? `Bump ${rng.pick(WORDS)} from 1.${rng.int(0, 9)}.0 to 1.${rng.int(10, 19)}.0` : words[0].toUpperCase() + words.slice(1);
    const coding = kind === 'sync' ? 0 : lognormal(rng, 6 * HOUR, 1.6);
    const gh = github && pr;
    const pickup = gh ? lognormal(rng, 3 * HOUR, 1.5) : null;
    const review = lognormal(rng, 5 * HOUR, 1.7);
    const merge = gh ? lognormal(rng, 40 * 60, 1.4) : null;
    const firstCommitAt = mergedAt - coding - (pickup ?? 0) - review - (merge ?? 0);
    const readyAt = gh ? firstCommitAt + coding : null;
    const firstReviewAt = gh && rng.chance(0.88) ? readyAt + pickup : null;
    const approvedAt = firstReviewAt !== null ? mergedAt - merge : null;
    const additions = lognormal(rng, 40, 1.5);
    const deletions = lognormal(rng, 12, 1.5);
    const ai = !bot && rng.chance(mergedAt > SINCE + 365 * DAY ? 0.2 : 0.05) ? [rng.pick(AI)] : [];
    const sha = hex(rng, 40);
    changes.push({
      id: pr ? `#${n}` : sha.slice(0, 10),
      number: n,
      title,
      author,
      authorEmail: `${author}@example.com`,
      url: pr ? `https://github.com/${owner}/${name}/pull/${n}` : null,
      branch: pr ? `${author}/change-${n}` : null,
      kind,
      sha,
      commitShas: [sha],
      commits: rng.int(1, 6),
      size: { additions, deletions, files: rng.int(1, 20) },
      bot,
      firstCommitAt,
      lastCommitAt: mergedAt - review,
      readyAt,
      firstReviewAt,
      approvedAt,
      mergedAt,
      deployedAt: null,
      forkPoints: [],
      forkPointAt: null,
      flags: firstReviewAt === null && gh ? ['unreviewed'] : [],
      aiEvidence: ai,
      revertedBy: null,
      isRevert: false,
      stages: { coding, pickup, review, merge, deploy: null },
      cycleTime: mergedAt - firstCommitAt,
      leadTime: null,
      review: gh ? reviewFacts(rng, author, reviewers, checks, firstReviewAt, approvedAt, mergedAt) : null,
    });
  }
  for (const c of changes) {
    if (rng.chance(0.02)) {
      const later = changes.find((o) => o.mergedAt > c.mergedAt + HOUR);
      if (later) c.revertedBy = later.sha;
    }
  }
  // a release every few days; the changes merged before it and not yet shipped go out with it
  const deploys = [];
  let shipped = 0;
  let minor = 0;
  for (let at = SINCE + rng.int(1, 5) * DAY; at < UNTIL; at += lognormal(rng, 4 * DAY, 0.8) + HOUR) {
    const batch = [];
    while (shipped < changes.length && changes[shipped].mergedAt < at) batch.push(changes[shipped++]);
    if (batch.length === 0) continue;
    for (const c of batch) {
      c.deployedAt = at;
      c.stages.deploy = at - c.mergedAt;
      c.leadTime = at - c.firstCommitAt;
    }
    const failed = rng.chance(0.06);
    deploys.push({
      ref: `v1.${++minor}.0`,
      sha: batch[batch.length - 1].sha,
      at,
      changeShas: batch.map((c) => c.sha),
      rollback: false,
      rework: rng.chance(0.03),
      failed,
      failureReasons: failed ? [`a change it shipped was reverted within 14 days`] : [],
      restoredAfter: failed ? lognormal(rng, 6 * HOUR, 1.2) : null,
    });
  }
  const openPulls = github
    ? Array.from({ length: rng.int(0, 15) }, () => {
        const createdAt = UNTIL - rng.int(1, 60) * DAY;
        const isDraft = rng.chance(0.2);
        const firstReviewAt = !isDraft && rng.chance(0.5) ? createdAt + rng.int(1, 48) * HOUR : null;
        return {
          number: number++,
          title: 'Work in progress',
          url: null,
          author: rng.pick(people),
          bot: false,
          createdAt,
          isDraft,
          events: { readyAt: isDraft ? null : createdAt, firstReviewAt, approvedAt: null, reviewedAt: firstReviewAt === null ? [] : [firstReviewAt] },
        };
      })
    : [];
  return { owner, name, changes, deploys, openPulls };
}

function reviewFacts(rng, author, reviewers, checks, firstReviewAt, approvedAt, mergedAt) {
  const reviewed = firstReviewAt !== null;
  const by = reviewed ? [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(reviewers)))].filter((r) => r !== author) : [];
  const names = checks.slice(0, rng.int(1, checks.length));
  const started = (approvedAt ?? mergedAt) - rng.int(5, 60) * 60;
  const counts = by.map(() => rng.int(1, 3));
  const reviews = counts.reduce((a, b) => a + b, 0);
  // the first at the first review, the rest between it and the merge
  const reviewedAt = Array.from({ length: reviews }, (_, i) => (i === 0 ? firstReviewAt : firstReviewAt + rng.int(0, Math.max(0, mergedAt - firstReviewAt)))).sort((a, b) => a - b);
  return {
    reviewers: by.map((login, i) => ({ login, reviews: counts[i] })),
    reviewedAt,
    firstReviewer: by[0] ?? null,
    comments: reviewed ? rng.int(0, 8) : 0,
    commitsAfterFirstReview: reviewed && rng.chance(0.3) ? rng.int(1, 4) : 0,
    forcePushesAfterFirstReview: reviewed && rng.chance(0.1) ? 1 : 0,
    changesRequested: reviewed && rng.chance(0.1),
    checks: { wallTime: rng.int(3, 40) * 60, lastCompletedAt: started + rng.int(3, 40) * 60, names, flaky: names.filter(() => rng.chance(0.02)) },
  };
}

async function loadFlowaudit() {
  const dist = path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'report', 'build.js'))) throw new Error('dist/ not built: run `npm run build` (npm run bench does)');
  const load = (p) => import(pathToFileURL(path.join(dist, p)).href);
  const [{ buildReport }, { renderJsonChunks }, { DEFAULT_THRESHOLDS }, { parseReport }] = await Promise.all([
    load('report/build.js'),
    load('render/json.js'),
    load('config/index.js'),
    load('io/read-report.js'),
  ]);
  return { buildReport, renderJsonChunks, DEFAULT_THRESHOLDS, parseReport };
}

function writeReports(fa, reports) {
  fs.rmSync(ORG_DIR, { recursive: true, force: true });
  fs.mkdirSync(ORG_DIR, { recursive: true });
  const rng = new Rng(SEED);
  const files = [];
  let changes = 0;
  for (let i = 0; i < reports; i++) {
    const github = rng.chance(0.4);
    const repo = generateRepository(rng, i, github);
    const report = fa.buildReport(
      { changes: repo.changes, deploys: repo.deploys, openPulls: repo.openPulls },
      { since: SINCE, until: UNTIL },
      NOW,
      { includeBots: false, requiredApprovals: 1, revertWindow: 14 * DAY, includePrereleases: false, thresholds: fa.DEFAULT_THRESHOLDS },
      {
        generatedAt: new Date(NOW * 1000).toISOString(),
        repository: { path: `/ci/${repo.name}`, remote: `${repo.owner}/${repo.name}`, branch: 'main' },
        sources: github ? ['git', 'github'] : ['git'],
        deploySignal: { kind: 'tags', detail: `${repo.deploys.length} tag(s) matching ^v?\\d` },
        businessHours: null,
        timezone: 'UTC',
        notes: github ? [] : ['git alone cannot see pickup or merge wait: set GH_TOKEN for them'],
        warnings: [],
      },
    );
    const file = path.join(ORG_DIR, `${repo.owner}+${repo.name}.json`);
    fs.writeFileSync(file, [...fa.renderJsonChunks(report)].join(''));
    files.push(file);
    changes += report.changes.length;
  }
  return { files, changes };
}

/**
 * The org reports, built when missing or stale. Returns {dir, files, changes, bytes, rebuilt, seconds}.
 * @param {{ reports?: number, force?: boolean, log?: (s: string) => void }} options
 */
export async function ensureOrgReports({ reports = DEFAULT_REPORTS, force = false, log = () => {} } = {}) {
  const fa = await loadFlowaudit();
  const stamp = { version: ORG_GENERATOR_VERSION, seed: SEED, reports };
  let current = null;
  try {
    current = JSON.parse(fs.readFileSync(STAMP_FILE, 'utf8'));
  } catch {
    // no stamp: build
  }
  const same = current && current.version === stamp.version && current.seed === stamp.seed && current.reports === stamp.reports;
  let valid = false;
  if (same && !force) {
    try {
      fa.parseReport(fs.readFileSync(current.files[0], 'utf8'), current.files[0]);
      valid = current.files.every((f) => fs.existsSync(f));
    } catch {
      log('org reports: the first no longer validates against the schema: rebuilding');
    }
  }
  if (valid) return { ...current, dir: ORG_DIR, rebuilt: false };
  log(`org reports: generating ${reports} two-year reports into ${path.relative(process.cwd(), ORG_DIR)}…`);
  const t0 = process.hrtime.bigint();
  const { files, changes } = writeReports(fa, reports);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const built = { ...stamp, files, changes, bytes, seconds: Math.round(seconds * 10) / 10 };
  fs.writeFileSync(STAMP_FILE, JSON.stringify(built));
  return { ...built, dir: ORG_DIR, rebuilt: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--reports');
  const built = await ensureOrgReports({ force: args.includes('--force'), reports: at >= 0 ? Number(args[at + 1]) : DEFAULT_REPORTS, log: console.log });
  console.log(`${built.files.length} reports, ${built.changes} changes, ${(built.bytes / 2 ** 20).toFixed(0)} MB${built.rebuilt ? `, built in ${built.seconds} s` : ', up to date'}`);
}
