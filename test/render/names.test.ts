import { describe, expect, it } from 'vitest';
import { repositoryName, repositoryNamer } from '../../src/render/names.js';
import type { Report } from '../../src/report/schema.js';

type Row = NonNullable<Report['repositories']>[number];
const row = (name: string, path: string, remote: string | null): Row => ({ name, path, remote }) as Row;

describe('what a repository is called on the page', () => {
  it('is its remote, else its folder, never the path', () => {
    expect(repositoryName({ path: '/home/me/src/shop', remote: 'acme/shop' })).toBe('acme/shop');
    expect(repositoryName({ path: '/home/me/src/shop', remote: null })).toBe('shop');
    expect(repositoryName({ path: 'C:\\Users\\me\\shop\\', remote: null })).toBe('shop');
  });

  it('tells apart folders of one name by as much of their paths as differ', () => {
    const name = repositoryNamer({ repositories: [row('/w/a/repo', '/w/a/repo', null), row('/w/b/repo', '/w/b/repo', null), row('acme/repo', '/x/repo', 'acme/repo'), row('/w/tools', '/w/tools', null)] });
    expect(['/w/a/repo', '/w/b/repo', 'acme/repo', '/w/tools'].map(name)).toEqual(['a/repo', 'b/repo', 'acme/repo', 'tools']);
    // a path no row has (a change of a report read back) is named by its folder; an owner/name stays
    expect(name('/somewhere/else')).toBe('else');
    expect(name('other/name')).toBe('other/name');
  });
});
