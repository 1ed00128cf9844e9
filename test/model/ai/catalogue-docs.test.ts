import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AI_SIGNATURES } from '../../../src/model/ai/catalogue.js';
import { AI_PLACES, PLACE_STRENGTH, type AiPlace, type AiSignature } from '../../../src/model/ai/signature.js';
import { toolName } from '../../../src/model/ai/tools.js';

const DOCS = new URL('../../../docs/definitions.md', import.meta.url);
const START = '<!-- ai evidence: made from src/model/ai/catalogue.ts by test/model/ai/catalogue-docs.test.ts -->';
const END = '<!-- ai evidence end -->';

/** Where a place is, in users' words. */
const WHERE: Readonly<Record<AiPlace, string>> = {
  author: 'a commit\'s author',
  'co-author': 'a `Co-authored-by:` trailer',
  trailer: 'a trailer',
  footer: 'a line of a commit message',
  branch: 'the branch (a merge\'s subject, or its pull request\'s merge of the tracked branch: `into codex/…`; GitHub: the head branch)',
  'pull-author': 'who opened the pull request (GitHub)',
  label: 'a pull request label (GitHub)',
  body: 'the pull request\'s description (GitHub)',
  message: 'the commit message (a title mark; a configured marker anywhere in it)',
};

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

/** The catalogue as docs/definitions.md lists it: one row per signature, by tool, in the catalogue's order. */
export function aiEvidenceTable(signatures: Readonly<Record<string, AiSignature>>): string {
  const lines = ['| tool | read in | strength | the sign | e.g. (seen in) |', '| --- | --- | --- | --- | --- |'];
  for (const signature of Object.values(signatures)) {
    const { tool, place, rule, why, examples } = signature.meta;
    const named = tool === 'named' ? 'the tool it names' : toolName(tool);
    const [first] = examples;
    lines.push(`| ${cell(named)} | ${WHERE[place]} | ${PLACE_STRENGTH[place]} | ${cell(why === undefined ? rule : `${rule}; ${why}`)} | ${cell(code(first.text))} (${cell(first.seen)}) |`);
  }
  return lines.join('\n');
}

describe('docs/definitions.md: the AI evidence catalogue', () => {
  it('lists every signature of the catalogue as the catalogue declares it', () => {
    const docs = readFileSync(DOCS, 'utf8');
    const from = docs.indexOf(START);
    const to = docs.indexOf(END);
    expect(from, `docs/definitions.md has no line ${START}`).toBeGreaterThan(-1);
    const made = `${START}\n\n${aiEvidenceTable(AI_SIGNATURES)}\n\n${END}`;
    // UPDATE_DOCS=1 writes the table in place after a change to the catalogue
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(DOCS, `${docs.slice(0, from)}${made}${docs.slice(to + END.length)}`);
    else expect(docs.slice(from, to + END.length), 'run UPDATE_DOCS=1 npx vitest run test/model/ai/catalogue-docs.test.ts').toBe(made);
  });

  it('says each place\'s strength once, every place that a signature reads', () => {
    const table = aiEvidenceTable(AI_SIGNATURES);
    expect(table).toContain('| Claude Code | a `Co-authored-by:` trailer | assisted |');
    expect(table).toContain('| GitHub Copilot | who opened the pull request (GitHub) | agent |');
    expect(table).toContain('| OpenAI Codex | the branch (a merge\'s subject, or its pull request\'s merge of the tracked branch: `into codex/…`; GitHub: the head branch) | weak |');
    const read = new Set(Object.values(AI_SIGNATURES as Readonly<Record<string, AiSignature>>).map((s) => s.meta.place));
    expect(AI_PLACES.filter((p) => !read.has(p))).toEqual([]);
  });
});
