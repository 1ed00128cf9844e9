/*
 * Flags and config values an unlucky user (or a script) passes: dates that do not exist, spans and windows
 * too large to compute, numbers out of range, and patterns a backtracking engine would never finish.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { expectError, expectReport, NOW, run, sandbox, type Sandbox } from './harness.js';
import { WINDOW } from './repos.js';

let repo: FixtureRepo;
let box: Sandbox;
// a name and a message that make `(a+)+$`-style patterns take exponential time on a backtracking engine
const ATTACK = 'a'.repeat(40);
beforeAll(() => {
  repo = buildRepo([
    { commit: 'base', at: '2026-03-01T00:00:00Z' },
    { commit: `Add feature (#3)\n\n${'x'.repeat(5000)}!\nco-authored-by: ${ATTACK}!`, at: '2026-03-10T12:00:00Z', author: `${ATTACK}! <${ATTACK}!@example.com>` },
    { tag: 'v1.0.0' },
  ]);
  repo.git('tag', `${'a'.repeat(30)}!`);
});
afterAll(() => repo.cleanup());
afterEach(() => box.remove());

async function error(args: string[], message: string | RegExp): Promise<void> {
  box = sandbox();
  expectError(await run(box, [repo.dir, ...args]), 2, message);
}

describe('dates and spans', () => {
  it.each([
    [['--since', '2026-02-30'], "--since '2026-02-30' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w, 6mo"],
    [['--until', '2026-13-01'], "--until '2026-13-01' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w, 6mo"],
    [['--since', '2025-02-29'], "--since '2025-02-29' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w, 6mo"],
    [['--since', '2026-01-01T25:00:00Z'], "--since '2026-01-01T25:00:00Z' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w, 6mo"],
    [['--since', '2026-01-01T10:00:00+15:00'], "--since '2026-01-01T10:00:00+15:00' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w, 6mo"],
    [['--since', '99999999999d', ...NOW], "--since '99999999999d' is before 1970-01-01: git history has no earlier dates"],
    [['--since', '1900-01-01', ...NOW], "--since '1900-01-01' is before 1970-01-01: git history has no earlier dates"],
    [['--now', '10000-01-01'], "--now '10000-01-01' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w, 6mo"],
    [['--since', '1970-01-01', '--until', '9999-12-31', ...NOW], 'the window from 1970-01-01 to 9999-12-31 is longer than 200 years: narrow --since or --until'],
  ])('%j is one line, exit 2', async (args, message) => error(args, message));

  it('a leap day that exists is read', async () => {
    box = sandbox();
    expectReport(await run(box, [repo.dir, '--format', 'json', '--since', '2024-02-29', ...NOW]));
  });

  it('a compare window with a day that does not exist', async () => {
    box = sandbox();
    expectError(await run(box, ['compare', '2026-02-30..2026-03-31', '2026-04-01..2026-04-30', '--path', repo.dir]), 2,
      "'2026-02-30..2026-03-31' is not a window: '2026-02-30' is not an ISO date (write SINCE..UNTIL, such as 2026-01-01..2026-03-31)");
  });
});

describe('numbers', () => {
  it.each([
    [['--concurrency', '0'], "--concurrency '0' must be a whole number from 1 to 32"],
    [['--concurrency', '1e3'], "--concurrency '1e3' must be a whole number from 1 to 32"],
    [['--required-approvals', '0x10'], "--required-approvals '0x10' must be a whole number from 1 to 100"],
    [['--required-approvals', '-1'], "--required-approvals '-1' must be a whole number from 1 to 100"],
    [['--timeout', '0'], "--timeout '0' must be a whole number from 1 to 3600"],
    [['--timeout', '99999999999999999999'], "--timeout '99999999999999999999' must be a whole number from 1 to 3600"],
    [['--fail-on', `leadTime.p50<=${'9'.repeat(400)}d`], `invalid threshold 'leadTime.p50<=${'9'.repeat(400)}d': '${'9'.repeat(400)}d' is too large`],
  ])('%j is one line, exit 2', async (args, message) => error([...args, ...WINDOW], message));

  it('a threshold in the config that overflows is refused like any bad value', async () => {
    box = sandbox();
    const config = join(box.dir, 'c.json');
    writeFileSync(config, JSON.stringify({ thresholds: { pickupP50: `${'9'.repeat(400)}h` } }));
    expectError(await run(box, [repo.dir, '--config', config, ...WINDOW]), 2, `config ${config}: thresholds.pickupP50 must be a duration like 24h or a number of seconds`);
  });
});

describe('patterns from configuration run in linear time', () => {
  it('bots: ["(a+)+$"] in the repository\'s config, against an author of 40 a\'s and a "!"', async () => {
    box = sandbox();
    const config = join(box.dir, 'c.json');
    writeFileSync(config, JSON.stringify({ bots: ['(a+)+$', '^(a|aa)+$'] }));
    expectReport(await run(box, [repo.dir, '--config', config, '--format', 'json', ...WINDOW]));
  });

  it('ai.markers "(x+x+)+y" and "^co-authored-by: (a+)+$" against a 5000-x message', async () => {
    box = sandbox();
    const config = join(box.dir, 'c.json');
    writeFileSync(config, JSON.stringify({ bots: ['(a|a)+$'], ai: { markers: ['(x+x+)+y', '^co-authored-by: (a+)+$'] } }));
    expectReport(await run(box, [repo.dir, '--config', config, '--format', 'json', ...WINDOW]));
  });

  it('--tag-pattern "(a*)*b" against a tag of 30 a\'s, and deploy.environment "(.*a){20}"', async () => {
    box = sandbox();
    const config = join(box.dir, 'c.json');
    writeFileSync(config, JSON.stringify({ deploy: { environment: '(.*a){20}' } }));
    expectReport(await run(box, [repo.dir, '--tag-pattern', '(a*)*b', '--config', config, '--format', 'json', ...WINDOW]));
  });

  it.each([
    [['--tag-pattern', '(a)\\1'], "--tag-pattern '(a)\\1' is not a valid regular expression: invalid escape sequence (configured patterns run on a linear-time engine, RE2: no lookaround or backreferences)"],
    [['--environment', '(?=prod)'], "--environment '(?=prod)' is not a valid regular expression: invalid or unsupported Perl syntax (configured patterns run on a linear-time engine, RE2: no lookaround or backreferences)"],
    [['--tag-pattern', 'x{1001}'], "--tag-pattern 'x{1001}' is not a valid regular expression: invalid repeat count"],
  ])('%j: a pattern RE2 cannot run is refused, not run natively', async (args, message) => error([...args, ...WINDOW], message));

  it('the same refusal for a pattern in the config names the field, not the pattern', async () => {
    box = sandbox();
    const config = join(box.dir, 'c.json');
    writeFileSync(config, JSON.stringify({ ai: { markers: ['(?!x)y'] } }));
    const o = await run(box, [repo.dir, '--config', config, ...WINDOW]);
    expectError(o, 2, `config ${config}: ai.markers[0] is not a valid regular expression: invalid or unsupported Perl syntax (configured patterns run on a linear-time engine, RE2: no lookaround or backreferences)`);
    expect(o.stderr).not.toContain('(?!');
  });
});
