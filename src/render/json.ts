import type { Report } from '../report/schema.js';
import { asWritten } from '../units.js';
import { schemaUrl } from '../version.js';
import type { ReportLists } from './lists.js';
import { jsonSafe } from './sanitize.js';

// every float to the millionth, as every page's writers round from it (`asWritten`)
const replacer = (_key: string, value: unknown): unknown => (typeof value === 'number' && !Number.isInteger(value) ? asWritten(value) : value);
const LIST_KEYS = ['changes', 'queueOnlyChanges', 'deploys', 'openPulls', 'repositories'] as const;
// list items stringified together: one call per item cost a third more than the stringifying itself
const GROUP = 32;

/**
 * Items as `JSON.stringify` indents them as a report list's elements, two arrays deep, with the commas between
 * them: stringified inside two arrays, whose brackets go.
 */
function itemsAtDepthTwo(items: unknown[], round: typeof replacer | undefined): string {
  return JSON.stringify([items], round, 2).slice(6, -6);
}

/**
 * The JSON report in pieces, byte for byte what `JSON.stringify(report, …, 2)` gives (with C1 controls, line
 * separators and bidi overrides escaped too: `jsonSafe`): each list item is stringified on its own, so a report
 * of every change in a large history, or of an organisation's thousand repositories, is never one huge string.
 * Its first key is `$schema`, the URL of the JSON Schema of this version (a report read back gets this one's).
 * `lists`, when given, stand for the report's own lists (an aggregate reads them from its reports as it writes).
 */
export function* renderJsonChunks(input: Report, lists?: ReportLists): Generator<string> {
  const { $schema: _previous, ...fields } = input;
  for (const chunk of jsonChunks({ $schema: schemaUrl('report'), ...fields }, lists)) yield jsonSafe(chunk);
}

function* jsonChunks(report: Report, lists: ReportLists | undefined): Generator<string> {
  // each list is stood in for by a string no report text can hold (a NUL), then spliced back in pieces
  const placeholder = (key: string): string => `\u0000${key}\u0000`;
  const present = LIST_KEYS.filter((k) => report[k] !== undefined);
  let rest = JSON.stringify({ ...report, ...Object.fromEntries(present.map((k) => [k, placeholder(k)])) }, replacer, 2);
  for (const key of present) {
    const token = JSON.stringify(placeholder(key));
    const at = rest.indexOf(token);
    yield rest.slice(0, at);
    rest = rest.slice(at + token.length);
    let first = true;
    // a change's, deploy's and open pull's numbers are whole seconds and counts: no replacer, which was most of
    // the time spent on a large history; a repository's row has shares and rates to round
    const round = key === 'repositories' ? replacer : undefined;
    let group: unknown[] = [];
    const items = (key === 'repositories' ? report.repositories : (lists?.[key] ?? report[key])) as Iterable<unknown>;
    for (const item of items) {
      group.push(item);
      if (group.length < GROUP) continue;
      // the separator apart from the items: joined, they made a second copy of every list's text to escape
      yield first ? '[\n' : ',\n';
      yield itemsAtDepthTwo(group, round);
      first = false;
      group = [];
    }
    if (group.length > 0) {
      yield first ? '[\n' : ',\n';
      yield itemsAtDepthTwo(group, round);
      first = false;
    }
    yield first ? '[]' : '\n  ]';
  }
  yield `${rest}\n`;
}
