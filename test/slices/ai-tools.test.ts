import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, lines } from '../helpers/git-fixture.js';
import { runCli } from '../helpers/cli-run.js';
import { WINDOW } from './fixture.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import type { Report } from '../../src/report/schema.js';

const DAY = 86400;
const COPILOT = 'Copilot <198982749+Copilot@users.noreply.github.com>';
const CLAUDE = 'Co-Authored-By: Claude <noreply@anthropic.com>';
const COPILOT_CO = 'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>';

/**
 * Seven direct commits in March 2026, each a change whose cycle time (author date → commit date) is given:
 *
 *   change  evidence                                   tools                 strength   cycle
 *   k1      authored by Copilot's agent                copilot               agent      1d
 *   k3      authored by Copilot's agent                copilot               agent      3d
 *   c2      Claude co-author                           claude-code           assisted   2d
 *   c4      Claude and Copilot co-authors              claude-code, copilot  assisted   4d
 *   o5, o6, o8  none                                   —                     —          5d, 6d, 8d
 *
 * ai:copilot = k1 k3 c4 (1, 3, 4 d: p50 3d); ai:claude-code = c2 c4 (2, 4 d: p50 3d); ai-agent = k1 k3 (p50 2d);
 * ai-assisted = c2 c4 (p50 3d); other = o5 o6 o8 (p50 6d).
 */
function aiRepo() {
  const day = (d: number): string => `2026-03-${String(d).padStart(2, '0')}T12:00:00Z`;
  const change = (id: string, cycle: number, at: number, message: string, author?: string) => ({ commit: message, authorAt: day(at - cycle), at: day(at), id, ...(author && { author }) });
  return buildRepo([
    { commit: 'start', at: '2026-02-01T12:00:00Z' },
    change('k1', 1, 10, 'Fix the parser', COPILOT),
    change('c2', 2, 11, `Add a cache\n\n${CLAUDE}`),
    change('k3', 3, 12, 'Retry the upload', COPILOT),
    change('c4', 4, 14, `Split the module\n\n${CLAUDE}\n${COPILOT_CO}`),
    change('o5', 5, 16, 'Tidy the docs'),
    change('o6', 6, 18, 'Bump the version'),
    change('o8', 8, 20, 'Rename a flag'),
  ]);
}

type Row = { name: string; changes: number; cycleTimeP50: number | null; aiShare: number | null };

describe('AI slices: per tool, agent and assisted, through the slice machinery', () => {
  const repo = aiRepo();
  const out = mkdtempSync(join(tmpdir(), 'flowaudit-ai-slices-'));
  afterAll(() => {
    repo.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it('report --by ai: a row per tool, a change naming two in both, the changes with no AI evidence last', async () => {
    const { code, stdout, stderr } = await runCli(['report', repo.dir, ...WINDOW, '--by', 'ai', '-f', 'json']);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    const rows: Row[] = JSON.parse(stdout).summary.slices.rows;
    expect(rows.map((r) => [r.name, r.changes, r.cycleTimeP50])).toEqual([
      ['ai:copilot', 3, 3 * DAY],
      ['ai:claude-code', 2, 3 * DAY],
      ['ai:(no AI evidence)', 3, 6 * DAY],
    ]);
    expect(rows.map((r) => r.aiShare)).toEqual([1, 1, 0]);
  });

  it('writes the table in text, Markdown and HTML', async () => {
    const text = (await runCli(['report', repo.dir, ...WINDOW, '--by', 'ai', '--width', '160'])).stdout;
    expect(text).toMatch(/ai:copilot\s*│?\s*3/);
    // titled by what a row is, not by the flag's value ('By ai')
    expect(text).toMatch(/^By AI tool$/m);
    const md = (await runCli(['report', repo.dir, ...WINDOW, '--by', 'ai', '-f', 'markdown'])).stdout;
    expect(md).toMatch(/\| ai:claude-code \| 2 \|/);
    expect(md).toContain('### By AI tool\n');
    const html = (await runCli(['report', repo.dir, ...WINDOW, '--by', 'ai', '-f', 'html'])).stdout;
    expect(html).toContain('ai:(no AI evidence)');
  });

  it('gates a tool\'s own figure: ai:claude-code/cycleTime.p50 is 3d, ai-agent\'s 2d', async () => {
    const pass = await runCli(['check', repo.dir, ...WINDOW, '--fail-on', 'ai:claude-code/cycleTime.p50<=3d', '--fail-on', 'ai-agent/cycleTime.p50<=2d']);
    expect(pass.code).toBe(0);
    const breached = await runCli(['check', repo.dir, ...WINDOW, '--fail-on', 'ai-agent/cycleTime.p50<2d', '-f', 'json']);
    expect(breached.code).toBe(1);
    expect(JSON.parse(breached.stdout).results[0]).toMatchObject({ slice: 'ai-agent', figure: 'cycleTime.p50', measured: 2 * DAY, status: 'breached' });
    const typo = await runCli(['check', repo.dir, ...WINDOW, '--fail-on', 'ai:copliot/changes<=1']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/ai:TOOL takes .*copilot/);
  });

  it('compare ai:copilot other and ai-agent ai-assisted: each side over its own changes', async () => {
    const compare = async (a: string, b: string) => JSON.parse((await runCli(['compare', a, b, '--path', repo.dir, ...WINDOW, '-f', 'json'])).stdout);
    const tool = await compare('ai:copilot', 'other');
    expect([tool.before.changes, tool.after.changes]).toEqual([3, 3]);
    const cycle = tool.rows.find((r: { key: string }) => r.key === 'cycleTime.p50');
    expect([cycle.before, cycle.after]).toEqual([3 * DAY, 6 * DAY]);
    const strength = await compare('ai-agent', 'ai-assisted');
    expect([strength.before.changes, strength.after.changes]).toEqual([2, 2]);
    expect(strength.warnings.join('\n')).not.toMatch(/on both sides/);
  });

  it('aggregate pools the --by ai rows of a report by name', async () => {
    const file = join(out, 'ai.json');
    expect((await runCli(['report', repo.dir, ...WINDOW, '--by', 'ai', '-f', 'json', '-o', file])).code).toBe(0);
    const pooled: Row[] = JSON.parse((await runCli(['aggregate', file, '-f', 'json'])).stdout).summary.slices.rows;
    expect(pooled.map((r) => [r.name, r.changes, r.cycleTimeP50])).toEqual([
      ['ai:copilot', 3, 3 * DAY],
      ['ai:claude-code', 2, 3 * DAY],
      ['ai:(no AI evidence)', 3, 6 * DAY],
    ]);
  });

  it('says under the pooled rows of several repositories that the AI comparison, not the rows, compares within each', async () => {
    const file = join(out, 'ai-one.json');
    expect((await runCli(['report', repo.dir, ...WINDOW, '--by', 'ai', '-f', 'json', '-o', file])).code).toBe(0);
    const one = JSON.parse((await runCli(['aggregate', file, '-f', 'json'])).stdout) as Report;
    const said = 'Across repositories each row pools its changes, so a row reads the pace of the repositories its changes come from';
    // one repository's rows, aggregated: nothing is pooled across repositories
    expect(renderMarkdown(one)).not.toContain(said);
    // the same rows as if the tools' changes came from another repository than the rest
    const slices = one.summary.slices as NonNullable<Report['summary']['slices']>;
    const two: Report = { ...one, summary: { ...one.summary, slices: { ...slices, rows: slices.rows.map((r, i) => ({ ...r, repositories: [i < 2 ? 'acme/fast' : 'acme/slow'] })) } } };
    expect(renderMarkdown(two)).toContain(said);
    expect(renderText(two, { color: false, width: 120 }).replace(/\s+/g, ' ')).toContain(said);
    expect(renderHtml(two)).toContain(said);
  });
});

/**
 * Two large changes by Copilot's agent (500 lines each) among six small ones, March 2026: the Copilot row would
 * read "Change size: 100% of 2 changes over 400 lines" as its first fix, a habit made of two changes.
 */
describe('a slice of fewer than five changes names no first fix', () => {
  const repo = buildRepo([
    { commit: 'start', at: '2026-02-01T12:00:00Z' },
    ...[10, 11].map((d) => ({ commit: `Generate the client ${d}`, at: `2026-03-${d}T12:00:00Z`, author: COPILOT, files: { [`client-${d}.txt`]: lines(500) } })),
    ...[12, 13, 14, 15, 16, 17].map((d) => ({ commit: `Fix the parser ${d}`, at: `2026-03-${d}T12:00:00Z`, files: { [`parser-${d}.txt`]: lines(3) } })),
  ]);
  afterAll(() => repo.cleanup());

  it('says too few in its row, in every format, and keeps its figures', async () => {
    const json = JSON.parse((await runCli(['report', repo.dir, ...WINDOW, '--by', 'ai', '-f', 'json'])).stdout);
    const copilot = json.summary.slices.rows.find((r: { name: string }) => r.name === 'ai:copilot');
    expect([copilot.changes, copilot.fewChanges, copilot.topRecommendation]).toEqual([2, true, null]);
    expect(json.summary.slices.rows.find((r: { name: string }) => r.name === 'ai:(no AI evidence)').fewChanges).toBeUndefined();
    const text = (await runCli(['report', repo.dir, ...WINDOW, '--by', 'ai', '--width', '160'])).stdout;
    expect(text).toMatch(/ai:copilot .*too few/);
    expect(text).toContain('too few: a row of fewer than 5 changes names no first fix');
    const md = (await runCli(['report', repo.dir, ...WINDOW, '--by', 'ai', '-f', 'markdown'])).stdout;
    expect(md).toMatch(/\| ai:copilot \| 2 \|.*\| too few \|/);
    expect(md).toContain('too few: a row of fewer than 5 changes');
    // the rows and the AI comparison both count the changes still waiting: nothing to reconcile under the table
    expect(md).not.toContain('the AI comparison compares the deployed');
    expect(text).not.toContain('the AI comparison compares the deployed');
  });
});
