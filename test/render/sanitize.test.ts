import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, jsonSafe, terminalOutput, terminalSafe } from '../../src/render/sanitize.js';

/** Every bidi and zero-width control, by name: each must be gone from every format's text (issue 31). */
const INVISIBLE: Record<string, string> = {
  'ARABIC LETTER MARK': '\u061c',
  'MONGOLIAN VOWEL SEPARATOR': '\u180e',
  'ZERO WIDTH SPACE': '\u200b',
  'ZERO WIDTH NON-JOINER': '\u200c',
  'ZERO WIDTH JOINER': '\u200d',
  'LEFT-TO-RIGHT MARK': '\u200e',
  'RIGHT-TO-LEFT MARK': '\u200f',
  'LEFT-TO-RIGHT EMBEDDING': '\u202a',
  'RIGHT-TO-LEFT EMBEDDING': '\u202b',
  'POP DIRECTIONAL FORMATTING': '\u202c',
  'LEFT-TO-RIGHT OVERRIDE': '\u202d',
  'RIGHT-TO-LEFT OVERRIDE': '\u202e',
  'WORD JOINER': '\u2060',
  'INVISIBLE SEPARATOR': '\u2063',
  'LEFT-TO-RIGHT ISOLATE': '\u2066',
  'RIGHT-TO-LEFT ISOLATE': '\u2067',
  'FIRST STRONG ISOLATE': '\u2068',
  'POP DIRECTIONAL ISOLATE': '\u2069',
  'INHIBIT SYMMETRIC SWAPPING': '\u206a',
  'NOMINAL DIGIT SHAPES': '\u206f',
  'ZERO WIDTH NO-BREAK SPACE (BOM)': '\ufeff',
};

describe.each(Object.entries(INVISIBLE))('%s', (_name, c) => {
  it('is removed for the terminal, CSV, HTML and Markdown, and escaped in JSON (the value kept)', () => {
    const text = `pay${c}pal${c}`;
    expect(terminalSafe(text)).toBe('paypal');
    expect(terminalOutput(`${text}\n`, true)).toBe('paypal\n');
    expect(escapeHtml(text)).toBe('paypal');
    expect(escapeMarkdown(text)).toBe('paypal');
    const json = jsonSafe(JSON.stringify({ t: text }));
    expect(json).toBe(`{"t":"pay\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}pal\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}"}`);
    expect(JSON.parse(json)).toEqual({ t: text });
  });
});

describe('visible text around the invisible controls', () => {
  it('is kept: right-to-left letters, accents, emoji and the non-breaking space are not controls', () => {
    const text = 'שלום مرحبا Café 🚀 a\u00a0b';
    expect(terminalSafe(text)).toBe(text);
    expect(escapeHtml(text)).toBe(text);
    expect(jsonSafe(JSON.stringify(text))).toBe(JSON.stringify(text));
  });
});

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

  it('leaves quotes as written, as one sentence and the next write them: only what starts HTML becomes an entity', () => {
    expect(escapeMarkdown(`the team's "fast" & <slow> path`)).toBe('the team\'s "fast" &amp; &lt;slow&gt; path');
    expect(escapeMarkdown('&#39;')).toBe('&amp;#39;');
  });
});
