import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repositoryNames, type NamedRepository } from '../../src/aggregate/names.js';

const local = (path: string): NamedRepository => ({ key: path, path, remote: null });

describe('repositoryNames', () => {
  it('names a repository by its remote, else its folder, as far up its path as tells it apart', () => {
    const names = repositoryNames([
      local('/home/ada/work/alpha-service'),
      { key: 'acme/shop', path: '/srv/checkout/shop', remote: 'acme/shop' },
      local('/home/ada/x/service'),
      local('/home/ada/y/service'),
      // a folder of the remote's name, and one whose two last parts read as its owner/name
      local('/mnt/shop'),
      local('/srv/acme/shop'),
    ]);
    expect(names.get('acme/shop')).toBe('acme/shop');
    expect(names.get('/home/ada/work/alpha-service')).toBe('alpha-service');
    expect(names.get('/home/ada/x/service')).toBe('x/service');
    expect(names.get('/home/ada/y/service')).toBe('y/service');
    expect(names.get('/mnt/shop')).toBe('mnt/shop');
    expect(names.get('/srv/acme/shop')).toBe('srv/acme/shop');
  });

  it('gives every key one name, none twice, none a path, whatever the order', () => {
    const segment = fc.constantFrom('a', 'b', 'repo', 'service', 'work');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(fc.uniqueArray(path, { minLength: 1, maxLength: 6 }), (paths) => {
        const names = repositoryNames(paths.map(local));
        const reversed = repositoryNames([...paths].reverse().map(local));
        expect(new Set(names.values()).size).toBe(paths.length);
        for (const p of paths) {
          expect(names.get(p)?.startsWith('/')).toBe(false);
          expect(reversed.get(p)).toBe(names.get(p));
        }
      }),
      { numRuns: 300 },
    );
  });
});
