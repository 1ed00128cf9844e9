import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseThreshold } from '../../src/gates/expression.js';
import { lookupFigure } from '../../src/gates/figures.js';
import { catalogueEntries } from '../../src/metrics/catalogue.js';

const root = new URL('../../', import.meta.url);
const docs = ['README.md', ...readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Every threshold the README and the docs show: `--fail-on 'EXPR'` in commands, and the Action's `fail-on: |` lines. */
function examples(text: string): string[] {
  const found = [...text.matchAll(/--fail-on\s+(?:'([^']*)'|"([^"]*)")/g)].map((m) => m[1] ?? m[2] ?? '');
  for (const block of text.matchAll(/^([ \t]*)fail-on: \|\n((?:\1[ \t]+\S.*\n)+)/gm)) found.push(...(block[2] ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== ''));
  // a placeholder (`--fail-on '…'`) stands for any
  return found.filter((e) => e !== '…');
}

describe('the thresholds the README and docs show', () => {
  const all = docs.flatMap((file) => examples(readFileSync(new URL(file, root), 'utf8')).map((expression) => ({ file, expression })));

  it('are found (the README gates in its usage, its Action and its CI job)', () => {
    expect(all.filter((e) => e.file === 'README.md').length).toBeGreaterThanOrEqual(5);
  });

  it.each(all)('$file: $expression parses, and gates a figure git alone measures', ({ expression }) => {
    const threshold = parseThreshold(expression);
    const found = lookupFigure(threshold.path);
    expect(found.ok).toBe(true);
    const entry = catalogueEntries().find((e) => e.segments.join('.') === threshold.segments.join('.'));
    // an example may be run without a token: it must not gate a figure only GitHub mode measures
    expect(entry?.modes).toContain('git');
  });
});
