import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SliceKind } from '../../src/model/slice-kind.js';
import { SLICE_KINDS } from '../../src/model/slice-kinds.js';
import { groupingChoices, sliceForms } from '../../src/model/slices.js';

const README = new URL('../../README.md', import.meta.url);
const START = '<!-- slice kinds: made from src/model/slice-kinds.ts by test/docs/readme-slices.test.ts -->';
const END = '<!-- slice kinds end -->';

/**
 * The README's table of slice kinds: one row per kind of the registry, in its order, as a slice of it is written,
 * what it holds and, for a kind that groups, its `--by` value and what the rows are.
 */
export function sliceKindsTable(kinds: Readonly<Record<string, SliceKind>>): string {
  const forms = sliceForms(kinds);
  const by = (kind: SliceKind): string => {
    if (kind.by === undefined) return '';
    const value = kind.by.argument === undefined ? kind.meta.name : `${kind.meta.name}:${kind.by.argument.text}`;
    return `\`${value}\` (${kind.by.help})`;
  };
  const rows = Object.values(kinds).map((kind, i) => `| \`${forms[i] ?? ''}\` | ${kind.meta.help} | ${by(kind)} |`);
  return ['| slice | the changes | `--by` |', '| --- | --- | --- |', ...rows].join('\n');
}

describe('README.md', () => {
  const readme = readFileSync(README, 'utf8');

  it('lists every kind of slice of the registry, as the registry words it', () => {
    const from = readme.indexOf(START);
    const to = readme.indexOf(END);
    expect(from, `README.md has no line ${START}`).toBeGreaterThan(-1);
    const made = `${START}\n${sliceKindsTable(SLICE_KINDS)}\n${END}`;
    // UPDATE_DOCS=1 writes the table in place after a change to the registry
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(README, `${readme.slice(0, from)}${made}${readme.slice(to + END.length)}`);
    else expect(readme.slice(from, to + END.length), 'run UPDATE_DOCS=1 npx vitest run test/docs/readme-slices.test.ts').toBe(made);
  });

  it('names every grouping of the registry in the table, and --by\'s row of flags sends the reader there', () => {
    const table = sliceKindsTable(SLICE_KINDS);
    for (const value of groupingChoices()) expect(table).toContain(`| \`${value}\` (`);
    expect(readme).toContain('| `--by GROUPING` |');
  });

  it('has a row for a kind added to the registry, and the row says what it holds and how --by takes it', () => {
    const day: SliceKind = {
      meta: { name: 'day', argument: 'DAY', noun: 'day', help: 'those merged on that day', needs: [] },
      predicate: () => () => true,
      by: { help: 'days', groups: () => [], none: '(none)' },
    };
    const table = sliceKindsTable({ ...SLICE_KINDS, day });
    expect(table).not.toBe(sliceKindsTable(SLICE_KINDS));
    expect(table.split('\n').at(-1)).toBe('| `day:DAY` | those merged on that day | `day` (days) |');
  });
});
