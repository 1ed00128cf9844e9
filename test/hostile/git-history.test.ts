/*
 * What a history and the caller's environment can hold: bytes in names and messages that a field parser
 * could take for separators, escapes for the terminal, dates at both ends of what git stores, and GIT_*
 * variables that would point git at another repository or inject config.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { expectError, expectReport, expectTerminalSafe, INVISIBLE_CONTROLS, NOW, run, sandbox, type Sandbox } from './harness.js';
import { origin, WINDOW } from './repos.js';

let box: Sandbox;
const repos: FixtureRepo[] = [];
const keep = (repo: FixtureRepo): FixtureRepo => (repos.push(repo), repo);

afterEach(() => box?.remove());
afterAll(() => repos.forEach((r) => r.cleanup()));

const changesOf = (text: string): Array<{ title: string; author: string; mergedAt: string }> => JSON.parse(text).changes;

/** A commit object written as raw bytes (git commit refuses what a stranger's tool can still write), put on main. */
function rawCommit(repo: FixtureRepo, lines: string): string {
  // inside the fixture's .git, so its cleanup removes it
  const file = join(repo.dir, '.git', `raw-${Date.now()}-${Math.random()}.txt`);
  writeFileSync(file, lines.replace('TREE', repo.git('rev-parse', 'HEAD^{tree}')).replace('PARENT', repo.git('rev-parse', 'HEAD')), 'latin1');
  const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--literally', file], { cwd: repo.dir, encoding: 'utf8' }).trim();
  repo.git('update-ref', 'refs/heads/main', sha);
  return sha;
}

describe('names and messages', () => {
  it('a 0x1f (and 0x1e) in an author name shifts no field', async () => {
    box = sandbox();
    const repo = keep(buildRepo([
      { commit: 'base', at: '2026-03-01T00:00:00Z' },
      { commit: 'Add feature (#7)', at: '2026-03-10T12:00:00Z', author: 'Eve\u001fIl\u001eOne <eve@example.com>' },
    ]));
    const o = await run(box, [repo.dir, '--format', 'json', ...WINDOW]);
    const [change] = changesOf(expectReport(o)).filter((c) => c.title.startsWith('Add feature'));
    expect(change).toMatchObject({ author: 'Eve\u001fIl\u001eOne', mergedAt: '2026-03-10T12:00:00Z' });
  });

  it('a NUL inside an author line and a message (written with hash-object) reads as cut, never shifted', async () => {
    box = sandbox();
    const repo = keep(origin());
    rawCommit(repo, 'tree TREE\nparent PARENT\nauthor Ev\u0000il <e\u0000v@x> 1773489600 +0000\ncommitter Cy <c@x> 1773489600 +0000\n\nsub\u0000ject (#9)\n\nbody\n');
    const o = await run(box, [repo.dir, '--format', 'json', ...WINDOW]);
    const changes = changesOf(expectReport(o));
    // git cuts the message at the NUL: the subject is "sub", merged at the committer date
    expect(changes.find((c) => c.title === 'sub')?.mergedAt).toBe('2026-03-14T12:00:00Z');
  });

  it('escapes, C1 controls and bidi overrides in a message never reach the terminal; JSON escapes them', async () => {
    box = sandbox();
    const nasty = 'Fix \u001b]52;c;ZXZpbA==\u0007clipboard \u009b31m red \u202egnp.exe \u001b[2J done (#4)';
    const repo = keep(buildRepo([
      { commit: 'base', at: '2026-03-01T00:00:00Z' },
      { commit: nasty, at: '2026-03-10T12:00:00Z', author: 'Mal\u202eory <m@example.com>' },
    ]));
    const text = await run(box, [repo.dir, '--format', 'text', '--no-color', ...WINDOW], { toFile: false });
    expect(text.code).toBe(0);
    expectTerminalSafe(text.stdout);
    // every title is in the CSV, stripped the same way
    const csv = await run(box, [repo.dir, '--format', 'csv', ...WINDOW], { toFile: false });
    // a whole escape sequence goes, payload and all (the clipboard text, the colour), not only its introducer
    expect(csv.stdout).toContain('#4,4,squash,Fix clipboard  red gnp.exe  done,Malory,');
    expectTerminalSafe(csv.stdout.replace(/\r\n/g, '\n'));
    const json = await run(box, [repo.dir, '--format', 'json', ...WINDOW], { toFile: false });
    expect(json.stdout).toContain('\\u009b31m red \\u202egnp.exe');
    expect(json.stdout).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    // the JSON keeps the title exactly as written (less its PR number), escaped
    expect(changesOf(json.stdout).map((c) => c.title)).toContain(nasty.replace(' (#4)', ''));
  });

  it('bidi marks and zero-width characters in a message (LRM, RLM, ALM, ZWSP, BOM) reach no report but JSON, escaped there', async () => {
    box = sandbox();
    const marked = 'Fix \u200elogin\u200f for \u061cadmin\u200b\ufeff users (#5)';
    const repo = keep(buildRepo([
      { commit: 'base', at: '2026-03-01T00:00:00Z' },
      { commit: marked, at: '2026-03-10T12:00:00Z', author: 'Mal\u200fory <m@example.com>' },
    ]));
    for (const format of ['text', 'markdown', 'csv', 'html']) {
      const o = await run(box, [repo.dir, '--format', format, '--no-color', ...WINDOW], { toFile: false });
      expect(o.code).toBe(0);
      expect(o.stdout, format).not.toMatch(INVISIBLE_CONTROLS);
      if (format !== 'text') expect(o.stdout, format).toContain('Fix login for admin users');
    }
    const json = await run(box, [repo.dir, '--format', 'json', ...WINDOW], { toFile: false });
    expect(json.stdout).not.toMatch(INVISIBLE_CONTROLS);
    expect(changesOf(json.stdout).map((c) => c.title)).toContain(marked.replace(' (#5)', ''));
  });

  it('a remote URL with credentials never shows them', async () => {
    box = sandbox();
    const repo = keep(origin());
    repo.git('remote', 'add', 'origin', 'https://ada:ghp_notInTheReport123456@gitlab.example.com/acme/app.git');
    const o = await run(box, [repo.dir, '--format', 'json', ...WINDOW]);
    expect(expectReport(o)).not.toContain('ghp_notInTheReport');
  });
});

describe('dates git stores', () => {
  it('commits of 1970 are kept (git misreads --before with a small number of seconds)', async () => {
    box = sandbox();
    const repo = keep(buildRepo([
      { commit: 'epoch base', at: '1970-01-01T00:00:10Z' },
      { commit: 'early fix (#1)', at: '1970-01-02T03:46:40Z' },
    ]));
    const o = await run(box, [repo.dir, '--format', 'json', '--since', '1970-01-01', '--until', '1970-02-01', '--now', '1970-02-01T00:00:00Z']);
    expect(changesOf(expectReport(o)).map((c) => [c.title, c.mergedAt])).toEqual([
      ['epoch base', '1970-01-01T00:00:10Z'],
      ['early fix', '1970-01-02T03:46:40Z'],
    ]);
  });

  it('an author line git cannot date (no time, or words where it stands) is dated by its committer', async () => {
    box = sandbox();
    const repo = keep(origin());
    // committed 2026-03-14 12:00 and 2026-03-15 12:00; git prints an empty %at for both author lines
    rawCommit(repo, 'tree TREE\nparent PARENT\nauthor Ev <e@x>\ncommitter Cy <c@x> 1773489600 +0000\n\nno author date\n');
    rawCommit(repo, 'tree TREE\nparent PARENT\nauthor Ev <e@x> soon +0000\ncommitter Cy <c@x> 1773576000 +0000\n\nwords for a date\n');
    const o = await run(box, [repo.dir, '--format', 'json', ...WINDOW]);
    const changes = JSON.parse(expectReport(o)).changes as Array<{ title: string; firstCommitAt: string; mergedAt: string }>;
    expect(changes.filter((c) => c.title.includes('date')).map((c) => [c.title, c.firstCommitAt, c.mergedAt])).toEqual([
      ['no author date', '2026-03-14T12:00:00Z', '2026-03-14T12:00:00Z'],
      ['words for a date', '2026-03-15T12:00:00Z', '2026-03-15T12:00:00Z'],
    ]);
  });

  it('commits past 2100 are kept (git reads no --before date past 2099)', async () => {
    box = sandbox();
    const repo = keep(buildRepo([
      { commit: 'base', at: '2026-03-01T00:00:00Z' },
      { commit: 'far future (#2)', at: '@4200000000 +0000' },
    ]));
    const o = await run(box, [repo.dir, '--format', 'json', '--since', '2103-01-01', '--until', '2103-03-01', '--now', '2103-03-01T00:00:00Z']);
    expect(changesOf(expectReport(o)).map((c) => c.mergedAt)).toEqual(['2103-02-04T02:40:00Z']);
  });
});

describe('a ref that would be an option', () => {
  it('--branch=--upload-pack=… never reaches git', async () => {
    box = sandbox();
    const repo = keep(origin());
    const o = await run(box, [repo.dir, `--branch=--upload-pack=touch ${box.marker}`, ...NOW]);
    expectError(o, 2, `invalid branch '--upload-pack=touch ${box.marker}': a ref cannot start with '-' or be empty`);
  });
});

describe('GIT_* in the caller\'s environment (the process\'s own: run as a child)', () => {
  it('GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE and GIT_OBJECT_DIRECTORY naming another repository: the audited path decides', async () => {
    box = sandbox();
    const audited = keep(origin());
    const other = keep(buildRepo([{ commit: 'from the other repository (#99)', at: '2026-03-15T00:00:00Z' }]));
    const env = { GIT_DIR: join(other.dir, '.git'), GIT_WORK_TREE: other.dir, GIT_INDEX_FILE: join(other.dir, '.git', 'index'), GIT_OBJECT_DIRECTORY: join(other.dir, '.git', 'objects') };
    const o = await run(box, [audited.dir, '--format', 'json', ...WINDOW], { subprocess: true, env });
    const titles = changesOf(expectReport(o)).map((c) => c.title);
    expect(titles).toContain('Add feature two');
    expect(titles).not.toContain('from the other repository (#99)');
  });

  it('config injected through GIT_CONFIG_PARAMETERS and GIT_CONFIG_COUNT/KEY/VALUE', async () => {
    box = sandbox();
    const repo = keep(origin());
    const touch = `touch '${box.marker}'`;
    const env = {
      GIT_CONFIG_PARAMETERS: `'core.fsmonitor'='${touch.replace(/'/g, "'\\''")}'`,
      GIT_CONFIG_COUNT: '2', GIT_CONFIG_KEY_0: 'core.fsmonitor', GIT_CONFIG_VALUE_0: touch, GIT_CONFIG_KEY_1: 'diff.external', GIT_CONFIG_VALUE_1: touch,
    };
    // the control: plain git takes the injected config
    execFileSync('git', ['status'], { cwd: repo.dir, env: { ...process.env, ...env }, stdio: 'ignore' });
    expect(existsSync(box.marker)).toBe(true);
    execFileSync('rm', [box.marker]);
    expectReport(await run(box, [repo.dir, '--format', 'json', ...WINDOW], { subprocess: true, env }));
  });

  it('GIT_EXTERNAL_DIFF, GIT_SSH_COMMAND, GIT_PAGER, GIT_ASKPASS and a hostile GIT_CONFIG_GLOBAL', async () => {
    box = sandbox();
    const repo = keep(origin());
    const touch = `touch '${box.marker}'`;
    const global = join(box.dir, 'global.gitconfig');
    execFileSync('git', ['config', '--file', global, 'core.fsmonitor', touch]);
    execFileSync('git', ['config', '--file', global, 'credential.helper', `!${touch}`]);
    const env = { GIT_EXTERNAL_DIFF: touch, GIT_SSH_COMMAND: touch, GIT_PAGER: touch, GIT_ASKPASS: touch, GIT_CONFIG_GLOBAL: global };
    expectReport(await run(box, [repo.dir, '--format', 'json', ...WINDOW], { subprocess: true, env }));
  });

  it('GIT_TRACE and GIT_TRACE2_EVENT: no trace file is written', async () => {
    box = sandbox();
    const repo = keep(origin());
    const trace = join(box.dir, 'trace.log');
    expectReport(await run(box, [repo.dir, '--format', 'json', ...WINDOW], { subprocess: true, env: { GIT_TRACE: trace, GIT_TRACE2_EVENT: trace } }));
    expect(existsSync(trace)).toBe(false);
  });
});
