import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * One step of a fixture repository's plan. Every date is pinned, so each stage's truth is known by
 * construction. `id` names the resulting commit for `sha(id)`; a file given as null is removed, and `from` a
 * branch may name an id.
 */
export type Step =
  | { commit: string | ((sha: (id: string) => string) => string); on?: string; at: string; authorAt?: string; author?: string; committer?: string; files?: Record<string, string | null>; id?: string }
  | { branch: string; from?: string }
  | { merge: string; into?: string; at: string; message: string; author?: string; id?: string }
  | { tag: string; ref?: string; at?: string; annotated?: boolean };

export interface FixtureRepo {
  dir: string;
  sha(id: string): string;
  git(...args: string[]): string;
  cleanup(): void;
}

const IDENTITY = { name: 'Ada Lovelace', email: 'ada@example.com' };

/** Builds a repository in a temp dir from `plan`: branch main, fixed identity, no signing, no gc. */
export function buildRepo(plan: Step[], options: { bare?: boolean } = {}): FixtureRepo {
  const dir = mkdtempSync(join(tmpdir(), 'flowaudit-fixture-'));
  const ids = new Map<string, string>();
  const run = (args: string[], env: Record<string, string> = {}): string =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_AUTHOR_NAME: IDENTITY.name,
        GIT_AUTHOR_EMAIL: IDENTITY.email,
        GIT_COMMITTER_NAME: IDENTITY.name,
        GIT_COMMITTER_EMAIL: IDENTITY.email,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  run(['init', '-q', '-b', 'main']);
  run(['config', 'commit.gpgsign', 'false']);
  run(['config', 'tag.gpgsign', 'false']);
  run(['config', 'gc.auto', '0']);
  run(['config', 'merge.ff', 'false']);
  let counter = 0;
  for (const step of plan) {
    if ('commit' in step) {
      if (step.on) run(['checkout', '-q', step.on]);
      const message = typeof step.commit === 'function' ? step.commit((id) => ids.get(id) ?? '') : step.commit;
      const files = step.files ?? { [`file-${++counter}.txt`]: `${message}\n` };
      for (const [path, content] of Object.entries(files)) {
        if (content === null) {
          run(['rm', '-q', '--', path]);
          continue;
        }
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
        run(['add', '--', path]);
      }
      const [name, email] = step.author ? parseAuthor(step.author) : [IDENTITY.name, IDENTITY.email];
      const [committerName, committerEmail] = step.committer ? parseAuthor(step.committer) : [IDENTITY.name, IDENTITY.email];
      run(['commit', '-q', '--allow-empty', '-m', message], {
        GIT_AUTHOR_DATE: step.authorAt ?? step.at,
        GIT_COMMITTER_DATE: step.at,
        GIT_AUTHOR_NAME: name,
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: committerName,
        GIT_COMMITTER_EMAIL: committerEmail,
      });
      if (step.id) ids.set(step.id, run(['rev-parse', 'HEAD']));
    } else if ('branch' in step) {
      run(['branch', step.branch, step.from === undefined ? 'HEAD' : (ids.get(step.from) ?? step.from)]);
    } else if ('merge' in step) {
      run(['checkout', '-q', step.into ?? 'main']);
      const [name, email] = step.author ? parseAuthor(step.author) : [IDENTITY.name, IDENTITY.email];
      run(['merge', '-q', '--no-ff', '-m', step.message, step.merge], { GIT_AUTHOR_DATE: step.at, GIT_COMMITTER_DATE: step.at, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email });
      if (step.id) ids.set(step.id, run(['rev-parse', 'HEAD']));
    } else if ('tag' in step) {
      const ref = step.ref ? (ids.get(step.ref) ?? step.ref) : 'HEAD';
      if (step.annotated) run(['tag', '-a', '-m', step.tag, step.tag, ref], { GIT_COMMITTER_DATE: step.at ?? '2026-01-01T00:00:00Z' });
      else run(['tag', step.tag, ref]);
    }
  }
  run(['checkout', '-q', 'main']);
  let root = dir;
  if (options.bare) {
    root = mkdtempSync(join(tmpdir(), 'flowaudit-bare-'));
    execFileSync('git', ['clone', '-q', '--mirror', dir, root], { stdio: 'ignore' });
  }
  return {
    dir: root,
    sha: (id) => {
      const sha = ids.get(id);
      if (!sha) throw new Error(`no commit with id ${id} in the plan`);
      return sha;
    },
    git: (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim(),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      if (root !== dir) rmSync(root, { recursive: true, force: true });
    },
  };
}

function parseAuthor(author: string): [string, string] {
  const m = /^(.*?)\s*<([^>]*)>$/.exec(author);
  return m ? [m[1] ?? '', m[2] ?? ''] : [author, `${author}@example.com`];
}

/** Lines "1\n2\n…n\n": a file whose numstat is exactly n additions. */
export function lines(n: number): string {
  return Array.from({ length: n }, (_, i) => `${i + 1}`).join('\n') + '\n';
}
