import { describe, expect, it } from 'vitest';
import { gitEnvironment, gitInvocation, streamGit } from '../../../src/sources/git/run.js';

describe('the git environment', () => {
  it('drops GIT_* from the caller except GIT_EXEC_PATH and GIT_CEILING_DIRECTORIES, keeps the rest', () => {
    const env = gitEnvironment({
      PATH: '/bin', HOME: '/users/a', GIT_DIR: '/other/.git', GIT_WORK_TREE: '/other', GIT_INDEX_FILE: 'i', GIT_OBJECT_DIRECTORY: 'o',
      GIT_CONFIG_PARAMETERS: "'core.pager'='x'", GIT_CONFIG_COUNT: '1', GIT_SSH_COMMAND: 'x', GIT_EXTERNAL_DIFF: 'x', GIT_TRACE: 't',
      git_dir: '/lower', GIT_EXEC_PATH: '/usr/lib/git-core', GIT_CEILING_DIRECTORIES: '/srv',
    });
    expect(Object.keys(env).filter((k) => k.toUpperCase().startsWith('GIT_')).sort()).toEqual([
      'GIT_ALLOW_PROTOCOL', 'GIT_CEILING_DIRECTORIES', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'GIT_EXEC_PATH', 'GIT_FLUSH', 'GIT_NO_LAZY_FETCH', 'GIT_OPTIONAL_LOCKS', 'GIT_TERMINAL_PROMPT',
    ]);
    expect(env).toMatchObject({ PATH: '/bin', HOME: '/users/a', GIT_CONFIG_GLOBAL: '/dev/null', GIT_ALLOW_PROTOCOL: '/', GIT_FLUSH: '0', GIT_EXEC_PATH: '/usr/lib/git-core' });
  });
});

describe('gitInvocation', () => {
  it('runs read commands only, with the no-program flags on log', () => {
    const log = gitInvocation(['log', '--format=%H', 'main']).args;
    expect(log[0]).toBe('--no-pager');
    expect(log.slice(log.indexOf('log'))).toEqual(['log', '--no-ext-diff', '--no-textconv', '--format=%H', 'main']);
    expect(gitInvocation(['config', '--get', 'remote.origin.url']).args.at(-1)).toBe('remote.origin.url');
  });

  it.each([['fetch', 'origin'], ['gc'], ['config', 'core.pager', 'x'], ['status'], ['log', '--ext-diff'], ['cat-file', '--filters', 'HEAD:a'], ['log', '--show-signature']])(
    'refuses git %s',
    (...args) => expect(() => gitInvocation(args)).toThrow(/refused/),
  );
});

describe('stopping git', () => {
  it('says git could not start in a directory that does not exist, and stops nothing when aborted after', async () => {
    const stop = new AbortController();
    const read = streamGit('/nonexistent/flowaudit-dir', ['rev-parse', 'HEAD'], () => undefined, { separator: 10, signal: stop.signal });
    await expect(read).rejects.toThrow('git could not be started: is git installed and on PATH?');
    // a failed start has no process to stop (Node 20 would signal a pid it never had)
    stop.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('rejects with the abort at once when already aborted, and stops a running git when aborted', async () => {
    const before = new AbortController();
    before.abort();
    await expect(streamGit(process.cwd(), ['rev-parse', 'HEAD'], () => undefined, { separator: 10, signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const during = new AbortController();
    let lines = 0;
    const walk = streamGit(process.cwd(), ['log', '--format=%H'], () => {
      if (++lines === 1) during.abort();
    }, { separator: 10, signal: during.signal });
    await expect(walk).rejects.toMatchObject({ name: 'AbortError' });
  });
});
