import { describe, expect, it } from 'vitest';
import { changesetLike, isChangeset } from '../../../src/sources/git/changesets.js';

describe('which paths are changesets', () => {
  it('a Markdown file right in a .changeset folder, at the root or a package\'s, but its README', () => {
    expect(['.changeset/brave-fox.md', 'packages/x/.changeset/calm-owl.md'].map(isChangeset)).toEqual([true, true]);
    expect(['.changeset/README.md', '.changeset/readme.md', '.changeset/config.json', '.changeset/nested/a.md', 'docs/.changesets/a.md', 'changeset/a.md'].map(isChangeset)).toEqual([false, false, false, false, false, false]);
  });

  it('reads, besides, Markdown below a .changeset folder: moving one out of it is a rename', () => {
    expect(['.changeset/pre/held.md', '.changeset/brave-fox.md', '.changeset/README.md'].map(changesetLike)).toEqual([true, true, true]);
    expect(['.changeset/config.json', 'docs/changeset.md'].map(changesetLike)).toEqual([false, false]);
  });
});
