import { describe, expect, it } from 'vitest';
import { parseCodeowners, teamsOf } from '../../src/model/owners.js';

const CODEOWNERS = [
  '# default owner',
  '*                 @acme/platform',
  '/src/payments/    @acme/payments',
  '/src/checkout/    @acme/checkout @acme/payments-reviewers',
  'docs/*            @acme/docs',
  '*.md              @alice # inline comment',
  '/src/generated/',
  'ops@acme.com-dir/ OPS@acme.com',
].join('\n');

describe('CODEOWNERS', () => {
  const owners = parseCodeowners(CODEOWNERS);

  it('the last matching pattern wins, an owner named without @ and organisation', () => {
    expect(owners.of('src/payments/api.ts')).toEqual(['payments']);
    expect(owners.of('src/payments/README.md')).toEqual(['alice']);
    expect(owners.of('src/checkout/cart.ts')).toEqual(['checkout', 'payments-reviewers']);
    expect(owners.of('Makefile')).toEqual(['platform']);
  });

  it('a pattern with no owner takes ownership away; an anchored pattern does not match deeper', () => {
    expect(owners.of('src/generated/a.ts')).toEqual([]);
    expect(owners.of('lib/src/payments/api.ts')).toEqual(['platform']);
  });

  it('docs/* owns the files directly in docs/, not those in a folder below (as GitHub, unlike gitignore)', () => {
    expect(owners.of('docs/guide.txt')).toEqual(['docs']);
    expect(owners.of('docs/api/guide.txt')).toEqual(['platform']);
  });

  it('an email owner is kept as written, lower-cased', () => {
    expect(owners.of('ops@acme.com-dir/run.sh')).toEqual(['ops@acme.com']);
  });

  it('no CODEOWNERS line matches: nobody owns the path', () => {
    expect(parseCodeowners('/src/ @acme/core\n').of('README')).toEqual([]);
  });
});

describe('the teams of a change: every owner of at least a third of its changed lines', () => {
  const owners = parseCodeowners('/pay/ @o/payments\n/shop/ @o/checkout\n');

  it('one team owns every line', () => {
    expect(teamsOf([{ path: 'pay/a.ts', lines: 10 }, { path: 'pay/b.ts', lines: 5 }], owners)).toEqual(['payments']);
  });

  it('a 50/50 change belongs to both teams, an 80/20 one to the first alone', () => {
    expect(teamsOf([{ path: 'pay/a.ts', lines: 20 }, { path: 'shop/a.ts', lines: 20 }], owners)).toEqual(['checkout', 'payments']);
    expect(teamsOf([{ path: 'pay/a.ts', lines: 80 }, { path: 'shop/a.ts', lines: 20 }], owners)).toEqual(['payments']);
  });

  it('at the edge: exactly a third is enough, one line less is not', () => {
    expect(teamsOf([{ path: 'pay/a.ts', lines: 20 }, { path: 'shop/a.ts', lines: 10 }], owners)).toEqual(['checkout', 'payments']);
    expect(teamsOf([{ path: 'pay/a.ts', lines: 21 }, { path: 'shop/a.ts', lines: 10 }], owners)).toEqual(['payments']);
  });

  it('unowned lines count in the whole: a team with a quarter of it does not own the change', () => {
    expect(teamsOf([{ path: 'pay/a.ts', lines: 10 }, { path: 'README', lines: 30 }], owners)).toEqual([]);
    expect(teamsOf([{ path: 'README', lines: 3 }], owners)).toEqual([]);
  });

  it('a change of binary files alone is weighed by files', () => {
    expect(teamsOf([{ path: 'pay/logo.png', lines: 0 }, { path: 'shop/a.png', lines: 0 }, { path: 'x.png', lines: 0 }], owners)).toEqual(['checkout', 'payments']);
  });
});

describe('CODEOWNERS patterns as GitHub documents them, matched in linear time', () => {
  it('matches with case, as GitHub does', () => {
    const owners = parseCodeowners('/Docs/ @acme/docs\n*.MD @alice\n');
    expect([owners.of('Docs/a.txt'), owners.of('docs/a.txt'), owners.of('x.MD'), owners.of('x.md')]).toEqual([['docs'], [], ['alice'], []]);
  });

  it('**/logs owns every file in a logs folder at any depth; an owner-less /apps/github takes its folder back', () => {
    const owners = parseCodeowners('**/logs @octocat\n/apps/ @octocat\n/apps/github\n');
    expect(['build/logs/a', 'deeply/nested/logs/b', 'logs/c', 'apps/x', 'apps/github/y'].map((p) => owners.of(p))).toEqual([['octocat'], ['octocat'], ['octocat'], ['octocat'], []]);
  });

  it('leaves out a pattern past what a glob may cost, saying on which line, and keeps the others', () => {
    const refused: Array<[number, string]> = [];
    const owners = parseCodeowners(`* @all\n${'a*'.repeat(200)} @x\n`, (line, why) => refused.push([line, why]));
    expect(refused).toEqual([[2, 'more than 100 wildcards']]);
    expect(owners.of('aaaa')).toEqual(['all']);
  });
});
