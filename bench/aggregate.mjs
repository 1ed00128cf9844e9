// Aggregate section of the benchmark: `flowaudit aggregate` over an organisation of 1,000 two-year JSON reports
// (bench/org-reports.mjs builds them once into bench/.work/org/) against a plain `JSON.parse` of the same files,
// in the same run, runs interleaved so both see the same load. Targets (issue 10): at most 2x the time of the
// parse, at most 512 MB peak RSS, and an output of a few MB.
//
// Usage: imported by bench/run.mjs (`npm run bench`, `node bench/run.mjs --only aggregate`), after `npm run build`.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasGnuTime, measureInterleaved, runLine, timeOnce } from './measure.mjs';
import { DEFAULT_REPORTS, ensureOrgReports } from './org-reports.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const PARSE = path.join(BENCH_DIR, 'parse-reports.mjs');
const OUTPUT = path.join(BENCH_DIR, '.work', 'org-aggregate.json');
const TARGET_RATIO = 2;
const TARGET_RSS_MB = 512;

/**
 * @param {{ root: string, opts: { runs: number, timeoutS: number, reports?: number }, print: (...a: unknown[]) => void }} ctx
 * @returns {Promise<Array<Record<string, unknown>>>}
 */
export default async function runAggregateBench({ root, opts, print }) {
  const bin = path.join(root, 'bin', 'flowaudit.js');
  let org;
  try {
    org = await ensureOrgReports({ reports: opts.reports ?? DEFAULT_REPORTS, log: print });
  } catch (err) {
    return [{ line: `aggregate: cannot build the reports: ${err.message}` }];
  }
  const { files } = org;
  print(`org reports ${path.relative(process.cwd(), org.dir)}: ${files.length} reports, ${org.changes} changes, ${(org.bytes / 2 ** 20).toFixed(0)} MB of JSON${org.rebuilt ? `, built in ${org.seconds} s` : ''}`);
  const timeoutMs = opts.timeoutS * 1000;
  const env = { ...process.env, NO_COLOR: '1' };
  const commands = [
    { label: 'JSON.parse of every report (baseline)', cmd: process.execPath, args: [PARSE, ...files], baseline: true },
    // as a user's shell runs it: the bin through its shebang
    { label: 'flowaudit aggregate --format json', cmd: bin, args: ['aggregate', ...files, '--format', 'json', '-o', OUTPUT], target: true },
  ];
  print(`measuring, ${opts.runs} run(s) each, interleaved:`);
  const measured = await measureInterleaved(commands, {
    runs: opts.runs, cwd: root, env, timeoutMs,
    onRun: (c, i, r) => print(runLine(c.label, i, opts.runs, r)),
  });
  const failed = commands.findIndex((_c, k) => !measured[k].ok);
  if (failed !== -1) return [{ command: commands[failed].label, error: `failed: ${measured[failed].error}` }];
  const [base, agg] = measured;
  const ratio = agg.wallS / base.wallS;
  const outMB = fs.statSync(OUTPUT).size / 2 ** 20;
  const rows = [
    { command: commands[0].label, wallS: base.wallS, rssMB: base.rssMB, ratio: 1 },
    { command: commands[1].label, wallS: agg.wallS, rssMB: agg.rssMB, ratio, outputMB: outMB },
  ];

  // every change listed as well: streamed, so memory stays bounded while the output is hundreds of MB
  const listed = `${OUTPUT}.with-changes`;
  const full = await timeOnce(bin, ['aggregate', ...files, '--format', 'json', '--with-changes', '-o', listed], { cwd: root, env, timeoutMs });
  if (full.ok) {
    rows.push({ command: 'flowaudit aggregate --with-changes (1 run)', wallS: full.wallS, rssMB: full.rssKB == null ? null : full.rssKB / 1024, ratio: full.wallS / base.wallS, outputMB: fs.statSync(listed).size / 2 ** 20 });
  } else {
    rows.push({ command: 'flowaudit aggregate --with-changes', error: `failed: ${full.stderr.trim().split('\n')[0] ?? ''}` });
  }
  fs.rmSync(listed, { force: true });

  rows.push({ line: `target: time <= ${TARGET_RATIO}x the parse -> ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'} (${ratio.toFixed(2)}x: ${agg.wallS.toFixed(2)} s vs ${base.wallS.toFixed(2)} s, median of ${opts.runs})` });
  rows.push({ line: agg.rssMB == null
    ? `target: peak RSS <= ${TARGET_RSS_MB} MB -> FAIL (not measured: ${hasGnuTime() ? 'no GNU time report' : '/usr/bin/time missing'})`
    : `target: peak RSS <= ${TARGET_RSS_MB} MB -> ${agg.rssMB <= TARGET_RSS_MB ? 'PASS' : 'FAIL'} (${agg.rssMB.toFixed(0)} MB, the largest of ${opts.runs})` });
  rows.push({ line: `output: ${outMB.toFixed(1)} MB of JSON (${files.length} repositories' rows and summaries, no change listed)` });
  return rows;
}
