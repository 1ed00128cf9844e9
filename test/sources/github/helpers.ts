import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { startGitHubServer, type Fault, type GitHubServer, type Scenario } from '../../../fixtures/github-server/server.mjs';
import type { FetchGitHubOptions } from '../../../src/sources/github/index.js';

export const TOKEN = 'ghp_fixtureToken0123456789abcdefABCDEF';
const SCENARIOS = fileURLToPath(new URL('../../../fixtures/github-scenarios/', import.meta.url));

export const at = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
export const iso = (seconds: number | null): string | null => (seconds === null ? null : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'));

/** A scenario JSON from fixtures/github-scenarios (a fresh copy: tests may change it). */
export function loadScenario(name: string): Scenario & { expected: Record<string, any> } {
  return JSON.parse(readFileSync(join(SCENARIOS, `${name}.json`), 'utf8'));
}

export async function serve(scenario: Scenario, faults: Fault[] = []): Promise<GitHubServer> {
  return startGitHubServer({ scenario, faults, token: TOKEN });
}

// every temporary folder is removed once its test file is done, whatever the tests forgot (a second `tempDir()`
// in one test overwrote the first's handle, and runs left folders behind)
const made: string[] = [];
afterAll(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'flowaudit-gh-'));
  made.push(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A sleep that returns at once and remembers what it was asked to wait (ms). */
export function fakeSleep(): { sleep: (ms: number) => Promise<void>; waits: number[]; total(): number } {
  const waits: number[] = [];
  return { sleep: async (ms) => void waits.push(ms), waits, total: () => waits.reduce((a, b) => a + b, 0) };
}

/** Options as the CLI would pass them for `--api-url <fixture>`, with a fake sleep and a temp cache. */
export function optionsFor(srv: GitHubServer, cacheDir: string, over: Partial<FetchGitHubOptions> = {}): FetchGitHubOptions {
  return {
    owner: 'acme',
    name: 'shop',
    apiUrl: srv.url,
    token: TOKEN,
    baseBranch: 'main',
    since: at('2024-03-01T00:00:00Z'),
    until: at('2024-04-01T00:00:00Z'),
    now: at('2024-04-01T00:00:00Z'),
    cache: { dir: cacheDir, noCache: false, refresh: false },
    partial: false,
    maxWaitSeconds: 600,
    incidentLabel: 'incident',
    sleep: async () => undefined,
    ...over,
  };
}

/** Operation names of the requests the server received from index `from` on. */
export function operations(srv: GitHubServer, from = 0): string[] {
  return srv.requests.slice(from).map((r) => r.operationName ?? '?');
}

/** Requests the fixture server rejected as invalid against GitHub's schema (there must be none). */
export function invalidRequests(srv: GitHubServer): unknown[] {
  return srv.requests.filter((r) => r.invalid);
}
