import { describe, expect, it } from 'vitest';
import { EventsError, parseEvents } from '../../../src/sources/events/parse.js';

const at = (iso: string): number => Date.parse(iso) / 1000;
const problem = (text: string, file = 'ev.jsonl'): string => {
  try {
    parseEvents(text, file);
  } catch (error) {
    if (error instanceof EventsError) return error.message;
    throw error;
  }
  return 'no error';
};

describe('parseEvents', () => {
  it('reads deploys and incidents from JSON Lines, skipping blank lines', () => {
    const text = [
      '{"type":"deploy","sha":"ABCDEF1","at":"2026-03-02T10:00:00Z","environment":"production","product":"api"}',
      '',
      '{"type":"deploy","sha":"abcdef2","at":"2026-03-02T12:00:00+02:00","status":"failed"}',
      '{"type":"incident","id":"PD-1","openedAt":"2026-03-02T11:00:00Z","resolvedAt":"2026-03-02T13:30:00Z","severity":"sev2","sha":"abcdef1"}',
    ].join('\n');
    const read = parseEvents(text, 'ev.jsonl');
    expect(read.deploys).toEqual([
      { sha: 'abcdef1', at: at('2026-03-02T10:00:00Z'), environment: 'production', product: 'api', status: 'success', source: 'ev.jsonl:1' },
      // +02:00: 10:00 UTC
      { sha: 'abcdef2', at: at('2026-03-02T10:00:00Z'), environment: null, product: null, status: 'failed', source: 'ev.jsonl:3' },
    ]);
    expect(read.incidents).toEqual([
      { id: 'PD-1', openedAt: at('2026-03-02T11:00:00Z'), resolvedAt: at('2026-03-02T13:30:00Z'), product: null, sha: 'abcdef1', severity: 'sev2', source: 'ev.jsonl:4' },
    ]);
  });

  it('reads CSV with a header, in any column order, quoted cells and empty cells as not given', () => {
    const text = 'at,type,sha,product,id,openedAt,resolvedAt\r\n2026-03-02T10:00:00Z,deploy,abc1234,"web, eu",,,\r\n,incident,,,"PD ""7""",2026-03-03T00:00:00Z,\r\n';
    const read = parseEvents(text, 'events.csv');
    expect(read.deploys.map((d) => [d.sha, d.at, d.product, d.source])).toEqual([['abc1234', at('2026-03-02T10:00:00Z'), 'web, eu', 'events.csv:2']]);
    expect(read.incidents.map((i) => [i.id, i.openedAt, i.resolvedAt, i.source])).toEqual([['PD "7"', at('2026-03-03T00:00:00Z'), null, 'events.csv:3']]);
  });

  it('names the file, the line and the field of the first bad line', () => {
    const good = '{"type":"deploy","sha":"abc1234","at":"2026-03-02T10:00:00Z"}';
    expect(problem(`${good}\n{"type":"deploy","sha":"abc1234"}`)).toBe("ev.jsonl:2: field 'at' is missing");
    expect(problem(`${good}\n\n{"type":"deploy","sha":"xyz","at":"2026-03-02T10:00:00Z"}`)).toBe("ev.jsonl:3: field 'sha' must be a commit sha (4 to 64 hex digits)");
    // a time without its zone would depend on this machine's
    expect(problem('{"type":"deploy","sha":"abc1234","at":"2026-03-02T10:00:00"}')).toMatch(/^ev\.jsonl:1: field 'at' must be an ISO 8601 time with its zone/);
    expect(problem('{"type":"incident","openedAt":"2026-03-02T10:00:00Z"}')).toMatch(/^ev\.jsonl:1: field 'id' is missing/);
    expect(problem('{"type":"incident","id":"I","openedAt":"2026-03-02T10:00:00Z","resolvedAt":"2026-03-02T09:00:00Z"}')).toBe("ev.jsonl:1: field 'resolvedAt' is before 'openedAt'");
    expect(problem('{"type":"deploy","sha":"abc1234","at":"2026-03-02T10:00:00Z","status":"maybe"}')).toMatch(/^ev\.jsonl:1: field 'status' must be success or failed/);
    expect(problem('{"type":"release"}')).toBe('ev.jsonl:1: field \'type\' must be "deploy" or "incident"');
    expect(problem('{"type":"deploy",')).toMatch(/^ev\.jsonl:1: not a JSON object/);
    expect(problem('[1,2]')).toMatch(/^ev\.jsonl:1: not a JSON object/);
    expect(problem('type,sha,at\ndeploy,abc1234,2026-03-02T10:00:00Z,extra', 'e.csv')).toMatch(/^e\.csv:2: 4 cells for 3 columns/);
    expect(problem('sha,at\nabc1234,2026-03-02T10:00:00Z', 'e.csv')).toMatch(/^e\.csv:1: the CSV header has no 'type' column/);
    expect(problem('type,sha,at\ndeploy,"abc1234,2026-03-02T10:00:00Z', 'e.csv')).toMatch(/^e\.csv:2: a quoted cell is not closed/);
  });

  it('keeps control characters of a file name out of its errors, and out of the text fields read', () => {
    expect(problem('{"type":"x"}', 'a\u001b[31mb.jsonl')).toMatch(/^a\[31mb\.jsonl:1: /);
    const read = parseEvents('{"type":"incident","id":"PD-\\u001b]0;x\\u0007 1","openedAt":"2026-03-02T10:00:00Z","product":"a\\u009bb"}', 'e.jsonl');
    expect(read.incidents.map((i) => [i.id, i.product])).toEqual([['PD-]0;x 1', 'ab']]);
  });
});
