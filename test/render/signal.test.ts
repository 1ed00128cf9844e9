import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { deploySignalHeader, deploySignalWords } from '../../src/render/signal.js';
import { renderText } from '../../src/render/text.js';
import { change, deploy, report } from '../aggregate/report-builder.js';

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

describe('the deploy signal in the report\'s header', () => {
  // the tag source counts every release tag of the repository; the window holds 3 deploys of them
  const tags = { kind: 'tags' as const, detail: '390 final release tags matching ^v\\d+; chosen automatically: the repository has no deploys in events files' };
  const three = [deploy({ ref: 'v7.1.0' }), deploy({ ref: 'v7.2.0' }), deploy({ ref: 'v7.3.0' })];

  it('gives the window\'s deploys where the source counted more, and what they were read from', () => {
    expect(deploySignalHeader(report({ deploySignal: tags, deploys: three }))).toBe('3 in the window, read from 390 final release tags');
    // an aggregate leaves its lists out: the summary's count is the window's
    expect(deploySignalHeader(report({ deploySignal: tags, withChanges: false, summary: { dora: { deploymentFrequency: { count: 5 } } } }))).toBe('5 in the window, read from 390 final release tags');
    expect(deploySignalHeader(report({ deploySignal: tags, deploys: [] }))).toBe('0 in the window, read from 390 final release tags');
  });

  it('is the source\'s words alone where they agree with the window, or give no count', () => {
    expect(deploySignalHeader(report({ deploySignal: { kind: 'tags', detail: '3 final release tags matching ^v' }, deploys: three }))).toBe('3 final release tags');
    expect(deploySignalHeader(report({ deploySignal: { kind: 'merge', detail: 'no deploy signal found: every merge counts as a deploy' }, deploys: three }))).toBe('every merge (no deploy signal found)');
    expect(deploySignalHeader(report({ deploySignal: { kind: 'tags', detail: 'tags in all 3 repositories' }, withChanges: false }))).toBe('tags in all 3 repositories');
  });

  it('every format\'s header agrees with its Deploys section', () => {
    const r = report({ deploySignal: tags, deploys: three, changes: [change()], summary: { changes: 1, dora: { deploymentFrequency: { count: 3, value: 0.75 } } } });
    const text = renderText(r, { color: false, width: 200 });
    expect(text).toContain('deploys: 3 in the window, read from 390 final release tags\n');
    expect(text).toContain('3 deploys in the window');
    const md = renderMarkdown(r);
    expect(md).toContain('**deploys** 3 in the window, read from 390 final release tags\n');
    expect(md).toContain('3 deploys in the window, read from 390 final release tags.');
    const html = renderHtml(r);
    expect(html).toContain('deploys: 3 in the window, read from 390 final release tags</p>');
    expect(html).toContain('3 deploys in the window, read from 390 final release tags.');
    for (const out of [text, md, html]) expect(out).not.toMatch(/deploys:? (\*\*)?390/);
  });
});
