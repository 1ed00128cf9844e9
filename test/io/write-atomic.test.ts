import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowauditError } from '../../src/errors.js';
import { writeOutputFile } from '../../src/io/write-atomic.js';
import { BIN, runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario, MAIN_WINDOW as WINDOW } from '../scenarios.js';
import { manyCommits } from './many-commits.js';

let repo: FixtureRepo;
let dir: string;
let json: string;
beforeAll(async () => {
  repo = mainScenario();
  dir = mkdtempSync(join(tmpdir(), 'flowaudit-out-'));
  json = (await runCli([repo.dir, '--format', 'json', ...WINDOW])).stdout;
});
afterAll(() => {
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** the report as written, but for generatedAt (the clock) */
const stable = (text: string): string => text.replace(/"generatedAt": "[^"]+"/, '"generatedAt": "…"');
const temps = (where: string): string[] => readdirSync(where).filter((n) => n.endsWith('.tmp'));

describe('-o: where the report goes', () => {
  it('-o - is stdout, not a file named "-"', async () => {
    const r = await runCli([repo.dir, '--format', 'json', '-o', '-', ...WINDOW], {}, dir);
    expect(r.code).toBe(0);
    expect(stable(r.stdout)).toBe(stable(json));
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('a FIFO is written through to its reader and stays a FIFO', async () => {
    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (d: Buffer) => (read += d.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const r = await runCli([repo.dir, '--format', 'json', '-o', fifo, ...WINDOW]);
    await closed;
    expect(r.code).toBe(0);
    expect(stable(read)).toBe(stable(json));
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('a symlink is followed: the link stays, its target gets the report', async () => {
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    expect((await runCli([repo.dir, '--format', 'json', '-o', link, ...WINDOW])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(stable(readFileSync(real, 'utf8'))).toBe(stable(json));
  });

  it('a dangling symlink is followed too: its target is created', async () => {
    const target = join(dir, 'made-by-link.json');
    const link = join(dir, 'dangling.json');
    symlinkSync(target, link);
    expect((await runCli([repo.dir, '--format', 'json', '-o', link, ...WINDOW])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(stable(readFileSync(target, 'utf8'))).toBe(stable(json));
  });

  it('a device is written through, never replaced: /dev/full is a full disk, one line and exit 2', async () => {
    const r = await runCli([repo.dir, '--format', 'json', '-o', '/dev/full', ...WINDOW]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('flowaudit: cannot write /dev/full: no space left on device (ENOSPC); nothing was replaced\n');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('/dev/stdout is stdout, written through (as root a rename would replace the device node)', () => {
    const r = spawnSync(process.execPath, [BIN, repo.dir, '--format', 'csv', '-o', '/dev/stdout', ...WINDOW], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toMatch(/^id,number,kind,title/);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });
});

describe('-o: how the report is written is decided by what the target is, never by its path', () => {
  it('a trailing slash names a folder: -o DIR/new.json/ with no such folder is exit 2, and nothing is written', async () => {
    const where = mkdtempSync(join(dir, 'slash-'));
    const r = await runCli([repo.dir, '--format', 'json', '-o', 'new.json/', ...WINDOW], {}, where);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(`flowaudit: cannot write ${where}/new.json/: a path ending in / names a directory; give --output a file name\n`);
    expect(readdirSync(where)).toEqual([]);
  });

  it('a trailing slash or dot on an existing file or folder: refused, the file left as it was', async () => {
    const where = mkdtempSync(join(dir, 'slash-'));
    writeFileSync(join(where, 'old.json'), 'the old report');
    for (const output of ['old.json/', `${where}/.`, `${where}/sub/..`]) {
      const r = await runCli([repo.dir, '--format', 'json', '-o', output, ...WINDOW], {}, where);
      expect(r.code, output).toBe(2);
      expect(r.stderr, output).toMatch(/: (a path ending in \/ names a directory|it is a directory); give --output a file name\n$/);
    }
    expect(readdirSync(where)).toEqual(['old.json']);
    expect(readFileSync(join(where, 'old.json'), 'utf8')).toBe('the old report');
  });

  // /dev/shm is tmpfs: regular files, which a failed write must leave as they were, as anywhere else
  it.skipIf(!existsSync('/dev/shm'))('a regular file under /dev/shm is replaced through a temp file: a failed write leaves the old report', async () => {
    const target = `/dev/shm/flowaudit-output-${process.pid}.json`;
    writeFileSync(target, 'the old report');
    try {
      let calls = 0;
      const failsLater = async (h: FileHandle, b: Buffer, o: number): Promise<number> => {
        if (calls++ === 0) return (await h.write(b, o)).bytesWritten;
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      };
      await expect(writeOutputFile(target, ['a'.repeat(2 << 20), 'b'], failsLater)).rejects.toThrow(`cannot write ${target}: no space left on device (ENOSPC); nothing was replaced`);
      expect(readFileSync(target, 'utf8')).toBe('the old report');
      expect(readdirSync('/dev/shm').filter((n) => n.includes(`flowaudit-output-${process.pid}`))).toEqual([`flowaudit-output-${process.pid}.json`]);
      // and a write that succeeds replaces it whole
      await writeOutputFile(target, '{"a": 2}\n');
      expect(readFileSync(target, 'utf8')).toBe('{"a": 2}\n');
    } finally {
      rmSync(target, { force: true });
    }
  });

  it('a socket is never replaced by a file: written through (a socket cannot be opened: one line, exit 2)', async () => {
    const where = mkdtempSync(join(dir, 'socket-'));
    const path = join(where, 'report.sock');
    const server = createServer().listen(path);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const r = await runCli([repo.dir, '--format', 'json', '-o', path, ...WINDOW]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^flowaudit: cannot write ${path}: .*\\(ENXIO\\); nothing was replaced\n$`));
      expect(lstatSync(path).isSocket()).toBe(true);
      expect(temps(where)).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a full disk', () => {
  // a real full file system where the test may make one: a 16 KiB tmpfs (root, and mount allowed)
  const mountPoint = join(tmpdir(), `flowaudit-tmpfs-${process.pid}`);
  mkdirSync(mountPoint, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mountPoint]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it.skipIf(!mounted)('on a 16 KiB tmpfs: one line, exit 2, the old report left as it was, no temp file', async () => {
    const target = join(mountPoint, 'report.html');
    writeFileSync(target, 'the old report');
    const r = await runCli([repo.dir, '--format', 'html', '-o', target, ...WINDOW]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(`flowaudit: cannot write ${target}: no space left on device (ENOSPC); nothing was replaced\n`);
    expect(readFileSync(target, 'utf8')).toBe('the old report');
    expect(temps(mountPoint)).toEqual([]);
  });

  // everywhere, mount or not: the file system's write replaced by one that fails as a full disk does
  it('with an injected ENOSPC: the same error, the old file kept, no temp file', async () => {
    const target = join(dir, 'injected.json');
    writeFileSync(target, 'the old report');
    const full = async (): Promise<number> => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const failed = writeOutputFile(target, ['{', '"a": 1', '}'], full);
    await expect(failed).rejects.toThrow(FlowauditError);
    await expect(writeOutputFile(target, 'x', full)).rejects.toThrow(`cannot write ${target}: no space left on device (ENOSPC); nothing was replaced`);
    expect(readFileSync(target, 'utf8')).toBe('the old report');
    expect(temps(dir)).toEqual([]);
  });

  it('a short write that takes no bytes is an error, not a truncated report', async () => {
    const target = join(dir, 'short.json');
    let calls = 0;
    // the first write takes half, the next takes nothing
    const short = async (_h: FileHandle, buffer: Buffer, offset: number): Promise<number> => (calls++ === 0 ? Math.floor((buffer.length - offset) / 2) : 0);
    await expect(writeOutputFile(target, 'a report of some length', short)).rejects.toThrow(`cannot write ${target}: short write: the file system took no more bytes; nothing was replaced`);
    expect(existsSync(target)).toBe(false);
    expect(temps(dir)).toEqual([]);
  });
});

describe('temp files', () => {
  it('are swept when a killed run left them (its process gone), never while their run is alive', async () => {
    const where = mkdtempSync(join(dir, 'sweep-'));
    const dead = join(where, '.report.json.flowaudit-2147483646-deadbeef.tmp');
    const alive = join(where, `.report.json.flowaudit-${process.ppid}-0123abcd.tmp`);
    const other = join(where, '.other.json.flowaudit-2147483646-deadbeef.tmp');
    for (const f of [dead, alive, other]) writeFileSync(f, 'half a report');
    await writeOutputFile(join(where, 'report.json'), '{}');
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
    // another target's temps are not this write's business
    expect(existsSync(other)).toBe(true);
  });

  it('are removed when the run is stopped by SIGTERM mid-write, and nothing is renamed into place', async () => {
    const where = mkdtempSync(join(dir, 'signal-'));
    const target = join(where, 'report.json');
    const module = new URL('../../dist/io/write-atomic.js', import.meta.url).href;
    // the first chunk is written, the second never finishes: the run is stopped while the temp file exists
    const script = `
      const { writeOutputFile } = await import(${JSON.stringify(module)});
      let n = 0;
      await writeOutputFile(${JSON.stringify(target)}, ['a'.repeat(2 << 20), 'b'], async (h, b, o) => (n++ === 0 ? (await h.write(b, o)).bytesWritten : new Promise(() => setInterval(() => {}, 1000))));
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    for (let i = 0; i < 200 && temps(where).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(temps(where)).toHaveLength(1);
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(readdirSync(where)).toEqual([]);
  });
});

describe('stdout', () => {
  let many: string;
  beforeAll(() => {
    many = manyCommits(1500);
  });
  afterAll(() => rmSync(many, { recursive: true, force: true }));
  const RANGE = ['--since', '2023-01-01', '--until', '2023-04-01', '--now', '2023-04-01T00:00:00Z', '--no-github'];

  for (const format of ['json', 'csv', 'markdown', 'text']) {
    it(`piped into head -1 (${format}): the reader closes the pipe, flowaudit ends quietly with exit 0`, () => {
      const r = spawnSync('bash', ['-c', 'node "$0" "$@" 2>"$ERR" | head -1; echo "exit=${PIPESTATUS[0]}" >&2', BIN, many, '--format', format, ...RANGE], {
        encoding: 'utf8',
        env: { ...process.env, ERR: join(dir, `err-${format}`) },
      });
      expect(r.stdout.split('\n')).toHaveLength(2);
      expect(r.stderr).toBe('exit=0\n');
      expect(readFileSync(join(dir, `err-${format}`), 'utf8')).toBe('');
    });
  }

  it('the report is big enough for that to test anything (over 64 KiB in every format but text)', () => {
    for (const format of ['json', 'csv', 'markdown']) {
      const r = spawnSync(process.execPath, [BIN, many, '--format', format, ...RANGE], { encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(r.stdout.length).toBeGreaterThan(65536);
    }
  });

  it('any other stdout error is one line and exit 2: a full disk behind > /dev/full', () => {
    const r = spawnSync('bash', ['-c', 'node "$0" "$@" >/dev/full', BIN, repo.dir, '--format', 'json', ...WINDOW], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('flowaudit: cannot write the report to stdout: no space left on device (ENOSPC)\n');
  });
});
