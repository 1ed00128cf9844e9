import { describe, expect, it } from 'vitest';
import { CopyIndex, ownCommits, type CommitIdentity } from '../../src/model/own-commits.js';
import { h } from './data.js';

const c = (sha: string, authoredAt: number, committedAt = authoredAt, subject = `work ${sha}`, authorEmail: string | null = 'ada@example.com'): CommitIdentity =>
  ({ sha, authorEmail, authoredAt, committedAt, subject });
const none = { landed: new CopyIndex(), isRelease: () => false };

describe('a change\'s own commits', () => {
  it('leaves out commits committed after the change landed (a pull ref that moved on)', () => {
    const commits = [c('a', h(1)), c('b', h(2)), c('late', h(9), h(30))];
    expect(ownCommits(commits, none, h(20)).map((x) => x.sha)).toEqual(['a', 'b']);
    // a commit at the very second of the landing is still the change's
    expect(ownCommits([c('a', h(1), h(20))], none, h(20)).map((x) => x.sha)).toEqual(['a']);
    expect(ownCommits(commits, none, null)).toHaveLength(3);
  });

  it('keeps a branch committed again after it landed: the commits written by then', () => {
    // renovate's #44658: written at 1-3, committed again at 25 after its squash at 20, and one more written at 22
    const again = [c('a', h(1), h(25)), c('b', h(3), h(25)), c('after', h(22), h(25))];
    expect(ownCommits(again, none, h(20)).map((x) => x.sha)).toEqual(['a', 'b']);
  });

  it('leaves out release-line commits, unless every commit is one', () => {
    const isRelease = (sha: string): boolean => sha.startsWith('r');
    const rules = { landed: new CopyIndex(), isRelease };
    expect(ownCommits([c('r1', h(1)), c('r2', h(2)), c('own', h(50))], rules, null).map((x) => x.sha)).toEqual(['own']);
    expect(ownCommits([c('r1', h(1)), c('r2', h(2))], rules, null).map((x) => x.sha)).toEqual(['r1', 'r2']);
  });

  it('leaves out copies of what earlier changes landed, unless every commit is one', () => {
    const landed = new CopyIndex();
    landed.add(c('base1', h(1)));
    landed.add(c('base2', h(2)));
    const rules = { landed, isRelease: () => false };
    // a rebased stack: same author, author date and subject, new shas and commit dates
    const stacked = [c('copy1', h(1), h(40), 'work base1'), c('copy2', h(2), h(40), 'work base2'), c('mine', h(3), h(40))];
    expect(ownCommits(stacked, rules, null).map((x) => x.sha)).toEqual(['mine']);
    // a reland: all copies, all count
    expect(ownCommits(stacked.slice(0, 2), rules, null).map((x) => x.sha)).toEqual(['copy1', 'copy2']);
  });

  it('knows a copy by author email, author date and subject together', () => {
    const landed = new CopyIndex();
    landed.add(c('x', h(1), h(1), 'fix it'));
    const rules = { landed, isRelease: () => false };
    const mine = c('y', h(5));
    expect(ownCommits([c('other-date', h(2), h(9), 'fix it'), mine], rules, null)).toHaveLength(2);
    expect(ownCommits([c('other-subject', h(1), h(9), 'fix that'), mine], rules, null)).toHaveLength(2);
    expect(ownCommits([c('other-author', h(1), h(9), 'fix it', 'bob@example.com'), mine], rules, null)).toHaveLength(2);
    // GitHub's API gives no email: date and subject decide
    expect(ownCommits([c('api', h(1), h(9), 'fix it', null), mine], rules, null)).toEqual([mine]);
  });

  it('keeps every date and every author a subject landed with ("Update CHANGELOG.md" lands again and again)', () => {
    const landed = new CopyIndex();
    landed.add(c('mon', h(1), h(1), 'Update CHANGELOG.md'));
    landed.add(c('tue', h(25), h(25), 'Update CHANGELOG.md'));
    landed.add(c('tue-bob', h(25), h(25), 'Update CHANGELOG.md', 'bob@example.com'));
    landed.add(c('wed', h(49), h(49), 'Update CHANGELOG.md'));
    const copy = (authoredAt: number, email = 'ada@example.com'): boolean => landed.has(c('copy', authoredAt, h(90), 'Update CHANGELOG.md', email));
    expect([copy(h(1)), copy(h(25)), copy(h(49)), copy(h(25), 'bob@example.com')]).toEqual([true, true, true, true]);
    // a date none landed at, and an author who did not land at that date, are not copies
    expect([copy(h(2)), copy(h(1), 'bob@example.com'), copy(h(49), 'eve@example.com')]).toEqual([false, false, false]);
  });
});
