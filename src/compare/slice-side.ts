import { ConfigError } from '../errors.js';
import { namesSlice, parseSlice, sliceName, type Slice } from '../model/slices.js';
import { parseSide } from './side.js';

/** One side of a controlled pilot: a slice of a window's changes, or `rest` (the changes the other side leaves out). */
export interface SliceSide {
  slice: Slice | 'rest';
  /** the window after `@` (SINCE..UNTIL, as `parseSide` reads it); null: the report's (--since, --until) */
  window: { since: string; until: string } | null;
  /** as written: `team:payments@2026-01-01..2026-03-31` */
  name: string;
}

/** the side that is every change of its window the other side leaves out */
const REST = 'rest';

/**
 * Reads a side of `compare` that names a slice — of any kind of the registry: `team:payments`, `product:@acme/api`,
 * `label:ai-pilot`, `ai`, or `rest`; or a slice over a window of its own, `team:payments@2026-01-01..2026-03-31` —
 * or null for a report file or a window.
 * @throws ConfigError for a slice or a window it cannot read
 */
export function parseSliceSide(arg: string): SliceSide | null {
  const text = arg.trim();
  if (!namesSlice(text, [REST])) return null;
  const at = text.lastIndexOf('@');
  // an author's email has an @ too: a window after it starts with a date
  const windowed = at !== -1 && /^\d{4}-\d{2}-\d{2}/.test(text.slice(at + 1));
  const written = windowed ? text.slice(0, at) : text;
  let window: SliceSide['window'] = null;
  if (windowed) {
    const side = parseSide(text.slice(at + 1));
    if (side.kind !== 'window') throw new ConfigError(`'${text.slice(at + 1)}' after @ is not a window: write SLICE@SINCE..UNTIL`);
    window = { since: side.since, until: side.until };
  }
  const slice = written.toLowerCase() === REST ? REST : parseSlice(written);
  const name = `${slice === REST ? REST : sliceName(slice)}${windowed ? text.slice(at) : ''}`;
  return { slice, window, name };
}
