/*
 * Files flowaudit reads besides git: the config (`.flowaudit.json` in the audited repository, which a stranger
 * wrote, or --config) and JSON reports given to compare and aggregate. Each must be a regular file of bounded
 * size — devices, FIFOs and symlinks to either are refused unread — and no error about one quotes what it holds.
 * And what -o names when it is not a regular file: written through, or refused, never replaced or misnamed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { expectError, expectReport, run, sandbox, type Sandbox } from './harness.js';
import { origin, WINDOW } from './repos.js';

const SECRET = 'root:$6$saltsalt$hashedPasswordThatMustNeverPrint:19000:0:99999:7:::';

let repo: FixtureRepo;
let box: Sandbox;
beforeAll(() => {
  repo = origin();
});
afterAll(() => repo.cleanup());
afterEach(() => {
  box.remove();
  repo.git('clean', '-fdxq');
});

/** A file in the sandbox holding `text`. */
function file(name: string, text: string): string {
  const path = join(box.dir, name);
  writeFileSync(path, text);
  return path;
}

describe('the config file', () => {
  it('.flowaudit.json symlinked to /dev/zero: refused at once, memory untouched', async () => {
    box = sandbox();
    symlinkSync('/dev/zero', join(repo.dir, '.flowaudit.json'));
    expectError(await run(box, [repo.dir, ...WINDOW]), 2, 'config .flowaudit.json is not a regular file (a character device): a config is a small JSON file (see `flowaudit init`)');
  });

  it('--config naming a FIFO no one writes to: refused, no hang', async () => {
    box = sandbox();
    const fifo = join(box.dir, 'config.fifo');
    execFileSync('mkfifo', [fifo]);
    expectError(await run(box, [repo.dir, '--config', fifo, ...WINDOW]), 2, `config ${fifo} is not a regular file (a named pipe): a config is a small JSON file (see \`flowaudit init\`)`);
  });

  it('.flowaudit.json symlinked to a password file: the error names the place, never the content', async () => {
    box = sandbox();
    symlinkSync(file('shadow', `${SECRET}\ndaemon:*:19000:0:99999:7:::\n`), join(repo.dir, '.flowaudit.json'));
    const o = await run(box, [repo.dir, ...WINDOW]);
    expectError(o, 2, 'config .flowaudit.json: not valid JSON: unexpected character at line 1 column 1');
    expect(o.stderr).not.toContain('saltsalt');
  });

  it('--config of 2 MB: refused before it is read', async () => {
    box = sandbox();
    const big = file('big.json', `{"bots": ["${'x'.repeat(2 * 1024 * 1024)}"]}`);
    expectError(await run(box, [repo.dir, '--config', big, ...WINDOW]), 2, `config ${big} is larger than 1 MB: a config is a small JSON file (see \`flowaudit init\`)`);
  });

  it('--config naming a directory', async () => {
    box = sandbox();
    mkdirSync(join(box.dir, 'conf.d'));
    expectError(await run(box, [repo.dir, '--config', join(box.dir, 'conf.d'), ...WINDOW]), 2, `config ${join(box.dir, 'conf.d')} is a directory: a config is a small JSON file (see \`flowaudit init\`)`);
  });

  it('a key that is not a setting name is not quoted back (it may be a secret)', async () => {
    box = sandbox();
    const o = await run(box, [repo.dir, '--config', file('c.json', JSON.stringify({ [SECRET]: 1 })), ...WINDOW]);
    expectError(o, 2, /^flowaudit: config .*c\.json: \(a key that is not a setting name\) is not a known setting$/);
  });

  it('terminal escapes in a config key or value never reach the terminal', async () => {
    box = sandbox();
    const o = await run(box, [repo.dir, '--config', file('c.json', JSON.stringify({ 'thres\u001b]0;pwned\u0007holds': 1, incidentLabel: 7 })), ...WINDOW]);
    expectError(o, 2, /^flowaudit: config .*c\.json: incidentLabel must be a label name \(a non-empty string\); \(a key that is not a setting name\) is not a known setting$/);
    expect(o.stderr).not.toContain('\u001b');
  });
});

describe('JSON reports given to compare and aggregate', () => {
  it('compare with /dev/zero as a side: refused, memory untouched', async () => {
    box = sandbox();
    const zero = join(box.dir, 'zero.json');
    symlinkSync('/dev/zero', zero);
    expectError(await run(box, ['compare', zero, zero]), 2, `cannot read report '${zero}': it is not a regular file (a character device)`);
  });

  it('aggregate with a file that is not JSON: the error never quotes it', async () => {
    box = sandbox();
    const shadow = file('shadow.json', `${SECRET}\n`);
    const o = await run(box, ['aggregate', shadow]);
    expectError(o, 2, `report '${shadow}' is not JSON`);
  });

  it('aggregate with a FIFO no one writes to, reached through a symlink: refused at once, no hang', async () => {
    box = sandbox();
    const fifo = join(box.dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const link = join(box.dir, 'report.json');
    symlinkSync(fifo, link);
    expectError(await run(box, ['aggregate', link]), 2, `cannot read report '${link}': it is not a regular file (a named pipe)`);
  });

  it('compare with /dev/null as both sides: refused unread', async () => {
    box = sandbox();
    const o = await run(box, ['compare', '/dev/null', '/dev/null']);
    expectError(o, 2, "cannot read report '/dev/null': it is not a regular file (a character device)");
  });

  it('a config that is fine still works through a symlink (the check is on the file, not the link)', async () => {
    box = sandbox();
    symlinkSync(file('real.json', '{ // comments are fine\n "incidentLabel": "sev1",\n}'), join(repo.dir, '.flowaudit.json'));
    expectReport(await run(box, [repo.dir, '--format', 'json', ...WINDOW]));
  });
});

describe('-o naming what is not a regular file', () => {
  it('a symlink to /dev/null: written through, the link and the device left as they were', async () => {
    box = sandbox();
    const link = join(box.dir, 'null.json');
    symlinkSync('/dev/null', link);
    const o = await run(box, [repo.dir, '--format', 'json', '-o', link, ...WINDOW], { toFile: false });
    expect(o.code, o.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a path ending in a slash: a folder, never a file named like it', async () => {
    box = sandbox();
    const o = await run(box, [repo.dir, '--format', 'json', '-o', join(box.dir, 'new.json/'), ...WINDOW], { toFile: false });
    expectError({ ...o, written: null }, 2, `cannot write ${box.dir}/new.json/: a path ending in / names a directory; give --output a file name`);
    expect(existsSync(join(box.dir, 'new.json'))).toBe(false);
  });
});
