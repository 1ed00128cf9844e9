import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRegularFile, readRegularLines, UnreadableFile } from '../../src/io/read-regular.js';

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

describe('readRegularLines', () => {
  const linesOf = (path: string, max = 10_000_000): Array<[string, number]> => {
    const out: Array<[string, number]> = [];
    readRegularLines(path, max, (text, number) => out.push([text, number]));
    return out;
  };

  it('gives the lines a whole read would, across its 1 MB chunks: a line over three chunks, a character cut by a chunk\'s end, CRLF', () => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-read-'));
    const chunk = 1024 * 1024;
    // '日' is three bytes: placed so that its bytes straddle the first chunk's end
    const lines = ['\ufeff{"first":1}', 'x'.repeat(chunk - 20) + '日本', '', 'y'.repeat(2 * chunk + 5) + '🚀', 'crlf\r', 'é'.repeat(1000), 'last, no newline'];
    writeFileSync(join(dir, 'f'), lines.join('\n'));
    const expected = lines.map((line, i): [string, number] => [line.replace(/^\ufeff/, '').replace(/\r$/, ''), i + 1]);
    expect(linesOf(join(dir, 'f'))).toEqual(expected);
  });

  it('an empty file has no line; a last newline ends the last line', () => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-read-'));
    writeFileSync(join(dir, 'empty'), '');
    writeFileSync(join(dir, 'two'), 'a\nb\n');
    expect(linesOf(join(dir, 'empty'))).toEqual([]);
    expect(linesOf(join(dir, 'two'))).toEqual([['a', 1], ['b', 2]]);
  });

  it('refuses as readRegularFile does: too large, not a regular file', () => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-read-'));
    writeFileSync(join(dir, 'a'), 'x\n'.repeat(10));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expect(() => linesOf(join(dir, 'a'), 19)).toThrow('is larger than 19 bytes');
    expect(() => linesOf(join(dir, 'fifo'))).toThrow('is not a regular file (a named pipe)');
    expect(() => linesOf('/dev/zero')).toThrow('is not a regular file (a character device)');
  });
});
