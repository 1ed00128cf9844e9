import { describe, expect, it } from 'vitest';
import { deploySignalWords } from '../../src/render/signal.js';

describe('the deploy signal in words', () => {
  it('names what counted and how many, never the pattern that chose them', () => {
    expect(deploySignalWords({ kind: 'tags', detail: '390 final release tags matching ^(?:[\\w.@/-]*[-@/])?v?\\d+(?:\\.\\d+)+' })).toBe('390 final release tags');
    expect(deploySignalWords({ kind: 'tags', detail: '12 release tags matching ^v\\d+, pre-releases included' })).toBe('12 release tags, pre-releases included');
    expect(deploySignalWords({ kind: 'deployments', detail: '7 successful GitHub deployments to environments matching ^prod' })).toBe('7 successful GitHub deployments to production');
    expect(deploySignalWords({ kind: 'releases', detail: '3 published GitHub releases' })).toBe('3 published GitHub releases');
    expect(deploySignalWords({ kind: 'merge', detail: 'no deploy signal found: every merge counts as a deploy' })).toBe('every merge (no deploy signal found)');
  });

  it('leaves why the signal was chosen to the JSON report and --verbose, as the pattern', () => {
    const why = '; chosen automatically: the repository has no deploys in events files, GitHub deployments or deploy workflow runs';
    expect(deploySignalWords({ kind: 'releases', detail: `3 published GitHub releases${why}` })).toBe('3 published GitHub releases');
    expect(deploySignalWords({ kind: 'tags', detail: `12 release tags matching ^v\\d+, pre-releases included${why}` })).toBe('12 release tags, pre-releases included');
    expect(deploySignalWords({ kind: 'workflow', detail: `4 successful workflow runs matching deploy|cd by workflow name or file${why}` })).toBe('4 successful workflow runs');
  });
});
