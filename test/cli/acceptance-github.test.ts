import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { compareReports } from '../../src/compare/compare.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { reportWithGitHub, type GitHubRun } from '../helpers/github-run.js';
import { agentPulls, agentPullsScenario } from '../histories/closed-agent-pulls.js';
import { mainScenario } from '../scenarios.js';

const H = 3600;
const TOKEN = 'ghp_acceptanceTestToken0123456789abcdefAB';
const WINDOW = ['--since', '2026-05-01', '--until', '2026-06-01', '--now', '2026-06-01T00:00:00Z'];

let repo: FixtureRepo;
let run: GitHubRun;
let report: Report;

beforeAll(async () => {
  repo = agentPulls();
  run = await reportWithGitHub(repo.dir, agentPullsScenario(repo), TOKEN, ['--repo', 'acme/app', ...WINDOW]);
  report = run.report;
});
afterAll(async () => {
  await run?.close();
  repo?.cleanup();
});

/*
 * Truth, counted by hand from fixtures/github-scenarios/agent-pulls.json (window May 2026):
 *  merged: people's #1 #2 #3 #4; Copilot #10 #14, Codex #11, Claude Code #12, Devin #13 → 9, AI 5, other 4;
 *   and erin's #36, closed unmerged by a commit queue on the 26th, whose squash `(#36)` is on main: landed → 10
 *  closed without merging in the window, into main:
 *   #20 dave's, rejected: bob's review 14 10:00 (dave's own comment 11:00 is not review), carol's comment 12:00,
 *       closed 15 10:00 → 1 review, 1 comment, 24h in review, opened 13 10:00 → 48h to close
 *   #21 erin's draft → closed draft        #22 dependabot's → a bot's, in no figure
 *   #30 Copilot's [WIP] draft, closed by Copilot 2 minutes after opening → a failed run
 *   #31 Copilot's, rejected: Copilot's reviewer bot and Copilot's own comment are not review; ada's review
 *       16 15:00, ada's and bob's comments; closed by ada 18 09:00 → 1 review, 2 comments, 42h, 48h to close
 *   #32 carol's from Codex (label codex), closed by carol unreviewed after 24h → rejected, 0 effort
 *   #33 dave's from Claude Code (footer in its description), bob's two reviews from 21 12:00, closed 23 08:00
 *       → 2 reviews, 44h in review, 48h to close
 *   #34 Devin's draft, closed by ada → closed draft
 *   #35 Devin's, carol's review 24 11:00 and comment 11:30 (her review on the 27th is after the close),
 *       closed 25 10:00 → 1 review, 1 comment, 23h, 24h to close
 *   not this window's: #40 closed in April, #42 into release-1.x; #50 still open
 *  all: merged 10, rejected 5 (#20 #31 #32 #33 #35) → 10/15; drafts 2; failed runs 1
 *       to close 24 24 48 48 48 → p50 48h; reviewed 4; reviews 5; comments 4; in review 24+42+0+44+23 = 133h
 *  AI: merged 5, rejected 4 → 5/9; drafts 1 (#34); failed 1 (#30); to close 24 24 48 48 → 36h; reviewed 3;
 *       reviews 4; comments 3; in review 109h
 *  other: merged 5, rejected 1 → 5/6; drafts 1; to close 48h; 1 review, 1 comment, 24h
 *  per tool: copilot merged 2 rejected 1 failed 1 (decided 3); claude-code 1/1; codex 1/1; devin 1/1 + draft
 */
describe('acceptance of a window of agent pull requests, counted by hand', () => {
  it('reads every query valid against GitHub\'s schema', () => {
    expect(run.server.requests.filter((r) => r.invalid)).toEqual([]);
  });

  it('weighs the merged against the rejected, drafts and failed runs apart', () => {
    const a = report.summary.acceptance;
    expect(a).toMatchObject({ merged: 10, rejected: 5, closedDrafts: 2, failedRuns: 1, timeToCloseP50: 48 * H, reviewed: 4, reviews: 5, comments: 4, reviewTime: 133 * H });
    expect(a?.ai).toMatchObject({ merged: 5, rejected: 4, closedDrafts: 1, failedRuns: 1, timeToCloseP50: 36 * H, reviewed: 3, reviews: 4, comments: 3, reviewTime: 109 * H });
    expect(a?.other).toMatchObject({ merged: 5, rejected: 1, closedDrafts: 1, failedRuns: 0, timeToCloseP50: 48 * H, reviewed: 1, reviews: 1, comments: 1, reviewTime: 24 * H });
    // the JSON writes ratios to six decimals
    expect([a?.rate, a?.ai.rate, a?.other.rate].map((r) => r?.toFixed(6))).toEqual([10 / 15, 5 / 9, 5 / 6].map((r) => r.toFixed(6)));
    // 10 of 15: the Wilson score interval worked by hand (z = 1.96), 0.4171 to 0.8482
    expect([a?.rateLow, a?.rateHigh].map((r) => r?.toFixed(4))).toEqual(['0.4171', '0.8482']);
    // too few decided to tell the groups apart
    expect(a?.aiMinusOther.value).toBeCloseTo(5 / 9 - 5 / 6, 6);
    expect(a?.aiMinusOther.real).toBe(false);
    expect(a?.note).toContain('AI-assisted 9, other 6');
  });

  it('gives each tool its own figures, Copilot\'s (three decided) first', () => {
    const tools = report.summary.acceptance?.tools ?? [];
    expect(tools.map((t) => [t.tool, t.merged, t.rejected, t.closedDrafts, t.failedRuns, t.reviews, t.comments, t.reviewTime / H, (t.timeToCloseP50 ?? 0) / H])).toEqual([
      ['copilot', 2, 1, 0, 1, 1, 2, 42, 48],
      ['claude-code', 1, 1, 0, 0, 2, 0, 44, 48],
      ['codex', 1, 1, 0, 0, 0, 0, 0, 24],
      ['devin', 1, 1, 1, 0, 1, 1, 23, 24],
    ]);
  });

  it('lists the window\'s closed pull requests, each with what marks it and why it is apart', () => {
    const listed = report.closedPulls ?? [];
    // oldest close first: #21 on the 14th, #20 the 15th, #30 the 16th, #31 the 18th, #22 and #32 the 20th, …
    expect(listed.map((p) => p.number)).toEqual([21, 20, 30, 31, 22, 32, 33, 34, 35, 36]);
    const byNumber = new Map(listed.map((p) => [p.number, p]));
    expect(byNumber.get(30)).toMatchObject({ failedRun: true, isDraft: true, aiTools: ['copilot'], closedBy: 'copilot-swe-agent' });
    expect(byNumber.get(22)).toMatchObject({ bot: true, aiTools: [] });
    expect(byNumber.get(36)).toMatchObject({ landed: true, closedBy: 'commit-queue' });
    expect(listed.filter((p) => p.landed).map((p) => p.number)).toEqual([36]);
    // Codex's label, and its task link in the description
    expect(byNumber.get(32)).toMatchObject({ failedRun: false, aiEvidence: ['label: codex', 'PR body: https://chatgpt.com/codex/tasks/task_e_6651'], closedBy: 'carol' });
    expect(byNumber.get(33)?.aiEvidence).toEqual(['PR body: 🤖 Generated with [Claude Code](https://claude.ai/code)']);
    expect(byNumber.get(35)).toMatchObject({ reviews: 1, comments: 1, firstReviewAt: '2026-05-24T11:00:00Z', aiTools: ['devin'] });
  });

  it('is written in text at 80 columns, in Markdown and in HTML, each figure as the report holds it', () => {
    // 10/15, 5/9, 5/6, 2/3, 1/2 and their Wilson intervals (worked by hand as above), written as every ratio is:
    // whole percents, one decimal under 10% (1 of 2's lower bound, 9.45%, is 9.5%)
    const wide = renderText(report, { color: false, width: 400 });
    expect(wide).toContain('acceptance (merged of decided, 95% interval): all 67% (42%–85%) of 15 · AI-assisted 56% (27%–81%) of 9 · other 83% (44%–97%) of 6');
    expect(wide).toContain('by tool: copilot 67% (21%–94%) of 3, claude-code 50% (9.5%–91%) of 2, codex 50% (9.5%–91%) of 2, devin 50% (9.5%–91%) of 2');
    expect(wide).toContain('rejected: 5, p50 2d to close, 5 reviews, 4 comments, 5d 13h in review · apart: 2 drafts, 1 failed run');
    expect(wide).toContain('AI-assisted − other: −28 pp (95% interval −60 pp to +19 pp): too few pull requests to tell');
    const text = renderText(report, { color: false, width: 80 });
    expect(text.split('\n').filter((line) => line.length > 80)).toEqual([]);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| ↳ copilot | 2 | 1 | 67% | 21%–94% | 0 | 1 |');
    expect(markdown).toContain('| ↳ copilot | 1 | 2d | 1 | 1 | 2 | 1d 18h |');
    expect(markdown).toContain('| Other | 5 | 1 | 83% | 44%–97% | 1 | 0 |');
    expect(markdown).toContain('| Other | 1 | 2d | 1 | 1 | 1 | 1d |');
    const html = renderHtml(report);
    expect(html).toContain('<section id="acceptance"');
    expect(html).toContain('<th scope="row">&nbsp;&nbsp;codex</th><td class="num">1</td><td class="num">1d</td><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">0s</td></tr>');
    expect(html).toContain('<th scope="row">&nbsp;&nbsp;devin</th><td class="num">1</td><td class="num">1</td><td class="num">50%</td><td class="num">9.5%–91%</td><td class="num">1</td><td class="num">0</td></tr>');
  });

  it('from git alone, acceptance cannot be known, and every format says so', async () => {
    const git = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-06-01', now: '2026-06-01T00:00:00Z', github: false });
    expect(git.summary.acceptance).toBeNull();
    expect(git.closedPulls).toBeUndefined();
    const unknown = 'Acceptance cannot be known from git alone: git never sees a pull request closed without merging';
    // the text says so beside the AI-assisted changes it found (#10 #12 #13 #14 by their commits)
    expect(renderText(git, { color: false, width: 200 })).toContain(unknown);
    expect(renderMarkdown(git)).toContain(unknown);
    expect(renderHtml(git)).toContain(unknown);
  });
});

describe('acceptance in gates', () => {
  it('a threshold on the AI-assisted rate holds or breaches on the report\'s figure; from git alone it is not measured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowaudit-acceptance-gate-'));
    try {
      const file = join(dir, 'report.json');
      writeFileSync(file, JSON.stringify(report));
      // AI-assisted 5 of 9 (55.6%), all 10 of 15 (66.7%)
      expect((await runCli(['check', '--report', file, '--fail-on', 'acceptance.ai.rate>=50%', '--fail-on', 'acceptance.rate>=60%'])).code).toBe(0);
      const breached = await runCli(['check', '--report', file, '--fail-on', 'acceptance.ai.rate>=60%', '--format', 'json']);
      expect(breached.code).toBe(1);
      const git = join(dir, 'git.json');
      writeFileSync(git, JSON.stringify(await audit({ path: repo.dir, since: '2026-05-01', until: '2026-06-01', now: '2026-06-01T00:00:00Z', github: false })));
      expect((await runCli(['check', '--report', git, '--fail-on', 'acceptance.ai.rate>=60%', '--strict'])).code).toBe(1);
      const list = await runCli(['check', '--list', '--format', 'json']);
      expect(list.stdout).toContain('acceptance.aiMinusOther');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('review load and work in progress by group', () => {
  it('counts an agent\'s open draft in the AI-assisted group, never as a bot\'s; from git alone it is unknown', async () => {
    // #50, Copilot's, still open as a draft; the merged ones' sizes are not in this fixture, so none is in a rate
    expect(report.summary.aiLoad).toMatchObject({ ai: { open: 0, drafts: 1, reviewed: 0 }, other: { open: 0, drafts: 0 }, linesPerReviewHourDifference: { value: null, real: false } });
    const git = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-06-01', now: '2026-06-01T00:00:00Z', github: false });
    expect(git.summary.aiLoad).toBeNull();
  });
});

describe('acceptance in compare', () => {
  it('resamples each rate over the pull requests decided: its sample is how many (15, AI 9, other 6), not the changes', async () => {
    const rows = compareReports(report, report).rows.filter((r) => r.group === 'acceptance');
    expect(rows.map((r) => [r.key, r.label, r.before?.toFixed(4), r.sample])).toEqual([
      ['acceptance.rate', 'acceptance rate', (10 / 15).toFixed(4), { before: 15, after: 15 }],
      ['acceptance.ai.rate', 'AI acceptance rate', (5 / 9).toFixed(4), { before: 9, after: 9 }],
      ['acceptance.other.rate', 'other acceptance rate', (5 / 6).toFixed(4), { before: 6, after: 6 }],
    ]);
    // the same pull requests on both sides: equal rates, each side resampled apart, an interval either side of 0:
    // no difference the data can tell, which is not "no change"
    for (const r of rows) expect([r.direction, r.change, (r.interval.low ?? 1) < 0 && (r.interval.high ?? -1) > 0]).toEqual(['uncertain', 0, true]);
    // from git alone a side has no acceptance: its rows have no value and nothing to resample
    const git = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-06-01', now: '2026-06-01T00:00:00Z', github: false });
    const against = compareReports(git, report).rows.filter((r) => r.group === 'acceptance');
    expect(against.map((r) => [r.before, r.direction, r.sample.before])).toEqual([[null, null, 0], [null, null, 0], [null, null, 0]]);
  });
});

describe('acceptance over several reports (aggregate)', () => {
  it('is the one report\'s, beside a git-only repository\'s (whose merges are no pull requests GitHub saw); unknown when a GitHub report lists no closed ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowaudit-acceptance-'));
    const other = mainScenario();
    try {
      const agents = join(dir, 'agents.json');
      writeFileSync(agents, JSON.stringify(report));
      const git = join(dir, 'git.json');
      writeFileSync(git, JSON.stringify(await audit({ path: other.dir, since: '2026-05-01', until: '2026-06-01', now: '2026-06-01T00:00:00Z', github: false })));
      const { closedPulls: _listed, ...unlisted } = report;
      const older = join(dir, 'older.json');
      writeFileSync(older, JSON.stringify({ ...unlisted, repository: { ...report.repository, remote: 'acme/older' } }));
      const aggregate = async (...files: string[]): Promise<Report> => {
        const result = await runCli(['aggregate', ...files, '--format', 'json']);
        expect(result.stderr).toBe('');
        return JSON.parse(result.stdout) as Report;
      };
      const strip = (a: Report['summary']['acceptance']): unknown => JSON.parse(JSON.stringify(a));
      expect(strip((await aggregate(agents)).summary.acceptance)).toEqual(strip(report.summary.acceptance));
      const mixed = await aggregate(agents, git);
      expect(strip(mixed.summary.acceptance)).toEqual(strip(report.summary.acceptance));
      // each repository's row has its own: the git-only one cannot know it
      expect(mixed.repositories?.map((r) => r.summary.acceptance?.merged ?? null)).toEqual([10, null]);
      expect((await aggregate(agents, older)).summary.acceptance).toBeNull();
    } finally {
      other.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
