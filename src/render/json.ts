import type { Report } from '../report/schema.js';
import { schemaUrl } from '../version.js';
import { jsonSafe } from './sanitize.js';

const replacer = (_key: string, value: unknown): unknown => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e6) / 1e6 : value);
const LIST_KEYS = ['changes', 'deploys'] as const;

/**
 * The JSON report in pieces, byte for byte what `JSON.stringify(report, …, 2)` gives (with C1 controls, line
 * separators and bidi overrides escaped too: `jsonSafe`): each change is stringified on its own, so a report
 * of every change in a large history is never one huge string. Its first key is `$schema`, the URL of the JSON
 * Schema of this version (a report read back gets this one's).
 */
export function* renderJsonChunks(input: Report): Generator<string> {
  const { $schema: _previous, ...fields } = input;
  for (const chunk of jsonChunks({ $schema: schemaUrl('report'), ...fields })) yield jsonSafe(chunk);
}

function* jsonChunks(report: Report): Generator<string> {
  // each list is stood in for by a string no report text can hold (a NUL), then spliced back in pieces
  const placeholder = (key: string): string => `\u0000${key}\u0000`;
  let rest = JSON.stringify({ ...report, ...Object.fromEntries(LIST_KEYS.map((k) => [k, placeholder(k)])) }, replacer, 2);
  for (const key of LIST_KEYS) {
    const token = JSON.stringify(placeholder(key));
    const at = rest.indexOf(token);
    yield rest.slice(0, at);
    rest = rest.slice(at + token.length);
    const items = report[key] as unknown[];
    if (items.length === 0) {
      yield '[]';
      continue;
    }
    for (let i = 0; i < items.length; i++) {
      // array items sit at depth 2: four spaces, and their own lines indented as deep
      // no replacer here: a change's and a deploy's numbers are whole seconds and counts, and a replacer call
      // per value was most of the time spent on a large history
      // stringified two arrays deep, so JSON.stringify indents it as it sits in the report; the brackets go
      const nested = JSON.stringify([[items[i]]], null, 2);
      yield `${i === 0 ? '[' : ','}\n${nested.slice(6, -6)}`;
    }
    yield '\n  ]';
  }
  yield `${rest}\n`;
}
