import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/domain.js';
import { catalogueEntries, UNITS, type BandTable, type CatalogueEntry, type Mode } from '../../src/metrics/catalogue.js';
import { comparedFigures } from '../../src/metrics/compared.js';

const DOCS = new URL('../../docs/definitions.md', import.meta.url);
const START = '<!-- figures: made from src/metrics/catalogue.ts by test/metrics/catalogue-docs.test.ts -->';
const END = '<!-- figures end -->';

const modeWords = (modes: readonly Mode[]): string => (modes.includes('git') ? 'git, GitHub' : 'GitHub');

/** Where a figure is compared: `compare`, and the previous period unless its interval is over decided pull requests. */
function comparedIn(path: string): string {
  const figure = comparedFigures().find((f) => f.key === path);
  if (figure === undefined) return '';
  return figure.basis.over === 'pulls' ? '`compare`' : '`compare`, previous period';
}

/** The catalogue as docs/definitions.md lists it: the five stages' figures as one row each, `<stage>` in the path. */
export function figuresTable(entries: readonly CatalogueEntry[]): string {
  const rows = new Map<string, { entry: CatalogueEntry; label: string; modes: Map<string, string[]> }>();
  for (const entry of entries) {
    const stage = STAGES.find((s) => entry.segments[1] === s && (entry.segments[0] === 'stages' || entry.segments[0] === 'queueTrend'));
    const path = stage === undefined ? entry.path : entry.path.replace(`.${stage}.`, '.<stage>.');
    const label = stage === undefined ? entry.label : entry.label.replace(stage, '<stage>');
    const row = rows.get(path) ?? { entry, label, modes: new Map<string, string[]>() };
    const words = modeWords(entry.modes);
    row.modes.set(words, [...(row.modes.get(words) ?? []), ...(stage === undefined ? [] : [stage])]);
    rows.set(path, row);
  }
  const lines = ['| figure | unit | what it is | measured in | computed by | compared in |', '| --- | --- | --- | --- | --- | --- |'];
  for (const [path, { entry, label, modes }] of rows) {
    const some = [...modes.values()].flat();
    const measured = modes.size > 1 || (some.length > 0 && some.length < STAGES.length) ? [...modes].map(([words, stages]) => `${words} (${stages.join(', ')})`).join('; ') : [...modes.keys()][0];
    const [module, metric] = entry.computedBy.split(' ');
    lines.push(`| \`${path}\` | ${UNITS[entry.figure.kind].name} | ${label} | ${measured} | \`${metric}\` (${module}) | ${comparedIn(entry.path)} |`);
  }
  return lines.join('\n');
}

/** The DORA keys' clusters as the 2024 report published them, and how the report places a value against them. */
export function bandsTable(entries: readonly CatalogueEntry[]): string {
  const lines = ['| DORA key | elite | high | medium | low | placed | from |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const entry of entries) {
    const table: BandTable | null = entry.bands;
    if (entry.segments.at(-1) !== 'value' || entry.segments[0] !== 'dora') continue;
    if (table === null) {
      lines.push(`| \`${entry.path}\` | no published cluster | | | | | |`);
      continue;
    }
    const placed = table.kind === 'range' ? 'the cluster whose range holds it' : 'between the published values';
    lines.push(`| \`${entry.path}\` | ${table.published.map((p) => p.words).join(' | ')} | ${placed} | ${table.source} |`);
  }
  return lines.join('\n');
}

describe('docs/definitions.md', () => {
  it('lists every figure of the catalogue, and the DORA bands, as the catalogue declares them', () => {
    const docs = readFileSync(DOCS, 'utf8');
    const from = docs.indexOf(START);
    const to = docs.indexOf(END);
    expect(from, `docs/definitions.md has no line ${START}`).toBeGreaterThan(-1);
    const entries = catalogueEntries();
    const made = `${START}\n\n${figuresTable(entries)}\n\n${bandsTable(entries)}\n\n${END}`;
    // UPDATE_DOCS=1 writes the tables in place after a change to the catalogue
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(DOCS, `${docs.slice(0, from)}${made}${docs.slice(to + END.length)}`);
    else expect(docs.slice(from, to + END.length), 'run UPDATE_DOCS=1 npx vitest run test/metrics/catalogue-docs.test.ts').toBe(made);
  });

  it('names every path once and each figure\'s unit', () => {
    const table = figuresTable(catalogueEntries());
    expect(table).toContain('| `leadTime.p50` | duration | lead time p50 | git, GitHub |');
    expect(table).toContain('| `stages.<stage>.p50` | duration | <stage> stage p50 | git, GitHub (coding, review, deploy); GitHub (pickup, merge) |');
    expect(table).toContain('| `dora.changeFailureRate` | ratio |');
    expect(table).toContain('| `cycleTime.p90` | duration | cycle time p90 | git, GitHub | `summarizeStages` (metrics/stage-summary.ts) | `compare`, previous period |');
    expect(table).toMatch(/\| `dora\.leadTime` \|[^\n]*\| `compare`, previous period \|\n/);
    expect(table).toMatch(/\| `acceptance\.rate` \|[^\n]*\| `compare` \|\n/);
    expect(table).toMatch(/\| `cycleTime\.p75` \|[^\n]*\| {2}\|\n/);
    expect(table).toContain('| `review.topTwoShare` | ratio | review: share by the two busiest reviewers | GitHub |');
    expect(bandsTable(catalogueEntries())).toContain('| `dora.leadTime` | less than one day | between one day and one week | between one week and one month | between one month and six months | the cluster whose range holds it | 2024 Accelerate State of DevOps Report |');
    expect(bandsTable(catalogueEntries())).toContain('| `dora.changeFailureRate` | 5% | 20% | 10% | 40% | between the published values |');
  });
});
