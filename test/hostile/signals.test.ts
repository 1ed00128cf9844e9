/*
 * A run stopped by a signal in the middle of a write: Ctrl-C (SIGINT), a kill or a CI job's cancel (SIGTERM), a
 * closed terminal or an ssh session dropped (SIGHUP). The built CLI is spawned with stall-writes.mjs preloaded,
 * which holds the write open until the test has signalled it. Whatever the signal: the process dies of it (the
 * shell sees 128 + its number), no temp file remains, and the old report (or cache) is as it was or whole.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../fixtures/github-server/generate.mjs';
import { startGitHubServer, type GitHubServer } from '../../fixtures/github-server/server.mjs';
import { BIN, runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { TOKEN } from './harness.js';
import { origin, WINDOW } from './repos.js';

const STALL = fileURLToPath(new URL('./stall-writes.mjs', import.meta.url));

let repo: FixtureRepo;
let dir: string;
beforeAll(() => {
  repo = origin();
  dir = mkdtempSync(join(tmpdir(), 'flowaudit-signals-'));
});
afterAll(() => {
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

interface Stopped {
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Runs the built CLI until its write stalls, sends `signal`, and waits for it to end. */
async function stopMidWrite(args: string[], signal: NodeJS.Signals, env: NodeJS.ProcessEnv): Promise<Stopped> {
  const child = spawn(process.execPath, ['--import', STALL, BIN, ...args], { env: { PATH: process.env.PATH, HOME: dir, ...env } });
  let stderr = '';
  const ended = new Promise<Stopped>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig, stderr })));
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('stalled\n')) resolve();
    });
    child.on('exit', () => resolve());
  });
  child.kill(signal);
  if (env.FLOWAUDIT_STALL_ACK) writeFileSync(env.FLOWAUDIT_STALL_ACK, '');
  const stopped = await ended;
  // the write was under way when the signal came (else the case tests nothing)
  expect(stopped.stderr).toContain('stalled');
  return stopped;
}

describe('a report write stopped by a signal', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal}: the process dies of it, the old report is intact, no temp file remains`, async () => {
      const where = mkdtempSync(join(dir, 'report-'));
      const target = join(where, 'report.html');
      writeFileSync(target, 'the old report');
      const stopped = await stopMidWrite([repo.dir, ...WINDOW, '--format', 'html', '-o', target], signal, { FLOWAUDIT_STALL: 'report' });
      expect(stopped.signal).toBe(signal);
      expect(readdirSync(where)).toEqual(['report.html']);
      expect(readFileSync(target, 'utf8')).toBe('the old report');
    });
  }

  // tmpfs on /dev/shm holds regular files: a report there is replaced as anywhere else, never truncated in place
  it.skipIf(!existsSync('/dev/shm'))('an old report on /dev/shm survives a SIGINT mid-write', async () => {
    const target = `/dev/shm/flowaudit-signals-${process.pid}.json`;
    const ours = (): string[] => readdirSync('/dev/shm').filter((n) => n.includes(`flowaudit-signals-${process.pid}`));
    writeFileSync(target, 'the old report');
    try {
      const stopped = await stopMidWrite([repo.dir, ...WINDOW, '--format', 'json', '-o', target], 'SIGINT', { FLOWAUDIT_STALL: 'report' });
      expect(stopped.signal).toBe('SIGINT');
      expect(readFileSync(target, 'utf8')).toBe('the old report');
      expect(ours()).toEqual([`flowaudit-signals-${process.pid}.json`]);
    } finally {
      for (const name of ours()) rmSync(join('/dev/shm', name), { force: true });
    }
  });
});

// the bin runs the aggregate in a second node (for its memory flag): a kill or a CI job's cancel reaches the first
// alone, which must pass it on and end as the aggregate did
describe('an aggregate write stopped by a signal sent to the flowaudit process alone', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: both processes die of it, the old output is intact, no temp file remains`, async () => {
      const where = mkdtempSync(join(dir, 'aggregate-'));
      const input = join(dir, `input-${signal}.json`);
      expect((await runCli([repo.dir, ...WINDOW, '--format', 'json', '-o', input])).code).toBe(0);
      const target = join(where, 'org.json');
      writeFileSync(target, 'the old aggregate');
      const stopped = await stopMidWrite(['aggregate', input, '--format', 'json', '-o', target], signal, { FLOWAUDIT_STALL: 'report' });
      expect(stopped.signal).toBe(signal);
      expect(readdirSync(where)).toEqual(['org.json']);
      expect(readFileSync(target, 'utf8')).toBe('the old aggregate');
    });
  }
});

describe('a GitHub cache write stopped by a signal', () => {
  let srv: GitHubServer;
  beforeAll(async () => {
    srv = await startGitHubServer({ scenario: generateScenario({ owner: 'acme', name: 'app', pullRequests: 20, start: '2026-03-01T00:00:00Z' }), token: TOKEN });
  });
  afterAll(async () => srv.close());

  for (const signal of ['SIGINT', 'SIGHUP'] as const) {
    it(`${signal}: the cache is renamed into place whole, no temp file remains, the process dies of it`, async () => {
      const cache = mkdtempSync(join(dir, 'cache-'));
      const target = join(dir, `cache-run-${signal}.json`);
      writeFileSync(target, 'the old report');
      const env = { XDG_CACHE_HOME: cache, GH_ENTERPRISE_TOKEN: TOKEN, FLOWAUDIT_STALL: 'cache', FLOWAUDIT_STALL_ACK: join(cache, 'signalled') };
      const stopped = await stopMidWrite([repo.dir, ...WINDOW, '--repo', 'acme/app', '--api-url', srv.url, '--format', 'json', '-o', target], signal, env);
      expect(stopped.signal).toBe(signal);
      const folder = join(cache, 'flowaudit', 'github', encodeURIComponent(new URL(srv.url).host), 'acme', 'app');
      expect(readdirSync(folder)).toEqual(['main.json']);
      expect(JSON.parse(readFileSync(join(folder, 'main.json'), 'utf8')).format).toBe('flowaudit-github-cache');
      // stopped before the report was written: the old one stands
      expect(readFileSync(target, 'utf8')).toBe('the old report');
    });
  }
});
