/*
 * Inputs as long as a busy system makes them (issue 41): an events file of 150,000 records, and the report it
 * makes, which lists every deploy. A list that long spread into a call's arguments (`push(...list)`,
 * `Math.max(...list)`) throws `Maximum call stack size exceeded` past about 125,000 items (exit 4 before), and
 * a search from each record through the rest takes time in the square of their number: each run must finish
 * within a bound. The large files live outside the sandbox, whose every file the harness reads for the token.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { run, sandbox, type Outcome, type Sandbox } from './harness.js';
import { origin, WINDOW } from './repos.js';

const RECORDS = 150_000;
// several times what a run takes on a loaded 2-core machine; time in the square of the records takes minutes
const BOUND_MS = 90_000;

let repo: FixtureRepo;
let box: Sandbox;
let work: string;
beforeAll(() => {
  repo = origin();
  work = mkdtempSync(join(tmpdir(), 'flowaudit-hostile-large-'));
});
afterAll(() => {
  repo.cleanup();
  rmSync(work, { recursive: true, force: true });
});
afterEach(() => box.remove());

/** `RECORDS` deploys, one every 10 seconds from 2026-03-06, of the history's commits in turn; every third failed. */
function eventsFile(): string {
  const path = join(work, 'events.jsonl');
  if (existsSync(path)) return path;
  const heads = repo.git('rev-list', '--first-parent', 'main').split('\n');
  const start = Date.parse('2026-03-06T00:00:00Z') / 1000;
  const lines: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const at = new Date((start + i * 10) * 1000).toISOString();
    lines.push(JSON.stringify({ type: 'deploy', sha: heads[i % heads.length], at, status: i % 3 === 0 ? 'failed' : 'success' }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** `flowaudit args…` writing to `output` (outside the sandbox), which must take less than the bound. */
async function timed(args: string[], output: string): Promise<Outcome> {
  box = sandbox();
  const started = Date.now();
  const o = await run(box, [...args, '-o', output], { toFile: false });
  expect(Date.now() - started, 'the run took longer than its bound').toBeLessThan(BOUND_MS);
  expect(o.code, o.stderr).toBe(0);
  return o;
}

/** The report of the events file: every deploy listed. */
async function report(): Promise<string> {
  const path = join(work, 'report.json');
  if (!existsSync(path)) await timed([repo.dir, '--events', eventsFile(), '--format', 'json', ...WINDOW], path);
  return path;
}

describe('an events file of 150,000 records', () => {
  it('is read, and every deploy of it is in the report', async () => {
    const path = await report();
    const written = readFileSync(path, 'utf8');
    const deploys = JSON.parse(written).deploys as Array<{ failed: boolean }>;
    // one every 10 seconds from 2026-03-06 is 17 days: all in the window
    expect(deploys).toHaveLength(RECORDS);
    // every third failed by its status (and a few more as rollbacks: a deploy of an older commit rolls one back)
    expect(deploys.filter((d) => d.failed).length).toBeGreaterThanOrEqual(RECORDS / 3);
  }, 2 * BOUND_MS);

  it.each([
    ['markdown', `${RECORDS} deploys in the window`],
    ['html', 'failed'],
  ])('the report it makes, aggregated --with-changes as %s, lists every deploy', async (format, text) => {
    const path = await report();
    const output = join(work, `aggregate.${format}`);
    await timed(['aggregate', path, '--with-changes', '--format', format], output);
    const written = readFileSync(output, 'utf8');
    expect(written).toContain(text);
    // a line (Markdown) or a mark (the HTML's timeline) a deploy: far more than the 150,000 deploys' bytes
    expect(statSync(output).size).toBeGreaterThan(RECORDS * 50);
  }, 3 * BOUND_MS);
});
