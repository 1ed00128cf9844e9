import { describe, expect, it } from 'vitest';
import { namedShas } from '../../src/model/named-shas.js';

const full = (prefix: string): string => prefix.padEnd(40, '0');

describe('namedShas', () => {
  it('answers a full sha with each name it goes by: itself, and its abbreviations of 7 digits or more', () => {
    const named = namedShas([full('2b14c742e'), '2b14c742e', '2b14c74', '6557dc09f9']);
    expect(named.namesOf(full('2b14c742e'))).toEqual([full('2b14c742e'), '2b14c742e', '2b14c74']);
    expect(named.namesOf(full('6557dc09f9'))).toEqual(['6557dc09f9']);
  });

  it('answers nothing for a sha that only shares the first seven digits, or a name too short to say whose it is', () => {
    const named = namedShas(['2b14c742e', '2b14c7']);
    expect(named.namesOf(full('2b14c742f'))).toEqual([]);
    expect(named.namesOf(full('2b14c7'))).toEqual([]);
    // a name is always its own sha's, whatever its length
    expect(named.namesOf('2b14c7')).toEqual(['2b14c7']);
    expect(namedShas([]).size).toBe(0);
  });
});
