import { describe, expect, it } from 'vitest';
import type { AiFinding } from '../../../src/domain.js';
import { AI_SIGNATURES } from '../../../src/model/ai/catalogue.js';
import { compileCatalogue, type AiCatalogue } from '../../../src/model/ai/compile.js';
import { PLACE_STRENGTH, type AiExample, type AiSignature } from '../../../src/model/ai/signature.js';
import { AI_TOOLS } from '../../../src/model/ai/tools.js';

/*
 * The catalogue's own table of cases, as ESLint's rule tests are: every entry's real examples, each read where the
 * entry reads it, by the entry alone and by the whole catalogue, must give the entry's tool at its place's
 * strength. An entry whose pattern drifts from the text the field writes, or that an earlier entry shadows with
 * another tool, fails here by name.
 */

/** What a catalogue finds in an example, read at `signature`'s place. */
function read(catalogue: AiCatalogue, signature: AiSignature, example: AiExample): AiFinding[] {
  const { text } = example;
  switch (signature.meta.place) {
    case 'author': {
      const m = /^(.*?)\s*<([^>]*)>$/.exec(text);
      const found = catalogue.author(m?.[1] ?? text, m?.[2] ?? '');
      return found ? [found] : [];
    }
    case 'pull-author': {
      const m = /^(\S+)( \(Bot\))?$/.exec(text);
      const found = catalogue.pullAuthor(m?.[1] ?? text, m?.[2] !== undefined);
      return found ? [found] : [];
    }
    case 'co-author':
    case 'trailer':
    case 'footer':
      // a message whose subject holds nothing: the example is a line of its body, as git stores it
      return catalogue.message(`Update the parser\n\nSome words of the body.\n\n${text}\n`);
    case 'message':
      // the example is the subject, the body holding nothing
      return catalogue.message(`${text}\n\nSome words of the body.\n`);
    case 'body':
      return catalogue.body(`## Summary\n\nWhat changed.\n\n${text}\n`);
    case 'branch': {
      const found = catalogue.branch(text);
      return found ? [found] : [];
    }
    case 'label': {
      const found = catalogue.label(text);
      return found ? [found] : [];
    }
  }
}

const cases = Object.entries(AI_SIGNATURES as Readonly<Record<string, AiSignature>>).flatMap(([id, signature]) =>
  signature.meta.examples.map((example) => [id, example.text, signature, example] as const));

describe('the AI evidence catalogue', () => {
  it.each(cases)('%s reads its example %s', (_, text, signature, example) => {
    const tool = example.tool ?? signature.meta.tool;
    expect(tool, 'a named signature\'s example says which tool it names').not.toBe('named');
    const alone = read(compileCatalogue({}, [signature]), signature, example);
    const whole = read(compileCatalogue(), signature, example);
    const strength = PLACE_STRENGTH[signature.meta.place];
    expect(alone.map((f) => [f.tool, f.strength])).toEqual([[tool, strength]]);
    expect(whole.map((f) => [f.tool, f.strength])).toEqual([[tool, strength]]);
    // the line a reader sees holds the example (trailers and footers as written; authors by name)
    expect(whole[0]?.line).toContain(signature.meta.place === 'author' ? text.replace(/\s*<.*$/, '') : text.replace(/ \(Bot\)$/, '').slice(0, 100));
  });

  it('names a tool of the tools\' table in every entry, and says where each example was seen', () => {
    for (const [id, signature] of Object.entries(AI_SIGNATURES as Readonly<Record<string, AiSignature>>)) {
      expect(signature.meta.tool === 'named' || Object.hasOwn(AI_TOOLS, signature.meta.tool), id).toBe(true);
      expect(id.startsWith(`${signature.meta.tool}/`), `${id} is filed under its tool`).toBe(true);
      for (const example of signature.meta.examples) expect(example.seen, id).not.toBe('');
    }
  });
});
