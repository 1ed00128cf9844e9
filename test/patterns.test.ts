import { describe, expect, it } from 'vitest';
import { compilePattern, nativePattern, PatternError, patternProblem } from '../src/patterns.js';

describe('patterns from configuration (RE2)', () => {
  it('match as JavaScript would for what both engines take: case, multiline, every match in order', () => {
    const p = compilePattern('^co-authored-by: (\\w+)$', { ignoreCase: true, multiline: true });
    expect(p.test('x\nCo-Authored-By: Ada\n')).toBe(true);
    expect(p.matches('Co-authored-by: a\nno\nco-authored-by: b')).toEqual(['Co-authored-by: a', 'co-authored-by: b']);
    expect(compilePattern('^v\\d+').test('release v1')).toBe(false);
  });

  it('run in linear time where a backtracking engine would not finish', () => {
    expect(compilePattern('(a+)+$').test(`${'a'.repeat(100_000)}!`)).toBe(false);
  });

  it('refuse lookaround and backreferences, saying why and never quoting the pattern', () => {
    expect(patternProblem('(?=x)')).toBe('invalid or unsupported Perl syntax (configured patterns run on a linear-time engine, RE2: no lookaround or backreferences)');
    expect(patternProblem('(a)\\1')).toBe('invalid escape sequence (configured patterns run on a linear-time engine, RE2: no lookaround or backreferences)');
    expect(patternProblem('[')).toBe('missing closing ]');
    expect(() => compilePattern('(')).toThrow(PatternError);
  });

  it('built-in patterns keep V8 behind the same interface', () => {
    const p = nativePattern(/^made-with:\s*\S.*$/im);
    expect(p.matches('a\nMade-with: Cursor\nmade-with: x')).toEqual(['Made-with: Cursor', 'made-with: x']);
    // test() on a global source keeps no lastIndex between calls
    expect([p.test('made-with: y'), p.test('made-with: y')]).toEqual([true, true]);
  });
});
