import { describe, expect, it } from 'vitest';
import { escapeMarkdown, jsonSafe, terminalOutput, terminalSafe } from '../../src/render/sanitize.js';

describe('terminalSafe', () => {
  it('removes whole escape sequences (payload too), C0/C1 controls and bidi overrides; folds line breaks', () => {
    expect(terminalSafe('a\u001b]52;c;ZXZpbA==\u0007b')).toBe('ab');
    expect(terminalSafe('a\u001b[2Jb\u009b31mc')).toBe('abc');
    expect(terminalSafe('file\u202egnp.exe\u2066x\u2069')).toBe('filegnp.exex');
    expect(terminalSafe('one\r\ntwo\u2028three\tfour\u0000')).toBe('one two three four');
  });
});

describe('terminalOutput', () => {
  const painted = '\u001b[1mbold\u001b[22m \u001b[31mred\u001b[39m';

  it('keeps newlines, and colour (SGR) only when colour is on', () => {
    expect(terminalOutput(`${painted}\nnext\n`, true)).toBe(`${painted}\nnext\n`);
    expect(terminalOutput(`${painted}\nnext\n`, false)).toBe('bold red\nnext\n');
  });

  it('removes any other sequence or control whatever the colour: a title change, a cursor move, a bell, C1', () => {
    expect(terminalOutput('a\u001b]0;title\u0007b\u001b[10;10Hc\u0007d\u009b2Je\u202ef\r\n', true)).toBe('abcdef\n');
  });
});

describe('jsonSafe', () => {
  it('escapes DEL, C1, U+2028/2029 and bidi overrides, which JSON.stringify leaves raw; the value is unchanged', () => {
    const value = { t: 'a\u009b31m\u007f\u2028\u2029\u202e\u2066b' };
    const json = jsonSafe(JSON.stringify(value));
    expect(json).toBe('{"t":"a\\u009b31m\\u007f\\u2028\\u2029\\u202e\\u2066b"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('escapeMarkdown', () => {
  it('escapes markup and strips controls', () => {
    expect(escapeMarkdown('<b>x</b> | [l](javascript:1) \u001b[31m')).toBe('&lt;b&gt;x&lt;/b&gt; \\| \\[l\\](javascript:1) ');
  });
});
