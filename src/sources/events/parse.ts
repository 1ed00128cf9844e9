/**
 * Events files (issue 29): deploys and incidents as any system records them, one record a line, in JSON Lines
 * or CSV with a header. Parsed whole or not at all: the first bad line is the error, naming the file, the line
 * and the field, so a half-read file never reaches a report.
 */
import { isoSeconds, RECORD_TIME } from '../../time.js';

/** A deploy another system recorded: the commit it put out, when, and where. */
export interface DeployEvent {
  sha: string;
  /** epoch seconds */
  at: number;
  environment: string | null;
  product: string | null;
  /** success when not given; failed deploys ship nothing and count as failed */
  status: 'success' | 'failed';
  /** `file:line`, for warnings */
  source: string;
}

/** An incident another system recorded (PagerDuty, Opsgenie, a spreadsheet). */
export interface IncidentEvent {
  id: string;
  /** epoch seconds */
  openedAt: number;
  resolvedAt: number | null;
  product: string | null;
  /** the commit it names as its cause, when it names one */
  sha: string | null;
  severity: string | null;
  source: string;
}

export interface EventsRead {
  deploys: DeployEvent[];
  incidents: IncidentEvent[];
}

/** A line of an events file that is not a record flowaudit can read. */
export class EventsError extends Error {}

const SHA = /^[0-9a-f]{4,64}$/i;
const SUCCESS = new Set(['success', 'succeeded', 'successful', 'ok', 'deployed', 'healthy', 'synced']);
const FAILED = new Set(['failed', 'failure', 'error', 'errored', 'degraded']);
const FIELDS = ['type', 'sha', 'at', 'environment', 'product', 'status', 'id', 'openedAt', 'resolvedAt', 'severity'];

/**
 * The records of one events file. JSON Lines unless the name ends in `.csv` or the first record line does not
 * start with `{`. Blank lines are skipped; fields not listed in the README are ignored (exports carry more).
 * @throws EventsError `FILE:LINE: …` for the first line that is wrong
 */
export function parseEvents(text: string, file: string): EventsRead {
  const out: EventsRead = { deploys: [], incidents: [] };
  const line = eventsReader(file, out);
  let number = 0;
  let start = 0;
  // line by line, not split: the lines are never all held at once
  for (;;) {
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end === -1 ? text.length : end);
    number += 1;
    line((number === 1 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, ''), number);
    if (end === -1) return out;
    start = end + 1;
  }
}

/**
 * The reader of one events file fed a line at a time (its text without the line break, and its number from
 * 1), as `parseEvents` reads them: each record is pushed into `out` as its line is read, so a file of any
 * length is never held whole. The first line that is not blank decides JSON Lines or CSV, as in parseEvents.
 * @throws EventsError `FILE:LINE: …` from the call that reads a wrong line
 */
export function eventsReader(file: string, out: EventsRead): (line: string, number: number) => void {
  const name = clean(file);
  const named = /\.csv$/i.test(file) ? 'csv' : /\.(jsonl|ndjson|json)$/i.test(file) ? 'json' : null;
  let csv: boolean | null = null;
  let header: string[] | null = null;
  return (line, number) => {
    const at = `${name}:${number}`;
    if (line.trim() === '') return;
    csv ??= named === 'csv' || (named === null && !line.trimStart().startsWith('{'));
    if (csv && header === null) {
      header = csvCells(line, at).map((h) => h.trim());
      const known = header.filter((h) => FIELDS.includes(h));
      if (!header.includes('type')) throw new EventsError(`${at}: the CSV header has no 'type' column: the first line names the columns (type,sha,at,… or type,id,openedAt,…)`);
      if (known.length < 2) throw new EventsError(`${at}: the CSV header names none of the record fields besides 'type'`);
      return;
    }
    const record = csv ? csvRecord(header ?? [], line, at) : jsonRecord(line, at);
    const type = record.type;
    if (type === 'deploy') out.deploys.push(deployOf(record, at));
    else if (type === 'incident') out.incidents.push(incidentOf(record, at));
    else throw new EventsError(`${at}: field 'type' must be "deploy" or "incident"${type === undefined ? ', and is missing' : ''}`);
  };
}

type Fields = Record<string, unknown>;

function jsonRecord(line: string, at: string): Fields {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new EventsError(`${at}: not a JSON object: a JSON Lines file holds one object a line`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EventsError(`${at}: not a JSON object: a JSON Lines file holds one object a line`);
  return value as Fields;
}

function csvRecord(header: readonly string[], line: string, at: string): Fields {
  const cells = csvCells(line, at);
  if (cells.length > header.length) throw new EventsError(`${at}: ${cells.length} cells for ${header.length} columns: quote a cell that holds a comma`);
  const record: Fields = {};
  // an empty cell is a field not given
  header.forEach((column, i) => {
    const cell = cells[i];
    if (cell !== undefined && cell !== '') record[column] = cell;
  });
  return record;
}

/** The cells of one CSV line (RFC 4180 quoting; a record is one line). */
function csvCells(line: string, at: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= line.length) throw new EventsError(`${at}: a quoted cell is not closed: a record is one line, and a quote inside a cell is written ""`);
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        cell += line[i];
        i += 1;
      }
      if (i < line.length && line[i] !== ',') throw new EventsError(`${at}: text after a quoted cell: a cell is quoted whole`);
    } else {
      const end = line.indexOf(',', i);
      cell = line.slice(i, end === -1 ? line.length : end);
      i = end === -1 ? line.length : end;
    }
    cells.push(cell);
    if (i >= line.length) return cells;
    i += 1;
  }
}

function deployOf(r: Fields, at: string): DeployEvent {
  const status = optionalText(r, 'status', at)?.toLowerCase() ?? 'success';
  if (!SUCCESS.has(status) && !FAILED.has(status)) throw new EventsError(`${at}: field 'status' must be success or failed (also: ${[...SUCCESS, ...FAILED].filter((s) => s !== 'success' && s !== 'failed').join(', ')})`);
  return {
    sha: sha(r, 'sha', at, true) as string,
    at: time(r, 'at', at, true) as number,
    environment: optionalText(r, 'environment', at),
    product: optionalText(r, 'product', at),
    status: FAILED.has(status) ? 'failed' : 'success',
    source: at,
  };
}

function incidentOf(r: Fields, at: string): IncidentEvent {
  const id = typeof r.id === 'number' && Number.isSafeInteger(r.id) ? String(r.id) : optionalText(r, 'id', at);
  if (id === null) throw new EventsError(`${at}: field 'id' is missing: an incident needs the id its tool gave it`);
  const openedAt = time(r, 'openedAt', at, true) as number;
  const resolvedAt = time(r, 'resolvedAt', at, false);
  if (resolvedAt !== null && resolvedAt < openedAt) throw new EventsError(`${at}: field 'resolvedAt' is before 'openedAt'`);
  return { id, openedAt, resolvedAt, product: optionalText(r, 'product', at), sha: sha(r, 'sha', at, false), severity: optionalText(r, 'severity', at), source: at };
}

function optionalText(r: Fields, field: string, at: string): string | null {
  const value = r[field];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new EventsError(`${at}: field '${field}' must be text`);
  if (value.length > 200) throw new EventsError(`${at}: field '${field}' is longer than 200 characters`);
  // shown in reasons and warnings on a terminal: no control characters, whatever the exporting tool wrote
  return clean(value).trim();
}

function sha(r: Fields, field: string, at: string, required: boolean): string | null {
  const value = optionalText(r, field, at);
  if (value === null) {
    if (required) throw new EventsError(`${at}: field '${field}' is missing: a deploy names the commit it put out`);
    return null;
  }
  if (!SHA.test(value)) throw new EventsError(`${at}: field '${field}' must be a commit sha (4 to 64 hex digits)`);
  return value.toLowerCase();
}

function time(r: Fields, field: string, at: string, required: boolean): number | null {
  const value = optionalText(r, field, at);
  if (value === null) {
    if (required) throw new EventsError(`${at}: field '${field}' is missing`);
    return null;
  }
  // the one time parser: a day the month lacks (2026-02-30) or no zone is an error, never a day of the next month
  const seconds = isoSeconds(value, RECORD_TIME);
  if (seconds === null) throw new EventsError(`${at}: field '${field}' must be ${RECORD_TIME.expected}`);
  return seconds;
}

/** A file name as an error line may show it: no control characters. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
