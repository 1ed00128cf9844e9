/*
 * What an events file names, as a careless exporter or an attacker would shape it (issue 41): a sha that is
 * also the name of a branch or tag (git reads an abbreviated id as a revision, where a ref comes first), a sha
 * that starts more than one commit's id, and days the calendar lacks. A sha is the commit whose id starts with
 * it, or nothing; a day that does not exist is bad input.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { expectError, expectReport, run, sandbox, type Sandbox } from './harness.js';
import { origin, WINDOW } from './repos.js';

let repo: FixtureRepo;
let box: Sandbox;
/** main's commits, newest first: 'Add feature two', the merge of #1, 'feature one', 'initial commit' */
let heads: string[];
beforeAll(() => {
  repo = origin();
  heads = repo.git('rev-list', 'main').split('\n');
});
afterAll(() => repo.cleanup());
afterEach(() => box.remove());

function events(records: object[]): string {
  const path = join(box.dir, 'events.jsonl');
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
}

const started = (): (() => void) => {
  const t = Date.now();
  return () => expect(Date.now() - t, 'the run took longer than its bound').toBeLessThan(30_000);
};

async function deploysOf(records: object[]): Promise<{ deploys: Array<{ sha: string; at: string }>; warnings: string[] }> {
  box = sandbox();
  const done = started();
  const report = JSON.parse(expectReport(await run(box, [repo.dir, '--events', events(records), '--format', 'json', ...WINDOW])));
  done();
  return report;
}

/** A commit object whose id starts with `prefix` (found by trying messages), written into the repository; its id. */
function commitStartingWith(prefix: string): string {
  const tree = repo.git('rev-parse', 'main^{tree}');
  for (let n = 0; ; n++) {
    const body = `tree ${tree}\nauthor Eve <eve@example.com> 1772323200 +0000\ncommitter Eve <eve@example.com> 1772323200 +0000\n\nnoise ${n}\n`;
    const id = createHash('sha1').update(`commit ${Buffer.byteLength(body)}\u0000${body}`).digest('hex');
    if (!id.startsWith(prefix)) continue;
    const written = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repo.dir, input: body, encoding: 'utf8' }).trim();
    expect(written).toBe(id);
    return id;
  }
}

describe('an events sha is a commit, never a ref', () => {
  it('a tag named like the abbreviated sha of one commit, pointing at another: the deploy is of the commit', async () => {
    const [newest, , , oldest] = heads as [string, string, string, string];
    repo.git('tag', oldest.slice(0, 7), newest);
    try {
      const report = await deploysOf([{ type: 'deploy', sha: oldest.slice(0, 7), at: '2026-03-06T00:00:00Z' }]);
      expect(report.deploys.map((d) => d.sha)).toEqual([oldest]);
    } finally {
      repo.git('tag', '-d', oldest.slice(0, 7));
    }
  });

  it('a branch named like it, and a tag named like the whole id of another: each deploy is of its own commit', async () => {
    const [newest, merge, feature] = heads as [string, string, string];
    repo.git('branch', feature.slice(0, 10), newest);
    repo.git('tag', merge, newest);
    try {
      const report = await deploysOf([
        { type: 'deploy', sha: feature.slice(0, 10), at: '2026-03-06T00:00:00Z' },
        { type: 'deploy', sha: merge, at: '2026-03-07T00:00:00Z' },
      ]);
      expect(report.deploys.map((d) => d.sha)).toEqual([feature, merge]);
    } finally {
      repo.git('branch', '-D', feature.slice(0, 10));
      repo.git('tag', '-d', merge);
    }
  });

  it('a sha two commits start with is named in a warning and left out, the others counted', async () => {
    const [newest, , feature] = heads as [string, string, string];
    const prefix = feature.slice(0, 4);
    const twin = commitStartingWith(prefix);
    repo.git('update-ref', 'refs/heads/twin', twin);
    try {
      const report = await deploysOf([
        { type: 'deploy', sha: prefix, at: '2026-03-06T00:00:00Z' },
        { type: 'deploy', sha: newest.slice(0, 8), at: '2026-03-07T00:00:00Z' },
        // a longer prefix tells the two apart
        { type: 'deploy', sha: twin.slice(0, 12), at: '2026-03-08T00:00:00Z' },
      ]);
      expect(report.deploys.map((d) => d.sha)).toEqual([newest, twin]);
      expect(report.warnings).toContainEqual(expect.stringMatching(new RegExp(`^1 events-file sha is the start of more than one commit's id and was left out \\(write more of its digits\\): ${prefix} \\(.*events\\.jsonl:1\\)$`)));
      expect(report.warnings.join('\n')).not.toContain('no commit of this repository');
    } finally {
      repo.git('update-ref', '-d', 'refs/heads/twin');
    }
  });

  it('a sha longer than the repository\'s ids, and one that is the start of a tree\'s id only, name no commit', async () => {
    const tree = repo.git('rev-parse', 'main^{tree}');
    const report = await deploysOf([
      { type: 'deploy', sha: `${heads[0]}${'0'.repeat(24)}`, at: '2026-03-06T00:00:00Z' },
      { type: 'deploy', sha: tree.slice(0, 12), at: '2026-03-07T00:00:00Z' },
      { type: 'deploy', sha: heads[0], at: '2026-03-08T00:00:00Z' },
    ]);
    expect(report.deploys.map((d) => d.sha)).toEqual([heads[0]]);
    expect(report.warnings).toContainEqual(expect.stringMatching(/^2 events-file shas are no commit of this repository and were left out: /));
  });
});

describe('times of an events file', () => {
  it.each([
    ['2026-02-30T10:00:00Z', 2],
    ['2026-04-31T10:00:00+02:00', 2],
    ['2025-02-29T10:00:00Z', 2],
    ['2026-03-10T24:00:00Z', 2],
    ['2026-03-10T10:60:00Z', 2],
    // no zone: read in this machine's zone, which a report must not depend on
    ['2026-03-10T10:00:00', 2],
  ])("a deploy at '%s' is bad input: one line naming the file, the line and the field", async (at, line) => {
    box = sandbox();
    const path = events([{ type: 'deploy', sha: heads[0], at: '2026-03-06T00:00:00Z' }, { type: 'deploy', sha: heads[0], at }]);
    const done = started();
    expectError(await run(box, [repo.dir, '--events', path, ...WINDOW]), 2,
      `${path}:${line}: field 'at' must be an ISO 8601 time with its zone, such as 2026-03-02T14:05:00Z; see "Events files" in the README`);
    done();
  });

  it('an incident resolved on 2026-04-31 (CSV) is bad input too; a leap day that exists is read', async () => {
    box = sandbox();
    const path = join(box.dir, 'incidents.csv');
    writeFileSync(path, `type,id,openedAt,resolvedAt\nincident,PD-1,2024-02-29T10:00:00Z,2024-03-01T10:00:00Z\nincident,PD-2,2026-04-30T10:00:00Z,2026-04-31T10:00:00Z\n`);
    expectError(await run(box, [repo.dir, '--events', path, ...WINDOW]), 2,
      `${path}:3: field 'resolvedAt' must be an ISO 8601 time with its zone, such as 2026-03-02T14:05:00Z; see "Events files" in the README`);
  });
});
