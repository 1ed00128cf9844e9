import { describe, expect, it } from 'vitest';
import type { Deploy } from '../../src/domain.js';
import { compareGoVersions, failRetracted } from '../../src/model/retractions.js';

const deploy = (ref: string, at: number): Deploy => ({ ref, sha: ref, at, changeShas: [], rollback: false, rework: false, failed: false, failureReasons: [], restoredAfter: null });

describe('compareGoVersions', () => {
  it('orders by major, minor and patch as numbers, a pre-release below its release, and reads no other tag', () => {
    expect(compareGoVersions('v1.10.0', 'v1.9.9')).toBe(1);
    expect(compareGoVersions('v1.74.1', 'v1.74.1')).toBe(0);
    expect(compareGoVersions('v2.0.0-rc.1', 'v2.0.0')).toBe(-1);
    expect(compareGoVersions('v2.0.0-rc.2', 'v2.0.0-rc.10')).toBe(-1);
    expect(compareGoVersions('v2.0.0-beta', 'v2.0.0-alpha.1')).toBe(1);
    expect(compareGoVersions('api/v1.0.0', 'v1.0.0')).toBeNull();
    expect(compareGoVersions('1.0.0', 'v1.0.0')).toBeNull();
  });
});

describe('failRetracted', () => {
  it('fails the deploys of the versions a range holds, its edges too, and keeps what other reasons said', () => {
    const before = { ...deploy('v1.73.0', 1), failed: true, failureReasons: ['shipped a change later reverted'], restoredAfter: 5 };
    const deploys = [before, deploy('v1.74.0', 2), deploy('v1.74.1', 3), deploy('v1.74.2', 4), deploy('api/v1.74.0', 5)];
    const out = failRetracted(deploys, [{ low: 'v1.74.0', high: 'v1.74.1', rationale: 'published prematurely' }, { low: 'v1.73.0', high: 'v1.73.0', rationale: null }]);
    expect(out.map((d) => [d.ref, d.failed, d.failureReasons, d.restoredAfter])).toEqual([
      ['v1.73.0', true, ['shipped a change later reverted', 'retracted in go.mod'], 5],
      ['v1.74.0', true, ['retracted in go.mod: published prematurely'], null],
      ['v1.74.1', true, ['retracted in go.mod: published prematurely'], null],
      ['v1.74.2', false, [], null],
      ['api/v1.74.0', false, [], null],
    ]);
    // the input is not changed
    expect(deploys[1]?.failed).toBe(false);
  });
});
