import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChangedBlobs, readDiffDigests } from '../../../src/sources/git/diff-digests.js';
import { buildRepo, type FixtureRepo } from '../../helpers/git-fixture.js';

/*
 * Two lines of one project, each commit's changed lines known by construction. schema.sql's lines begin with `-- `,
 * so a removed line reads `--- …` in the diff, as a file's header line does.
 */
const sql = (first: string): string => `${first}\n-- keep\nselect 1;\n`;
function history(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-06-01T00:00:00Z', files: { 'schema.sql': sql('-- v1'), 'logo.bin': 'PNG\u0000one' }, id: 'initial' },
    { branch: 'line' },
    { commit: 'Rename the column', on: 'main', at: '2026-06-02T00:00:00Z', files: { 'schema.sql': sql('-- v2') }, id: 'main' },
    { commit: 'Rename the column (#9)', on: 'line', at: '2026-06-03T00:00:00Z', files: { 'schema.sql': sql('-- v2') }, id: 'copy' },
    // another line removed, the same line added: another change
    { branch: 'line2', from: 'initial' },
    { commit: 'Start over', on: 'line2', at: '2026-06-04T00:00:00Z', files: { 'schema.sql': sql('-- v0') } },
    { commit: 'Rename the column (#9)', on: 'line2', at: '2026-06-04T01:00:00Z', files: { 'schema.sql': sql('-- v2') }, id: 'other' },
    { commit: 'Swap the logo', on: 'main', at: '2026-06-05T00:00:00Z', files: { 'logo.bin': 'PNG\u0000two' }, id: 'logo' },
    { commit: 'Swap the logo', on: 'line', at: '2026-06-06T00:00:00Z', files: { 'logo.bin': 'PNG\u0000two' }, id: 'logo-copy' },
    { commit: 'Swap the logo otherwise', on: 'line', at: '2026-06-07T00:00:00Z', files: { 'logo.bin': 'PNG\u0000three' }, id: 'logo-other' },
    { commit: 'Nothing changed', on: 'main', at: '2026-06-08T00:00:00Z', files: {}, id: 'empty' },
    { commit: 'Change both', on: 'main', at: '2026-06-08T12:00:00Z', files: { 'schema.sql': sql('-- v5'), 'logo.bin': 'PNG\u0000five' }, id: 'both' },
    { commit: 'Add the notes', on: 'main', at: '2026-06-09T00:00:00Z', files: { 'notes/ünï code.md': 'one\n', 'logo.bin': null }, id: 'notes' },
  ]);
}

describe('readDiffDigests', () => {
  let repo: FixtureRepo;
  let digests: Map<string, Map<string, string>>;
  beforeAll(async () => {
    repo = history();
    const wanted = (ids: string[], path: string): Array<[string, string[]]> => ids.map((id) => [repo.sha(id), [path]]);
    digests = await readDiffDigests(repo.dir, new Map([...wanted(['main', 'copy', 'other'], 'schema.sql'), ...wanted(['logo', 'logo-copy', 'logo-other', 'empty'], 'logo.bin')]));
  });
  afterAll(() => repo.cleanup());

  const of = (id: string): string | undefined => digests.get(repo.sha(id))?.get(id.startsWith('logo') ? 'logo.bin' : 'schema.sql');

  it('gives two commits that change the same lines one digest, and one that changes others another', () => {
    expect(of('main')).toMatch(/^[0-9a-f]{40}$/);
    expect(of('copy')).toBe(of('main'));
    // a removed `-- v0` reads `--- v0`: a changed line, not a file's header
    expect(of('other')).not.toBe(of('copy'));
  });

  it('knows a binary file\'s change by the contents it leaves', () => {
    expect(of('logo')).toMatch(/^[0-9a-f]{40}$/);
    expect(of('logo-copy')).toBe(of('logo'));
    expect(of('logo-other')).not.toBe(of('logo'));
  });

  it('gives a file a commit added, deleted or left alone no digest (its blobs say), and reads only the files asked for', async () => {
    expect(digests.get(repo.sha('empty'))).toBeUndefined();
    const more = await readDiffDigests(repo.dir, new Map([[repo.sha('notes'), ['logo.bin', 'notes/ünï code.md']], [repo.sha('both'), ['schema.sql']]]));
    expect(more.get(repo.sha('notes'))).toBeUndefined();
    expect([...(more.get(repo.sha('both'))?.keys() ?? [])]).toEqual(['schema.sql']);
  });

  it('reads none, without failing, when git cannot read the commits', async () => {
    expect(await readDiffDigests(repo.dir, new Map([['0'.repeat(40), ['schema.sql']]]))).toEqual(new Map());
  });

  it('reads each commit\'s files with their blobs, from the trees alone', async () => {
    const files = await readChangedBlobs(repo.dir, ['copy', 'main', 'notes', 'empty'].map((id) => repo.sha(id)));
    const blob = (rev: string): string => repo.git('rev-parse', rev);
    const none = '0'.repeat(40);
    expect(files.get(repo.sha('main'))).toEqual([{ path: 'schema.sql', status: 'M', before: `100644 ${blob(`${repo.sha('initial')}:schema.sql`)}`, after: `100644 ${blob(`${repo.sha('main')}:schema.sql`)}` }]);
    // the copy on its line goes from and to the same blobs
    expect(files.get(repo.sha('copy'))).toEqual(files.get(repo.sha('main')));
    // git's order of paths; a name with a space and letters beyond ASCII as it is
    expect(files.get(repo.sha('notes'))).toEqual([
      { path: 'logo.bin', status: 'D', before: `100644 ${blob(`${repo.sha('notes')}~1:logo.bin`)}`, after: `000000 ${none}` },
      { path: 'notes/ünï code.md', status: 'A', before: `000000 ${none}`, after: `100644 ${blob(`${repo.sha('notes')}:notes/ünï code.md`)}` },
    ]);
    expect(files.get(repo.sha('empty'))).toEqual([]);
  });
});
