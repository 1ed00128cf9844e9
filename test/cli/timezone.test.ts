import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario } from '../scenarios.js';

let repo: FixtureRepo;
beforeAll(() => {
  repo = mainScenario();
});
afterAll(() => repo.cleanup());

const run = (...extra: string[]) => runCli([repo.dir, '--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z', ...extra]);

describe('--timezone', () => {
  it('sets the zone of weeks and shown times without turning business hours on', async () => {
    const r = await run('--timezone', 'Europe/Berlin', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.businessHours).toBeNull();
    expect(report.timezone).toBe('Europe/Berlin');
    // the window opens on Sunday 2026-03-01; its week starts Monday 2026-02-23 00:00 in Berlin (CET, UTC+1),
    // which is 2026-02-22 23:00 UTC, and in UTC an hour later
    expect(report.summary.queues.coding?.[0]?.weekStart).toBe('2026-02-22T23:00:00Z');
    const utc = JSON.parse((await run('--format', 'json')).stdout) as Report;
    expect(utc.timezone).toBe('UTC');
    expect(utc.summary.queues.coding?.[0]?.weekStart).toBe('2026-02-23T00:00:00Z');
    // durations do not change: only working time would
    expect(report.summary.leadTime).toEqual(utc.summary.leadTime);
  });

  it('takes the working day\'s zone with --business-hours', async () => {
    const report = JSON.parse((await run('--business-hours', '--timezone', 'Asia/Tokyo', '--format', 'json')).stdout) as Report;
    expect(report.businessHours?.timezone).toBe('Asia/Tokyo');
    expect(report.timezone).toBe('Asia/Tokyo');
  });

  it('refuses a zone it does not know, in one line', async () => {
    const r = await run('--timezone', 'Mars/Olympus');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("flowaudit: --timezone 'Mars/Olympus' is not a known time zone: use an IANA name such as Europe/Berlin or America/New_York\n");
  });
});
