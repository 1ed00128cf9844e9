import { afterAll, beforeAll } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { WINDOW } from './fixture.js';

type ReportChange = Report['changes'][number];

/** A products fixture's report over the fixtures' window, and its change of a title. */
export interface Audited {
  readonly report: Report;
  of(title: string): ReportChange | undefined;
}

/**
 * Makes the fixture and its report before the calling describe block's tests, and removes the fixture after them.
 * `report` is read when a test runs, so it is the one `beforeAll` made.
 */
export function audited(make: () => FixtureRepo): Audited {
  let repo: FixtureRepo | undefined;
  let made: Report | undefined;
  beforeAll(async () => {
    repo = make();
    made = await audit({ path: repo.dir, ...WINDOW });
  });
  afterAll(() => repo?.cleanup());
  const report = (): Report => {
    if (made === undefined) throw new Error('the fixture\'s report is made in beforeAll: read it in a test');
    return made;
  };
  return {
    get report() {
      return report();
    },
    of: (title) => report().changes.find((c) => c.title === title),
  };
}
