/*
 * A JSON report from another job (or another person) given to compare or aggregate: every string in it is
 * untrusted. Terminal escapes (an OSC 52 clipboard write, a screen clear), C1 controls, bidi controls (marks,
 * overrides, isolates) and zero-width characters must not reach the terminal, Markdown, HTML or CSV; JSON output
 * escapes them; Markdown and HTML escape markup.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { expectError, expectReport, expectTerminalSafe, INVISIBLE_CONTROLS, run, sandbox, type Sandbox } from './harness.js';
import { origin, WINDOW } from './repos.js';

const OSC52 = '\u001b]52;c;cm0gLXJmIH4K\u0007';
const NASTY = `${OSC52}\u001b[2J\u009b31m\u202eevil\u2066 <script>alert(1)</script> | [x](javascript:alert(1)) \u2028 \u200epay\u200fpal\u061c\u200b\u200d\ufeff`;

let repo: FixtureRepo;
let box: Sandbox;
let clean: Record<string, unknown>;

beforeAll(async () => {
  repo = origin();
  const setup = sandbox();
  const o = await run(setup, [repo.dir, '--format', 'json', ...WINDOW]);
  clean = JSON.parse(expectReport(o));
  setup.remove();
});
afterAll(() => repo.cleanup());
afterEach(() => box.remove());

/** The report with every free-text field replaced by NASTY, written to the sandbox. */
function hostileReport(name: string): string {
  const r = structuredClone(clean) as any;
  r.repository = { path: `/srv/${NASTY}`, remote: `acme/${NASTY}`, branch: `main${NASTY}` };
  r.deploySignal.detail = NASTY;
  r.warnings = [NASTY];
  r.notes = [NASTY];
  for (const ch of r.changes) Object.assign(ch, { title: NASTY, author: NASTY, id: `#1${OSC52}` });
  for (const d of r.deploys) d.ref = NASTY;
  const path = join(box.dir, name);
  writeFileSync(path, JSON.stringify(r));
  return path;
}

describe('compare', () => {
  it('text: no escape, control or bidi override reaches the terminal, whatever field held it', async () => {
    box = sandbox();
    const [a, b] = [hostileReport('a.json'), hostileReport('b.json')];
    const o = await run(box, ['compare', a, b], { toFile: false });
    expect(o.code, o.stderr).toBe(0);
    expectTerminalSafe(o.stdout);
    expect(o.stdout).toContain('before: acme/');
  });

  it('text with colour on: only colour sequences are left', async () => {
    box = sandbox();
    const [a, b] = [hostileReport('a.json'), hostileReport('b.json')];
    const o = await run(box, ['compare', a, b], { toFile: false, env: { FORCE_COLOR: '1' } });
    expect(o.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(o.stdout).not.toMatch(INVISIBLE_CONTROLS);
  });

  it('JSON: C1 controls, line separators and bidi overrides are escaped, the values kept', async () => {
    box = sandbox();
    const [a, b] = [hostileReport('a.json'), hostileReport('b.json')];
    const o = await run(box, ['compare', a, b, '--format', 'json']);
    const text = expectReport(o);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(text).not.toMatch(INVISIBLE_CONTROLS);
    expect(JSON.parse(text).before.repository).toBe(`acme/${NASTY}`);
  });

  it('Markdown: markup and links in a name are escaped', async () => {
    box = sandbox();
    const [a, b] = [hostileReport('a.json'), hostileReport('b.json')];
    const text = expectReport(await run(box, ['compare', a, b, '--format', 'markdown']));
    expect(text).not.toContain('<script>');
    // the brackets are escaped: `\[x\](javascript:…` is text, not a link
    expect(text).not.toContain('[x](javascript:');
    expectTerminalSafe(text);
  });
});

describe('aggregate', () => {
  it('text: the OSC 52 clipboard write and the rest are stripped', async () => {
    box = sandbox();
    const o = await run(box, ['aggregate', hostileReport('a.json'), hostileReport('b.json')], { toFile: false });
    expect(o.code, o.stderr).toBe(0);
    expectTerminalSafe(o.stdout);
    expect(o.stdout).not.toContain('cm0gLXJmIH4K');
  });

  it.each(['markdown', 'html', 'csv'])('%s: no control characters; no markup from the report in Markdown and HTML', async (format) => {
    box = sandbox();
    const text = expectReport(await run(box, ['aggregate', hostileReport('a.json'), hostileReport('b.json'), '--format', format]));
    // CSV is data: a spreadsheet shows `<script>` as text
    if (format !== 'csv') expect(text).not.toContain('<script>alert');
    expectTerminalSafe(text.replace(/\r\n/g, '\n'));
  });

  it('JSON: U+009B and U+202E come out escaped (JSON.stringify leaves them raw)', async () => {
    box = sandbox();
    const text = expectReport(await run(box, ['aggregate', hostileReport('a.json'), '--format', 'json']));
    expect(text).toContain('\\u009b31m\\u202eevil\\u2066');
    expect(text).toContain('\\u200epay\\u200fpal\\u061c\\u200b\\u200d\\ufeff');
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029]/);
    expect(text).not.toMatch(INVISIBLE_CONTROLS);
  });
});

describe('error and warning lines', () => {
  it('a bidi override and an escape in a flag value are stripped from the error', async () => {
    box = sandbox();
    const o = await run(box, [repo.dir, '--branch', `\u202emain${OSC52}`, ...WINDOW]);
    expectError(o, 2, "unknown branch 'main]52;c;cm0gLXJmIH4K': list branches with `git branch -a` and pass one with --branch");
  });

  it('an unknown option holding an escape: commander\'s own error is stripped too', async () => {
    box = sandbox();
    const o = await run(box, [repo.dir, `--x${OSC52}`], { toFile: false });
    expect(o.code).toBe(2);
    expectTerminalSafe(o.stderr.replace(/\n$/, ''));
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
  });
});
