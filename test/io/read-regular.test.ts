import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRegularFile, UnreadableFile } from '../../src/io/read-regular.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function problem(path: string, max: number): { code: string; message: string } {
  try {
    readRegularFile(path, max);
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableFile);
    return { code: (error as UnreadableFile).code, message: (error as Error).message };
  }
  throw new Error('read');
}

describe('readRegularFile', () => {
  it('reads a regular file up to the limit, through a symlink too', () => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-read-'));
    writeFileSync(join(dir, 'a'), 'x'.repeat(10));
    symlinkSync(join(dir, 'a'), join(dir, 'link'));
    expect(readRegularFile(join(dir, 'a'), 10)).toBe('x'.repeat(10));
    expect(readRegularFile(join(dir, 'link'), 10)).toBe('x'.repeat(10));
    expect(problem(join(dir, 'a'), 9)).toEqual({ code: 'TOO_LARGE', message: 'is larger than 9 bytes' });
  });

  it('reads UTF-8 as UTF-8 and ASCII as itself: a title in another script comes back as written', () => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-read-'));
    writeFileSync(join(dir, 'ascii'), '{"title":"Fix ~ bug"}');
    writeFileSync(join(dir, 'utf8'), '{"title":"Café ✓ 日本 🚀"}');
    expect(readRegularFile(join(dir, 'ascii'), 100)).toBe('{"title":"Fix ~ bug"}');
    expect(readRegularFile(join(dir, 'utf8'), 100)).toBe('{"title":"Café ✓ 日本 🚀"}');
  });

  it('refuses what is not a regular file without reading it (a FIFO would block, /dev/zero never ends)', () => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-read-'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expect(problem(join(dir, 'fifo'), 1024)).toEqual({ code: 'NOT_REGULAR', message: 'is not a regular file (a named pipe)' });
    expect(problem('/dev/zero', 1024)).toEqual({ code: 'NOT_REGULAR', message: 'is not a regular file (a character device)' });
    expect(problem(dir, 1024)).toEqual({ code: 'EISDIR', message: 'is a directory' });
    expect(problem(join(dir, 'none'), 1024)).toEqual({ code: 'ENOENT', message: 'does not exist' });
  });

  it('never opens what is not a regular file: a writer waiting on a FIFO is not let through', async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-read-'));
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // the shell's open for writing waits for a reader: it gets past only if the FIFO is opened to be read
    const writer = spawn('sh', ['-c', 'echo x > "$0" && touch "$0.opened"', fifo]);
    try {
      expect(problem(fifo, 1024).code).toBe('NOT_REGULAR');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(existsSync(`${fifo}.opened`)).toBe(false);
    } finally {
      writer.kill();
    }
  });
});
