import { describe, expect, it } from 'vitest';
import { parseCodeowners } from '../../src/model/owners.js';
import { change as domainChange } from './data.js';
import type { Change } from '../../src/domain.js';
import type { SliceKind } from '../../src/model/slice-kind.js';
import { SLICE_KINDS } from '../../src/model/slice-kinds.js';
import {
  groupChanges, groupingChoices, groupingHelp, groupingName, groupingNoun, isNoGroup, namesSlice, parseGrouping, parseSlice, refuseUnknownSlices, rowSlice, sliceForms, sliceMeasure, sliceName,
  sliceNeeds, slicePredicate, sortByGrouping, type SliceFacts,
} from '../../src/model/slices.js';

const owners = { owners: parseCodeowners('/pay/ @acme/payments\n/shop/ @acme/checkout\n') };
// each change as the domain holds it: a kind reading another of its fields finds it here too
const change = (id: string, files: Array<[string, number]>, more: Partial<Change> = {}): SliceFacts => ({
  id, files: files.map(([path, lines]) => ({ path, lines })), change: domainChange(id, { author: 'ada', ...more }),
});
const changes = [
  change('a', [['pay/x.ts', 10]], { labels: ['AI-Pilot'], aiEvidence: ['Co-authored-by: Claude'] }),
  change('b', [['pay/x.ts', 5], ['shop/y.ts', 5]], { bot: true, author: 'dependabot[bot]' }),
  change('c', [['pay/x.ts', 8], ['shop/y.ts', 2]], { labels: ['bug', 'ai-pilot'], products: ['@acme/Web'] }),
  change('d', [['README', 3]], { author: 'Grace', products: ['api'] }),
];
const ids = (slice: string): string[] => changes.filter(slicePredicate(parseSlice(slice), owners)).map((c) => c.id);

describe('slices', () => {
  it('team:NAME holds the changes the team owns a third of; team:unowned the rest', () => {
    expect(ids('team:payments')).toEqual(['a', 'b', 'c']);
    expect(ids('team:@acme/checkout')).toEqual(['b']);
    expect(ids('team:unowned')).toEqual(['d']);
  });

  it('product, path, label, ai, other, bots and author', () => {
    expect(ids('product:@ACME/web')).toEqual(['c']);
    expect(ids('path:shop/')).toEqual(['b', 'c']);
    expect(ids('path:*.ts')).toEqual(['a', 'b', 'c']);
    expect(ids('label:ai-pilot')).toEqual(['a', 'c']);
    expect(ids('ai')).toEqual(['a']);
    expect(ids('other')).toEqual(['b', 'c', 'd']);
    expect(ids('bots')).toEqual(['b']);
    expect(ids('author:GRACE')).toEqual(['d']);
  });

  it('without a CODEOWNERS file every change is unowned', () => {
    expect(changes.filter(slicePredicate(parseSlice('team:payments'), { owners: null }))).toEqual([]);
    expect(changes.filter(slicePredicate(parseSlice('team:unowned'), { owners: null }))).toHaveLength(4);
  });

  it('names a slice as written back', () => {
    expect(sliceName(parseSlice(' team:@acme/Payments '))).toBe('team:payments');
    expect(sliceName(parseSlice('bots'))).toBe('bots');
    expect(sliceName(parseSlice('path:src/API/'))).toBe('path:src/API/');
  });

  it('reads a kind\'s name without case, as its values, and writes it back as the registry names it', () => {
    expect(sliceName(parseSlice('Team:@acme/Payments'))).toBe('team:payments');
    expect(parseSlice('AI')).toEqual({ kind: 'ai', value: null });
    expect(() => parseSlice('AI:nonesuch')).toThrow(/^'AI:nonesuch' is not a slice: ai:TOOL takes /);
    expect(namesSlice('AI')).toBe(true);
    expect(namesSlice('Team:payments@2026-01-01..2026-02-01')).toBe(true);
    expect(namesSlice('Rest', ['rest'])).toBe(true);
    for (const file of ['AI.json', 'Team.json', 'Bots-report.json']) expect(namesSlice(file), file).toBe(false);
    expect(parseGrouping('Path:2')).toEqual({ kind: 'path', argument: '2' });
    expect(groupingName(parseGrouping('TEAM'))).toBe('team');
    expect(groupingName(parseGrouping('path:3'))).toBe('path:3');
  });

  it('refuses what is not a slice, listing every kind of the registry', () => {
    expect(() => parseSlice('squad:x')).toThrow("'squad:x' is not a slice: write team:NAME, product:NAME, path:GLOB, label:NAME, ai[:TOOL], ai-agent, ai-assisted, other, bots or author:LOGIN");
    expect(() => parseSlice('team:')).toThrow(/not a slice/);
    // a kind that takes no value takes none, and one that takes a value needs it
    expect(() => parseSlice('bots:x')).toThrow(/not a slice/);
    expect(() => parseSlice('label')).toThrow(/not a slice/);
    // a key every object has is no kind
    expect(() => parseSlice('constructor:x')).toThrow(/not a slice/);
  });

  it('says what each slice reads and how its report is measured', () => {
    expect([...sliceNeeds([parseSlice('team:x')])].sort()).toEqual(['files', 'owners']);
    expect([...sliceNeeds([parseSlice('path:x'), parseSlice('label:y')])]).toEqual(['files']);
    expect([...sliceNeeds([parseSlice('product:x'), parseSlice('ai')])]).toEqual([]);
    expect(sliceMeasure(parseSlice('bots')).countBots).toBe(true);
    expect(sliceMeasure(parseSlice('team:x'))).toEqual({ countBots: false, ownProduct: undefined });
    const own = sliceMeasure(parseSlice('product:@Acme/API')).ownProduct;
    expect(['@acme/api', 'web', undefined].map((p) => own?.(p))).toEqual([true, false, false]);
  });

  it('tells a slice from a file or a window, for each kind of the registry', () => {
    for (const form of sliceForms()) expect(namesSlice(form.replace(/\[?:[A-Z]+\]?$/, ':x')), form).toBe(true);
    expect(namesSlice('ai')).toBe(true);
    expect(namesSlice('ai-agent@2026-01-01..2026-02-01')).toBe(true);
    expect(namesSlice('product:@acme/api')).toBe(true);
    expect(namesSlice('ai@2026-01-01..2026-02-01')).toBe(true);
    expect(namesSlice('rest', ['rest'])).toBe(true);
    expect(namesSlice('rest')).toBe(false);
    for (const file of ['report.json', 'ai.json', 'teams/a.json', '2026-01-01..2026-02-01', 'c:/reports/a.json', 'bots-report.json']) expect(namesSlice(file), file).toBe(false);
  });
});

describe('--by groups', () => {
  it('by team: a change in every team owning a third, unowned when none does', () => {
    expect([...groupChanges(changes, parseGrouping('team'), owners)]).toEqual([
      ['team:payments', ['a', 'b', 'c']],
      ['team:checkout', ['b']],
      ['team:unowned', ['d']],
    ]);
  });

  it('by folder, the same rule; a file at the top is in the top level', () => {
    const deep = [change('e', [['src/api/a.ts', 2], ['src/web/b.ts', 1]]), change('f', [['src/api/a.ts', 1], ['src/web/b.ts', 3]])];
    expect([...groupChanges([...deep, changes[3] as SliceFacts], parseGrouping('path:2'), { owners: null })]).toEqual([
      ['path:src/api', ['e']],
      ['path:src/web', ['e', 'f']],
      ['path:(top level)', ['d']],
    ]);
  });

  it('by label: each label once, without case; no label in its own group', () => {
    expect([...groupChanges(changes, parseGrouping('label'), owners)]).toEqual([
      ['label:ai-pilot', ['a', 'c']],
      ['label:(no label)', ['b', 'd']],
      ['label:bug', ['c']],
    ]);
  });

  it('by product: each of its products; none in (no product)', () => {
    expect([...groupChanges(changes, parseGrouping('product'), owners)]).toEqual([
      ['product:(no product)', ['a', 'b']],
      ['product:@acme/Web', ['c']],
      ['product:api', ['d']],
    ]);
  });

  it('reads --by from the registry: its choices, help and errors', () => {
    expect(groupingChoices()).toEqual(['team', 'product', 'path:DEPTH', 'label', 'ai']);
    expect(groupingHelp()).toBe('team (CODEOWNERS), product (a monorepo\'s), path:DEPTH (folders DEPTH deep), label (GitHub) or ai (per AI tool)');
    expect(parseGrouping('path:2')).toEqual({ kind: 'path', argument: '2' });
    expect(() => parseGrouping('path:0')).toThrow('--by \'path:0\' is not a grouping: write team, product, path:DEPTH (such as path:2), label or ai');
    expect(() => parseGrouping('path')).toThrow(/not a grouping/);
    expect(() => parseGrouping('team:2')).toThrow(/not a grouping/);
    // author is a slice, never a table's rows
    expect(() => parseGrouping('author')).toThrow(/not a grouping/);
  });

  it('names a table\'s rows by the kind\'s noun, knows its rest row and the slice each other row is', () => {
    expect(['team', 'product', 'path:2', 'label', 'squad'].map((by) => groupingNoun(by))).toEqual(['team', 'product', 'folder', 'label', 'slice']);
    expect(isNoGroup('team:unowned', 'team')).toBe(true);
    expect(isNoGroup('path:(top level)', 'path:3')).toBe(true);
    expect(isNoGroup('label:unowned', 'label')).toBe(false);
    expect(rowSlice('product:@Acme/A', 'product')).toEqual({ kind: 'product', value: '@acme/a' });
    expect(rowSlice('product:(no product)', 'product')).toBeNull();
  });

  it('orders a table\'s rows: most changes first, the rest last, or by the kind\'s own order', () => {
    const rows = [{ name: 'team:unowned', changes: 9 }, { name: 'team:b', changes: 2 }, { name: 'team:a', changes: 2 }, { name: 'team:c', changes: 5 }];
    expect(sortByGrouping(rows, 'team').map((r) => r.name)).toEqual(['team:c', 'team:a', 'team:b', 'team:unowned']);
    // a kind with an order of its own (days of the week) keeps it whatever the counts
    const days = ['mon', 'tue', 'wed'];
    const weekday: SliceKind = {
      meta: { name: 'day', argument: 'DAY', noun: 'day', help: 'merged on that day', needs: [] },
      predicate: () => () => true,
      by: { help: 'days', groups: () => [], none: '(none)', order: (a, b) => days.indexOf(a) - days.indexOf(b) },
    };
    const kinds = { ...SLICE_KINDS, day: weekday };
    const byDay = [{ name: 'day:(none)', changes: 1 }, { name: 'day:wed', changes: 7 }, { name: 'day:mon', changes: 1 }, { name: 'day:tue', changes: 3 }];
    expect(sortByGrouping(byDay, 'day', kinds).map((r) => r.name)).toEqual(['day:mon', 'day:tue', 'day:wed', 'day:(none)']);
    expect(groupingChoices(kinds).at(-1)).toBe('day');
    expect(() => parseSlice('squad:x', kinds)).toThrow(/or day:DAY$/);
  });
});

describe('AI slices', () => {
  // by construction: an agent's change naming Copilot; a person's naming Claude Code and Cursor; a person's whose
  // evidence a report read back names no tool; a branch name alone (weak); nothing at all
  const ai = [
    change('agent', [], { aiEvidence: ['author: Copilot'], aiTools: ['copilot'], aiStrength: 'agent' }),
    change('pair', [], { aiEvidence: ['Co-authored-by: Claude', 'Co-authored-by: Cursor Agent'], aiTools: ['claude-code', 'cursor'], aiStrength: 'assisted' }),
    change('bare', [], { aiEvidence: ['Assisted-by: an AI'] }),
    change('branch', [], { aiEvidence: [], aiTools: ['copilot'], aiStrength: 'weak', aiWeakEvidence: ['branch copilot/fix'] }),
    change('none', []),
  ];
  const of = (slice: string): string[] => ai.filter(slicePredicate(parseSlice(slice), { owners: null })).map((c) => c.id);

  it('ai:TOOL holds the AI-assisted changes naming the tool; a branch name alone is in no AI slice', () => {
    expect(of('ai:copilot')).toEqual(['agent']);
    expect(of('ai:Claude-Code')).toEqual(['pair']);
    expect(of('ai:cursor')).toEqual(['pair']);
    expect(of('ai:codex')).toEqual([]);
  });

  it('ai-agent and ai-assisted split ai in two; other is the rest', () => {
    expect(of('ai')).toEqual(['agent', 'pair', 'bare']);
    expect(of('ai-agent')).toEqual(['agent']);
    expect(of('ai-assisted')).toEqual(['pair', 'bare']);
    expect(of('other')).toEqual(['branch', 'none']);
  });

  it('refuses a product by the name its row shows, less the common scope, giving the whole name', () => {
    const products = ['dev.openfeature.contrib.providers.flagd', 'dev.openfeature.contrib.hooks.otel', '@acme/cli', '@other/cli'];
    const refusal = (slice: string): string | null => {
      try {
        refuseUnknownSlices([parseSlice(slice)], { products });
        return null;
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(refusal('product:providers.flagd')).toBe('product:providers.flagd names no product: rows leave the common scope out of their names; give the whole name, product:dev.openfeature.contrib.providers.flagd');
    expect(refusal('product:dev.openfeature.contrib.hooks.otel')).toBeNull();
    // a tail two products end with, or one not at a separator, names neither
    expect(refusal('product:cli')).toMatch(/^product:cli names no product with a change or a deploy in the window: its products are /);
    expect(refusal('product:agd')).toMatch(/^product:agd names no product with a change/);
  });

  it('refuses a tool the catalogue does not name, saying which it takes', () => {
    expect(() => parseSlice('ai:copliot')).toThrow(/'ai:copliot' is not a slice: ai:TOOL takes aider, openhands, .* or configured$/);
    expect(() => parseSlice('ai:')).toThrow(/not a slice/);
    expect(() => parseSlice('ai-agent:copilot')).toThrow(/not a slice/);
    expect(sliceName(parseSlice('ai:COPILOT'))).toBe('ai:copilot');
  });

  it('by ai: a row per tool (a change naming two in both), unnamed tools as unknown, the rest last', () => {
    const groups = groupChanges(ai, parseGrouping('ai'), { owners: null });
    expect([...groups]).toEqual([
      ['ai:copilot', ['agent']],
      ['ai:claude-code', ['pair']],
      ['ai:cursor', ['pair']],
      ['ai:unknown', ['bare']],
      ['ai:(no AI evidence)', ['branch', 'none']],
    ]);
    expect(isNoGroup('ai:(no AI evidence)', 'ai')).toBe(true);
    expect(rowSlice('ai:copilot', 'ai')).toEqual({ kind: 'ai', value: 'copilot' });
    expect(groupingNoun('ai')).toBe('AI tool');
  });
});
