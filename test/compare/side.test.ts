import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReportFile } from '../../src/io/read-report.js';
import { parseSide } from '../../src/compare/side.js';
import { ConfigError } from '../../src/errors.js';
import { report } from '../aggregate/report-builder.js';

describe('parseSide', () => {
  it('reads a window, a date-only end including its day', () => {
    expect(parseSide('2026-01-01..2026-03-31')).toEqual({ kind: 'window', since: '2026-01-01', until: '2026-04-01' });
    expect(parseSide('2026-02-01..2026-02-28')).toEqual({ kind: 'window', since: '2026-02-01', until: '2026-03-01' });
    expect(parseSide('2026-01-01T12:00:00Z..2026-01-02T00:00:00Z')).toEqual({ kind: 'window', since: '2026-01-01T12:00:00Z', until: '2026-01-02T00:00:00Z' });
  });

  it('takes anything else as a report file', () => {
    expect(parseSide('before.json')).toEqual({ kind: 'file', path: 'before.json' });
    expect(parseSide('../reports/2026-q1.json')).toEqual({ kind: 'file', path: '../reports/2026-q1.json' });
    expect(parseSide('2026-01-01.json')).toEqual({ kind: 'file', path: '2026-01-01.json' });
  });

  it.each([
    ['', 'compare needs a JSON report file or a window such as 2026-01-01..2026-03-31, got an empty argument'],
    ['2026-01-01', "'2026-01-01' is one date, not a window: write SINCE..UNTIL, such as 2026-01-01..2026-03-31"],
    ['2026-01-01..', "'2026-01-01..' is not a window: write SINCE..UNTIL, such as 2026-01-01..2026-03-31"],
    ['2026-01-01..2026-02-01..2026-03-01', "'2026-01-01..2026-02-01..2026-03-01' is not a window: write SINCE..UNTIL, such as 2026-01-01..2026-03-31"],
    ['2026-01-01..90d', "'2026-01-01..90d' is not a window: '90d' is not an ISO date (write SINCE..UNTIL, such as 2026-01-01..2026-03-31)"],
    ['2026-13-01..2026-03-31', "'2026-13-01..2026-03-31' is not a window: '2026-13-01' is not an ISO date (write SINCE..UNTIL, such as 2026-01-01..2026-03-31)"],
    ['2026-03-31..2026-01-01', "window '2026-03-31..2026-01-01' ends before it starts"],
  ])('rejects %j', (arg, message) => {
    expect(() => parseSide(arg)).toThrow(ConfigError);
    expect(() => parseSide(arg)).toThrow(message);
  });
});

describe('readReportFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowaudit-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads a schemaVersion 1 report', async () => {
    const r = report();
    expect(await readReportFile(file('ok.json', JSON.stringify(r)))).toEqual(r);
  });

  it.each([
    ['missing', null, "cannot read report '<dir>/missing.json': no such file"],
    ['not-json', 'flowaudit · acme/one\n', "report '<dir>/not-json.json' is not JSON"],
    ['array', '[1,2]', "'<dir>/array.json' is not a flowaudit JSON report (it has no schemaVersion)"],
    ['v2', JSON.stringify({ ...report(), schemaVersion: 2 }), "report '<dir>/v2.json' has schemaVersion 2; this flowaudit reads schemaVersion 1"],
    ['partial', JSON.stringify({ schemaVersion: 1, summary: {} }), "report '<dir>/partial.json' is not a valid flowaudit report: generatedAt: Invalid input: expected string, received undefined"],
  ])('%s: a clear ConfigError', async (name, text, message) => {
    const path = text === null ? join(dir, `${name}.json`) : file(`${name}.json`, text);
    const error = await readReportFile(path).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message.startsWith(message.replace('<dir>', dir))).toBe(true);
    // the file's own text is never quoted back
    expect((error as ConfigError).message).not.toContain('acme/one');
    expect((error as ConfigError).exitCode).toBe(2);
  });

  it('names a directory', async () => {
    await expect(readReportFile(dir)).rejects.toThrow(`cannot read report '${dir}': it is a directory`);
  });
});
