import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../../fixtures/github-server/server.mjs';
import type { Report, ReportChange } from '../../src/report/schema.js';
import { runCli } from './cli-run.js';

export interface GitHubRun {
  report: Report;
  server: GitHubServer;
  /** a change of the report by id; throws when there is none, so a missing change fails the test by name */
  find: (id: string) => ReportChange;
  close: () => Promise<void>;
}

/**
 * `flowaudit report DIR --format json` in GitHub mode against the stand-in server serving `scenario`, with its
 * own cache folder; the run must succeed with nothing on stderr. `args` are the rest (repo, window, …).
 */
export async function reportWithGitHub(dir: string, scenario: unknown, token: string, args: readonly string[]): Promise<GitHubRun> {
  const server = await startGitHubServer({ scenario: scenario as never, token });
  const cache = mkdtempSync(join(tmpdir(), 'flowaudit-cache-'));
  const result = await runCli([dir, '--api-url', server.url, '--format', 'json', ...args], { GH_ENTERPRISE_TOKEN: token, XDG_CACHE_HOME: cache });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout) as Report;
  return {
    report,
    server,
    find: (id) => {
      const found = report.changes.find((c) => c.id === id);
      if (!found) throw new Error(`no change ${id}`);
      return found;
    },
    close: async () => {
      await server.close();
      rmSync(cache, { recursive: true, force: true });
    },
  };
}
