/*
 * `flowaudit init` in a repository a stranger prepared (issue 41): whatever stands at `.flowaudit.json` — a
 * symlink to a file outside the repository (or to nothing yet), a FIFO, a device, a folder — is refused with one
 * line, `--force` included, and nothing is written anywhere: before, init wrote through the link, creating or
 * (with --force) overwriting the file it pointed to. Only a regular file is replaced, and only with --force.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, run, sandbox, type Outcome, type Sandbox } from './harness.js';

let box: Sandbox;
let repo: string;
let target: string;
beforeEach(() => {
  box = sandbox();
  repo = join(box.dir, 'repo');
  mkdirSync(repo);
  execFileSync('git', ['init', '-q', repo]);
  target = join(repo, '.flowaudit.json');
});
afterEach(() => box.remove());

/** `init repo…`, which must answer within a bound (a FIFO opened for writing waits for a reader forever). */
async function init(...flags: string[]): Promise<Outcome> {
  const started = Date.now();
  const o = await run(box, ['init', repo, ...flags], { toFile: false });
  expect(Date.now() - started, 'init took longer than its bound').toBeLessThan(10_000);
  // no temp file left beside it
  expect(readdirSync(repo).filter((f) => f.includes('.tmp'))).toEqual([]);
  return o;
}

const refused = (kind: string): string => `${target} is ${kind}, not a regular file: flowaudit writes a new file there and never through what stands at the name; remove it first`;

describe('init writes a new regular file inside the repository, and nothing else', () => {
  it.each([[[]], [['--force']]])('a symlink to a file outside that does not exist yet: refused %j, nothing created', async (flags) => {
    const outside = join(box.dir, 'outside-new');
    symlinkSync(outside, target);
    expectError(await init(...flags), 2, refused('a symbolic link'));
    expect(existsSync(outside)).toBe(false);
    expect(readlinkSync(target)).toBe(outside);
  });

  it.each([[[]], [['--force']]])('a symlink to a file outside that exists: refused %j, the file as it was', async (flags) => {
    const outside = join(box.dir, 'precious');
    writeFileSync(outside, 'precious\n');
    symlinkSync(outside, target);
    expectError(await init(...flags), 2, refused('a symbolic link'));
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
  });

  it('a FIFO at the name, --force: refused at once, never opened (a writer would wait for a reader)', async () => {
    execFileSync('mkfifo', [target]);
    expectError(await init('--force'), 2, refused('a named pipe'));
    expect(lstatSync(target).isFIFO()).toBe(true);
  });

  it('a symlink to /dev/null, --force: refused', async () => {
    symlinkSync('/dev/null', target);
    expectError(await init('--force'), 2, refused('a symbolic link'));
  });

  it('a folder at the name, --force: refused, left as it was', async () => {
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    expectError(await init('--force'), 2, refused('a directory'));
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('x');
  });

  it('a regular file: refused without --force; with it, replaced by a new file (a hard link to it outside keeps its text)', async () => {
    writeFileSync(target, '{"incidentLabel": "sev1"}\n');
    const outside = join(box.dir, 'hardlink');
    linkSync(target, outside);
    expectError(await init(), 2, `${target} exists already: edit it, or pass --force to overwrite it`);
    const o = await init('--force');
    expect(o.code, o.stderr).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('"$schema"');
    expect(lstatSync(target).nlink).toBe(1);
    expect(readFileSync(outside, 'utf8')).toBe('{"incidentLabel": "sev1"}\n');
  });

  it('nothing at the name: a new regular file, which a report then reads', async () => {
    const o = await init();
    expect(o).toMatchObject({ code: 0, stdout: '' });
    expect(o.stderr).toBe(`flowaudit: wrote ${target}\n`);
    expect(lstatSync(target).isFile()).toBe(true);
    expect(readFileSync(target, 'utf8')).toContain('"thresholds"');
  });
});
