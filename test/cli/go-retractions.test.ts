import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * grpc-go tagged v1.74.0 and v1.74.1, then two days later retracted both in its go.mod (`retract [v1.74.0,
 * v1.74.1]`, "v1.74.0 was published prematurely with known issues"), and fixed them in v1.74.2. Here: v1.0.0 (May 1),
 * v1.1.0 (May 10), the retraction of v1.1.0 (May 12), v1.1.1 (May 14). As of May 11 nothing says v1.1.0 failed.
 */
const GO_MOD = 'module example.com/acme\n\ngo 1.22\n';
let repo: FixtureRepo;
beforeAll(() => {
  repo = buildRepo([
    { commit: 'start', at: '2026-05-01T00:00:00Z', files: { 'go.mod': GO_MOD } },
    { tag: 'v1.0.0', at: '2026-05-01T01:00:00Z' },
    { commit: 'feat: one', at: '2026-05-05T00:00:00Z', files: { 'a.go': 'package acme\n' } },
    { tag: 'v1.1.0', at: '2026-05-10T01:00:00Z' },
    { commit: 'retract v1.1.0', at: '2026-05-12T00:00:00Z', files: { 'go.mod': `${GO_MOD}\n// v1.1.0 was published <b>prematurely</b>.\u001b[2J\nretract v1.1.0\n` } },
    { commit: 'fix: two', at: '2026-05-13T00:00:00Z', files: { 'a.go': 'package acme // fixed\n' } },
    { tag: 'v1.1.1', at: '2026-05-14T01:00:00Z' },
  ]);
});
afterAll(() => repo.cleanup());

const reportAt = async (now: string): Promise<Report> => {
  const result = await runCli(['report', repo.dir, '--format', 'json', '--no-github', '--since', '2026-05-01', '--now', now]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Report;
};

describe('a version the go.mod retracts', () => {
  it('fails its deploy, the go.mod\'s rationale its reason, and no other', async () => {
    const report = await reportAt('2026-05-20T00:00:00Z');
    expect(report.deploys.map((d) => [d.ref, d.failed, d.failureReasons])).toEqual([
      ['v1.0.0', false, []],
      ['v1.1.0', true, ['retracted in go.mod: v1.1.0 was published <b>prematurely</b>.\u001b[2J']],
      ['v1.1.1', false, []],
    ]);
    // one failed of the three; which deploy removed it git cannot say
    expect(report.summary.dora.changeFailureRate.value).toBeCloseTo(1 / 3, 6);
    expect(report.deploys.find((d) => d.ref === 'v1.1.0')?.restoredAfter).toBeNull();
  });

  it('writes the rationale, text from the repository, safe for the terminal and the page', async () => {
    const args = ['report', repo.dir, '--no-github', '--since', '2026-05-01', '--now', '2026-05-20T00:00:00Z'];
    const text = await runCli([...args, '--format', 'text']);
    // the line wraps at the terminal's width
    expect(text.stdout.replace(/\s+/g, ' ')).toMatch(/failed v1\.1\.0 2026-05-\d\d \d\d:\d\d: retracted in go\.mod: v1\.1\.0 was published <b>prematurely<\/b>\./);
    expect(text.stdout).not.toContain('\u001b[2J');
    const html = await runCli([...args, '--format', 'html']);
    expect(html.stdout).toContain('retracted in go.mod: v1.1.0 was published &lt;b&gt;prematurely&lt;/b&gt;.');
    expect(html.stdout).not.toContain('<b>prematurely');
  });

  it('fails nothing before the go.mod said so', async () => {
    const report = await reportAt('2026-05-11T00:00:00Z');
    expect(report.deploys.map((d) => [d.ref, d.failed])).toEqual([['v1.0.0', false], ['v1.1.0', false]]);
  });
});
