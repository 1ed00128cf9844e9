import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario, MAIN_WINDOW as WINDOW } from '../scenarios.js';

let repo: FixtureRepo;
beforeAll(() => {
  repo = mainScenario();
});
afterAll(() => repo.cleanup());

describe('the terminal report', () => {
  it('leads with where the lead time goes, fits 80 columns and has no colour off a TTY', async () => {
    const { stdout: laidOut, code } = await runCli([repo.dir, ...WINDOW]);
    expect(code).toBe(0);
    // a wrapped sentence's continuation lines are indented by two: joined back for the checks of wording
    const stdout = laidOut.replace(/\n {2}(?=\S)/g, ' ');
    // four deployed changes are too few for the headline to speak of shares; the table still gives them
    expect(stdout).toContain("Only 4 changes have a known, positive lead time: too few to say where the typical change's time goes (5 needed).");
    expect(stdout).toContain('5 changes counted (left out: 1 by bots); shares over 4 deployed changes.');
    // coding over [0, 30m, 4h, 28h]; typical share (4/48 + 0.5/27 + 28/52 + 0) / 4 = 16%
    expect(stdout).toMatch(/│ first → last +│ +4 │ +2h 15m │ +10h │ +20h 48m │ +16% │/);
    expect(stdout).toMatch(/│ lead time +│ +4 │ +1d 13h │/);
    expect(stdout).toContain('4 deploys in the window · 0.92 per week');
    // each key against the 2024 clusters as published (the line wraps at 80 columns): 50% is over the low cluster’s
    // 40%; 1d 6h is more than high and medium's "less than one day" and less than low's "between one week and one month"
    expect(stdout.replace(/\s+/g, ' ')).toContain('change failure rate 50% (DORA 2024: over the low cluster’s 40%) · failed deployment recovery time 1d 6h (DORA 2024: between the high and medium clusters’ “less than one day” and the low cluster’s “between one week and one month”)');
    expect(stdout).toContain('Git alone cannot see when a pull request was opened');
    expect(stdout).not.toContain('\u001b[');
    for (const line of laidOut.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    // the tables are whole: each row of the stage table has its seven cells
    const stageRows = stdout.slice(stdout.indexOf('Where the time goes')).split('\n').slice(2, 9);
    expect(stageRows.map((r) => r.split('│').length - 2)).toEqual([7, 7, 7, 7, 7, 7, 7]);
  });

  it('names the slowest changes and the stage that dominated each', async () => {
    const { stdout } = await runCli([repo.dir, ...WINDOW]);
    const slowest = stdout.slice(stdout.indexOf('Slowest changes'));
    expect(slowest.split('\n')[3]).toMatch(/│ #3 +│ Add feature three +│ 2d 4h +│ 1d 4h first → last +│/);
  });
});

describe('the CSV report', () => {
  it('has one row per change with every timestamp and stage in seconds', async () => {
    const { stdout } = await runCli([repo.dir, '--format', 'csv', ...WINDOW]);
    const rows = stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('id,number,kind,title,author,sha,url,bot,commits,additions,deletions,files,firstCommitAt,readyAt,firstReviewAt,approvedAt,mergedAt,deployedAt,deployRef,coding,pickup,review,merge,deploy,cycleTime,leadTime,deploySoFar,leadTimeSoFar,aiAssisted,aiTools,reverted,revertedBy,flags,repair');
    expect(rows).toHaveLength(7);
    expect(rows[1]).toBe(`#1,1,merge,Add feature one,Ada Lovelace,${repo.sha('pr1')},,false,2,15,0,3,2026-03-02T10:00:00Z,,,,2026-03-03T10:00:00Z,2026-03-04T10:00:00Z,v1.0.0,14400,,72000,,86400,86400,172800,,,true,claude-code,false,,,`);
    // the revert is a repair, and it fixed v1.1.0 (shipped by v1.2.0, which restored it): its flags and repair column say so
    // the bot's bump, merged 2026-03-09 10:00 after v1.2.0 and shipped by none (v1.2.1 rolls back to #3): no deploy
    // wait, but 22d 14h waited so far since its merge (1,951,200 s); a squash whose commits are unseen has no first
    // commit, so no cycle time and no lead time so far
    const bump = rows.find((r) => r.includes('Bump left-pad'))?.split(',');
    expect(bump?.slice(23, 28)).toEqual(['', '', '', '1951200', '']);
    // shipped by none: no deploy to name
    expect(bump?.[18]).toBe('');
    expect(rows[5]).toContain('"Revert ""fix typo"""');
    expect(rows[5]?.endsWith(',repair:failed-deploy-fix repair:revert,failed-deploy-fix revert')).toBe(true);
  });
});
