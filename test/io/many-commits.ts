import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A repository of `count` direct pushes, one an hour from 2023-01-02, made in one `git fast-import`: enough
 * report (hundreds of KB) to overflow a pipe's buffer, so a reader that stops early really closes it.
 */
export function manyCommits(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowaudit-many-'));
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const start = Date.UTC(2023, 0, 2) / 1000;
  let stream = '';
  for (let i = 1; i <= count; i++) {
    const at = start + i * 3600;
    const message = `change number ${i} with a title long enough to fill a row`;
    stream += `commit refs/heads/main\nmark :${i}\nauthor Ada <ada@example.com> ${at} +0000\ncommitter Ada <ada@example.com> ${at} +0000\n`;
    stream += `data ${Buffer.byteLength(message)}\n${message}\n${i > 1 ? `from :${i - 1}\n` : ''}M 644 inline file.txt\ndata ${String(i).length}\n${i}\n\n`;
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream });
  return dir;
}
