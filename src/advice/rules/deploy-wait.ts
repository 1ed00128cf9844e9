import { formatPerWeek } from '../../units.js';
import { duration, num, plural } from '../format.js';
import { measured, row, stageHours, stageValue } from '../kit.js';
import type { AdviceRule } from '../types.js';

/** Merged changes wait for a deploy: batching, release trains, manual releases. */
export const deployWait: AdviceRule = {
  id: 'deploy-wait',
  needs: 'git',
  whatIf: { stage: 'deploy', cap: (t) => t.deployWaitP50 },
  evaluate(input, t) {
    const stage = input.summary.stages.deploy;
    // a p50 the estimate does not reach (more than half still waiting, or too few left at risk): its bound
    const p50 = stage.p50 ?? stage.atLeast ?? null;
    // with the "merge" signal every merge is its own deploy: there is no deploy wait to speak of
    if (input.deploySignal.kind === 'merge' || !measured(p50) || p50 <= t.deployWaitP50) return null;
    const f = input.summary.dora.deploymentFrequency;
    // several products tagged together: their deploys at one commit are one release, and batches are releases
    const released = f.releases !== undefined && f.releases !== null;
    const perWeek = released ? (f.releasesPerWeek ?? null) : f.value;
    // over several repositories, the median repository's rate: no repository's deploys summed
    const frequency = measured(perWeek) ? `; ${f.repositories === undefined ? '' : 'the median repository: '}${deployRate(perWeek, released ? 'release' : 'deploy')}` : '';
    const waiting = stage.censored ? `; ${plural(stage.censored, 'change')} merged and not yet deployed` : '';
    const value =
      stage.p50 === null
        ? `p50 deploy wait ≥ ${duration(p50, input)} (threshold ${duration(t.deployWaitP50, input)}) over ${plural(stage.count, 'change')}`
        : stageValue('deploy wait', stage, t.deployWaitP50, input);
    return row({
      id: 'deploy-wait',
      measure: 'Deploy wait: time from merge to the first production deploy that contains the change',
      value: `${value}${waiting}${frequency}`,
      tellsYou:
        'Merged work is held back and shipped in batches (a release train, a manual release, a fixed ' +
        'schedule). Each batch carries more changes, so a deploy is riskier and a failure is harder to pin ' +
        'on one change.',
      // release-please's own releases are automated: its wait is the bot's release pull request waiting for a merge
      doNext:
        'Ship smaller batches more often: automate the release from the main branch (where a bot already opens ' +
        'the release pull request, merge it as soon as it is green), and if a schedule must stay, shorten it ' +
        '(weekly to daily) before adding tooling elsewhere.',
      impact: stageHours({ ...stage, p50 }),
      figure: 'summary.stages.deploy.p50',
      threshold: duration(t.deployWaitP50, input),
    });
  },
  check(input, t) {
    const stage = input.summary.stages.deploy;
    const p50 = stage.p50 ?? stage.atLeast ?? null;
    if (input.deploySignal.kind === 'merge' || !measured(p50)) return null;
    return `deploy wait p50 ${stage.p50 === null ? '≥ ' : ''}${duration(p50, input)} (threshold ${duration(t.deployWaitP50, input)})`;
  },
};

/**
 * `2.47 deploys a week` (the rate as the deploys' section writes it: vite's read "1.3 deploys a week" beside "1.32
 * per week"), `1 deploy every 6.7 weeks`, `no deploy in the window`; of releases, for a repository of several
 * products (react-router's 196 product tags read "3.76 deploys a week" beside a cluster placed by its 29 releases)
 */
function deployRate(perWeek: number, noun: 'deploy' | 'release'): string {
  if (perWeek <= 0) return `no ${noun} in the window`;
  // the words follow the figure as written: 0.98 a week is one every 1.02 weeks, which writes as 1: a rate then
  const weeks = num(1 / perWeek);
  if (perWeek < 1 && weeks !== '1') return `1 ${noun} every ${weeks} weeks`;
  return `${formatPerWeek(perWeek)} ${noun}s a week`;
}
