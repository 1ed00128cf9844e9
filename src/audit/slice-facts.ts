import { GLOB_LIMITS } from '../glob.js';
import { parseCodeowners } from '../model/owners.js';
import type { SliceContext, SliceFacts } from '../model/slices.js';
import type { SliceNeed } from '../model/slice-kind.js';
import { sizeFilter } from '../model/size-filter.js';
import { fromReportChange } from '../report/convert.js';
import type { Report } from '../report/schema.js';
import { commitBefore, readChangedFiles, readCodeowners, readRebaseRuns, type ChangedFile } from '../sources/git/changed-files.js';
import { gitAnswer } from '../sources/git/run.js';
import { isoSeconds } from '../time.js';
import { firstFew } from '../units.js';

/** What slicing a report's changes reads from its repository. */
export interface SliceInput {
  facts: SliceFacts[];
  /** what the repository says beyond each change: its CODEOWNERS file at the window's end (null: none there) */
  context: SliceContext;
  /** where that file is (`.github/CODEOWNERS`) */
  ownersPath: string | null;
  /** the report is of a repository of several products (`summary.products`) */
  products: boolean;
  /** what could not be read of the CODEOWNERS file: one sentence each (too large for GitHub, a pattern past what a glob may cost) */
  warnings: string[];
}

/**
 * Reads, for a report of one repository, what its slices need (`needs`, from the kinds' `meta.needs`): each change
 * as the domain holds it, the files each change of the window touched and their changed lines (`files`), and the
 * CODEOWNERS file at the window's end (`owners`: the tracked branch's last commit before it, else the window's
 * last change). Lines of files left out of sizes (lock files, generated, `linguist-generated`) count 0: they name
 * an owner only when nothing else does.
 */
export async function readSliceInput(report: Report, needs: ReadonlySet<SliceNeed>): Promise<SliceInput> {
  const cwd = report.repository.path;
  const files = needs.has('files');
  const untilAt = isoSeconds(report.window.until) ?? NaN;
  const last = report.changes.reduce<{ sha: string; at: string } | null>((m, c) => (m === null || c.mergedAt > m.at ? { sha: c.sha, at: c.mergedAt } : m), null);
  const end = files || needs.has('owners') ? ((await commitBefore(cwd, report.repository.branch, untilAt)) ?? last?.sha ?? null) : null;
  const codeowners = end === null || !needs.has('owners') ? null : await readCodeowners(cwd, end);
  const attributes = end === null || !files ? '' : ((await gitAnswer(cwd, ['cat-file', '-p', `${end}:.gitattributes`])) ?? '');
  const refused: number[] = [];
  // a rebase merge's files are its commits' (each a first-parent commit of its own), not its last commit's alone
  const runs = files ? await readRebaseRuns(cwd, [...report.changes, ...report.queueOnlyChanges]) : new Map<string, string[]>();
  const changed = files ? await readChangedFiles(cwd, [...report.changes.map((c) => c.sha), ...[...runs.values()].flat()], sizeFilter(attributes)) : new Map<string, ChangedFile[]>();
  const filesOf = (sha: string): ChangedFile[] => [...(changed.get(sha) ?? []), ...(runs.get(sha) ?? []).flatMap((s) => changed.get(s) ?? [])];
  return {
    facts: report.changes.map((c) => ({ id: c.id, change: fromReportChange(c, c.repository), files: filesOf(c.sha) })),
    context: { owners: codeowners === null || !('text' in codeowners) ? null : parseCodeowners(codeowners.text, (line) => refused.push(line)) },
    ownersPath: codeowners !== null && 'text' in codeowners ? codeowners.path : null,
    products: report.summary.products !== undefined,
    warnings: codeownersWarnings(codeowners, refused),
  };
}

/** What the report says of a CODEOWNERS file it could not read whole (`refused`: the lines of patterns left out). */
function codeownersWarnings(file: { path: string; tooLarge: number } | { path: string; text: string } | null, refused: readonly number[]): string[] {
  if (file === null) return [];
  if ('tooLarge' in file) return [`${file.path} is ${file.tooLarge} bytes: GitHub loads no CODEOWNERS file of 3 MB or more, so every change is unowned`];
  if (refused.length === 0) return [];
  const lines = firstFew(refused, 5);
  return [`${file.path}: ${refused.length === 1 ? 'the pattern on line' : 'the patterns on lines'} ${lines} ${refused.length === 1 ? 'is' : 'are'} past what one glob may cost (over ${GLOB_LIMITS.length} characters or ${GLOB_LIMITS.wildcards} wildcards) and left out`];
}
