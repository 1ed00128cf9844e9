import { describe, expect, it } from 'vitest';
import { withSlices } from '../../src/commands/slicing.js';
import { parseGrouping } from '../../src/model/slices.js';
import { buildReport, change, D } from '../render/report-builder.js';

describe('two changes of one pull request number', () => {
  it('each names its slice once', async () => {
    // bitwarden's #7538 landed twice (a commit, then an empty one): each read `team:unowned` twice
    const twice = buildReport([change('#7', '2026-03-02T10:00:00Z', { coding: D }), change('#7', '2026-03-03T10:00:00Z', { coding: D }), change('#8', '2026-03-04T10:00:00Z', { coding: D })]);
    const sliced = await withSlices(twice, parseGrouping('ai'));
    expect(sliced.changes.map((c) => [c.id, c.slices])).toEqual([
      ['#7', ['ai:(no AI evidence)']],
      ['#7', ['ai:(no AI evidence)']],
      ['#8', ['ai:(no AI evidence)']],
    ]);
    expect(sliced.summary.slices?.rows.map((r) => [r.name, r.changes])).toEqual([['ai:(no AI evidence)', 3]]);
  });
});
