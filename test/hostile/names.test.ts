/*
 * Names that come from input — slices in a report, settings and products in a config — taken as an object's
 * keys (issue 41): `__proto__`, `constructor`, `toString` are an object's own before any input names them. A
 * report whose slices were named so crashed aggregate (exit 4: `members[name].push is not a function`); a
 * config key `__proto__` set the config object's prototype, so a setting hidden in it was read as written,
 * unseen by the check for unknown keys (a bot list that made Ada a bot).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildRepo, lines, type FixtureRepo } from '../helpers/git-fixture.js';
import { expectError, expectReport, run, sandbox, type Sandbox } from './harness.js';
import { WINDOW } from './repos.js';

let repo: FixtureRepo;
let box: Sandbox;
beforeAll(() => {
  // four changes in March 2026, released as v1.0.0: two under src/, one under tests/, one under doc/
  repo = buildRepo([
    { commit: 'base', at: '2026-02-20T00:00:00Z', files: { 'README.md': lines(2) } },
    { commit: 'Add parser', at: '2026-03-02T10:00:00Z', files: { 'src/parse.ts': lines(20) } },
    { commit: 'Add lexer', at: '2026-03-03T10:00:00Z', files: { 'src/lex.ts': lines(20) } },
    { commit: 'Test the parser', at: '2026-03-04T10:00:00Z', files: { 'tests/parse.test.ts': lines(10) } },
    { commit: 'Document it', at: '2026-03-05T10:00:00Z', files: { 'doc/guide.md': lines(10) } },
    // a release tag: the deploys (and so the products) are read from tags
    { tag: 'v1.0.0', at: '2026-03-06T10:00:00Z', annotated: true },
  ]);
});
afterAll(() => repo.cleanup());
afterEach(() => box.remove());

const bounded = async <T>(work: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  const out = await work();
  expect(Date.now() - started, 'the run took longer than its bound').toBeLessThan(30_000);
  return out;
};

describe('slice names in a report', () => {
  it('slices named __proto__, constructor and toString pool by name in an aggregate, each with its own changes', async () => {
    box = sandbox();
    const path = join(box.dir, 'by-path.json');
    expect((await run(box, [repo.dir, '--by', 'path:1', '--format', 'json', '-o', path, ...WINDOW], { toFile: false })).code).toBe(0);
    const report = JSON.parse(readFileSync(path, 'utf8'));
    const renamed = new Map([['path:src', '__proto__'], ['path:tests', 'constructor'], ['path:doc', 'toString']]);
    expect(report.summary.slices.rows.map((r: { name: string; changes: number }) => [r.name, r.changes])).toEqual(expect.arrayContaining([['path:src', 2], ['path:tests', 1], ['path:doc', 1]]));
    for (const row of report.summary.slices.rows) row.name = renamed.get(row.name) ?? row.name;
    for (const c of report.changes) c.slices = c.slices?.map((s: string) => renamed.get(s) ?? s);
    writeFileSync(path, JSON.stringify(report));
    for (const format of ['json', 'text', 'html', 'markdown']) {
      const o = await bounded(() => run(box, ['aggregate', path, '--format', format]));
      const text = expectReport(o);
      if (format !== 'json') continue;
      const rows = JSON.parse(text).summary.slices.rows.map((r: { name: string; changes: number }) => [r.name, r.changes]);
      expect(rows).toEqual(expect.arrayContaining([['__proto__', 2], ['constructor', 1], ['toString', 1]]));
    }
  });
});

describe('names in a config', () => {
  it('a key __proto__ is a key the config does not know, never the config\'s prototype (its bots not read)', async () => {
    box = sandbox();
    const config = join(box.dir, 'c.json');
    writeFileSync(config, '{"__proto__": {"bots": ["ada"]}}');
    expectError(await bounded(() => run(box, [repo.dir, '--config', config, ...WINDOW])), 2,
      `config ${config}: (a key that is not a setting name) is not a known setting`);
  });

  it('a product named constructor is a product like any other; one named __proto__ is refused, never dropped', async () => {
    box = sandbox();
    const config = join(box.dir, 'c.json');
    writeFileSync(config, '{"products": {"constructor": {"paths": ["src/**"]}, "toString": {"paths": ["doc/**"]}}}');
    const report = JSON.parse(expectReport(await bounded(() => run(box, [repo.dir, '--config', config, '--format', 'json', ...WINDOW]))));
    const rows = report.summary.products.map((r: { name: string; changes: number }) => [r.name, r.changes]);
    expect(rows).toEqual(expect.arrayContaining([['constructor', 2], ['toString', 1]]));
    writeFileSync(config, '{"products": {"__proto__": {"paths": ["src/**"]}}}');
    expectError(await run(box, [repo.dir, '--config', config, ...WINDOW]), 2, `config ${config}: products.__proto__ cannot be a product's name: name it otherwise`);
  });
});
