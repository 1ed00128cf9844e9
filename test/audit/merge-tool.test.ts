import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { buildRepo, type FixtureRepo, type Step } from '../helpers/git-fixture.js';

const WINDOW = { since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false } as const;
const NOTE = /carry no pull request number, and (\d+) of them were committed by one identity for other authors/;

/**
 * Twelve first-parent commits in March 2026, none naming a pull request: `authors` says who wrote each (the
 * committer is always Ada Lovelace, as a merge tool that squashes under one identity), and `squashes` how many of
 * them end in `(#N)` instead.
 */
function landed(authors: (i: number) => string | undefined, squashes = 0): FixtureRepo {
  const steps: Step[] = Array.from({ length: 12 }, (_, i) => {
    const day = String(i + 2).padStart(2, '0');
    return { commit: `change ${i}${i < squashes ? ` (#${i + 1})` : ''}`, at: `2026-03-${day}T12:00:00Z`, author: authors(i) };
  });
  return buildRepo([{ commit: 'initial commit', at: '2026-02-01T00:00:00Z' }, ...steps]);
}

describe('what git cannot tell: a merge tool\'s squashes from direct pushes', () => {
  const repos: FixtureRepo[] = [];
  const notesOf = async (repo: FixtureRepo): Promise<string[]> => {
    repos.push(repo);
    return (await audit({ path: repo.dir, ...WINDOW })).notes;
  };
  afterAll(() => repos.forEach((r) => r.cleanup()));

  it('says so when most changes name no pull request and one identity committed them for other authors', async () => {
    const notes = await notesOf(landed((i) => `Dev ${i % 4} <dev${i % 4}@example.com>`));
    expect(notes.filter((n) => NOTE.test(n))).toEqual([
      "12 of the window's 12 changes carry no pull request number, and 12 of them were committed by one identity for other authors, as a merge tool does: git alone cannot tell such squashes from direct pushes. With a GitHub token (GH_TOKEN), flowaudit reads their pull requests.",
    ]);
  });

  it('says nothing of a maintainer pushing their own commits, or of a history whose squashes name their pull requests', async () => {
    expect((await notesOf(landed(() => undefined))).some((n) => NOTE.test(n))).toBe(false);
    expect((await notesOf(landed((i) => `Dev ${i} <dev${i}@example.com>`, 7))).some((n) => NOTE.test(n))).toBe(false);
  });
});
