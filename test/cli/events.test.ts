import { writeFileSync } from 'node:fs';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const H = 3600;
const WINDOW = ['--since', '2026-03-01T00:00:00Z', '--until', '2026-03-31T00:00:00Z', '--now', '2026-03-31T00:00:00Z', '--no-github'];

let repo: FixtureRepo;
beforeAll(() => {
  repo = buildRepo([
    { commit: 'add a', at: '2026-03-02T10:00:00Z', id: 'c1' },
    { commit: 'add b', at: '2026-03-03T10:00:00Z', id: 'c2' },
    { commit: 'add c', at: '2026-03-05T10:00:00Z', id: 'c3' },
  ]);
});
afterAll(() => repo.cleanup());

const write = (name: string, lines: string[]): string => {
  // inside the fixture's .git, so its cleanup removes it and git never sees it
  const path = join(repo.dir, '.git', name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
};

describe('--events', () => {
  it('takes its deploys as the signal and fails deploys by the incidents, each checkable by hand', async () => {
    const file = write('events.jsonl', [
      JSON.stringify({ type: 'deploy', sha: repo.sha('c1').slice(0, 10), at: '2026-03-02T12:00:00Z', environment: 'production' }),
      JSON.stringify({ type: 'deploy', sha: repo.sha('c2'), at: '2026-03-04T12:00:00Z' }),
      // not production: no deploy
      JSON.stringify({ type: 'deploy', sha: repo.sha('c3'), at: '2026-03-06T12:00:00Z', environment: 'staging' }),
      JSON.stringify({ type: 'deploy', sha: 'deadbeef', at: '2026-03-06T12:00:00Z' }),
      // 1h after the c2 deploy, resolved 4h after it
      JSON.stringify({ type: 'incident', id: 'PD-1', openedAt: '2026-03-04T13:00:00Z', resolvedAt: '2026-03-04T16:00:00Z' }),
      // 15 days after the last deploy: unlinked
      JSON.stringify({ type: 'incident', id: 'PD-2', openedAt: '2026-03-20T00:00:00Z' }),
    ]);
    // names c1: fails the deploy that shipped it, resolved 62h after that deploy
    const csv = write('incidents.csv', ['type,id,openedAt,resolvedAt,sha', `incident,PD-3,2026-03-05T00:00:00Z,2026-03-05T02:00:00Z,${repo.sha('c1')}`]);
    const result = await runCli([repo.dir, '--format', 'json', ...WINDOW, '--events', file, '--events', csv]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.deploySignal).toEqual({ kind: 'events', detail: '2 deploys from the events files; chosen automatically: the most specific signal there is' });
    expect(report.deploys.map((d) => [d.at, d.failed, d.failureReasons, d.restoredAfter])).toEqual([
      ['2026-03-02T12:00:00Z', true, ['incident PD-3'], 62 * H],
      ['2026-03-04T12:00:00Z', true, ['incident PD-1'], 4 * H],
    ]);
    expect(report.changes.map((c) => [c.title, c.deployedAt])).toEqual([
      ['add a', '2026-03-02T12:00:00Z'],
      ['add b', '2026-03-04T12:00:00Z'],
      ['add c', null],
    ]);
    expect(report.warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/^1 events-file sha is no commit of this repository and was left out: deadbeef \(.*events\.jsonl:4\)$/),
      'incident PD-2 follows no deploy within 7d: it is listed as unlinked and fails no deploy',
    ]));
  });

  it('links by the window given: an incident 2 days and 1 second after the last deploy is unlinked with --incident-window 2d', async () => {
    const file = write('narrow.jsonl', [
      JSON.stringify({ type: 'deploy', sha: repo.sha('c1'), at: '2026-03-02T12:00:00Z' }),
      JSON.stringify({ type: 'incident', id: 'late', openedAt: '2026-03-04T12:00:01Z' }),
    ]);
    const result = await runCli([repo.dir, '--format', 'json', ...WINDOW, '--events', file, '--incident-window', '2d']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.deploys.map((d) => d.failed)).toEqual([false]);
    expect(report.warnings).toContain('incident late follows no deploy within 2d: it is listed as unlinked and fails no deploy');
    // listed in the report itself, and so in every format, not only among the warnings
    expect(report.unlinkedIncidents).toEqual([{ id: 'late', openedAt: '2026-03-04T12:00:01Z', resolvedAt: null, product: null }]);
    const line = 'late, opened 2026-03-04 12:00 UTC, not resolved';
    expect(renderText(report, { color: false, width: 120 })).toContain(`incidents that followed no deploy within the incident window (--incident-window), so they fail none:\n  ${line}`);
    expect(renderMarkdown(report)).toContain(`- ${line}`);
    expect(renderHtml(report)).toContain(`<li>${line}</li>`);
  });

  it('stops on a bad line with one line naming the file, the line and the field, and prints no report', async () => {
    const file = write('bad.jsonl', [JSON.stringify({ type: 'deploy', sha: repo.sha('c1'), at: '2026-03-02T12:00:00Z' }), '{"type":"deploy","sha":"abc1234","at":"yesterday"}']);
    const result = await runCli([repo.dir, '--format', 'json', ...WINDOW, '--events', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/bad\.jsonl:2: field 'at' must be an ISO 8601 time with its zone/);
  });

  it('says a missing file, and --deploy-from events without a file, in one line each (exit 2)', async () => {
    const missing = await runCli([repo.dir, ...WINDOW, '--events', join(repo.dir, 'nope.jsonl')]);
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toMatch(/--events .*nope\.jsonl does not exist/);
    const none = await runCli([repo.dir, ...WINDOW, '--deploy-from', 'events']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/need an events file: add --events FILE/);
  });
});
