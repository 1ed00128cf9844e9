import { describe, expect, it } from 'vitest';
import { compileRegex, DEFAULT_ENVIRONMENT, DEFAULT_TAG_PATTERN } from '../../src/options.js';
import { compilePattern } from '../../src/patterns.js';

// what each default must say of each name, written by hand; RE2 (the engine a configured pattern runs on) must
// say the same, since the defaults run native
const TAGS: Array<[string, boolean]> = [
  ['v1.2.3', true], ['1.2', true], ['tokio-1.49.0', true], ['pkg@1.2.3', true], ['cli/v1.2.3', true], ['v1.2.3-rc.1', true],
  ['langchain-core==0.3.1', true], ['pkg=1.2.3', false], ['pkg===1.2.3', false],
  // Rush's and the Azure SDKs' `_`
  ['@rushstack/heft_v0.50.0', true], ['@azure/storage-blob_12.17.0', true], ['Azure.Storage.Blobs_12.19.0', true], ['build_42', false],
  ['v1', false], ['release', false], ['latest', false], ['é-1.2', false], ['v١.٢', false], ['x v1.2', false],
];
const ENVIRONMENTS: Array<[string, boolean]> = [
  ['prod', true], ['production', true], ['live', true], ['prd', true], ['Production', false], ['production-eu', false], ['staging', false],
];

describe('the default patterns', () => {
  it('keep their source as written (the report names the tag pattern)', () => {
    expect(compileRegex(DEFAULT_TAG_PATTERN, '--tag-pattern').source).toBe(DEFAULT_TAG_PATTERN);
    expect(compileRegex(DEFAULT_ENVIRONMENT, '--environment').source).toBe(DEFAULT_ENVIRONMENT);
  });

  it.each([
    ['tag pattern', DEFAULT_TAG_PATTERN, TAGS],
    ['environment', DEFAULT_ENVIRONMENT, ENVIRONMENTS],
  ] as const)('the %s matches what RE2 matches', (_, source, cases) => {
    const native = compileRegex(source, '--flag');
    const re2 = compilePattern(source);
    expect(cases.map(([name]) => native.test(name))).toEqual(cases.map(([, expected]) => expected));
    expect(cases.map(([name]) => re2.test(name))).toEqual(cases.map(([, expected]) => expected));
  });

  it('a configured pattern still runs on RE2: lookaround is refused with the reason', () => {
    expect(() => compileRegex('^v(?=\\d)', '--tag-pattern')).toThrow("--tag-pattern '^v(?=\\d)' is not a valid regular expression: invalid or unsupported Perl syntax (configured patterns run on a linear-time engine, RE2: no lookaround or backreferences)");
  });
});
