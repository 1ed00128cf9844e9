import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type Step } from '../helpers/git-fixture.js';

/*
 * A closed window reads the same whenever it runs (SPEC section 6): over generated histories — pull requests
 * merged before and after the window's end, release tags between them, a revert of one of them — the JSON report of
 * the window [03-01, 03-15) from the clone as it was a day after the window, read then, equals the one from the
 * clone fetched three weeks later, read then, but for the time it was generated.
 */
const DAY = 86400;
const START = Date.parse('2026-03-01T00:00:00Z') / 1000;
const UNTIL = '2026-03-15';
const EARLY = START + 15 * DAY;
const LATE = START + 36 * DAY;
const iso = (t: number): string => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

const plans = fc.record({
  // each pull request: its first commit (hours into the history) and how long until it merged
  pulls: fc.array(fc.record({ first: fc.integer({ min: 1, max: 30 * 24 }), open: fc.integer({ min: 1, max: 8 * 24 }) }), { minLength: 2, maxLength: 8 }),
  // tags some hours into the history: what they ship is whatever merged before them
  tags: fc.uniqueArray(fc.integer({ min: 24, max: 34 * 24 }), { minLength: 1, maxLength: 5 }),
  // the revert of one pull request, some hours after its merge
  revert: fc.option(fc.record({ of: fc.nat(), after: fc.integer({ min: 1, max: 10 * 24 }) }), { freq: 2 }),
});

type Plan = typeof plans extends fc.Arbitrary<infer T> ? T : never;

/** The plan as git steps, in the order of their times on main (merges, tags and the revert). */
function stepsOf(plan: Plan): Step[] {
  const at = (hours: number): string => iso(START + hours * 3600);
  const steps: Step[] = [{ commit: 'initial commit', at: at(0) }];
  const pulls = plan.pulls.map((p, i) => ({ id: `p${i}`, first: p.first, merged: p.first + p.open, n: i + 1 }));
  for (const p of pulls) steps.push({ branch: p.id, from: 'main' });
  for (const p of pulls) steps.push({ commit: `feat: ${p.id}`, on: p.id, at: at(p.first), files: { [`${p.id}.txt`]: `${p.id}\n` } });
  const events: Array<{ at: number; step: Step }> = pulls.map((p) => ({ at: p.merged, step: { merge: p.id, at: at(p.merged), message: `Merge pull request #${p.n} from ada/${p.id}\n\nfeat: ${p.id}`, id: p.id } }));
  plan.tags.forEach((t, i) => events.push({ at: t + 0.5, step: { tag: `v1.${i}.0`, annotated: true, at: at(t + 0.5) } }));
  const reverted = plan.revert === null ? undefined : pulls[plan.revert.of % pulls.length];
  if (plan.revert !== null && reverted !== undefined) {
    const when = reverted.merged + plan.revert.after;
    events.push({ at: when + 0.25, step: { commit: (sha) => `Revert "feat: ${reverted.id}"\n\nThis reverts commit ${sha(reverted.id)}.`, on: 'main', at: at(when + 0.25), files: { [`${reverted.id}.txt`]: null } } });
  }
  // tags by their time, named in that order: v1.0.0 the first
  events.sort((a, b) => a.at - b.at);
  let tag = 0;
  for (const e of events) steps.push('tag' in e.step ? { ...e.step, tag: `v1.${tag++}.0` } : e.step);
  return steps;
}

afterEach(() => vi.useRealTimers());

describe('a closed window over generated histories', () => {
  it('gives the same JSON read a day after it from the clone as it was then, and weeks later from the clone fetched since', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async (plan) => {
        const repo = buildRepo(stepsOf(plan));
        try {
          const tip = repo.git('rev-parse', 'main');
          const tags = repo.git('for-each-ref', '--format=%(refname) %(objectname) %(taggerdate:unix)', 'refs/tags').split('\n').filter(Boolean).map((l) => l.split(' '));
          const read = async (clock: number): Promise<string> => {
            vi.useFakeTimers({ toFake: ['Date'] });
            vi.setSystemTime(clock * 1000);
            try {
              const { code, stdout } = await runCli(['report', repo.dir, '--since', '2026-03-01', '--until', UNTIL, '--no-github', '--format', 'json']);
              expect(code).toBe(0);
              return stdout.replace(/"generatedAt": "[^"]*"/, '"generatedAt": "…"');
            } finally {
              vi.useRealTimers();
            }
          };
          // the clone as it was: main at its last commit by then, the tags made by then
          repo.git('update-ref', 'refs/heads/main', repo.git('rev-list', '-1', '--first-parent', `--before=${EARLY}`, tip));
          for (const [ref, , date] of tags) if (Number(date) > EARLY) repo.git('update-ref', '-d', ref as string);
          const early = await read(EARLY);
          repo.git('update-ref', 'refs/heads/main', tip);
          for (const [ref, object] of tags) repo.git('update-ref', ref as string, object as string);
          const late = await read(LATE);
          expect(late).toBe(early);
        } finally {
          repo.cleanup();
        }
      }),
      // the example: a pull request open at the window's end, merged a day after it
      { numRuns: 6, examples: [[{ pulls: [{ first: 260, open: 101 }, { first: 1, open: 1 }, { first: 1, open: 1 }], tags: [24], revert: null }]], endOnFailure: true },
    );
  }, 120_000);
});
