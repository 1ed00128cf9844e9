import { describe, expect, it } from 'vitest';
import type { Change, Deploy } from '../../src/domain.js';
import { DEFAULT_BUG_LABEL, compileRegex } from '../../src/options.js';
import { assignDeploys, type DeployContents } from '../../src/model/deploys.js';
import { markRepairs, ownRepairReasons } from '../../src/model/repairs.js';
import { change, h, sha } from './data.js';

const bugs = compileRegex(DEFAULT_BUG_LABEL, 'bugLabel', 'i');
const reasons = (o: { title?: string; branch?: string | null; labels?: string[]; isRevert?: boolean }, label = bugs) =>
  ownRepairReasons({ title: o.title ?? 'Add a page', branch: o.branch ?? null, labels: o.labels ?? [], isRevert: o.isRevert ?? false }, label);

describe('ownRepairReasons: what a change says of itself', () => {
  it('takes a Conventional Commits fix or hotfix title, with scope and breaking mark, and nothing else that says fix', () => {
    expect(reasons({ title: 'fix: crash on start' })).toEqual(['fixTitle']);
    expect(reasons({ title: 'fix(api)!: retry on 503' })).toEqual(['fixTitle']);
    expect(reasons({ title: 'Hotfix: login loop' })).toEqual(['fixTitle']);
    // after marks that are no words: apollo-client's #13184, an agent's pull request
    expect(reasons({ title: '🤖🤖🤖 fix(masking): preserve referential equality of masked data on refetch' })).toEqual(['fixTitle']);
    expect(reasons({ title: '[release-3.6.x] fix: keep the flush going' })).toEqual([]);
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

describe('markRepairs: the fixes of a failed deploy', () => {
  const D = 24;
  const ship = (ref: string, at: number, shipped: Change[], cutFrom = shipped.at(-1)): DeployContents => ({ ref, sha: cutFrom?.sha ?? ref, at, target: '', shipped: shipped.map((c) => c.sha), rollback: false });
  const repairsOf = (changes: readonly Change[]): Record<string, string[]> => Object.fromEntries(changes.map((c) => [c.id, c.flags.filter((f) => f.startsWith('repair:'))]));

  it('takes the revert alone when the restoring deploy is an ordinary release that holds it among later work', () => {
    /*
     * golang/tools: v0.38.0 (day 1) shipped the buildtag fixer (a), reverted on day 6 (ra); v0.39.0, the next
     * monthly release on day 36, holds the revert among work landed before it (b) and after it (c, and d, a fix:
     * of something else). Only the revert removed the failure: b, c and d fixed nothing of it.
     */
    const a = change('a', { title: 'go/analysis/passes/buildtag: suggest fix to remove +build lines', mergedAt: h(0), revertedBy: sha('ra') });
    const b = change('b', { title: 'all: minor improvement for docs', mergedAt: h(2 * D) });
    const ra = change('ra', { title: 'go/analysis/passes/buildtag: revert "suggest fix to remove +build lines"', mergedAt: h(6 * D), isRevert: true });
    const c = change('c', { title: 'go/ssa: print dominator tree', mergedAt: h(10 * D) });
    const d = change('d', { title: 'fix: crash in the inliner', mergedAt: h(20 * D) });
    const changes = [a, b, ra, c, d];
    const deploys = assignDeploys(changes, [ship('v0.38.0', h(D), [a]), ship('v0.39.0', h(36 * D), [b, ra, c, d])], { revertWindow: 14 * 86400, dropEmpty: true });
    markRepairs(changes, deploys, null);
    expect(deploys.map((x: Deploy) => [x.ref, x.failed, x.restoredAfter, x.failingReverts, x.rework])).toEqual([
      // failed by the revert 5 days on, restored 35 days on by the release that holds it
      ['v0.38.0', true, 35 * 86400, [{ sha: sha('ra'), at: h(6 * D) }], false],
      // a planned release, not rework: it shipped 3 changes that fixed nothing of the failure
      ['v0.39.0', false, null, undefined, false],
    ]);
    expect(repairsOf(changes)).toEqual({ a: [], b: [], ra: ['repair:revert', 'repair:failed-deploy-fix'], c: [], d: ['repair:fix-title'] });
  });

  it('takes all a restoring deploy carried since the failure when it was cut for the fix, a follow-up fix: and its release commit too', () => {
    /*
     * tokio-1.52.1: 1.52.0 (hour 24) shipped a, reverted at hour 40 (ra); a CI change the patch needed (ci, hour
     * 30), a follow-up fix (fx, hour 41) and the release commit (rel, hour 42, the commit 1.52.1 was cut from)
     * went out with the revert at hour 42: nothing in 1.52.1 landed after the revert but a repair and the release.
     */
    const a = change('a', { title: 'rt: spawn_blocking on the shared pool', mergedAt: h(0), revertedBy: sha('ra') });
    const ci = change('ci', { title: 'ci: update trybuild to expect output from rustc 1.95.0', mergedAt: h(30) });
    const ra = change('ra', { title: 'rt: revert #7757 to fix regression in spawn_blocking', mergedAt: h(40), isRevert: true });
    const fx = change('fx', { title: 'fix: keep the blocking pool size', mergedAt: h(41) });
    const rel = change('rel', { title: 'chore: prepare to release v1.52.1', mergedAt: h(42) });
    const changes = [a, ci, ra, fx, rel];
    const deploys = assignDeploys(changes, [ship('tokio-1.52.0', h(24), [a]), ship('tokio-1.52.1', h(42), [ci, ra, fx, rel])], { revertWindow: 14 * 86400, dropEmpty: true });
    markRepairs(changes, deploys, null);
    expect(deploys.map((x) => [x.ref, x.failed, x.restoredAfter, x.rework])).toEqual([['tokio-1.52.0', true, 18 * 3600, false], ['tokio-1.52.1', false, null, true]]);
    expect(repairsOf(changes)).toEqual({
      a: [],
      ci: ['repair:failed-deploy-fix'],
      ra: ['repair:revert', 'repair:failed-deploy-fix'],
      fx: ['repair:fix-title', 'repair:failed-deploy-fix'],
      rel: ['repair:failed-deploy-fix'],
    });
  });

  it('takes the changes of no product a cut-for-the-fix release carried too, which no product deploy lists', () => {
    // the same tokio-1.52.1 in a repository of products: the CI change belongs to no crate, so the tokio deploy's list
    // leaves it out while its ref is the change's; read from the list alone it was no repair (the checker's finding)
    const a = change('a', { title: 'rt: spawn_blocking on the shared pool', mergedAt: h(0), revertedBy: sha('ra'), products: ['tokio'] });
    const ci = change('ci', { title: 'ci: update trybuild to expect output from rustc 1.95.0', mergedAt: h(30), products: [] });
    const ra = change('ra', { title: 'rt: revert #7757 to fix regression in spawn_blocking', mergedAt: h(40), isRevert: true, products: ['tokio'] });
    const rel = change('rel', { title: 'chore: prepare to release v1.52.1', mergedAt: h(42), products: ['tokio'] });
    // a docs change of no product shipped by another deploy at the same hour is not carried by this one
    const docs = change('docs', { title: 'docs: a page', mergedAt: h(35), products: [] });
    const changes = [a, ci, ra, rel, docs];
    const deploys = assignDeploys(changes, [ship('tokio-1.52.0', h(24), [a]), ship('tokio-1.52.1', h(42), [ci, ra, rel]), ship('tokio-util-0.7.19', h(42), [docs])], { revertWindow: 14 * 86400, dropEmpty: true });
    const product = deploys.map((d) => (d.ref.startsWith('tokio-util') ? { ...d, product: 'tokio-util', changeShas: [] } : { ...d, product: 'tokio', changeShas: d.changeShas.filter((x) => x !== sha('ci')) }));
    markRepairs(changes, product, null);
    expect([ci.deployRef, docs.deployRef]).toEqual(['tokio-1.52.1', 'tokio-util-0.7.19']);
    expect(repairsOf(changes)).toEqual({ a: [], ci: ['repair:failed-deploy-fix'], ra: ['repair:revert', 'repair:failed-deploy-fix'], rel: ['repair:failed-deploy-fix'], docs: [] });
  });

  it('takes a restoring release that carried a feature since the failure for a planned one: the revert alone fixed it', () => {
    // getsentry/sentry-python's 2.52.0, its weekly release: the revert landed last, after a week's work that held a
    // feature; read as cut for the fix, all 30 changes were fixes of the failure and the release rework
    const a = change('a', { title: 'feat: the span streaming API', mergedAt: h(0), revertedBy: sha('ra') });
    const feat = change('feat', { title: 'feat(span-streaming): Add span batcher', mergedAt: h(30) });
    const ci = change('ci', { title: 'ci: pin the runners', mergedAt: h(32) });
    const ra = change('ra', { title: 'Revert "feat: the span streaming API"', mergedAt: h(40), isRevert: true });
    const changes = [a, feat, ci, ra];
    const deploys = assignDeploys(changes, [ship('2.51.0', h(24), [a]), ship('2.52.0', h(42), [feat, ci, ra])], { revertWindow: 14 * 86400, dropEmpty: true });
    markRepairs(changes, deploys, null);
    expect(deploys.map((x) => [x.ref, x.failed, x.rework])).toEqual([['2.51.0', true, false], ['2.52.0', false, false]]);
    expect(repairsOf(changes)).toEqual({ a: [], feat: [], ci: [], ra: ['repair:revert', 'repair:failed-deploy-fix'] });
  });

  it('takes every change landed after a failure that names no fix (a deployment status), as time alone can tell', () => {
    const before = change('before', { mergedAt: h(1) });
    const after = change('after', { title: 'Guard the config', mergedAt: h(3) });
    const failed: Deploy = { ref: 'production@f00', sha: 'f00', at: h(2), changeShas: [], rollback: false, rework: false, failed: true, failureReasons: ['deployment status failure'], restoredAfter: 2 * 3600 };
    const restoring: Deploy = { ref: 'production@b4r', sha: sha('after'), at: h(4), changeShas: [before.sha, after.sha], rollback: false, rework: false, failed: false, failureReasons: [], restoredAfter: null };
    markRepairs([before, after], [failed, restoring], null);
    expect(repairsOf([before, after])).toEqual({ before: [], after: ['repair:failed-deploy-fix'] });
  });
});
