import { figureLabel } from '../../metrics/catalogue.js';
import { clusterText } from '../band.js';
import type { Report } from '../../report/schema.js';
import { plural } from '../../units.js';
import { deployRateText, durationOrBound, formatRatio, formatDuration, keyText } from '../duration.js';
import { DEPLOY_CHANGES_NOTE } from '../format.js';
import { UNLINKED_LEAD, unlinkedText } from '../incidents.js';
import { terminalSafe } from '../sanitize.js';
import { fitTable, formatTime, wrap, type TextContext } from './layout.js';
import { append } from '../../lists.js';

const RECENT = 8;

/** Deploys per week and the DORA keys with their bands, then the last deploys (failed and rollbacks marked). */
export function deploys(report: Report, ctx: TextContext): string[] {
  const { c } = ctx;
  const d = report.summary.dora;
  const freq = d.deploymentFrequency;
  const cfr = d.changeFailureRate;
  const out = [c.bold('Deploys')];
  out.push(
    wrap(
      (freq.value === null && freq.coveredDays !== undefined ? deployRateText(freq) : `${plural(freq.count, 'deploy')} in the window · ${deployRateText(freq)}`) +
        (clusterText(freq) ? ` · ${clusterText(freq)}` : ''),
      ctx.width,
    ),
  );
  // what placed the band, or why none: the pages beside it say it too (react-router's 75 deploys in 11 releases)
  if (freq.note) out.push(c.dim(wrap(`${figureLabel('dora.deploymentFrequency')}: ${freq.note}`, ctx.width)));
  out.push(
    wrap(
      `${figureLabel('dora.leadTime')} ${durationOrBound(d.leadTime.value, report.summary.leadTime.atLeast, ctx.durations)}${clusterText(d.leadTime) ? ` (${clusterText(d.leadTime)})` : ''}` +
        ` · ${keyText(figureLabel('dora.changeFailureRate'), cfr, formatRatio(cfr.value))}${clusterText(cfr) ? ` (${clusterText(cfr)})` : ''}` +
        ` · ${keyText(figureLabel('dora.timeToRestore'), d.timeToRestore, formatDuration(d.timeToRestore.value, ctx.durations))}${clusterText(d.timeToRestore) ? ` (${clusterText(d.timeToRestore)})` : ''}` +
        ` · ${figureLabel('dora.reworkRate')} ${formatRatio(d.reworkRate.value)}`,
      ctx.width,
    ),
  );
  const recent = report.deploys.slice(-RECENT);
  if (recent.length === 0) return out;
  if (report.deploys.length > recent.length) out.push(c.dim(`the last ${recent.length} of ${report.deploys.length}:`));
  const marks = recent.map((deploy) => [deploy.rollback ? 'rollback' : '', deploy.failed ? 'failed' : ''].filter(Boolean).join(', '));
  const marked = marks.some((mark) => mark !== '');
  const rows = recent.map((deploy, i) => {
    const row = [terminalSafe(deploy.ref), formatTime(deploy.at, ctx.timeZone), String(deploy.changes)];
    return marked ? [...row, marks[i] ? c.red(marks[i]) : ''] : row;
  });
  // the status column only when one of the rows has something to say
  const columns = [{ head: 'deploy' }, { head: `at (${ctx.timeZone})` }, { head: 'changes', align: 'right' as const }, ...(marked ? [{ head: 'status' }] : [])];
  out.push(fitTable(columns, rows, ctx), c.dim(wrap(DEPLOY_CHANGES_NOTE.replace(/^Changes/, 'changes'), ctx.width)));
  append(out, failedDeploys(report, ctx));
  const unlinked = report.unlinkedIncidents ?? [];
  if (unlinked.length > 0) append(out, [ctx.c.dim(UNLINKED_LEAD), ...unlinked.map((i) => wrap(`  ${terminalSafe(unlinkedText(i))}`, ctx.width))]);
  return out;
}

/** Every failed deploy of the window with why it failed (revert, rollback, failed status, incident) and its restore. */
function failedDeploys(report: Report, ctx: TextContext): string[] {
  const failed = report.deploys.filter((deploy) => deploy.failed);
  if (failed.length === 0) return [];
  return [
    ctx.c.dim(`${failed.length === 1 ? 'the failed deploy' : `the ${failed.length} failed deploys`}, and why:`),
    ...failed.map((deploy) => {
      const why = deploy.failureReasons.length > 0 ? deploy.failureReasons.join('; ') : 'no reason recorded';
      const restored = deploy.restoredAfter === null ? '' : `; restored after ${formatDuration(deploy.restoredAfter, ctx.durations)}`;
      return wrap(`  ${ctx.c.red('failed')} ${terminalSafe(deploy.ref)} ${formatTime(deploy.at, ctx.timeZone)}: ${terminalSafe(why)}${restored}`, ctx.width);
    }),
  ];
}
