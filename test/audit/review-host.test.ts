import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { reviewHostOf } from '../../src/audit/review-host.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo, type Step } from '../helpers/git-fixture.js';
import { change } from '../model/data.js';

describe('where the changes were reviewed', () => {
  const direct = Array.from({ length: 4 }, (_, i) => change(`push-${i}`));
  const gerrit = (i: number) => change(`gerrit-${i}`, { url: `https://go-review.googlesource.com/c/tools/+/77302${i}` });
  const mergeRequest = (i: number) => change(`!${i}`, { kind: 'merge' });
  const pull = (i: number) => change(`#${i}`, { number: i, kind: 'squash' });

  it('reads the history first: most changes reviewed on Gerrit, or more GitLab merge requests than pull requests', () => {
    // a GitHub mirror of a Gerrit project, read with a token: still Gerrit
    expect(reviewHostOf([gerrit(1), gerrit(2), pull(3)], 'github.com', true)).toBe('gerrit');
    expect(reviewHostOf([mergeRequest(1), mergeRequest(2), pull(3), ...direct], 'github.com', false)).toBe('gitlab');
  });

  it('then GitHub when it was read, then the remote\'s host', () => {
    // as many pull requests as merge requests: the history does not place it
    expect(reviewHostOf([mergeRequest(1), pull(2)], 'gitlab.gnome.org', true)).toBe('github');
    expect(reviewHostOf(direct, 'github.com', false)).toBe('github');
    expect(reviewHostOf(direct, 'github.example.com', false)).toBe('github');
    expect(reviewHostOf(direct, 'gitlab.gnome.org', false)).toBe('gitlab');
    expect(reviewHostOf(direct, 'codeberg.org', false)).toBe('other');
    expect(reviewHostOf(direct, 'dev.azure.com', false)).toBe('other');
    expect(reviewHostOf(direct, 'bitbucket.org', false)).toBe('other');
    expect(reviewHostOf(direct, 'bitbucket.example.com', false)).toBe('other');
    expect(reviewHostOf(direct, 'git.example.com', false)).toBeNull();
    expect(reviewHostOf(direct, 'go.googlesource.com', false)).toBe('gerrit');
  });

  it('is unknown for a history without a remote that says nothing, or on a host no forge owns (a GitHub Enterprise server?)', () => {
    expect(reviewHostOf(direct, null, false)).toBeNull();
    expect(reviewHostOf(direct, 'git.example.com', false)).toBeNull();
    // a look-alike is not the forge
    expect(reviewHostOf(direct, 'notcodeberg.org', false)).toBeNull();
    expect(reviewHostOf([], null, false)).toBeNull();
  });
});

/*
 * A history whose merges name no pull or merge request (March 2026, UTC): six branches of one commit each, started
 * four days apart; the first `slow` merged four days after their commit, the rest one day after. The review & merge
 * wait's p50 is then 4 days with `slow` 6, over reviewWaitP50's 2 days: the review-wait row is made.
 */
function history(remote: string | null, slow: number): FixtureRepo {
  const steps: Step[] = [{ commit: 'initial commit', at: '2026-02-01T00:00:00Z' }];
  for (let i = 0; i < 6; i++) {
    const day = 2 + 4 * i;
    steps.push({ branch: `topic-${i}` });
    steps.push({ commit: `start ${i}`, on: `topic-${i}`, at: `2026-03-${String(day).padStart(2, '0')}T09:00:00Z` });
    const merged = day + (i < slow ? 4 : 1);
    steps.push({ merge: `topic-${i}`, at: `2026-03-${String(merged).padStart(2, '0')}T09:00:00Z`, message: `Merge branch 'topic-${i}'` });
  }
  const repo = buildRepo(steps);
  if (remote !== null) repo.git('remote', 'add', 'origin', remote);
  return repo;
}

function audited(remote: string | null, slow: number): { report: Report } {
  const made = {} as { repo: FixtureRepo; report: Report };
  beforeAll(async () => {
    made.repo = history(remote, slow);
    made.report = await audit({ path: made.repo.dir, since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false });
  });
  afterAll(() => made.repo.cleanup());
  return made;
}

const TOKEN = /GitHub token|GH_TOKEN/;

describe('a project on GitLab, as its remote says', () => {
  const made = audited('https://gitlab.example.org/acme/tool.git', 6);

  it('says so in the report, and no note, page or row sends its reader to a GitHub token', () => {
    const { report } = made;
    expect(report.reviewHost).toBe('gitlab');
    expect(report.notes[0]).toBe('This project\'s merge requests are on GitLab, which flowaudit does not read: pickup and merge wait are unknown, and "review" is the whole wait from the last commit to the merge.');
    const row = report.recommendations.find((r) => r.id === 'review-wait');
    expect(row?.doNext).toMatch(/^GitLab shows when each merge request was opened, first reviewed and approved/);
    for (const page of [renderHtml(report), renderMarkdown(report), renderText(report, { color: false, width: 100 }), JSON.stringify(report.notes)]) {
      expect(page).not.toMatch(TOKEN);
      // the coding stage's note: every change is one commit here
      expect(page).not.toContain('With GitHub, coding runs');
    }
    expect(renderMarkdown(report)).toContain('Git alone cannot see reviews, checks or open merge requests: review load, rework, CI and work in progress are not measured (unknown, not zero). This project\'s merge requests are on GitLab, which flowaudit does not read.');
    expect(report.notes[1]).toBe('Review health, rework, CI checks and WIP are read from GitHub only: they are left out (null), not 0.');
    expect(renderHtml(report)).toContain('(unknown, not zero). This project\'s merge requests are on GitLab, which flowaudit does not read.</p>');
    expect(renderMarkdown(report)).toContain('Acceptance cannot be known from git alone: git never sees a merge request closed without merging. This project\'s merge requests are on GitLab, which flowaudit does not read.');
  });
});

describe('a project on Gerrit\'s hosting, as its remote says', () => {
  const made = audited('https://go.googlesource.com/tools', 6);

  it('is told where its reviews are, not counted by trailers its commits lack', () => {
    expect(made.report.reviewHost).toBe('gerrit');
    expect(made.report.notes[0]).toBe('This project\'s changes are reviewed on Gerrit, which flowaudit does not read: pickup and merge wait are unknown, and "review" is the whole wait from the last commit to the merge.');
  });
});

describe('a project nothing places', () => {
  const made = audited(null, 6);

  it('is sent to a GitHub token, as before', () => {
    const { report } = made;
    expect(report.reviewHost).toBeNull();
    expect(report.notes[0]).toMatch(/Run with a GitHub token \(GH_TOKEN\) to split it\.$/);
    expect(report.recommendations.find((r) => r.id === 'review-wait')?.doNext).toMatch(/^Run again with a GitHub token/);
    expect(renderMarkdown(report)).toContain('Run with a GitHub token (`GH_TOKEN`) to add them.');
    expect(renderHtml(report)).toContain('Run with a GitHub token (<code>GH_TOKEN</code>) to add them.');
  });
});
