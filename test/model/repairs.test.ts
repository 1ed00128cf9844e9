import { describe, expect, it } from 'vitest';
import { DEFAULT_BUG_LABEL, compileRegex } from '../../src/options.js';
import { ownRepairReasons } from '../../src/model/repairs.js';

const bugs = compileRegex(DEFAULT_BUG_LABEL, 'bugLabel', 'i');
const reasons = (o: { title?: string; branch?: string | null; labels?: string[]; isRevert?: boolean }, label = bugs) =>
  ownRepairReasons({ title: o.title ?? 'Add a page', branch: o.branch ?? null, labels: o.labels ?? [], isRevert: o.isRevert ?? false }, label);

describe('ownRepairReasons: what a change says of itself', () => {
  it('takes a Conventional Commits fix or hotfix title, with scope and breaking mark, and nothing else that says fix', () => {
    expect(reasons({ title: 'fix: crash on start' })).toEqual(['fixTitle']);
    expect(reasons({ title: 'fix(api)!: retry on 503' })).toEqual(['fixTitle']);
    expect(reasons({ title: 'Hotfix: login loop' })).toEqual(['fixTitle']);
    // a fix named in words, a fixup, a prefix containing "fix", a feature that fixes an issue: not repairs by title
    for (const title of ['Fix typo in README', 'fixup! add page', 'prefix: add option', 'feat: add export (fixes #12)']) expect(reasons({ title }), title).toEqual([]);
  });

  it('takes a hotfix/ branch, under a user prefix too, but not a branch that only mentions it', () => {
    expect(reasons({ branch: 'hotfix/1.2.3' })).toEqual(['hotfixBranch']);
    expect(reasons({ branch: 'ada/hot-fix/login' })).toEqual(['hotfixBranch']);
    expect(reasons({ branch: 'feature/hotfixes-page' })).toEqual([]);
  });

  it('takes a bug label by the default pattern, or by the one configured', () => {
    expect(reasons({ labels: ['enhancement', 'Type: Bug'] })).toEqual(['bugLabel']);
    expect(reasons({ labels: ['kind/bug'] })).toEqual(['bugLabel']);
    expect(reasons({ labels: ['🐛 bug'] })).toEqual(['bugLabel']);
    expect(reasons({ labels: ['not a bug', 'debug'] })).toEqual([]);
    expect(reasons({ labels: ['defect'] }, compileRegex('^defect$', '--bug-label', 'i'))).toEqual(['bugLabel']);
    expect(reasons({ labels: ['bug'] }, compileRegex('^defect$', '--bug-label', 'i'))).toEqual([]);
  });

  it('takes a revert, and lists every reason a change has', () => {
    expect(reasons({ isRevert: true, title: 'fix: revert the export', branch: 'hotfix/export', labels: ['bug'] })).toEqual(['revert', 'hotfixBranch', 'fixTitle', 'bugLabel']);
  });
});
