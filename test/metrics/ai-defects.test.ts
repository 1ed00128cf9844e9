import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change, MeasuredDeploy, ProductDeploy } from '../../src/domain.js';
import { computeAiDefects } from '../../src/metrics/ai-defects.js';
import { shareDifference } from '../../src/metrics/proportion.js';
import { REPAIR_FLAGS } from '../../src/model/repairs.js';
import { change, h } from '../model/data.js';

const AI = { aiEvidence: ['Co-Authored-By: Claude <noreply@anthropic.com>'], aiTools: ['claude-code'] };
const deploy = (at: number, failed = false, restoredAfter: number | null = null): MeasuredDeploy => ({ at: h(at), failed, rollback: false, rework: false, restoredAfter: restoredAfter === null ? null : restoredAfter * 3600 });
const shipped = (name: string, at: number, o: Partial<Change> = {}): Change => change(name, { deployedAt: h(at), ...o });

/*
 * Five deploys, by hand:
 *   D10  ok                                   ships a1 (AI, later reverted)
 *   D20  failed, restored 5h later by D25     ships a2 (AI), o1                  → both fixed up: f1 repaired it
 *   D25  ok                                   ships f1 (merged after D20, the failed-deploy fix)
 *   D30  failed, restored 10h later by D40    ships o2                           → not fixed up: D40 ships no fix
 *   D40  ok                                   ships o3
 *   a3 (AI) not deployed.
 * AI: a1 a2 a3 → reverted 1, fixed up 1; deploys D10 D20 (1 failed). Other: o1 f1 o2 o3 → reverted 0, fixed up 1;
 * deploys D25 D30 D40 (1 failed). Failed deploys 2, one with an AI-assisted change; 2 of 5 deploys had one.
 */
describe('AI defects, counted by hand', () => {
  const changes = [
    shipped('a1', 10, { ...AI, revertedBy: 'r1' }),
    shipped('a2', 20, AI),
    shipped('o1', 20),
    shipped('f1', 25, { mergedAt: h(22), flags: [REPAIR_FLAGS.failedDeployFix] }),
    shipped('o2', 30),
    shipped('o3', 40),
    change('a3', AI),
  ];
  const deploys = [deploy(10), deploy(20, true, 5), deploy(25), deploy(30, true, 10), deploy(40)];
  const d = computeAiDefects({ changes, later: changes, deploys });

  it('counts reverted and fixed-up changes and the deploys that shipped them, per group', () => {
    expect(d.ai).toMatchObject({ changes: 3, reverted: 1, fixedUp: 1, deploys: 2, failed: 1, revertRate: 1 / 3, fixUpRate: 1 / 3, failureRate: 0.5 });
    expect(d.other).toMatchObject({ changes: 4, reverted: 0, fixedUp: 1, deploys: 3, failed: 1, revertRate: 0, fixUpRate: 0.25, failureRate: 1 / 3 });
    expect(d).toMatchObject({ failedDeploys: 2, failedWithAi: 1, failedAiShare: 0.5, deploysAiShare: 0.4 });
    // 0 of 4: the Wilson interval starts at 0 exactly
    expect(d.other.revertRateLow).toBe(0);
  });

  it('says too few, and calls no difference real, under ten in a group', () => {
    // one repository: its own deploys, Newcombe's interval, nothing said of repositories
    expect(d.failureDifference.repositories).toBeUndefined();
    expect([d.revertDifference.real, d.fixUpDifference.real, d.failureDifference.real]).toEqual([false, false, false]);
    expect(d.note).toBe('Too few to tell the groups apart: fewer than 10 changes (AI-assisted 3, other 4) or fewer than 10 deploys that shipped them (with an AI-assisted change 2, without 3) in a group. The fix-ups shipped in one failed deploy, fewer than 10: changes shipped together fail together, so their difference is not told.');
  });

  it('tells no fix-up difference that one failed deploy\'s batch makes, however many changes it held', () => {
    // continuedev/continue: 218 of the other changes' 260 fix-ups shipped in one failed deploy. Here 40 AI-assisted
    // changes ship in ten good deploys; 40 others, 30 of them in one failed deploy (D100) its fix repaired (D110)
    const ai = Array.from({ length: 40 }, (_, i) => shipped(`a${i}`, 10 + (i % 10), AI));
    const other = Array.from({ length: 40 }, (_, i) => shipped(`o${i}`, i < 30 ? 100 : 10 + (i % 10)));
    const fix = shipped('f', 110, { mergedAt: h(105), flags: [REPAIR_FLAGS.failedDeployFix] });
    const all = [...ai, ...other, fix];
    const deploys = [...Array.from({ length: 10 }, (_, i) => deploy(10 + i)), deploy(100, true, 10), deploy(110)];
    const batch = computeAiDefects({ changes: all, later: all, deploys });
    // 0 of 40 against 30 of 41: Newcombe's interval leaves out 0 by far, but it is one event
    expect([batch.ai.fixedUp, batch.other.fixedUp]).toEqual([0, 30]);
    expect((batch.fixUpDifference.high ?? 0) < 0).toBe(true);
    expect(batch.fixUpDifference.real).toBe(false);
    expect(batch.note).toContain('The fix-ups shipped in one failed deploy, fewer than 10');
  });

  it('tells no failure difference from ten deploys or more that fewer than ten AI-assisted changes shipped in', () => {
    // six repositories' 9 AI-assisted changes in 12 deploys (two products' at one commit) read as "higher for
    // AI-assisted changes" under the note that 9 changes cannot tell the groups apart. Here 9 ship in both products'
    // deploys, 18 in all, 5 of them failed; 200 other changes in 200 good deploys of one product
    const by = (product: string, at: number): ProductDeploy => ({ product, ref: `${product}@${at}`, deployedAt: h(at), deployWait: 0, leadTime: null });
    const both = (at: number): Partial<Change> => ({ productDeploys: [by('web', at), by('api', at)] });
    const ai = Array.from({ length: 9 }, (_, i) => shipped(`a${i}`, 10 + i, { ...AI, ...both(10 + i) }));
    const other = Array.from({ length: 200 }, (_, i) => shipped(`o${i}`, 100 + i, { productDeploys: [by('web', 100 + i)] }));
    const of = (product: string, at: number, failed = false): MeasuredDeploy => ({ ...deploy(at, failed), product });
    const deploys = [
      ...Array.from({ length: 9 }, (_, i) => [of('web', 10 + i, i < 3), of('api', 10 + i, i < 2)]).flat(),
      ...Array.from({ length: 200 }, (_, i) => of('web', 100 + i)),
    ];
    const few = computeAiDefects({ changes: [...ai, ...other], later: [...ai, ...other], deploys });
    expect([few.ai.deploys, few.ai.failed, few.other.deploys, few.other.failed]).toEqual([18, 5, 200, 0]);
    // 5 of 18 against 0 of 200: the interval leaves out 0, but 9 changes are behind the 18 deploys
    expect((few.failureDifference.low ?? 0) > 0).toBe(true);
    expect(few.failureDifference.real).toBe(false);
    expect(few.note).toBe('Too few to tell the groups apart: fewer than 10 changes (AI-assisted 9, other 200) in a group.');
    // one more AI-assisted change (in a good deploy of its own) and the same deploys tell it
    const tenth = shipped('a9', 50, { ...AI, productDeploys: [by('web', 50)] });
    const enough = computeAiDefects({ changes: [...ai, tenth, ...other], later: [...ai, tenth, ...other], deploys: [...deploys, of('web', 50)] });
    expect(enough.failureDifference.real).toBe(true);
  });

  it('over several repositories, compares deploy failures within each: one deploying every merge is no baseline for releases', () => {
    // 'rel' releases: 12 deploys with an AI-assisted change (1 failed), 30 without (2 failed). 'every' deploys each of
    // its 3,000 changes (4 failed), none AI-assisted. Pooled, 1 of 12 against 6 of 3,030 tells AI-assisted deploys apart
    const at = (repository: string, i: number): MeasuredDeploy => ({ ...deploy(i, false), repository });
    const rel = [
      ...Array.from({ length: 12 }, (_, i) => shipped(`a${i}`, i, { ...AI, repository: 'rel' })),
      ...Array.from({ length: 30 }, (_, i) => shipped(`o${i}`, 100 + i, { repository: 'rel' })),
    ];
    const every = Array.from({ length: 3000 }, (_, i) => shipped(`e${i}`, i, { repository: 'every' }));
    const deploys = [
      ...Array.from({ length: 12 }, (_, i) => ({ ...at('rel', i), failed: i === 0 })),
      ...Array.from({ length: 30 }, (_, i) => ({ ...at('rel', 100 + i), failed: i < 2 })),
      ...Array.from({ length: 3000 }, (_, i) => ({ ...at('every', i), failed: i < 4 })),
    ];
    const all = [...rel, ...every];
    const d = computeAiDefects({ changes: all, later: all, deploys });
    // 'every' has no deploy with an AI-assisted change: it says nothing of the difference, and its deploys are left out
    expect([d.ai.deploys, d.ai.failed, d.other.deploys, d.other.failed, d.failedDeploys]).toEqual([12, 1, 30, 2, 3]);
    // one repository compared: its own difference, 1/12 − 2/30
    expect(d.failureDifference.value).toBeCloseTo(1 / 12 - 2 / 30, 12);
    expect(d.failureDifference.real).toBe(false);
    expect(d.failureDifference.repositories).toBe(1);
    expect(d.note).toBe('Deploy failures compare within a repository: the deploys counted are those of the repositories that shipped deploys both with and without an AI-assisted change (of 2 with deploys), and the difference is each one\'s own, weighed together (Mantel–Haenszel), not the gap between the rates beside it, which pool them.');
    // pooled, the same deploys read as a difference: 8.3% against 0.2%, Newcombe's interval leaving out 0
    expect((shareDifference({ k: 1, n: 12 }, { k: 6, n: 3030 }).low ?? 0) > 0).toBe(true);
  });

  it('over several repositories, compares the changes\' revert rates within each too', () => {
    // 'careful' reverts 1 change in 10, AI-assisted or not (2 of 20 each); 'never' reverts none of its 500, none
    // AI-assisted. Pooled, 10% against 0.4%: higher for AI-assisted changes; within 'careful', no difference
    const careful = [
      ...Array.from({ length: 20 }, (_, i) => change(`a${i}`, { ...AI, repository: 'careful', revertedBy: i < 2 ? `r${i}` : null })),
      ...Array.from({ length: 20 }, (_, i) => change(`o${i}`, { repository: 'careful', revertedBy: i < 2 ? `s${i}` : null })),
    ];
    const never = Array.from({ length: 500 }, (_, i) => change(`n${i}`, { repository: 'never' }));
    const all = [...careful, ...never];
    const d = computeAiDefects({ changes: all, later: all, deploys: [] });
    expect([d.ai.reverted, d.ai.changes, d.other.reverted, d.other.changes]).toEqual([2, 20, 2, 520]);
    expect(d.revertDifference).toMatchObject({ value: 0, real: false, repositories: 1 });
    expect(shareDifference({ k: 2, n: 20 }, { k: 2, n: 520 }).low ?? 0).toBeGreaterThan(0);
  });

  it('counts no fix-ups in a failed deploy that the revert of its failing change restored', () => {
    // All-Hands-AI/OpenHands' 0.39.0: 51 changes, failed because #8483 was reverted (#8612), restored by 0.39.1
    // shipping that revert. #8483 is reverted; the other 50 shipped beside it and nothing fixed them
    const failing = shipped('a1', 20, { ...AI, revertedBy: 'r1' });
    const beside = [shipped('a2', 20, AI), shipped('o1', 20)];
    const revert = shipped('r1', 25, { mergedAt: h(22), flags: [REPAIR_FLAGS.revert, REPAIR_FLAGS.failedDeployFix] });
    const all = [failing, ...beside, revert];
    const d = computeAiDefects({ changes: all, later: all, deploys: [deploy(20, true, 5), deploy(25)] });
    expect([d.ai.reverted, d.ai.fixedUp, d.other.fixedUp]).toEqual([1, 0, 0]);
    expect(d.note ?? '').not.toContain('fix-ups shipped');
  });

  it('a fix that lands after the window still marks what it repaired', () => {
    const inWindow = changes.filter((c) => c.id !== 'f1');
    expect(computeAiDefects({ changes: inWindow, later: changes, deploys }).other.fixedUp).toBe(1);
    expect(computeAiDefects({ changes: inWindow, later: inWindow, deploys }).other.fixedUp).toBe(0);
  });

  it('tells no failure difference that one failed deploy makes: a split as uneven comes by chance', () => {
    // sveltejs/kit's year: 17 deploys with an AI-assisted change, one failed (by a revert of another change it
    // shipped), 177 without, none failed. Newcombe's interval leaves out 0 (+0.6 pp at its low end); Fisher's exact
    // test gives 17/194 = 8.8%, the chance that the one failure falls on an AI-assisted deploy
    const ai = Array.from({ length: 17 }, (_, i) => shipped(`a${i}`, i, AI));
    const other = Array.from({ length: 177 }, (_, i) => shipped(`o${i}`, 100 + i));
    const deploys = [...Array.from({ length: 17 }, (_, i) => deploy(i, i === 0)), ...Array.from({ length: 177 }, (_, i) => deploy(100 + i))];
    const all = [...ai, ...other];
    const one = computeAiDefects({ changes: all, later: all, deploys });
    expect([one.ai.deploys, one.ai.failed, one.other.deploys, one.other.failed]).toEqual([17, 1, 177, 0]);
    expect((one.failureDifference.low ?? 0) > 0).toBe(true);
    expect(one.failureDifference.real).toBe(false);
    expect(one.note).toBe('The deploy failure rates rest on one failed deploy: a split as uneven comes by chance 9% of the time (Fisher\'s exact test), so their difference is not told.');
    // three failed deploys, all with an AI-assisted change: (17·16·15)/(194·193·192) = 0.06%, told
    const three = computeAiDefects({ changes: all, later: all, deploys: deploys.map((d, i) => ({ ...d, failed: i < 3 })) });
    expect([three.failureDifference.real, three.note]).toEqual([true, null]);
  });

  it('calls a difference real when its interval leaves out 0 and both groups have ten or more', () => {
    const many = [
      ...Array.from({ length: 40 }, (_, i) => change(`a${i}`, { ...AI, revertedBy: i < 20 ? `r${i}` : null })),
      ...Array.from({ length: 40 }, (_, i) => change(`o${i}`, { revertedBy: i < 1 ? 'r' : null })),
    ];
    const real = computeAiDefects({ changes: many, later: many, deploys: [] });
    expect(real.revertDifference.value).toBeCloseTo(0.5 - 1 / 40, 10);
    expect(real.revertDifference.real).toBe(true);
    expect((real.revertDifference.low ?? 0) > 0).toBe(true);
    // equal fix-up rates (none): no difference
    expect(real.fixUpDifference).toMatchObject({ value: 0, real: false });
    // no deploys: nothing to say of failures, and the note says so
    expect([real.failedAiShare, real.failureDifference.value]).toEqual([null, null]);
    expect(real.note).toMatch(/fewer than 10 deploys/);
  });

  it('holds on any history: the groups add up, and every rate is within its interval', () => {
    const arb = fc.array(fc.record({ ai: fc.boolean(), reverted: fc.boolean(), deploy: fc.option(fc.nat(9)), fix: fc.boolean() }), { maxLength: 40 });
    const deploysArb = fc.array(fc.record({ failed: fc.boolean(), restoredAfter: fc.option(fc.integer({ min: 1, max: 9 })) }), { minLength: 10, maxLength: 10 });
    fc.assert(fc.property(arb, deploysArb, (rows, ds) => {
      const cs = rows.map((r, i) => change(`c${i}`, {
        ...(r.ai && AI), revertedBy: r.reverted ? 'r' : null, deployedAt: r.deploy === null ? null : h(r.deploy * 10), flags: r.fix ? [REPAIR_FLAGS.failedDeployFix] : [],
      }));
      const deps = ds.map((x, i) => deploy(i * 10, x.failed, x.failed && x.restoredAfter !== null ? x.restoredAfter * 10 : null));
      const a = computeAiDefects({ changes: cs, later: cs, deploys: deps });
      expect(a.ai.changes + a.other.changes).toBe(cs.length);
      expect(a.ai.failed + a.other.failed).toBe(a.failedDeploys);
      expect(a.failedWithAi).toBe(a.ai.failed);
      expect(a.ai.deploys + a.other.deploys).toBe(new Set(cs.filter((c) => c.deployedAt !== null).map((c) => c.deployedAt)).size);
      for (const g of [a.ai, a.other]) {
        expect(g.reverted + g.fixedUp).toBeLessThanOrEqual(g.changes);
        for (const [v, lo, hi] of [[g.revertRate, g.revertRateLow, g.revertRateHigh], [g.fixUpRate, g.fixUpRateLow, g.fixUpRateHigh], [g.failureRate, g.failureRateLow, g.failureRateHigh]] as const) {
          if (v === null) expect([lo, hi]).toEqual([null, null]);
          else expect((lo as number) <= v && v <= (hi as number)).toBe(true);
        }
      }
      for (const diff of [a.revertDifference, a.fixUpDifference, a.failureDifference]) if (diff.real) expect((diff.low as number) > 0 || (diff.high as number) < 0).toBe(true);
    }));
  });
});

/*
 * A repository of two products, `app` and `lib`, both tagged at the same commits (react-router's lockstep releases):
 *   T10  app@1 ok, lib@1 ok              a1 (AI) touches app alone; o1 touches lib alone
 *   T20  app@2 failed, lib@2 ok          o2 touches app and lib
 * Four deploys. app@1 shipped a1 (AI); lib@1 shipped o1; app@2 and lib@2 shipped o2. Keyed by time alone, lib@1
 * would count as a deploy with an AI-assisted change (a1 went out at T10 too) and the groups would be 2 and 2.
 */
describe('AI defects in a repository of several products', () => {
  const own = (product: string, at: number | null): NonNullable<Change['productDeploys']>[number] => ({ product, ref: at === null ? null : `${product}@${at}`, deployedAt: at === null ? null : h(at), deployWait: null, leadTime: null });
  const changes = [
    shipped('a1', 10, { ...AI, products: ['app'], productDeploys: [own('app', 10)] }),
    shipped('o1', 10, { products: ['lib'], productDeploys: [own('lib', 10)] }),
    shipped('o2', 20, { products: ['app', 'lib'], productDeploys: [own('app', 20), own('lib', 20)] }),
  ];
  const of = (product: string, at: number, failed = false): MeasuredDeploy => ({ ...deploy(at, failed), product });
  const d = computeAiDefects({ changes, later: changes, deploys: [of('app', 10), of('lib', 10), of('app', 20, true), of('lib', 20)] });

  it('ties each product deploy to the changes it shipped of its own product', () => {
    expect([d.ai.deploys, d.other.deploys]).toEqual([1, 3]);
    expect([d.ai.failed, d.other.failed]).toEqual([0, 1]);
    expect(d.deploysAiShare).toBe(0.25);
  });

  // a CI change touching neither product (c1, AI) went out with the first product tagged after it, lib@30 (app@30
  // went out at the same time and did not ship it); its deployRef names that deploy, which lists it among its
  // changes. otel-js-contrib's 80 such changes of a year were tied to none, and 11 deploys fell out of both groups
  it('ties a change of no product to the product deploy its ref names', () => {
    const ci = shipped('c1', 30, { ...AI, products: [], productDeploys: [], deployRef: 'lib@30' });
    const all = [...changes, ci];
    const withCi = computeAiDefects({ changes: all, later: all, deploys: [of('app', 10), of('lib', 10), of('app', 20, true), of('lib', 20), { ...of('app', 30), ref: 'app@30' }, { ...of('lib', 30), ref: 'lib@30' }] });
    expect([withCi.ai.deploys, withCi.other.deploys]).toEqual([2, 3]);
    expect(withCi.ai.changes).toBe(2);
  });
});

/*
 * grafana/k6's v1.7.1 was tagged on its release branch a day before the two changes it shipped merged into master:
 * such a change is deployed at its merge (`deployed-before-merge`), a time no deploy has, and only its deploy's ref
 * ties it to the deploy. By hand:
 *   D10  v1.0.1      failed, restored 10h later    ships a1 (AI), merged at 12 after it went out
 *   D20  v1.1.0      ok                            ships o1
 *   D30  production  ok                            ships o2, merged at 31 after it went out
 *   D40  production  ok                            ships o3 (the same ref deployed again: tied to the one at or before it)
 * AI: 1 deploy, failed; other: 3 deploys. Tied by time alone, a1 and o2 would fall out: AI 0 deploys, other 2.
 */
describe('AI defects of changes shipped before they merged', () => {
  const refDeploy = (at: number, ref: string, failed = false, restoredAfter: number | null = null): MeasuredDeploy => ({ ...deploy(at, failed, restoredAfter), ref });
  const early = { flags: ['deployed-before-merge'] };
  const changes = [
    shipped('a1', 12, { ...AI, ...early, mergedAt: h(12), deployRef: 'v1.0.1' }),
    shipped('o1', 20, { deployRef: 'v1.1.0' }),
    shipped('o2', 31, { ...early, mergedAt: h(31), deployRef: 'production' }),
    shipped('o3', 40, { deployRef: 'production' }),
  ];
  const deploys = [refDeploy(10, 'v1.0.1', true, 10), refDeploy(20, 'v1.1.0'), refDeploy(30, 'production'), refDeploy(40, 'production')];

  it('ties each to the deploy its ref names, which went out before its merge', () => {
    const d = computeAiDefects({ changes, later: changes, deploys });
    expect([d.ai.deploys, d.ai.failed, d.other.deploys, d.other.failed]).toEqual([1, 1, 3, 0]);
    expect(d).toMatchObject({ failedDeploys: 1, failedWithAi: 1, deploysAiShare: 0.25 });
  });

  it('ties a change of a report written before refs were kept by its deploy time, as before', () => {
    const unnamed = changes.map(({ deployRef: _ref, ...c }) => c);
    const d = computeAiDefects({ changes: unnamed, later: unnamed, deploys });
    expect([d.ai.deploys, d.other.deploys]).toEqual([0, 2]);
  });
});
