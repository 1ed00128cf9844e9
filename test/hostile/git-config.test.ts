/*
 * A stranger's .git/config (a CI checkout of a fork, a repository handed over for an audit) names programs:
 * none may run, and the report must still complete. Each case first shows that plain git does run the
 * program in this repository (the control, so the case tests something on this git), then runs flowaudit.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gitEnvironment, gitInvocation, GIT_CONFIG_ARGS } from '../../src/sources/git/run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { expectReport, run, sandbox, type Sandbox } from './harness.js';
import { clone, missingBlob, origin, WINDOW, type Clone } from './repos.js';

let source: FixtureRepo;
let box: Sandbox;
let repo: Clone | null = null;
let deny: Server;
let denyUrl: string;

beforeAll(async () => {
  source = origin();
  // an HTTP remote that asks for credentials: git then runs the credential helper, or the askpass program
  deny = createServer((_req, res) => {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' });
    res.end();
  });
  await new Promise<void>((resolve) => deny.listen(0, '127.0.0.1', resolve));
  denyUrl = `http://127.0.0.1:${(deny.address() as AddressInfo).port}/repo.git`;
});
afterAll(() => {
  source.cleanup();
  deny.close();
});
afterEach(() => {
  repo?.remove();
  repo = null;
  box.remove();
});

/** A shell command that creates the marker, and an executable script that does. */
function hostile(): { touch: string; script: string } {
  box = sandbox();
  const script = join(box.dir, 'touch-marker');
  writeFileSync(script, `#!/bin/sh\ntouch '${box.marker}'\n`);
  chmodSync(script, 0o755);
  return { touch: `touch '${box.marker}'`, script };
}

/**
 * Plain git, as a user's shell runs it (no global config, so only the repository's counts). Asynchronous:
 * the HTTP remote above answers from this process.
 */
function plainGit(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd: dir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', ...env }, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The control: plain git runs the hostile program here. The marker is then removed for flowaudit's turn. */
async function expectPlainGitRuns(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  await plainGit(dir, args, env);
  expect(existsSync(box.marker), `plain git ${args.join(' ')} did not run the hostile program: the case tests nothing`).toBe(true);
  rmSync(box.marker);
}

function configure(c: Clone, entries: Record<string, string>): void {
  for (const [key, value] of Object.entries(entries)) c.git('config', key, value);
}

async function expectReportCompletes(): Promise<void> {
  const o = await run(box, [repo?.dir ?? '', '--format', 'json', ...WINDOW]);
  expectReport(o);
  expect(JSON.parse(o.written ?? '{}').repository.path).toBe(repo?.dir);
}

describe('dangerous keys in the audited repository\'s .git/config', () => {
  it('core.fsmonitor: a command git runs to refresh the index', async () => {
    const { touch } = hostile();
    repo = clone(source, 'full');
    configure(repo, { 'core.fsmonitor': touch });
    await expectPlainGitRuns(repo.dir, ['status']);
    await expectReportCompletes();
    // and the runner's config closes it for any command, not only the ones flowaudit runs
    spawnSync('git', [...GIT_CONFIG_ARGS, 'status'], { cwd: repo.dir, env: gitEnvironment(), stdio: 'ignore' });
    expect(existsSync(box.marker)).toBe(false);
  });

  it('core.pager and pager.log: pagers (git starts one on a terminal; flowaudit passes --no-pager)', async () => {
    const { touch } = hostile();
    repo = clone(source, 'full');
    configure(repo, { 'core.pager': touch, 'pager.log': touch, 'pager.rev-list': touch });
    await expectReportCompletes();
    expect(gitInvocation(['log']).args[0]).toBe('--no-pager');
  });

  it('diff.external: an external diff program', async () => {
    const { touch } = hostile();
    repo = clone(source, 'full');
    configure(repo, { 'diff.external': touch });
    await expectPlainGitRuns(repo.dir, ['diff', 'HEAD~1', 'HEAD']);
    await expectReportCompletes();
    // git log runs it only when asked to: flowaudit never asks
    expect(() => gitInvocation(['log', '-p', '--ext-diff'])).toThrow(/refused/);
    expect(() => gitInvocation(['log', '--textconv'])).toThrow(/refused/);
  });

  it('diff.<driver>.textconv, with the .gitattributes that selects the driver', async () => {
    const { touch } = hostile();
    repo = clone(source, 'full');
    configure(repo, { 'diff.evil.textconv': `${touch}; cat` });
    await expectPlainGitRuns(repo.dir, ['log', '-p', '-1']);
    await expectReportCompletes();
    spawnSync('git', gitInvocation(['log', '-p', '-3']).args, { cwd: repo.dir, env: gitEnvironment(), stdio: 'ignore' });
    expect(existsSync(box.marker)).toBe(false);
  });

  it('diff.<driver>.command: an external diff per attribute', async () => {
    const { touch } = hostile();
    repo = clone(source, 'full');
    configure(repo, { 'diff.evil.command': touch });
    await expectPlainGitRuns(repo.dir, ['diff', 'HEAD~1', 'HEAD']);
    await expectReportCompletes();
  });

  it('filter.<driver>.smudge, clean and process', async () => {
    const { touch } = hostile();
    repo = clone(source, 'full');
    configure(repo, { 'filter.evil.smudge': `${touch}; cat`, 'filter.evil.clean': `${touch}; cat`, 'filter.evil.process': touch });
    await expectPlainGitRuns(repo.dir, ['cat-file', '--filters', 'HEAD:a.txt']);
    await expectReportCompletes();
  });

  it('core.hooksPath: a folder where every hook creates the marker', async () => {
    const { script } = hostile();
    repo = clone(source, 'full');
    const hooks = join(box.dir, 'hooks');
    mkdirSync(hooks);
    for (const hook of ['reference-transaction', 'post-index-change', 'pre-auto-gc', 'post-checkout', 'pre-commit', 'fsmonitor-watchman']) {
      writeFileSync(join(hooks, hook), `#!/bin/sh\nexec '${script}' </dev/null\n`);
      chmodSync(join(hooks, hook), 0o755);
    }
    configure(repo, { 'core.hooksPath': hooks });
    await expectPlainGitRuns(repo.dir, ['update-ref', 'refs/hooktest', 'HEAD']);
    await expectReportCompletes();
  });

  it('include.path: a file the config includes, naming an fsmonitor', async () => {
    const { touch } = hostile();
    repo = clone(source, 'full');
    const included = join(box.dir, 'included.gitconfig');
    execFileSync('git', ['config', '--file', included, 'core.fsmonitor', touch]);
    configure(repo, { 'include.path': included });
    await expectPlainGitRuns(repo.dir, ['status']);
    await expectReportCompletes();
  });
});

describe('a partial clone whose promisor remote runs a program when an object is missing', () => {
  it('ext:: transport, with protocol.ext.allow=always (it outranks -c protocol.allow=never)', async () => {
    const { touch } = hostile();
    repo = clone(source, 'partial');
    configure(repo, { 'remote.origin.url': `ext::sh -c ${touch.replace(/ /g, '% ')}`, 'protocol.ext.allow': 'always', 'protocol.allow': 'always' });
    await expectPlainGitRuns(repo.dir, ['cat-file', '-p', missingBlob(repo)]);
    await expectReportCompletes();
  });

  it('remote.<name>.vcs=ext: the remote-helper route to the same command', async () => {
    const { touch } = hostile();
    repo = clone(source, 'partial');
    configure(repo, { 'remote.origin.url': `sh -c ${touch.replace(/ /g, '% ')}`, 'remote.origin.vcs': 'ext', 'protocol.ext.allow': 'always' });
    await expectPlainGitRuns(repo.dir, ['cat-file', '-p', missingBlob(repo)]);
    await expectReportCompletes();
  });

  it('core.sshCommand with an ssh:// remote', async () => {
    const { touch } = hostile();
    repo = clone(source, 'partial');
    configure(repo, { 'remote.origin.url': 'ssh://git@example.invalid/acme/app.git', 'core.sshCommand': touch, 'protocol.ssh.allow': 'always' });
    await expectPlainGitRuns(repo.dir, ['cat-file', '-p', missingBlob(repo)]);
    await expectReportCompletes();
  });

  it('core.gitProxy with a git:// remote', async () => {
    const { script } = hostile();
    repo = clone(source, 'partial');
    configure(repo, { 'remote.origin.url': 'git://example.invalid/acme/app.git', 'core.gitProxy': script, 'protocol.git.allow': 'always' });
    await expectPlainGitRuns(repo.dir, ['cat-file', '-p', missingBlob(repo)]);
    await expectReportCompletes();
  });

  it('remote.<name>.uploadpack with a local remote', async () => {
    const { touch } = hostile();
    repo = clone(source, 'partial');
    configure(repo, { 'remote.origin.url': source.dir, 'remote.origin.uploadpack': `${touch}; git-upload-pack`, 'protocol.file.allow': 'always' });
    await expectPlainGitRuns(repo.dir, ['cat-file', '-p', missingBlob(repo)]);
    await expectReportCompletes();
  });

  it('credential.helper with an HTTP remote that asks for credentials', async () => {
    const { touch } = hostile();
    repo = clone(source, 'partial');
    configure(repo, { 'remote.origin.url': denyUrl, 'credential.helper': `!${touch}; true`, 'protocol.http.allow': 'always' });
    await expectPlainGitRuns(repo.dir, ['cat-file', '-p', missingBlob(repo)]);
    await expectReportCompletes();
  });

  it('core.askPass with an HTTP remote that asks for credentials', async () => {
    const { script } = hostile();
    repo = clone(source, 'partial');
    configure(repo, { 'remote.origin.url': denyUrl, 'core.askPass': script, 'protocol.http.allow': 'always' });
    await expectPlainGitRuns(repo.dir, ['cat-file', '-p', missingBlob(repo)], { GIT_TERMINAL_PROMPT: '1' });
    await expectReportCompletes();
  });

  it('uploadpack.packObjectsHook (honoured from a user\'s global config) with a local remote', async () => {
    const { touch } = hostile();
    repo = clone(source, 'partial');
    const global = join(box.dir, 'global.gitconfig');
    execFileSync('git', ['config', '--file', global, 'uploadpack.packObjectsHook', `${touch}; exec "$@"`]);
    configure(repo, { 'remote.origin.url': source.dir });
    await expectPlainGitRuns(repo.dir, ['cat-file', '-p', missingBlob(repo)], { GIT_CONFIG_GLOBAL: global });
    // the global config is the environment's: only a child process has it as its own
    const o = await run(box, [repo.dir, '--format', 'json', ...WINDOW], { subprocess: true, env: { GIT_CONFIG_GLOBAL: global } });
    expectReport(o);
  });
});
