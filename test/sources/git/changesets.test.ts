import { describe, expect, it } from 'vitest';
import { isChangeset } from '../../../src/sources/git/changesets.js';

describe('which paths are changesets', () => {
  it('a Markdown file right in a .changeset folder, at the root or a package\'s, but its README', () => {
    expect(['.changeset/brave-fox.md', 'packages/x/.changeset/calm-owl.md'].map(isChangeset)).toEqual([true, true]);
    expect(['.changeset/README.md', '.changeset/readme.md', '.changeset/config.json', '.changeset/nested/a.md', 'docs/.changesets/a.md', 'changeset/a.md'].map(isChangeset)).toEqual([false, false, false, false, false, false]);
  });
});
