import { describe, expect, it } from 'vitest';
import { sourceNotes } from '../../src/audit/notes.js';

describe('what the sources could not show', () => {
  it('warns from git alone that the last weeks\' queues miss the changes still open', () => {
    const notes = sourceNotes('tags', false, [], true);
    expect(notes).toContain("Git alone sees a change only once it merges: the coding and review queues of the last weeks leave out the changes still open, so they read low at the window's end. A GitHub token adds the open pull requests.");
  });

  it('says nothing of it in GitHub mode, where open pull requests are in the queues', () => {
    expect(sourceNotes('tags', true, [], true)).toEqual([]);
  });
});
