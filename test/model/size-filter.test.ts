import { describe, expect, it } from 'vitest';
import { sizeFilter } from '../../src/model/size-filter.js';

describe("the files a change's size counts", () => {
  const counts = sizeFilter('');

  it('leaves out lock files and generated files, whatever the case of their names', () => {
    expect(counts('src/Api/Controllers/DevicesController.cs')).toBe(true);
    expect(counts('package-lock.json')).toBe(false);
    // bitwarden's EF Core migrations: `20260701_AddClientVersion.Designer.cs`, 3,600 generated lines each, read as
    // the work of the team owning util/ and made #7632 a 13,170-line change of dept-dbops (2,186 without them)
    expect(counts('util/PostgresMigrations/Migrations/20260701_AddClientVersion.Designer.cs')).toBe(false);
    expect(counts('src/App/Forms/Main.designer.cs')).toBe(false);
    expect(counts('src/App/Forms/Main.Designer.vb')).toBe(false);
    expect(counts('util/PostgresMigrations/Migrations/20260701_AddClientVersion.cs')).toBe(true);
  });

  it('puts back what .gitattributes unsets, the last matching line winning', () => {
    const own = sizeFilter('*.Designer.cs -linguist-generated\n');
    expect(own('src/App/Forms/Main.Designer.cs')).toBe(true);
  });
});
