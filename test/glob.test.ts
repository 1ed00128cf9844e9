import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileGlob, GLOB_LIMITS, GlobError } from '../src/glob.js';

const matches = (glob: string, syntax: 'gitignore' | 'folder', paths: string[], options = {}): string[] => {
  const g = compileGlob(glob, syntax, options);
  return paths.filter((p) => g.test(p));
};

describe('gitignore globs (CODEOWNERS, .gitattributes, product paths, path: slices)', () => {
  const paths = ['docs/a.md', 'docs/guide/b.md', 'src/docs/c.md', 'apps/web/x.ts', 'lib/apps/y.ts', 'build/logs/z', 'a/logs/deep/q', 'README.md', 'src/README.md'];

  it('anchors a glob with a slash at the root and lets one without match at any depth', () => {
    expect(matches('/docs/', 'gitignore', paths)).toEqual(['docs/a.md', 'docs/guide/b.md']);
    expect(matches('docs/', 'gitignore', paths)).toEqual(['docs/a.md', 'docs/guide/b.md', 'src/docs/c.md']);
    expect(matches('apps/', 'gitignore', paths)).toEqual(['apps/web/x.ts', 'lib/apps/y.ts']);
    expect(matches('README.md', 'gitignore', paths)).toEqual(['README.md', 'src/README.md']);
    expect(matches('/README.md', 'gitignore', paths)).toEqual(['README.md']);
    expect(matches('*.md', 'gitignore', paths)).toEqual(['docs/a.md', 'docs/guide/b.md', 'src/docs/c.md', 'README.md', 'src/README.md']);
  });

  it('reads ** as any depth and takes in what a matched folder holds', () => {
    expect(matches('**/logs', 'gitignore', paths)).toEqual(['build/logs/z', 'a/logs/deep/q']);
    expect(matches('/build/logs/', 'gitignore', paths)).toEqual(['build/logs/z']);
    expect(matches('docs/**', 'gitignore', paths)).toEqual(['docs/a.md', 'docs/guide/b.md']);
    expect(matches('a/**/q', 'gitignore', paths)).toEqual(['a/logs/deep/q']);
  });

  it('keeps docs/* to the files directly in docs/ when a match takes in no folder\'s files (CODEOWNERS)', () => {
    expect(matches('docs/*', 'gitignore', paths, { contents: false })).toEqual(['docs/a.md']);
    expect(matches('docs/*', 'gitignore', paths)).toEqual(['docs/a.md', 'docs/guide/b.md']);
  });

  it('is case-sensitive, as git and GitHub are, and escapes with a backslash', () => {
    expect(matches('readme.md', 'gitignore', paths)).toEqual([]);
    expect(matches('\\*.md', 'gitignore', ['*.md', 'a.md'])).toEqual(['*.md']);
    expect(matches('a[bc].txt', 'gitignore', ['ab.txt', 'ad.txt', 'a/.txt'])).toEqual(['ab.txt']);
    expect(matches('a[!b].txt', 'gitignore', ['ab.txt', 'ad.txt', 'a/.txt'])).toEqual(['ad.txt']);
  });

  // git itself is the oracle: `git check-ignore --no-index` applies the same glob to the same paths
  describe('agrees with git check-ignore on any glob and path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowaudit-glob-'));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const gitMatches = (glob: string, list: string[]): string[] => {
      writeFileSync(join(dir, '.gitignore'), `${glob}\n`);
      try {
        const out = execFileSync('git', ['check-ignore', '--no-index', '--stdin'], { cwd: dir, input: `${list.join('\n')}\n`, encoding: 'utf8' });
        return out.split('\n').filter((l) => l !== '');
      } catch (error) {
        // exit 1: none matched
        if ((error as { status?: number }).status === 1) return [];
        throw error;
      }
    };
    // `**` as a whole name; within a name no two stars together, where git 2.39 strays from what its
    // documentation says ("other consecutive asterisks are regular asterisks": git lets `b**/b` match `b/a/b`)
    const name = fc.oneof(fc.constant('**'), fc.stringMatching(/^(?:[ab]|\*|\?|\[ab\]|\[!a\]){1,3}$/).filter((n) => !n.includes('**')));
    const glob = fc.tuple(fc.constantFrom('', '/'), fc.array(name, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '/'))
      .map(([lead, names, tail]) => `${lead}${names.join('/')}${tail}`);
    const path = fc.array(fc.stringMatching(/^[ab]{1,3}$/), { minLength: 1, maxLength: 5 }).map((names) => names.join('/'));

    it('for globs of a, b, *, **, ?, [ab], [!a] and paths of a and b', () => {
      fc.assert(fc.property(glob, fc.uniqueArray(path, { minLength: 1, maxLength: 30 }), (g, list) => {
        const byGit = list.filter((p) => new Set(gitMatches(g, list)).has(p));
        expect(matches(g, 'gitignore', list)).toEqual(byGit);
        expect(matches(g, 'gitignore', list, { engine: 're2' })).toEqual(byGit);
      }), { numRuns: 100 });
    });
  });
});

describe('folder globs (workspace manifests)', () => {
  const folders = ['packages', 'packages/a', 'packages/b', 'packages/integrations/react', 'packages/integrations/vue/sub', 'apps/web', 'tools'];

  it('matches a folder whole: * one name, ** any depth, ? one character, braces one of several', () => {
    expect(matches('packages/*', 'folder', folders)).toEqual(['packages/a', 'packages/b']);
    expect(matches('packages/*/*', 'folder', folders)).toEqual(['packages/integrations/react']);
    expect(matches('packages/**', 'folder', folders)).toEqual(['packages', 'packages/a', 'packages/b', 'packages/integrations/react', 'packages/integrations/vue/sub']);
    expect(matches('**/sub', 'folder', folders)).toEqual(['packages/integrations/vue/sub']);
    expect(matches('./tools/', 'folder', folders)).toEqual(['tools']);
    expect(matches('{apps,tools}/**', 'folder', folders)).toEqual(['apps/web', 'tools']);
    expect(matches('packages/?', 'folder', folders)).toEqual(['packages/a', 'packages/b']);
  });
});

describe('the two engines', () => {
  // a glob of names, `*`, `?` and `**` runs on the name matcher; on RE2 it must say the same
  const glob = fc.tuple(fc.constantFrom('', '/', './'), fc.array(fc.oneof(fc.constant('**'), fc.stringMatching(/^[ab*?]{1,4}$/)), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '/'))
    .map(([lead, names, tail]) => `${lead}${names.join('/')}${tail}`);
  const path = fc.array(fc.stringMatching(/^[ab]{1,3}$/), { minLength: 1, maxLength: 6 }).map((names) => names.join('/'));

  it('agree on any glob of names, * , ? and ** against any path, in both syntaxes, a folder\'s files taken in or not', () => {
    fc.assert(fc.property(glob, fc.uniqueArray(path, { minLength: 1, maxLength: 20 }), fc.constantFrom<'gitignore' | 'folder'>('gitignore', 'folder'), fc.boolean(), (g, list, syntax, contents) => {
      if (g.replace(/^\.?\//, '').replace(/\/$/, '') === '') return;
      expect(matches(g, syntax, list, { contents })).toEqual(matches(g, syntax, list, { contents, engine: 're2' }));
    }), { numRuns: 500 });
  });
});

describe('what a glob may cost', () => {
  it('refuses a glob longer than the limit or with more wildcards, saying which', () => {
    expect(() => compileGlob('a'.repeat(GLOB_LIMITS.length + 1), 'gitignore')).toThrow(new GlobError(`longer than ${GLOB_LIMITS.length} characters`));
    expect(() => compileGlob('a*'.repeat(GLOB_LIMITS.wildcards + 1), 'folder')).toThrow(GlobError);
    expect(() => compileGlob('/', 'gitignore')).toThrow(GlobError);
    expect(compileGlob('a*'.repeat(GLOB_LIMITS.wildcards), 'folder').test('a'.repeat(GLOB_LIMITS.wildcards))).toBe(true);
  });
});

describe('hostile globs finish in linear time', () => {
  const within = (ms: number, run: () => unknown): unknown => {
    const start = performance.now();
    const result = run();
    expect(performance.now() - start).toBeLessThan(ms);
    return result;
  };
  const deep = (n: number): string => `${'a/'.repeat(n)}b`;

  it('a*a*a*… against a long name, on either engine', () => {
    const glob = `${'a*'.repeat(GLOB_LIMITS.wildcards)}c`;
    for (const engine of [undefined, 're2'] as const) {
      expect(within(2000, () => compileGlob(glob, 'folder', { engine }).test('a'.repeat(4000)))).toBe(false);
      expect(within(2000, () => compileGlob(glob, 'gitignore', { engine }).test(`x/${'a'.repeat(100_000)}`))).toBe(false);
    }
  });

  it('**/**/… and **/a/**/a/… against a deep path, on either engine', () => {
    for (const engine of [undefined, 're2'] as const) {
      expect(within(2000, () => compileGlob(`${'**/'.repeat(300)}c`, 'gitignore', { engine }).test(deep(2000)))).toBe(false);
      expect(within(2000, () => compileGlob(`${'**/a/'.repeat(50)}c`, 'gitignore', { engine }).test(deep(2000)))).toBe(false);
      expect(within(2000, () => compileGlob(`${'**/a/'.repeat(50)}c`, 'folder', { engine }).test(deep(50_000)))).toBe(false);
    }
  });
});
