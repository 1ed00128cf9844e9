import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE, type FigureGroup } from '../../src/metrics/catalogue.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { buildReport, sampleChanges } from './report-builder.js';

// The renderers name the DORA keys, lead time and cycle time by the catalogue's labels: renaming one there renames
// it in every format. The test renames them for a moment and reads the new words back from each format.
const dora = CATALOGUE.members['dora'] as FigureGroup;
const group = (path: string): { label: string } => {
  const [head, key] = path.split('.') as [string, string | undefined];
  return (key === undefined ? CATALOGUE.members[head] : dora.members[key]) as unknown as { label: string };
};
const saved = new Map<string, string>();
function rename(path: string, label: string): void {
  const node = group(path);
  if (!saved.has(path)) saved.set(path, node.label);
  node.label = label;
}
afterEach(() => {
  for (const [path, label] of saved) group(path).label = label;
  saved.clear();
});

const report = buildReport(sampleChanges());
const outputs = (): Record<string, string> => ({
  text: renderText(report, { color: false, width: 200 }),
  markdown: renderMarkdown(report),
  html: renderHtml(report),
});

describe('renderers: figure labels come from the catalogue', () => {
  it('a DORA key renamed in the catalogue is renamed in the text, Markdown and HTML reports', () => {
    const before = outputs();
    expect(before.markdown).toContain('Change failure rate');
    expect(before.html).toContain('Change failure rate');
    expect(before.text).toContain('change failure rate');
    rename('dora.changeFailureRate', 'failed-deploy share');
    rename('dora.timeToRestore', 'mean time to mend');
    const after = outputs();
    for (const [format, out] of Object.entries(after)) {
      expect(out, format).not.toMatch(/change failure rate/i);
      expect(out, format).toMatch(/failed-deploy share/i);
      expect(out, format).toMatch(/time to mend/i);
    }
    // the tables start a row with a capital
    expect(after.markdown).toContain('| Failed-deploy share |');
    expect(after.html).toContain('<th scope="row">Failed-deploy share</th>');
  });

  it('every DORA key of the tables of Markdown and HTML is named by its catalogue label', () => {
    const keys = ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'timeToRestore', 'reworkRate'];
    keys.forEach((key, i) => rename(`dora.${key}`, `key number ${i + 1}`));
    const { markdown, html } = outputs();
    keys.forEach((_, i) => {
      expect(markdown).toContain(`| Key number ${i + 1} |`);
      expect(html).toContain(`<th scope="row">Key number ${i + 1}</th>`);
    });
  });

  it('lead time and cycle time are named by their catalogue labels in the stage tables', () => {
    rename('leadTime', 'commit-to-prod time');
    rename('cycleTime', 'commit-to-merge time');
    const { markdown, html } = outputs();
    expect(markdown).toContain('**commit-to-prod time** (first commit → deploy)');
    expect(markdown).toContain('**commit-to-merge time** (first commit → merge)');
    expect(html).toContain('<th scope="row" title="first commit → deploy">Commit-to-prod time</th>');
    expect(html).toContain('<th scope="row" title="first commit → merge">Commit-to-merge time</th>');
  });
});
