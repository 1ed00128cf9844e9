import type { Report } from '../../report/schema.js';
import { stageLabel } from '../../stage-labels.js';
import { whatIfText } from '../confidence.js';
import { terminalSafe } from '../sanitize.js';
import { wrap, type TextContext } from './layout.js';

/** What to fix first: one block per row, in the advice rules' order (longest wait first). */
export function recommendations(report: Report, ctx: TextContext): string[] {
  if (report.recommendations.length === 0) return [];
  const { c } = ctx;
  const out = [c.bold('What to fix first')];
  const [first] = report.recommendations;
  // nothing fired: one sentence, not a row of every rule's figure
  if (first?.id === 'healthy') return [...out, wrap(`${terminalSafe(first.measure)}; ${terminalSafe(first.value)}.`, ctx.width)];
  report.recommendations.forEach((r, i) => {
    const number = `${i + 1}. `;
    const pad = ' '.repeat(number.length);
    out.push(wrap(`${number}${c.bold(terminalSafe(r.measure))} · ${terminalSafe(r.value)}`, ctx.width, number.length));
    if (r.whatIf) out.push(wrap(`${pad}what if: ${whatIfText(r.whatIf, stageLabel(r.whatIf.stage, !report.sources.includes('github')), ctx.durations)}`, ctx.width, 2));
    out.push(wrap(`${pad}${terminalSafe(r.tellsYou)}`, ctx.width, 0));
    out.push(wrap(`${pad}→ ${terminalSafe(r.doNext)}`, ctx.width, 2));
  });
  return out;
}
