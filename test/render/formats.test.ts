import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS, formatsHelp, loadRenderer } from '../../src/render/formats.js';
import { RENDERERS } from '../../src/render/index.js';
import { buildReport, change, H } from './report-builder.js';

const text = (out: string | Iterable<string>): string => (typeof out === 'string' ? out : [...out].join(''));

describe('the output formats, declared once', () => {
  it('loads, for every format, the renderer the library has for it', async () => {
    const report = buildReport([change('#1', '2026-03-03T10:00:00Z', { coding: 2 * H, deploy: 0 })]);
    expect(Object.keys(RENDERERS).sort()).toEqual([...FORMATS].sort());
    for (const format of FORMATS) {
      const loaded = await loadRenderer(format);
      expect(text(loaded(report, { color: false })), format).toBe(text(RENDERERS[format](report, { color: false })));
    }
  });

  it('lists every format, in order, in help and in the README', () => {
    expect(formatsHelp().split(/, (?=[a-z-]+ \()/).map((item) => item.split(' ')[0])).toEqual([...FORMATS]);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`| \`-f, --format ${FORMATS.join('\\|')}\` |`);
  });
});
