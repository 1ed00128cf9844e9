import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Commit } from '../../src/domain.js';
import { trackedLine } from '../../src/model/tracked-line.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * `git pull` without rebase: GitHub's main merged pull request #7 on 03-03 while the maintainer committed locally
 * on 03-04; the pull on 03-05 merged GitHub's main into the local one (`Merge branch 'main' of …`), which was
 * pushed and tagged v1.0 on 03-06. #7 landed on main when GitHub merged it: a change merged 03-03, first commit
 * 03-02, shipped by v1.0, one line added. The pull lands nothing of its own.
 */
describe('the sides of a branch merged into itself (git pull)', () => {
  const repos: FixtureRepo[] = [];
  afterAll(() => repos.forEach((r) => r.cleanup()));

  it('lands the pull requests GitHub merged on the side, at their own merge, with their sizes', async () => {
    const repo = buildRepo([
      { commit: 'initial commit', at: '2026-03-01T10:00:00Z' },
      { branch: 'github-main' },
      { branch: 'fix-parser' },
      { commit: 'Fix the parser', on: 'fix-parser', at: '2026-03-02T10:00:00Z' },
      { merge: 'fix-parser', into: 'github-main', at: '2026-03-03T10:00:00Z', message: 'Merge pull request #7 from ada/fix-parser\n\nFix the parser' },
      { commit: 'Local work', on: 'main', at: '2026-03-04T10:00:00Z' },
      { merge: 'github-main', into: 'main', at: '2026-03-05T10:00:00Z', message: "Merge branch 'main' of github.com:ada/parser" },
      { tag: 'v1.0', ref: 'main', at: '2026-03-06T10:00:00Z', annotated: true },
    ]);
    repos.push(repo);
    const report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false });
    const pull = report.changes.find((c) => c.number === 7);
    expect(pull).toMatchObject({
      kind: 'merge', firstCommitAt: '2026-03-02T10:00:00Z', mergedAt: '2026-03-03T10:00:00Z', deployedAt: '2026-03-06T10:00:00Z', additions: 1, deletions: 0,
    });
    expect(report.changes.filter((c) => c.kind === 'sync').map((c) => c.title)).toEqual(["Merge branch 'main' of github.com:ada/parser"]);
    expect(report.changes.filter((c) => c.kind === 'direct').map((c) => c.title)).toEqual(['initial commit', 'Local work']);
    expect(report.warnings.filter((w) => /unknown size/.test(w))).toEqual([]);
  });
});

describe('trackedLine', () => {
  const commit = (sha: string, parents: string[], subject: string): Commit => ({ sha, parents, subject, bodyFirstLine: '', mergeRequest: null }) as Commit;
  const map = (...list: Commit[]): Map<string, Commit> => new Map(list.map((c) => [c.sha, c]));

  it('puts a pull\'s side before it, oldest first, and leaves a pull request from a fork\'s main a merge of its own', () => {
    // a ← b ← P (pull of s2 ← s1 ← a) ← M (pull request #9 from bob/main: f ← a)
    const commits = map(
      commit('a', [], 'initial'), commit('b', ['a'], 'local'), commit('s1', ['a'], 'Merge pull request #3 from x/y'), commit('s2', ['s1'], 'direct on GitHub'),
      commit('P', ['b', 's2'], "Merge remote-tracking branch 'origin/main'"), commit('f', ['a'], 'fork work'), commit('M', ['P', 'f'], 'Merge pull request #9 from bob/main'),
    );
    const { line, pulled } = trackedLine('M', commits, 'main');
    expect(line.map((c) => c.sha)).toEqual(['a', 'b', 's1', 's2', 'P', 'M']);
    expect(pulled).toEqual(['s1', 's2']);
  });

  it('lands no side of a merge of another history\'s branch of the same name: it reaches no landed commit', () => {
    // git.git's `Merge branch 'master' of https://github.com/j6t/gitk`: gitk's master runs down to gitk's own root
    const commits = map(
      commit('a', [], 'initial'), commit('b', ['a'], 'local'), commit('g1', [], 'gitk: initial'), commit('g2', ['g1'], 'gitk: fix'),
      commit('M', ['b', 'g2'], "Merge branch 'master' of https://github.com/j6t/gitk"),
    );
    const { line, pulled } = trackedLine('M', commits, 'master');
    expect([line.map((c) => c.sha), pulled]).toEqual([['a', 'b', 'M'], []]);
  });

  it('reads a pull on a pulled side the same way', () => {
    // a ← b ← P1 (side: q ← P2 (side: r ← a) ← ... ) : P2 merges origin/main into the side's own line
    const commits = map(
      commit('a', [], 'initial'), commit('b', ['a'], 'local'), commit('r', ['a'], 'on GitHub'), commit('c', ['a'], 'other clone'),
      commit('P2', ['c', 'r'], "Merge branch 'main' of github.com:o/r"), commit('q', ['P2'], 'after'), commit('P1', ['b', 'q'], "Merge branch 'main' of github.com:o/r"),
    );
    const { line } = trackedLine('P1', commits, 'main');
    expect(line.map((c) => c.sha)).toEqual(['a', 'b', 'c', 'r', 'P2', 'q', 'P1']);
  });

  it('reads a pull whose message was typed over git\'s own (`merge main`) as one, and a merge of another branch so named not', () => {
    // svelte's 4e847cfd14 `merge main`: its side, bd697c12c6 (#16995) on cd3a11edff (#17018), squashed on GitHub
    const pulledIn = (subject: string, branch: string) => {
      const commits = map(
        commit('a', [], 'initial'), commit('b', ['a'], 'fix: pushed to main by mistake (#17020)'),
        commit('s1', ['a'], 'fix: transition locality (#17018)'), commit('s2', ['s1'], 'fix: flush pending changes (#16995)'),
        commit('P', ['b', 's2'], subject),
      );
      return trackedLine('P', commits, branch);
    };
    expect(pulledIn('merge main', 'main').line.map((c) => c.sha)).toEqual(['a', 'b', 's1', 's2', 'P']);
    expect(pulledIn('Merge origin/main', 'main').pulled).toEqual(['s1', 's2']);
    // a merge naming another branch lands its side as a change of its own, as before
    expect(pulledIn('merge feature', 'main').line.map((c) => c.sha)).toEqual(['a', 'b', 'P']);
    expect(pulledIn('merge main', 'master').pulled).toEqual([]);
  });
});
