import { parseCodeowners, type Owners } from '../model/owners.js';
import type { SliceFacts } from '../model/slices.js';
import { sizeFilter } from '../model/size-filter.js';
import type { Report } from '../report/schema.js';
import { commitBefore, readChangedFiles, readCodeowners } from '../sources/git/changed-files.js';
import { gitAnswer } from '../sources/git/run.js';
import { isoSeconds } from '../time.js';

/** What slicing a report's changes reads from its repository. */
export interface SliceInput {
  facts: SliceFacts[];
  /** the CODEOWNERS file at the window's end; null when the repository has none there */
  owners: Owners | null;
  /** where that file is (`.github/CODEOWNERS`) */
  ownersPath: string | null;
}

/**
 * Reads, for a report of one repository, what its slices need: the files each change of the window touched and
 * their changed lines (`files`: only when a slice reads them), and the CODEOWNERS file at the window's end
 * (the tracked branch's last commit before it, else the window's last change). Lines of files left out of
 * sizes (lock files, generated, `linguist-generated`) count 0: they name an owner only when nothing else does.
 */
export async function readSliceInput(report: Report, files: boolean): Promise<SliceInput> {
  const cwd = report.repository.path;
  const untilAt = isoSeconds(report.window.until) ?? NaN;
  const last = report.changes.reduce<{ sha: string; at: string } | null>((m, c) => (m === null || c.mergedAt > m.at ? { sha: c.sha, at: c.mergedAt } : m), null);
  const end = files ? ((await commitBefore(cwd, report.repository.branch, untilAt)) ?? last?.sha ?? null) : null;
  const codeowners = end === null ? null : await readCodeowners(cwd, end);
  const attributes = end === null ? '' : ((await gitAnswer(cwd, ['cat-file', '-p', `${end}:.gitattributes`])) ?? '');
  const changed = files ? await readChangedFiles(cwd, report.changes.map((c) => c.sha), sizeFilter(attributes)) : new Map();
  return {
    facts: report.changes.map((c) => ({
      id: c.id,
      files: changed.get(c.sha) ?? [],
      labels: c.labels ?? [],
      products: c.products ?? [],
      aiAssisted: c.aiAssisted,
      bot: c.bot,
      author: c.author,
    })),
    owners: codeowners === null ? null : parseCodeowners(codeowners.text),
    ownersPath: codeowners?.path ?? null,
  };
}
