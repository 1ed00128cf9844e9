import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * Two commits authored after they were committed (a clock ahead: golang/tools has twelve, from 2025), one in
 * February 2026, before the window, one in March, in it; and one committed as it was written. The window is March.
 */
function skewed(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
    { commit: 'Fix the parser', at: '2026-02-10T10:00:00Z', authorAt: '2026-02-10T12:00:00Z' },
    { commit: 'Add the formatter', at: '2026-03-10T10:00:00Z', authorAt: '2026-03-10T13:00:00Z' },
    { commit: 'Tidy the docs', at: '2026-03-12T10:00:00Z', authorAt: '2026-03-12T09:00:00Z' },
  ]);
}

describe('clock skew', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = skewed();
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('warns of the window\'s changes only, as many as the report counts', () => {
    expect(report.summary.flow.anomalies.clockSkew).toBe(1);
    expect(report.warnings).toContain('1 change of the window has a negative interval (clock skew), counted as 0');
    expect(report.warnings.join(' ')).not.toMatch(/2 (changes|negative intervals)/);
  });

  it('names what it counts on the page: changes, not intervals', () => {
    expect(renderMarkdown(report)).toContain('**Clock skew**: 1 change with a negative interval, clamped to 0');
  });
});
