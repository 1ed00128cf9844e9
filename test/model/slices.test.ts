import { describe, expect, it } from 'vitest';
import { parseCodeowners } from '../../src/model/owners.js';
import { groupChanges, parseGrouping, parseSlice, slicePredicate, sliceName, type SliceFacts } from '../../src/model/slices.js';

const owners = parseCodeowners('/pay/ @acme/payments\n/shop/ @acme/checkout\n');
const change = (id: string, files: Array<[string, number]>, more: Partial<SliceFacts> = {}): SliceFacts => ({
  id, files: files.map(([path, lines]) => ({ path, lines })), labels: [], aiAssisted: false, bot: false, author: 'ada', ...more,
});
const changes = [
  change('a', [['pay/x.ts', 10]], { labels: ['AI-Pilot'], aiAssisted: true }),
  change('b', [['pay/x.ts', 5], ['shop/y.ts', 5]], { bot: true, author: 'dependabot[bot]' }),
  change('c', [['pay/x.ts', 8], ['shop/y.ts', 2]], { labels: ['bug', 'ai-pilot'] }),
  change('d', [['README', 3]], { author: 'Grace', authorEmail: 'grace@example.com' }),
];
const ids = (slice: string): string[] => changes.filter(slicePredicate(parseSlice(slice), owners)).map((c) => c.id);

describe('slices', () => {
  it('team:NAME holds the changes the team owns a third of; team:unowned the rest', () => {
    expect(ids('team:payments')).toEqual(['a', 'b', 'c']);
    expect(ids('team:@acme/checkout')).toEqual(['b']);
    expect(ids('team:unowned')).toEqual(['d']);
  });

  it('path, label, ai, other, bots and author', () => {
    expect(ids('path:shop/')).toEqual(['b', 'c']);
    expect(ids('path:*.ts')).toEqual(['a', 'b', 'c']);
    expect(ids('label:ai-pilot')).toEqual(['a', 'c']);
    expect(ids('ai')).toEqual(['a']);
    expect(ids('other')).toEqual(['b', 'c', 'd']);
    expect(ids('bots')).toEqual(['b']);
    expect(ids('author:GRACE@example.com')).toEqual(['d']);
    expect(ids('author:grace')).toEqual(['d']);
  });

  it('without a CODEOWNERS file every change is unowned', () => {
    expect(changes.filter(slicePredicate(parseSlice('team:payments'), null))).toEqual([]);
    expect(changes.filter(slicePredicate(parseSlice('team:unowned'), null))).toHaveLength(4);
  });

  it('names a slice as written back', () => {
    expect(sliceName(parseSlice(' team:@acme/Payments '))).toBe('team:payments');
    expect(sliceName(parseSlice('bots'))).toBe('bots');
  });

  it('refuses what is not a slice or a grouping', () => {
    expect(() => parseSlice('squad:x')).toThrow(/'squad:x' is not a slice/);
    expect(() => parseSlice('team:')).toThrow(/not a slice/);
    expect(() => parseGrouping('path:0')).toThrow(/not a grouping/);
    expect(parseGrouping('path:2')).toEqual({ kind: 'path', depth: 2 });
  });
});

describe('--by groups', () => {
  it('by team: a change in every team owning a third, unowned when none does', () => {
    expect([...groupChanges(changes, { kind: 'team' }, owners)]).toEqual([
      ['team:payments', ['a', 'b', 'c']],
      ['team:checkout', ['b']],
      ['team:unowned', ['d']],
    ]);
  });

  it('by folder, the same rule; a file at the top is in the top level', () => {
    const deep = [change('e', [['src/api/a.ts', 2], ['src/web/b.ts', 1]]), change('f', [['src/api/a.ts', 1], ['src/web/b.ts', 3]])];
    expect([...groupChanges([...deep, changes[3] as SliceFacts], { kind: 'path', depth: 2 }, null)]).toEqual([
      ['path:src/api', ['e']],
      ['path:src/web', ['e', 'f']],
      ['path:(top level)', ['d']],
    ]);
  });

  it('by label: each label once, without case; no label in its own group', () => {
    expect([...groupChanges(changes, { kind: 'label' }, owners)]).toEqual([
      ['label:ai-pilot', ['a', 'c']],
      ['label:(no label)', ['b', 'd']],
      ['label:bug', ['c']],
    ]);
  });
});
